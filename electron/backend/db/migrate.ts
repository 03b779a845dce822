import fs from 'node:fs';
import path from 'node:path';
import { userError } from '../../../shared/contract/errors.ts';
import { SQLITE_HEADER, type Db } from './connection.ts';
import { latestVersion, migrations } from './migrations/index.ts';
import type { Migration } from './migrations/types.ts';
import { assertTrustedSchema } from './schema-check.ts';

/** The schema version stored in the file's header. */
export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Refuses a workspace written by a newer Notice Desk, before anything touches it.
 */
export function assertNotTooNew(db: Db, file: string): void {
  const version = schemaVersion(db);
  if (version > latestVersion) {
    throw userError(
      'workspace-too-new',
      'workspace.too-new',
      { file: path.basename(file), version, latest: latestVersion },
      { file, version, latestVersion },
    );
  }
}

export interface MigrateResult {
  from: number;
  to: number;
  backup: string | null;
}

/**
 * Brings a workspace to the latest schema, after refusing a newer file and one whose schema the
 * migrations did not make (its triggers would run during the migration). A file that already has data is backed up first
 * (`<file>.backup-v<N>-<time>.sqlite`, with `db.backup`); each migration runs in its own transaction
 * together with its `user_version` bump, so a failure leaves the last good version.
 */
export async function migrate(
  db: Db,
  file: string,
  onStep?: (done: number, total: number, name: string) => void,
  list: readonly Migration[] = migrations,
): Promise<MigrateResult> {
  assertNotTooNew(db, file);
  assertTrustedSchema(db, file, list);
  const from = schemaVersion(db);
  const pending = list.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from, backup: null };
  let backup: string | null = null;
  if (from > 0 && file !== ':memory:') {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    backup = `${file}.backup-v${from}-${stamp}.sqlite`;
    await db.backup(backup);
  }
  pending.forEach((m, i) => {
    onStep?.(i, pending.length, m.name);
    const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
    if (m.foreignKeysOff) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        m.up(db);
        if (m.foreignKeysOff) {
          const broken = db.pragma('foreign_key_check') as unknown[];
          if (broken.length) throw new Error(`${m.name}: ${broken.length} rows break a foreign key after the rebuild`);
        }
        db.pragma(`user_version = ${m.version}`);
      })();
    } finally {
      if (m.foreignKeysOff && foreignKeys) db.pragma('foreign_keys = ON');
    }
  });
  onStep?.(pending.length, pending.length, 'done');
  return { from, to: schemaVersion(db), backup };
}

/** True when a path names a file that is not a SQLite database (so must never be overwritten). */
export function isForeignFile(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const stat = fs.statSync(file);
  if (!stat.isFile()) return true;
  if (stat.size === 0) return false;
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(16);
    fs.readSync(fd, header, 0, 16, 0);
    return header.toString('latin1') !== SQLITE_HEADER;
  } finally {
    fs.closeSync(fd);
  }
}
