import type { FileImportResult, ImportRunOptions } from '../../../shared/contract/imports.ts';
import { openDatabase } from '../db/connection.ts';
import type { JobFn } from '../jobs/types.ts';
import { importFiles } from './import-files.ts';

/** Parameters of the `import:file` job (JSON-serialisable). */
export interface ImportJobParams {
  workspace: string;
  file: string;
  name: string;
  options: ImportRunOptions;
  /** A ClickHouse workspace's import: the password and the import id the caller cleans up by if the worker dies. */
  warehouse?: { password: string | null; importId: string };
}

/**
 * Imports one file in the backend worker on the worker's own connection. Progress: `done`/`total`
 * are bytes, `rows` the records read. A cancel (`signal`) stops the file between two chunks and rolls
 * it back (in a ClickHouse workspace, deletes the rows it had sent); terminating the worker leaves the
 * file's transaction uncommitted too, so the workspace stays as it was before this file.
 */
export const importFileJob: JobFn<ImportJobParams, FileImportResult> = async (params, progress, signal) => {
  const db = openDatabase(params.workspace, { fileMustExist: true });
  try {
    progress({ phase: 'import', done: 0, total: null, rows: 0, message: params.name });
    const [result] = await importFiles(db, [{ path: params.file, name: params.name }], {
      ...params.options,
      signal,
      warehouse: params.warehouse ? { password: params.warehouse.password, importIds: [params.warehouse.importId] } : undefined,
      onProgress: (_i, p) =>
        progress({ phase: 'import', done: p.bytesRead, total: p.totalBytes, rows: p.rowsRead, message: params.name }),
    });
    return result!;
  } finally {
    db.close();
  }
};
