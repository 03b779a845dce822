/**
 * Rebuilding every rollup from the raw events (a change of the workspace time zone, or rows deleted
 * without `removeImportFromRollups`): the accumulator (accumulator.ts) fed a page of rows at a
 * time, then the stored usage sets and violations recomputed from what it wrote.
 */
import type { ConsentEvent, NotificationEvent, UrlEvent } from '../../../shared/domain/canonical.ts';
import { localDay } from '../../../shared/metrics/calendar.ts';
import type { Db } from '../db/connection.ts';
import { workspaceTimeZone } from '../db/workspace-settings.ts';
import { makeAccumulator, type FinishingAccumulator } from './accumulator.ts';
import { rebuildUsage } from './usage.ts';
import { rebuildViolations } from './violations.ts';

const ROLLUP_TABLES = [
  'rollup_notifications_daily',
  'rollup_templates_daily',
  'rollup_first_messages',
  'rollup_first_daily',
  'rollup_notice_first',
  'rollup_consent_daily',
  'rollup_urls_daily',
  'rollup_reach_daily',
  'rollup_recipient_ids',
  'rollup_coverage_daily',
  'rollup_url_ids',
  'rollup_url_sets_daily',
  'rollup_usage_daily',
  'rollup_dimensions',
];

/** Rows fed to the accumulator per flush while rebuilding (bounds memory). */
const REBUILD_BATCH = 250_000;

/**
 * Rebuilds every rollup from the raw events (after a change of the workspace time zone, or after
 * rows were deleted without `removeImportFromRollups`). Runs in one transaction; `onProgress`
 * gets the rows done so far; `pageSize` rows are read and flushed at a time. Consent goes first so notice times are known to first messages.
 */
export function rebuildRollups(db: Db, onProgress?: (done: number) => void, pageSize = REBUILD_BATCH): void {
  db.transaction(() => {
    for (const t of ROLLUP_TABLES) db.prepare(`DELETE FROM ${t}`).run();
    feedRows(db, makeAccumulator(db, 'all', true), null, onProgress, pageSize);
    const zone = workspaceTimeZone(db);
    rebuildUsage(db, (ms) => localDay(ms, zone));
    rebuildViolations(db);
  })();
}

/**
 * Streams raw rows (all, or all but one import's) into an accumulator, in insertion order, a page
 * at a time: the accumulator flushes between pages (a connection cannot write while it iterates).
 */
function feedRows(
  db: Db,
  acc: FinishingAccumulator,
  exceptImport: number | null,
  onProgress?: (done: number) => void,
  pageSize = REBUILD_BATCH,
): void {
  const except = exceptImport ?? -1;
  let done = 0;
  const pages = <T extends unknown[]>(sql: string, feed: (row: T) => void) => {
    const stmt = db.prepare(`${sql} AND id > ? ORDER BY id LIMIT ${Math.max(1, Math.floor(pageSize))}`).raw();
    let last = 0;
    for (;;) {
      const rows = stmt.all(except, last) as T[];
      if (rows.length === 0) break;
      for (const r of rows) feed(r);
      last = rows[rows.length - 1]![0] as number;
      done += rows.length;
      acc.flush();
      onProgress?.(done);
    }
  };
  pages<[number, string | null, number, string, string | null, ConsentEvent['action']]>(
    'SELECT id, event_id, occurred_at, recipient_id, sender_id, action FROM consent WHERE import_id <> ?',
    (r) =>
      acc.addConsent({
        eventId: r[1], occurredAt: r[2], occurredAtRaw: '', zoneAssumed: false, recipientId: r[3], senderId: r[4],
        action: r[5], disclosureVersion: null, source: null,
      }),
  );
  pages<[number, string | null, number, string, string, string | null, string | null, NotificationEvent['status'], number | null, NotificationEvent['network']]>(
    `SELECT id, event_id, sent_at, recipient_id, sender_id, template_id, category, status, bytes, network
     FROM notifications WHERE import_id <> ?`,
    (r) =>
      acc.addNotification({
        eventId: r[1], sentAt: r[2], sentAtRaw: '', zoneAssumed: false, recipientId: r[3], senderId: r[4],
        templateId: r[5], category: r[6], status: r[7], bytes: r[8], network: r[9],
      }),
  );
  pages<[number, number, string, UrlEvent['action']]>('SELECT id, occurred_at, url, action FROM urls WHERE import_id <> ?', (r) =>
    acc.addUrl({
      eventId: null, occurredAt: r[1], occurredAtRaw: '', zoneAssumed: false, url: r[2], action: r[3],
      recipientId: null, engine: null,
    }),
  );
  acc.finish();
  onProgress?.(done);
}
