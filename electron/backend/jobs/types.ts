/** What a job reports while it runs. */
export interface ProgressReport {
  phase: string;
  done: number;
  total: number | null;
  message?: string;
  /** Records read so far (imports). */
  rows?: number;
}

/** A long job that runs inside the backend worker. Pure Node: it opens its own connection. */
export type JobFn<P, R> = (params: P, progress: (report: ProgressReport) => void) => Promise<R> | R;

/** Messages from the worker to its parent. */
export type WorkerMessage =
  | { type: 'progress'; report: ProgressReport }
  | { type: 'done'; result: unknown }
  | { type: 'error'; error: { code: string; message: string; details?: unknown } };
