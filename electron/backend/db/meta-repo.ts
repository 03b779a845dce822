import type { Db } from './connection.ts';

/** Reads one workspace setting (JSON) or returns the fallback. */
export function getMeta<T>(db: Db, key: string, fallback: T): T {
  const row = db.prepare('SELECT value FROM workspace_meta WHERE key = ?').get(key) as
    | { value: string }
    | undefined;
  if (!row) return fallback;
  try {
    return JSON.parse(row.value) as T;
  } catch {
    return fallback;
  }
}

/** Writes one workspace setting (JSON). */
export function setMeta(db: Db, key: string, value: unknown): void {
  db.prepare(
    'INSERT INTO workspace_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value));
}

/** Removes one workspace setting. */
export function deleteMeta(db: Db, key: string): void {
  db.prepare('DELETE FROM workspace_meta WHERE key = ?').run(key);
}
