import { Worker } from 'node:worker_threads';
import { AppError, type AppErrorShape, userError } from '../../../shared/contract/errors.ts';
import type { Db } from '../db/connection.ts';
import { metricQueries, type MetricQueryName, type MetricQueryResult } from './queries.ts';

/** The worker script: the bundled file in a packaged app, the TypeScript source otherwise. */
function queryWorkerFile(): URL | string {
  return process.env.NOTICE_DESK_QUERY_WORKER_FILE ?? new URL('./query-worker-entry.ts', import.meta.url);
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();

function start(): Worker {
  if (worker) return worker;
  const w = new Worker(queryWorkerFile());
  w.unref();
  w.on('message', (msg: { id: number; result?: unknown; error?: AppErrorShape }) => {
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.error) p.reject(AppError.fromShape(msg.error));
    else p.resolve(msg.result);
  });
  const fail = (error: unknown) => {
    worker = null;
    for (const p of pending.values()) p.reject(userError('internal', 'metrics.worker-stopped', { reason: String(error) }));
    pending.clear();
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(`exit code ${code}`));
  worker = w;
  return w;
}

/**
 * Runs a metric query off the calling thread (Electron's main thread, the bridge's event loop):
 * the query worker reads the workspace file through its own read-only connection.
 */
export function runMetricQueryInWorker<K extends MetricQueryName>(
  file: string,
  name: K,
  input: Record<string, unknown>,
): Promise<MetricQueryResult<K>> {
  const w = start();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
    w.postMessage({ id, path: file, name, input });
  });
}

/**
 * Closes the worker's connection to a workspace (when the app closes or switches it) and resolves
 * once it is closed, so the file can be renamed or deleted right after (Windows refuses while open).
 */
export function closeWorkerConnection(file: string): Promise<void> {
  const w = worker;
  if (!w) return Promise.resolve();
  const id = nextId++;
  return new Promise((resolve) => {
    // A worker that stopped has no connections left: settle either way.
    pending.set(id, { resolve: () => resolve(), reject: () => resolve() });
    w.postMessage({ id, close: file });
  });
}

/**
 * Runs a metric query where it belongs: in the query worker when there is a UI thread to keep
 * free (Electron, browser mode), in-process for the CLI and tests.
 */
export function runMetricQuery<K extends MetricQueryName>(
  session: { path: string; db: Db },
  offThread: boolean,
  name: K,
  input: Record<string, unknown>,
): Promise<MetricQueryResult<K>> | MetricQueryResult<K> {
  if (offThread) return runMetricQueryInWorker(session.path, name, input);
  return metricQueries[name](session.db, input) as MetricQueryResult<K>;
}
