import { randomUUID } from 'node:crypto';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { AppError, type AppErrorShape, userError } from '../../../shared/contract/errors.ts';
import type { JobName, JobParams, JobResult } from './registry.ts';
import type { ProgressReport, WorkerMessage } from './types.ts';

/** The worker script: the bundled file in a packaged app, the TypeScript source otherwise. */
export function workerFile(): URL | string {
  return process.env.NOTICE_DESK_WORKER_FILE ?? new URL('./worker.ts', import.meta.url);
}

export interface RunJobOptions {
  onProgress?: (report: ProgressReport & { jobId: string }) => void;
  signal?: AbortSignal;
  jobId?: string;
  /** Heap limits of the worker (a bulk import keeps V8's young generation small to stay flat). */
  resourceLimits?: ResourceLimits;
  /** How long the worker may take to exit after its report (WORKER_EXIT_GRACE_MS). */
  exitGraceMs?: number;
  /** Called once the worker's thread has ended, with its exit code (1 when it was terminated). */
  onExit?: (code: number) => void;
}

/**
 * How long a worker that has reported may take to exit on its own before it is terminated. A job
 * closes its connections before it reports, so its thread normally ends at once.
 */
export const WORKER_EXIT_GRACE_MS = 10_000;

/**
 * Runs a job in a fresh worker thread so the calling thread (Electron's main thread, the bridge's
 * event loop) never blocks. Cancelling asks the job to stop (an import stops between two chunks of
 * its file and rolls its transaction back) and terminates the worker if it has not ended within the
 * grace period: an open SQLite transaction is then never committed either, so the workspace stays as
 * it was before the job.
 *
 * A worker that has reported is left to exit by itself, and terminated only if it has not within
 * WORKER_EXIT_GRACE_MS. Terminating it at once stopped its thread wherever it was — in
 * better-sqlite3's native code finalizing statements, or tearing its isolate down — and full test
 * runs lost one to three processes per run to a SIGSEGV or a V8 abort on a worker thread
 * (better-sqlite3 issues #1476 and #1507 describe the same: V8's TerminateExecution cannot stop a
 * native frame, and the addon then faults).
 */
export function runJob<K extends JobName>(
  kind: K,
  params: JobParams<K>,
  options: RunJobOptions = {},
): Promise<JobResult<K>> {
  const jobId = options.jobId ?? randomUUID();
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(userError('cancelled', 'workspace.job-cancelled-before'));
      return;
    }
    const worker = new Worker(workerFile(), { workerData: { kind, params }, resourceLimits: options.resourceLimits });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      fn();
    };
    let exited = false;
    // After its report the worker only has to wind down: it must not keep the process alive, and
    // is terminated if it is still there after the grace period.
    const release = () => {
      worker.unref();
      const timer = setTimeout(() => {
        if (!exited) void worker.terminate();
      }, options.exitGraceMs ?? WORKER_EXIT_GRACE_MS);
      timer.unref();
    };
    // Cancelling asks the job to stop (it keeps nothing: an import rolls back, or deletes what it had
    // sent to a warehouse) and rejects at once; a job still running after the grace period is terminated.
    const onAbort = () => {
      finish(() => reject(userError('cancelled', 'workspace.job-cancelled')));
      worker.postMessage({ type: 'cancel' });
      release();
    };
    options.signal?.addEventListener('abort', onAbort);
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') options.onProgress?.({ ...message.report, jobId });
      else if (message.type === 'done') {
        finish(() => resolve(message.result as JobResult<K>));
        release();
      } else {
        // The whole shape, so an error worded in both languages keeps its key and params.
        finish(() => reject(AppError.fromShape(message.error as AppErrorShape)));
        release();
      }
    });
    worker.on('error', (error) => finish(() => reject(userError('internal', 'workspace.worker-stopped', { reason: error.message }))));
    worker.on('exit', (code) => {
      exited = true;
      options.onExit?.(code);
      finish(() => reject(userError('internal', 'workspace.worker-stopped', { reason: `exit code ${code}` })));
    });
  });
}
