import { openDatabase } from '../db/connection.ts';
import { migrate, type MigrateResult } from '../db/migrate.ts';
import type { JobFn } from './types.ts';

/** Opens a workspace file in the worker, refuses one that is too new, backs up and migrates. */
export const migrateWorkspaceJob: JobFn<{ path: string }, MigrateResult> = async (params, progress) => {
  const db = openDatabase(params.path);
  try {
    return await migrate(db, params.path, (done, total, name) =>
      progress({ phase: 'migrate', done, total, message: name }),
    );
  } finally {
    db.close();
  }
};
