import { userError } from '../../../shared/contract/errors.ts';
import type { Db } from '../db/connection.ts';
import { deleteImportRow, importExists } from '../db/imports-repo.ts';
import { iterateRejects } from '../db/rejects-repo.ts';
import { removeImportFromRollups, removeImportFromViolations } from '../rollups/index.ts';
import { csvOfRecords } from '../../../shared/metrics/csv.ts';

/**
 * Deletes one import in one transaction (`pages`: see removeImportFromRollups): its share of every
 * rollup first, then its rows and rejects, then the violations its refusal events decided.
 * Temporary storage is on disk meanwhile (the connection keeps it in memory otherwise): the removal
 * stages up to a few rows per deleted row in temporary tables, and deleting a million rows in one
 * statement keeps a statement journal of every page it changes — in memory, that was hundreds of MiB.
 * The setting can only change outside a transaction, so a call inside one keeps the connection's.
 */
export function deleteImport(db: Db, importId: number, pages?: Parameters<typeof removeImportFromRollups>[2]): void {
  if (!importExists(db, importId)) throw userError('not-found', 'imports.import-missing', { id: importId });
  const tempStore = db.inTransaction ? null : (db.pragma('temp_store', { simple: true }) as number);
  if (tempStore !== null) db.pragma('temp_store = FILE');
  try {
    db.transaction(() => {
      removeImportFromRollups(db, importId, pages);
      removeImportFromViolations(db, importId, () => deleteImportRow(db, importId));
    }).immediate();
  } finally {
    if (tempStore !== null) db.pragma(`temp_store = ${tempStore}`);
  }
}

/** Rejected rows of one import (or all) as CSV (the app's one writer: BOM, formula guard on every cell): file, line, column, reason, raw. */
export function rejectsCsv(db: Db, importId: number | null): string {
  return csvOfRecords(['file', 'line', 'column', 'reason', 'raw'], (function* () {
    for (const r of iterateRejects(db, importId)) yield [r.fileName, r.line, r.column, r.reason, r.rawText];
  })());
}
