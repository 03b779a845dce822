import type { WatchLogEntry } from '../../../shared/contract/imports.ts';
import type { Db } from './connection.ts';

/** Records what the watched folder did with one file. */
export function insertWatchLog(
  db: Db,
  e: { fileName: string; fileKey: string; outcome: WatchLogEntry['outcome']; message: string; importId: number | null },
): void {
  db.prepare('INSERT INTO watch_log (at, file_name, file_key, outcome, message, import_id) VALUES (?, ?, ?, ?, ?, ?)').run(
    Date.now(), e.fileName, e.fileKey, e.outcome, e.message, e.importId,
  );
}

/** True when this exact file (name, size, time) was already taken or refused. */
export function watchLogHas(db: Db, fileKey: string): boolean {
  return db.prepare('SELECT 1 FROM watch_log WHERE file_key = ?').get(fileKey) !== undefined;
}

/** The newest log entries. */
export function listWatchLog(db: Db, limit: number): WatchLogEntry[] {
  const rows = db
    .prepare('SELECT id, at, file_name, outcome, message, import_id FROM watch_log ORDER BY id DESC LIMIT ?')
    .all(limit) as { id: number; at: number; file_name: string; outcome: WatchLogEntry['outcome']; message: string; import_id: number | null }[];
  return rows.map((r) => ({ id: r.id, at: r.at, fileName: r.file_name, outcome: r.outcome, message: r.message, importId: r.import_id }));
}
