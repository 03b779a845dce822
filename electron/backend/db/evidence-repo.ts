/**
 * The evidence pack's own reads of the workspace (everything else comes from the other repositories
 * and the metrics engine): whether a period holds events, and which imports fed it. Every value is bound.
 */
import type { Db } from './connection.ts';

/** True when any event (notification, consent or URL) falls on a local day in [fromDay, toDay] (read from the daily rollups). */
export function periodHasEvents(db: Db, fromDay: number, toDay: number): boolean {
  const row = db
    .prepare(
      `SELECT EXISTS(SELECT 1 FROM rollup_notifications_daily WHERE day BETWEEN @a AND @b)
           OR EXISTS(SELECT 1 FROM rollup_consent_daily WHERE day BETWEEN @a AND @b)
           OR EXISTS(SELECT 1 FROM rollup_urls_daily WHERE day BETWEEN @a AND @b) AS found`,
    )
    .get({ a: fromDay, b: toDay }) as { found: number };
  return row.found === 1;
}

/** An import as the pack lists it (never its path on disk). */
export interface ImportRowForPack {
  id: number;
  file_name: string;
  size_bytes: number;
  sha256: string;
  adapter: string;
  kind: string;
  rows_read: number;
  imported: number;
  duplicates: number;
  rejected: number;
  started_at: number;
}

/**
 * The imports with at least one event in [fromMs, toMs), oldest first. Each import is probed through
 * its `*_by_import` index and stops at its first event inside the period.
 */
export function importsWithEventsBetween(db: Db, fromMs: number, toMs: number): ImportRowForPack[] {
  return db
    .prepare(
      `SELECT id, file_name, size_bytes, sha256, adapter, kind, rows_read, imported, duplicates, rejected, started_at
         FROM imports i
        WHERE EXISTS(SELECT 1 FROM notifications n WHERE n.import_id = i.id AND n.sent_at >= @a AND n.sent_at < @b)
           OR EXISTS(SELECT 1 FROM consent c WHERE c.import_id = i.id AND c.occurred_at >= @a AND c.occurred_at < @b)
           OR EXISTS(SELECT 1 FROM urls u WHERE u.import_id = i.id AND u.occurred_at >= @a AND u.occurred_at < @b)
        ORDER BY id`,
    )
    .all({ a: fromMs, b: toMs }) as ImportRowForPack[];
}

/** The imports with these ids (those a warehouse names as having events in a period), by id. */
export function importsByIds(db: Db, ids: readonly number[]): ImportRowForPack[] {
  if (ids.length === 0) return [];
  return db
    .prepare(
      `SELECT id, file_name, size_bytes, sha256, adapter, kind, rows_read, imported, duplicates, rejected, started_at
         FROM imports WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    )
    .all(JSON.stringify(ids)) as ImportRowForPack[];
}
