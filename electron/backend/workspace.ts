import fs from 'node:fs';
import path from 'node:path';
import { userError } from '../../shared/contract/errors.ts';
import type { WorkspaceInfo } from '../../shared/contract/workspace.ts';
import type { WorkspaceSession } from './context.ts';
import { openDatabase } from './db/connection.ts';
import { getMeta } from './db/meta-repo.ts';
import { workspaceTimeZone } from './db/workspace-settings.ts';
import { assertNotTooNew, isForeignFile, migrate, schemaVersion } from './db/migrate.ts';
import { assertTrustedSchema } from './db/schema-check.ts';
import { countEvents } from './db/workspace-repo.ts';
import { runJob, type RunJobOptions } from './jobs/run-job.ts';
import { DEFAULT_TIME_ZONE } from '../../shared/time-zone.ts';
import { assertCreatable, createWorkspaceFile, initWorkspaceMeta } from './workspace-file.ts';
import { displayUrl } from './warehouse/client.ts';
import { warehouseConfig } from './warehouse/config.ts';

/**
 * Refuses, read-only and before anything opens it for writing (even switching it to WAL changes the
 * file), a path that is missing or not a SQLite file, a workspace from a newer app, and one whose
 * schema the app's migrations did not make.
 */
function assertOpenable(file: string): void {
  if (!fs.existsSync(file)) throw userError('not-found', 'workspace.missing', { file }, { file });
  if (isForeignFile(file)) throw userError('not-a-workspace', 'workspace.not-a-workspace', { file }, { file });
  const probe = openDatabase(file, { readonly: true });
  try {
    assertNotTooNew(probe, file);
    assertTrustedSchema(probe, file);
  } finally {
    probe.close();
  }
}

/**
 * Opens a workspace for the UI: the migration (and its backup) runs in the worker, then the
 * backend opens its own connection. `create` refuses existing files; `open` refuses missing ones,
 * newer ones and ones whose schema the app did not make — read-only, before the worker touches it.
 */
export async function openWorkspaceSession(
  file: string,
  mode: 'create' | 'open',
  jobOptions: RunJobOptions = {},
): Promise<WorkspaceSession> {
  const resolved = path.resolve(file);
  if (mode === 'create') assertCreatable(resolved);
  else assertOpenable(resolved);
  fs.mkdirSync(path.dirname(resolved), { recursive: true });
  await runJob('workspace:migrate', { path: resolved }, jobOptions);
  const db = openDatabase(resolved);
  if (mode === 'create') initWorkspaceMeta(db, DEFAULT_TIME_ZONE);
  return { path: resolved, db };
}

/** Opens an existing workspace in-process and migrates it (CLI, tests); creates it when missing. */
export async function openWorkspaceInProcess(file: string): Promise<WorkspaceSession> {
  const resolved = path.resolve(file);
  if (!fs.existsSync(resolved) || fs.statSync(resolved).size === 0) {
    await createWorkspaceFile(resolved);
  } else assertOpenable(resolved);
  const db = openDatabase(resolved);
  try {
    await migrate(db, resolved);
  } catch (error) {
    db.close();
    throw error;
  }
  return { path: resolved, db };
}

/** The warehouse a ClickHouse workspace reads, as the UI shows it (the server without credentials). */
function describeWarehouse(session: WorkspaceSession): WorkspaceInfo['warehouse'] {
  const config = session.reviewFile ? null : warehouseConfig(session.db);
  return config ? { url: displayUrl(config.url), database: config.database, user: config.user, cluster: config.cluster } : null;
}

/** What the UI shows of a workspace. */
export function describeWorkspace(session: WorkspaceSession): WorkspaceInfo {
  return {
    path: session.path,
    // A review file's session is named by the file the reviewer opened, not its private folder.
    name: session.reviewFile ? session.reviewFile.fileName : path.basename(session.path).replace(/\.(sqlite3?|db|notice-desk)$/i, ''),
    schemaVersion: schemaVersion(session.db),
    timeZone: workspaceTimeZone(session.db),
    counts: countEvents(session.db),
    demo: getMeta(session.db, 'demo', false),
    reviewFile: session.reviewFile ? { fileName: session.reviewFile.fileName, disclosureId: session.reviewFile.disclosureId } : null,
    warehouse: describeWarehouse(session),
  };
}
