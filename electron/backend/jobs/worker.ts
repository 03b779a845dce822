import { parentPort, workerData } from 'node:worker_threads';
import { AppError, userError } from '../../../shared/contract/errors.ts';
import { jobs, type JobName } from './registry.ts';
import type { WorkerMessage } from './types.ts';

/** Entry point of the backend worker: runs one job named in workerData and reports by message. */
async function main(): Promise<void> {
  const { kind, params } = workerData as { kind: JobName; params: unknown };
  const post = (message: WorkerMessage) => parentPort?.postMessage(message);
  // The caller's cancel (run-job.ts) reaches the job as an aborted signal; the listener is removed
  // once the job has ended, so that nothing keeps the thread alive.
  const cancel = new AbortController();
  const onMessage = (message: unknown) => {
    if ((message as { type?: string } | null)?.type === 'cancel') cancel.abort();
  };
  parentPort?.on('message', onMessage);
  try {
    const job = jobs[kind] as (p: unknown, progress: (r: unknown) => void, signal: AbortSignal) => unknown;
    if (!job) throw userError('internal', 'jobs.unknown', { job: String(kind) });
    const result = await job(params, (report) => post({ type: 'progress', report } as WorkerMessage), cancel.signal);
    parentPort?.off('message', onMessage);
    post({ type: 'done', result });
  } catch (error) {
    parentPort?.off('message', onMessage);
    const shape =
      error instanceof AppError
        ? error.toShape()
        : { code: 'internal', message: error instanceof Error ? error.message : String(error) };
    post({ type: 'error', error: shape });
  }
}

void main();
