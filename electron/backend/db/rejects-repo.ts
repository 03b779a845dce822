import type { RejectRow } from '../../../shared/contract/imports.ts';
import type { Db } from './connection.ts';
import type Database from 'better-sqlite3';

/** A prepared insert for one import's rejects. */
export function prepareRejectInsert(db: Db): Database.Statement<[number, number, string | null, string, string]> {
  return db.prepare('INSERT INTO rejects (import_id, line, column_name, reason, raw_text) VALUES (?, ?, ?, ?, ?)');
}

interface RejectDbRow {
  id: number;
  import_id: number;
  file_name: string;
  line: number;
  column_name: string | null;
  reason: string;
  raw_text: string;
}

function toReject(r: RejectDbRow): RejectRow {
  return {
    id: r.id,
    importId: r.import_id,
    fileName: r.file_name,
    line: r.line,
    column: r.column_name,
    reason: r.reason,
    rawText: r.raw_text,
  };
}

/** Rejects of one import (or all when `importId` is null), in file and line order, paged. */
export function listRejects(
  db: Db,
  importId: number | null,
  offset: number,
  limit: number,
): { total: number; rows: RejectRow[] } {
  const total = db
    .prepare('SELECT count(*) FROM rejects WHERE (@id IS NULL OR import_id = @id)')
    .pluck()
    .get({ id: importId }) as number;
  const rows = db
    .prepare(
      `SELECT r.id, r.import_id, i.file_name, r.line, r.column_name, r.reason, r.raw_text
         FROM rejects r JOIN imports i ON i.id = r.import_id
        WHERE (@id IS NULL OR r.import_id = @id)
        ORDER BY r.import_id DESC, r.line, r.id LIMIT @limit OFFSET @offset`,
    )
    .all({ id: importId, limit, offset }) as RejectDbRow[];
  return { total, rows: rows.map(toReject) };
}

/** Every reject of one import (or all), streamed in order (for CSV export). */
export function* iterateRejects(db: Db, importId: number | null): Generator<RejectRow> {
  const stmt = db.prepare(
    `SELECT r.id, r.import_id, i.file_name, r.line, r.column_name, r.reason, r.raw_text
       FROM rejects r JOIN imports i ON i.id = r.import_id
      WHERE (@id IS NULL OR r.import_id = @id)
      ORDER BY r.import_id, r.line, r.id`,
  );
  for (const row of stmt.iterate({ id: importId }) as IterableIterator<RejectDbRow>) yield toReject(row);
}
