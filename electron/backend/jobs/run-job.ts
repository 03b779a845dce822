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
}

/**
 * Runs a job in a fresh worker thread so the calling thread (Electron's main thread, the bridge's
 * event loop) never blocks. Cancelling terminates the worker: an open SQLite transaction is then
 * never committed, so the workspace stays as it was before the job.
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
    const onAbort = () => {
      finish(() => reject(userError('cancelled', 'workspace.job-cancelled')));
      void worker.terminate();
    };
    options.signal?.addEventListener('abort', onAbort);
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') options.onProgress?.({ ...message.report, jobId });
      else if (message.type === 'done') {
        finish(() => resolve(message.result as JobResult<K>));
        void worker.terminate();
      } else {
        // The whole shape, so an error worded in both languages keeps its key and params.
        finish(() => reject(AppError.fromShape(message.error as AppErrorShape)));
        void worker.terminate();
      }
    });
    worker.on('error', (error) => finish(() => reject(userError('internal', 'workspace.worker-stopped', { reason: error.message }))));
    worker.on('exit', (code) => {
      finish(() => reject(userError('internal', 'workspace.worker-stopped', { reason: `exit code ${code}` })));
    });
  });
}
