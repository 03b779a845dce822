import path from 'node:path';
import { openDatabase, type Db } from '../../../electron/backend/db/connection.ts';
import { createWorkspaceFile } from '../../../electron/backend/workspace-file.ts';
import { tempDir } from '../helpers/tmp.ts';

export const FIXTURES = path.resolve('test/fixtures/import');
export const SLACK = path.resolve('test/fixtures/slack-export');

/** A fixture file's path. */
export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

/** A new, migrated workspace in a temp folder with an open connection. */
export async function freshWorkspace(): Promise<{ dir: string; file: string; db: Db }> {
  const dir = tempDir('nd-import-');
  const file = path.join(dir, 'ws.sqlite');
  await createWorkspaceFile(file);
  return { dir, file, db: openDatabase(file) };
}

/** Row counts of the event tables, imports and rejects. */
export function counts(db: Db): Record<string, number> {
  return db
    .prepare(
      `SELECT (SELECT count(*) FROM notifications) AS notifications, (SELECT count(*) FROM consent) AS consent,
              (SELECT count(*) FROM urls) AS urls, (SELECT count(*) FROM imports) AS imports,
              (SELECT count(*) FROM rejects) AS rejects`,
    )
    .get() as Record<string, number>;
}
