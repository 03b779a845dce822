import type { Db } from '../connection.ts';

/** One numbered, append-only schema step. */
export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
  /**
   * Run with foreign-key enforcement off (SQLite's procedure for rebuilding a table that others
   * reference: dropping it would otherwise cascade to their rows). `migrate` turns it off before the
   * transaction, runs `PRAGMA foreign_key_check` before committing, and turns it back on.
   */
  foreignKeysOff?: true;
}
