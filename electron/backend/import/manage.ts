import { AppError } from '../../../shared/contract/errors.ts';
import type { Db } from '../db/connection.ts';
import { deleteImportRow, importExists } from '../db/imports-repo.ts';
import { iterateRejects } from '../db/rejects-repo.ts';
import { removeImportFromRollups } from '../db/rollups-repo.ts';
import { removeImportFromViolations } from '../db/violations-repo.ts';
import { formatCsvRecord } from './csv.ts';

/** Deletes one import in one transaction: its share of every rollup first, then its rows and rejects, then the violations its refusal events decided. */
export function deleteImport(db: Db, importId: number): void {
  if (!importExists(db, importId)) throw new AppError('not-found', `Import ${importId} does not exist.`);
  db.transaction(() => {
    removeImportFromRollups(db, importId);
    removeImportFromViolations(db, importId, () => deleteImportRow(db, importId));
  }).immediate();
}

/** A cell that a spreadsheet would run as a formula is prefixed with an apostrophe. */
function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Rejected rows of one import (or all) as CSV: file, line, column, reason, raw. */
export function rejectsCsv(db: Db, importId: number | null): string {
  const lines = [formatCsvRecord(['file', 'line', 'column', 'reason', 'raw'])];
  for (const r of iterateRejects(db, importId)) {
    lines.push(formatCsvRecord([neutralise(r.fileName), r.line, r.column ?? '', neutralise(r.reason), neutralise(r.rawText)]));
  }
  return lines.join('\r\n') + '\r\n';
}
