/**
 * Multi-row statements for the rollup flush: rows are gathered and written `batch` at a time in one
 * `INSERT … VALUES (…), (…) <tail>` (an upsert tail applies per row), which halves the per-row
 * cost of thousands of small upserts. The steps declare their own (daily-counts.ts, firsts.ts).
 */
import type Database from 'better-sqlite3';
import type { Db } from '../db/connection.ts';

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
