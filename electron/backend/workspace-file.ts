import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { userError } from '../../shared/contract/errors.ts';
import { DEFAULT_TIME_ZONE } from '../../shared/time-zone.ts';
import { openDatabase, type Db } from './db/connection.ts';
import { getMeta, setMeta } from './db/meta-repo.ts';
import { setWorkspaceTimeZone } from './db/workspace-settings.ts';
import { isForeignFile, migrate } from './db/migrate.ts';


/** Refuses to create a workspace over a file that is not one, or over one that has data. */
export function assertCreatable(file: string): void {
  if (isForeignFile(file)) {
    throw userError('not-a-workspace', 'workspace.exists-not-workspace', { file }, { file });
  }
  if (fs.existsSync(file) && fs.statSync(file).size > 0) {
    throw userError('conflict', 'workspace.exists', { file }, { file });
  }
}

/** What a new workspace records about itself: its time zone, when it was made, and a random id. */
export function initWorkspaceMeta(db: Db, timeZone: string): void {
  setWorkspaceTimeZone(db, timeZone);
  setMeta(db, 'createdAt', new Date().toISOString());
  setMeta(db, 'workspaceId', randomUUID());
}

/**
 * The workspace's random id (made on first need for a workspace older than the id): together with
 * the file's real path it names "this workspace on this computer", e.g. for a confirmed watched folder.
 */
export function workspaceId(db: Db): string {
  const known = getMeta<string | null>(db, 'workspaceId', null);
  if (typeof known === 'string' && known.length > 0) return known;
  const id = randomUUID();
  setMeta(db, 'workspaceId', id);
  return id;
}

/** Creates and migrates a new workspace file in-process (CLI, tests). */
export async function createWorkspaceFile(file: string, timeZone = DEFAULT_TIME_ZONE): Promise<void> {
  assertCreatable(file);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = openDatabase(file);
  try {
    await migrate(db, file);
    initWorkspaceMeta(db, timeZone);
  } finally {
    db.close();
  }
}
