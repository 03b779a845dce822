import { userError } from '../../../shared/contract/errors.ts';
import type { Db } from '../db/connection.ts';
import { deleteImportRow, importExists } from '../db/imports-repo.ts';
import { iterateRejects } from '../db/rejects-repo.ts';
import { removeImportFromRollups, removeImportFromViolations } from '../rollups/index.ts';
import { csvOfRecords } from '../../../shared/metrics/csv.ts';

/** Deletes one import in one transaction (`pages`: see removeImportFromRollups): its share of every rollup first, then its rows and rejects, then the violations its refusal events decided. */
export function deleteImport(db: Db, importId: number, pages?: Parameters<typeof removeImportFromRollups>[2]): void {
  if (!importExists(db, importId)) throw userError('not-found', 'imports.import-missing', { id: importId });
  db.transaction(() => {
    removeImportFromRollups(db, importId, pages);
    removeImportFromViolations(db, importId, () => deleteImportRow(db, importId));
  }).immediate();
}

/** Rejected rows of one import (or all) as CSV (the app's one writer: BOM, formula guard on every cell): file, line, column, reason, raw. */
export function rejectsCsv(db: Db, importId: number | null): string {
  return csvOfRecords(['file', 'line', 'column', 'reason', 'raw'], (function* () {
    for (const r of iterateRejects(db, importId)) yield [r.fileName, r.line, r.column, r.reason, r.rawText];
  })());
}
