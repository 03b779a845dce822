/**
 * Multi-row statements for the rollup flush: rows are gathered and written `batch` at a time in one
 * `INSERT … VALUES (…), (…) <tail>` (an upsert tail applies per row), which halves the per-row
 * cost of thousands of small upserts.
 */
import type Database from 'better-sqlite3';
import type { Db } from './connection.ts';

type Value = string | number | null;

/** Gathers rows for one multi-row statement. */
export interface BatchWriter {
  /** Queues one row (`columns` values). */
  add(...values: Value[]): void;
  /** Writes what is queued. */
  flush(): void;
}

/** A batch writer for `INSERT INTO table (columns…) VALUES … tail` with `columns` values per row. */
export function batchWriter(db: Db, head: string, columns: number, tail: string): BatchWriter {
  const batch = Math.max(1, Math.floor(960 / columns));
  const tuple = `(${Array(columns).fill('?').join(', ')})`;
  const cache = new Map<number, Database.Statement>();
  let params: Value[] = [];
  let rows = 0;
  const statement = (n: number) => {
    let stmt = cache.get(n);
    if (!stmt) cache.set(n, (stmt = db.prepare(`${head} VALUES ${Array(n).fill(tuple).join(', ')} ${tail}`)));
    return stmt;
  };
  // Only two statements are ever prepared (a full batch and one row): a statement per remainder
  // size would pile up compiled statements (memory) over a long import.
  const flush = () => {
    if (rows === batch) statement(batch).run(params);
    else for (let i = 0; i < rows; i++) statement(1).run(params.slice(i * columns, (i + 1) * columns));
    params = [];
    rows = 0;
  };
  return {
    add(...values) {
      for (const v of values) params.push(v);
      if (++rows === batch) flush();
    },
    flush,
  };
}

/** Multi-row versions of the busiest rollup upserts (same SQL as rollup-writers.ts `prepareWriters`). */
export function rollupBatchWriters(db: Db) {
  return {
    notif: batchWriter(
      db,
      'INSERT INTO rollup_notifications_daily (day, sender_id, category, status, network, messages, known_bytes_messages, known_bytes)',
      8,
      `ON CONFLICT DO UPDATE SET messages = messages + excluded.messages,
         known_bytes_messages = known_bytes_messages + excluded.known_bytes_messages,
         known_bytes = known_bytes + excluded.known_bytes`,
    ),
    template: batchWriter(
      db,
      'INSERT INTO rollup_templates_daily (day, sender_id, template_id, category, messages)',
      5,
      'ON CONFLICT DO UPDATE SET messages = messages + excluded.messages',
    ),
    coverage: batchWriter(
      db,
      `INSERT INTO rollup_coverage_daily
         (day, sender_id, category, pairs, covered, noticed, opted, lag_1h, lag_1d, lag_7d, lag_30d, lag_90d, lag_more)`,
      13,
      `ON CONFLICT DO UPDATE SET pairs = pairs + excluded.pairs, covered = covered + excluded.covered,
         noticed = noticed + excluded.noticed, opted = opted + excluded.opted, lag_1h = lag_1h + excluded.lag_1h,
         lag_1d = lag_1d + excluded.lag_1d, lag_7d = lag_7d + excluded.lag_7d, lag_30d = lag_30d + excluded.lag_30d,
         lag_90d = lag_90d + excluded.lag_90d, lag_more = lag_more + excluded.lag_more`,
    ),
    firstDaily: batchWriter(
      db,
      'INSERT INTO rollup_first_daily (scope, day, sender_id, category, network, messages, known_bytes_messages)',
      7,
      `ON CONFLICT DO UPDATE SET messages = messages + excluded.messages,
         known_bytes_messages = known_bytes_messages + excluded.known_bytes_messages`,
    ),
  };
}
