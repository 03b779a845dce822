import type { FileImportResult, ImportRunOptions } from '../../../shared/contract/imports.ts';
import { importOptionsSchema } from '../../../shared/contract/imports.ts';
import type { Db } from '../db/connection.ts';
import type { RollupAccumulator } from '../rollups/index.ts';
import { importFile, refusedResult, type FileProgress } from './import-file.ts';
import { rowPrivacy } from './privacy.ts';
import { workspaceTimeZone } from '../db/workspace-settings.ts';
import { warehouseConfig } from '../warehouse/config.ts';
import type { Warehouse } from '../warehouse/client.ts';
import { CheckedWarehouse } from '../warehouse/init.ts';
import { importWarehouseFile } from '../warehouse/import.ts';
import { requirePassword } from '../warehouse/password.ts';

/** A file to import: a path, or a path with the name to record (uploads keep the user's name). */
export type ImportFileSpec = string | { path: string; name?: string };

export interface ImportFilesOptions extends ImportRunOptions {
  /** Progress of the file at `index`. */
  onProgress?: (index: number, progress: FileProgress) => void;
  /** Replaces the rollup accumulator (the bench measures the importer with rollups off). */
  rollups?: (db: Db) => RollupAccumulator;
  /**
   * Cancels: the file being imported stops between two chunks and keeps nothing (its result has a
   * `cancelled` error), and the files after it are not started.
   */
  signal?: AbortSignal;
  /**
   * A ClickHouse workspace's import: the password (default: the environment's) and the import ids
   * of the files by index (default: new ones), so that a caller running this in a worker can delete
   * what a killed worker inserted.
   */
  warehouse?: {
    password?: string | null;
    importIds?: readonly string[];
    signal?: AbortSignal;
    batchRows?: number;
    /** An open connection to use (the session's; not closed here) instead of a new one. */
    connection?: Warehouse;
  };
}

/**
 * Imports files into an open workspace connection, in-process, one transaction per file:
 *
 *   importFiles(db: Db, files: ImportFileSpec[], options?: ImportFilesOptions): Promise<FileImportResult[]>
 *
 * `options`: `adapter` ('auto' or a name), `kind`, `encoding` ('auto' | 'utf-8' | 'cp949' | 'utf-16le' |
 * 'utf-16be'), `timeZone` (default: the workspace's), `mapping` (generic column mapping),
 * `maxRecordChars` (longest record, default 1 MiB), `onProgress`.
 * A file that cannot be read comes back with `error` set and nothing written; the others still import.
 * Rollups are kept up to date. The caller emits `data:changed` if it has a UI.
 */
export async function importFiles(
  db: Db,
  files: readonly ImportFileSpec[],
  options: ImportFilesOptions = {},
): Promise<FileImportResult[]> {
  const { onProgress, rollups, warehouse, signal, ...rest } = options;
  const parsed = importOptionsSchema.parse(rest);
  const timeZone = parsed.timeZone ?? workspaceTimeZone(db);
  const results: FileImportResult[] = [];
  // A ClickHouse workspace's events go to its warehouse, through the same record stream.
  const config = warehouseConfig(db);
  let wh: Warehouse | null = warehouse?.connection ?? null;
  const owned = wh === null;
  try {
    for (const [index, spec] of files.entries()) {
      const file = typeof spec === 'string' ? spec : spec.path;
      const name = typeof spec === 'string' ? undefined : spec.name;
      try {
        const fileOptions = {
          adapter: parsed.adapter,
          kind: parsed.kind,
          encoding: parsed.encoding,
          timeZone,
          mapping: parsed.mapping,
          limits: parsed.maxRecordChars ? { maxRecordChars: parsed.maxRecordChars } : undefined,
          privacy: rowPrivacy(db),
          displayName: name,
          rollups,
          signal,
          onProgress: onProgress ? (p: FileProgress) => onProgress(index, p) : undefined,
        };
        if (config === null) results.push(await importFile(db, file, fileOptions));
        else {
          wh ??= new CheckedWarehouse(config, warehouse?.password ?? requirePassword(config), workspaceTimeZone(db));
          results.push(
            await importWarehouseFile(db, wh, file, {
              ...fileOptions,
              importId: warehouse?.importIds?.[index],
              signal: warehouse?.signal ?? signal,
              batchRows: warehouse?.batchRows,
            }),
          );
        }
      } catch (error) {
        results.push(refusedResult(name ?? file, error));
        if (signal?.aborted) break;
      }
    }
  } finally {
    if (owned) await wh?.close();
  }
  return results;
}
