/** What a job reports while it runs. */
export interface ProgressReport {
  phase: string;
  done: number;
  total: number | null;
  message?: string;
  /** Records read so far (imports). */
  rows?: number;
}

/**
 * A long job that runs inside the backend worker. Pure Node: it opens its own connection. `signal` is
 * aborted when the caller cancels: a job that can stop cleanly (an import) stops at its next chance and
 * keeps nothing; one that ignores it is terminated after a grace period (run-job.ts).
 */
export type JobFn<P, R> = (params: P, progress: (report: ProgressReport) => void, signal: AbortSignal) => Promise<R> | R;

/** Messages from the worker to its parent. */
export type WorkerMessage =
  | { type: 'progress'; report: ProgressReport }
  | { type: 'done'; result: unknown }
  | { type: 'error'; error: { code: string; message: string; details?: unknown } };
