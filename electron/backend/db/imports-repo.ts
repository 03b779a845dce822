import type { GenericMapping, ImportSummary } from '../../../shared/contract/imports.ts';
import type { Db } from './connection.ts';

/** The provenance of a new import: the fields of its summary known when it starts. */
export type NewImport = Pick<
  ImportSummary,
  'fileName' | 'filePath' | 'sizeBytes' | 'sha256' | 'adapter' | 'kind' | 'encoding' | 'mapping' | 'timeZone' | 'startedAt'
>;

/** Inserts an import row (inside the file's transaction) and returns its id. */
export function insertImport(db: Db, i: NewImport): number {
  const info = db
    .prepare(
      `INSERT INTO imports (file_name, file_path, size_bytes, sha256, adapter, kind, encoding, mapping_json, time_zone, started_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(i.fileName, i.filePath, i.sizeBytes, i.sha256, i.adapter, i.kind, i.encoding,
      i.mapping ? JSON.stringify(i.mapping) : null, i.timeZone, i.startedAt);
  return Number(info.lastInsertRowid);
}

/** Records an import's final counts (and its hash, known only once the file was read whole). */
export function finishImport(
  db: Db,
  id: number,
  done: { sha256: string; kind: string; finishedAt: number; rowsRead: number; imported: number; duplicates: number; rejected: number },
): void {
  db.prepare(
    `UPDATE imports SET sha256 = ?, kind = ?, finished_at = ?, rows_read = ?, imported = ?, duplicates = ?, rejected = ?
      WHERE id = ?`,
  ).run(done.sha256, done.kind, done.finishedAt, done.rowsRead, done.imported, done.duplicates, done.rejected, id);
}

interface ImportDbRow {
  id: number;
  file_name: string;
  file_path: string | null;
  size_bytes: number;
  sha256: string;
  adapter: string;
  kind: string;
  encoding: string;
  mapping_json: string | null;
  time_zone: string;
  started_at: number;
  finished_at: number | null;
  rows_read: number;
  imported: number;
  duplicates: number;
  rejected: number;
}

/** Every import, newest first. */
export function listImports(db: Db): ImportSummary[] {
  const rows = db.prepare('SELECT * FROM imports ORDER BY id DESC').all() as ImportDbRow[];
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    filePath: r.file_path,
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    adapter: r.adapter,
    kind: r.kind,
    encoding: r.encoding,
    mapping: r.mapping_json ? (JSON.parse(r.mapping_json) as GenericMapping) : null,
    timeZone: r.time_zone,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    rowsRead: r.rows_read,
    imported: r.imported,
    duplicates: r.duplicates,
    rejected: r.rejected,
  }));
}

/** True when an import with this id exists. */
export function importExists(db: Db, id: number): boolean {
  return db.prepare('SELECT 1 FROM imports WHERE id = ?').get(id) !== undefined;
}

/** Deletes one import; its events and rejects go with it (ON DELETE CASCADE). */
export function deleteImportRow(db: Db, id: number): void {
  db.prepare('DELETE FROM imports WHERE id = ?').run(id);
}
