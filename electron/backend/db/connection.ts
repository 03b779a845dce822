import Database from 'better-sqlite3';

/** A workspace connection. */
export type Db = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
  /** Fail when the file does not exist (default true for readonly). */
  fileMustExist?: boolean;
}

/**
 * Opens a workspace file with the one connection set-up every process uses: WAL, foreign keys,
 * synchronous FULL (this is evidence a regulator may see: a power cut must not lose a committed
 * import), a busy timeout for the UI/worker pair, and a larger page cache. `trusted_schema` is off:
 * a workspace may come from someone else, so SQL stored in its schema (triggers, views, defaults)
 * may not call functions with side effects; the schema itself is checked on open (schema-check.ts).
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.fileMustExist ?? options.readonly ?? false,
  });
  db.pragma('trusted_schema = OFF');
  db.pragma('busy_timeout = 10000');
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = FULL');
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  return db;
}

/** The file header every SQLite database starts with. */
export const SQLITE_HEADER = 'SQLite format 3\u0000';
