import { parentPort } from 'node:worker_threads';
import { AppError } from '../../../shared/contract/errors.ts';
import { openDatabase, type Db } from '../db/connection.ts';
import { warmRollupColumns } from './rollup-cache.ts';
import { metricQueries, type MetricQueryName } from './queries.ts';

/**
 * The metrics query worker: owns one read-only connection per workspace file and answers
 * `{id, path, name, input}` with `{id, result}` or `{id, error}`. WAL lets it read while the
 * app's own connection (or an import) writes; each query sees the last committed data.
 * In idle time it (re)loads the rollup columns of each open workspace after another connection
 * committed, so the next dashboard query finds them in memory.
 */
const connections = new Map<string, Db>();

function warmAll(): void {
  for (const db of connections.values()) {
    try {
      warmRollupColumns(db);
    } catch {
      // A workspace being migrated or closed: the next query reports any real problem.
    }
  }
}
setInterval(warmAll, 2000).unref();

function connection(file: string): Db {
  let db = connections.get(file);
  if (!db) {
    db = openDatabase(file, { readonly: true });
    connections.set(file, db);
  }
  return db;
}

parentPort?.on('message', (msg: { id: number; path: string; name: MetricQueryName; input: Record<string, unknown> } | { id: number; close: string }) => {
  if ('close' in msg) {
    connections.get(msg.close)?.close();
    connections.delete(msg.close);
    parentPort?.postMessage({ id: msg.id, result: null });
    return;
  }
  try {
    const result = metricQueries[msg.name](connection(msg.path), msg.input);
    parentPort?.postMessage({ id: msg.id, result });
    setTimeout(warmAll, 0).unref();
  } catch (error) {
    const shape =
      error instanceof AppError
        ? error.toShape()
        : { code: 'internal', message: error instanceof Error ? error.message : String(error) };
    parentPort?.postMessage({ id: msg.id, error: shape });
  }
});
