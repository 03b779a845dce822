import type { ConsentEvent, NotificationEvent, UrlEvent } from '../../../shared/domain/canonical.ts';
import type { Db } from './connection.ts';

/**
 * The rollup tables the dashboards read, maintained by the importer inside the same transaction
 * as the rows it inserts. The importer feeds every row it actually stored (not duplicates) to an
 * accumulator and calls `flush` before committing (it may flush several times in one transaction
 * to bound memory).
 *
 * STUB: the metrics work owns this file and fills it in; the importer only calls this interface.
 */
export interface RollupAccumulator {
  addNotification(event: NotificationEvent): void;
  addConsent(event: ConsentEvent): void;
  addUrl(event: UrlEvent): void;
  /** Writes what has been accumulated so far into the rollup tables. */
  flush(): void;
}

/** A new accumulator for one import into `db` (the workspace's time zone is read from it). */
export function createRollupAccumulator(db: Db): RollupAccumulator {
  void db;
  return { addNotification() {}, addConsent() {}, addUrl() {}, flush() {} };
}

/** Takes one import's rows out of every rollup; call inside the transaction that deletes them. */
export function removeImportFromRollups(db: Db, importId: number): void {
  void db;
  void importId;
}

/** Rebuilds every rollup from the raw events (after a change of the workspace time zone). */
export function rebuildRollups(db: Db): void {
  void db;
}
