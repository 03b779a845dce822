import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/contract/errors.ts';
import type { WorkspaceInfo } from '../../shared/contract/workspace.ts';
import type { WorkspaceSession } from './context.ts';
import { openDatabase } from './db/connection.ts';
import { getMeta, setMeta } from './db/meta-repo.ts';
import { assertNotTooNew, isForeignFile, migrate, schemaVersion } from './db/migrate.ts';
import { countEvents } from './db/workspace-repo.ts';
import { runJob, type RunJobOptions } from './jobs/run-job.ts';

export const DEFAULT_TIME_ZONE = 'Asia/Seoul';

/** True when the string is an IANA time zone this runtime knows. */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Refuses to create a workspace over a file that is not one. */
function assertCreatable(file: string): void {
  if (isForeignFile(file)) {
    throw new AppError(
      'not-a-workspace',
      `${file} exists and is not a Notice Desk workspace; it was not overwritten. Choose another file name.`,
      { file },
    );
  }
  if (fs.existsSync(file) && fs.statSync(file).size > 0) {
    throw new AppError('conflict', `${file} already exists. Open it instead, or choose another file name.`, {
      file,
    });
  }
}

/** Creates and migrates a new workspace file in-process (CLI, tests). */
export async function createWorkspaceFile(file: string, timeZone = DEFAULT_TIME_ZONE): Promise<void> {
  assertCreatable(file);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = openDatabase(file);
  try {
    await migrate(db, file);
    setMeta(db, 'timeZone', timeZone);
    setMeta(db, 'createdAt', new Date().toISOString());
  } finally {
    db.close();
  }
}

/**
 * Opens a workspace for the UI: the migration (and its backup) runs in the worker, then the
 * backend opens its own connection. `create` refuses existing files; `open` refuses missing ones.
 */
export async function openWorkspaceSession(
  file: string,
  mode: 'create' | 'open',
  jobOptions: RunJobOptions = {},
): Promise<WorkspaceSession> {
  const resolved = path.resolve(file);
  if (mode === 'create') assertCreatable(resolved);
  else {
    if (!fs.existsSync(resolved)) {
      throw new AppError('not-found', `${resolved} does not exist.`, { file: resolved });
    }
    if (isForeignFile(resolved)) {
      throw new AppError('not-a-workspace', `${resolved} is not a Notice Desk workspace (not a SQLite file).`, {
        file: resolved,
      });
    }
    // Check the version before the worker opens it read-write, so a newer file is never touched.
    const probe = openDatabase(resolved, { readonly: true });
    try {
      assertNotTooNew(probe, resolved);
    } finally {
      probe.close();
    }
  }
  fs.mkdirSync(path.dirname(resolved), { recursive: true });
  await runJob('workspace:migrate', { path: resolved }, jobOptions);
  const db = openDatabase(resolved);
  if (mode === 'create') {
    setMeta(db, 'timeZone', DEFAULT_TIME_ZONE);
    setMeta(db, 'createdAt', new Date().toISOString());
  }
  return { path: resolved, db };
}

/** Opens an existing workspace in-process and migrates it (CLI, tests); creates it when missing. */
export async function openWorkspaceInProcess(file: string): Promise<WorkspaceSession> {
  const resolved = path.resolve(file);
  if (!fs.existsSync(resolved) || fs.statSync(resolved).size === 0) {
    await createWorkspaceFile(resolved);
  } else if (isForeignFile(resolved)) {
    throw new AppError('not-a-workspace', `${resolved} is not a Notice Desk workspace (not a SQLite file).`, {
      file: resolved,
    });
  }
  const db = openDatabase(resolved);
  try {
    await migrate(db, resolved);
  } catch (error) {
    db.close();
    throw error;
  }
  return { path: resolved, db };
}

/** The workspace's time zone (buckets and dates). */
export function workspaceTimeZone(session: WorkspaceSession): string {
  return getMeta(session.db, 'timeZone', DEFAULT_TIME_ZONE);
}

/** What the UI shows of a workspace. */
export function describeWorkspace(session: WorkspaceSession): WorkspaceInfo {
  return {
    path: session.path,
    name: path.basename(session.path).replace(/\.(sqlite3?|db|notice-desk)$/i, ''),
    schemaVersion: schemaVersion(session.db),
    timeZone: workspaceTimeZone(session),
    counts: countEvents(session.db),
    demo: getMeta(session.db, 'demo', false),
  };
}
