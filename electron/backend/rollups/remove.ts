/**
 * Taking one import out of the rollups (see accumulator.ts): additive counts are subtracted, first
 * messages, first notices, coverage and distinct-recipient sets of what the import touched are
 * recomputed from the other imports' rows.
 */
import type { ConsentEvent, NotificationEvent } from '../../../shared/domain/canonical.ts';
import { dayStartUtc, localDay } from '../../../shared/metrics/calendar.ts';
import type { Db } from '../db/connection.ts';
import { workspaceTimeZone } from '../db/workspace-settings.ts';
import { makeAccumulator } from './accumulator.ts';
import { dailyCountStatements, foldDimensionCounts, writeDimensionCounts } from './daily-counts.ts';
import { eventCountStatements } from './events-daily.ts';
import { bumpFirstDaily, type FirstRow } from './first-merge.ts';
import { firstStatements } from './firsts.ts';
import { SEP } from './keys.ts';
import { deleteReachDays } from './reach.ts';
import { rebuildRollups } from './rebuild.ts';
import { removeImportFromUrlRollups } from './url-sets.ts';
import { UsageDeltas } from './usage.ts';

/** Subtracts one import's rows from the additive daily tables (the same upserts, negative counts). */
function subtractCounts(db: Db, importId: number, usage: UsageDeltas): void {
  const zone = workspaceTimeZone(db);
  const notif = new Map<string, number[]>();
  const templates = new Map<string, number>();
  for (const r of db
    .prepare(`SELECT sent_at, sender_id, coalesce(category, ''), status, network, bytes, coalesce(template_id, ''), recipient_id
              FROM notifications WHERE import_id = ?`)
    .raw()
    .iterate(importId) as IterableIterator<[number, string, string, string, string, number | null, string, string]>) {
    const day = localDay(r[0], zone);
    if (r[3] === 'sent' || r[3] === 'delivered') usage.message(day, r[1], r[2], r[7], r[5], -1);
    const key = [day, r[1], r[2], r[3], r[4]].join(SEP);
    let v = notif.get(key);
    if (!v) notif.set(key, (v = [0, 0, 0]));
    v[0]! -= 1;
    if (r[5] !== null) {
      v[1]! -= 1;
      v[2]! -= r[5];
    }
    const tkey = [day, r[1], r[6], r[2]].join(SEP);
    templates.set(tkey, (templates.get(tkey) ?? 0) - 1);
  }
  const w = { ...dailyCountStatements(db), ...eventCountStatements(db) };
  for (const [key, v] of notif) {
    const [day, sender, category, status, network] = key.split(SEP);
    w.notif.run(Number(day), sender, category, status, network, v[0], v[1], v[2]);
  }
  for (const [key, n] of templates) {
    const [day, sender, template, category] = key.split(SEP);
    w.template.run(Number(day), sender, template, category, n);
  }
  const dims = new Map<string, number>();
  foldDimensionCounts(dims, templates);
  writeDimensionCounts(w.dimension, dims);
  const consent = new Map<string, number>();
  for (const r of db
    .prepare(`SELECT occurred_at, coalesce(sender_id, ''), action FROM consent WHERE import_id = ?`)
    .raw()
    .iterate(importId) as IterableIterator<[number, string, string]>) {
    const key = [localDay(r[0], zone), r[1], r[2]].join(SEP);
    consent.set(key, (consent.get(key) ?? 0) - 1);
  }
  for (const [key, n] of consent) {
    const [day, sender, action] = key.split(SEP);
    w.consent.run(Number(day), sender, action, n);
  }
  const urls = new Map<string, number>();
  for (const r of db
    .prepare(`SELECT occurred_at, action FROM urls WHERE import_id = ?`)
    .raw()
    .iterate(importId) as IterableIterator<[number, string]>) {
    const key = [localDay(r[0], zone), r[1]].join(SEP);
    urls.set(key, (urls.get(key) ?? 0) - 1);
  }
  for (const [key, n] of urls) {
    const [day, action] = key.split(SEP);
    w.url.run(Number(day), action, n);
  }
  db.prepare('DELETE FROM rollup_notifications_daily WHERE messages <= 0').run();
  db.prepare('DELETE FROM rollup_templates_daily WHERE messages <= 0').run();
  db.prepare('DELETE FROM rollup_dimensions WHERE messages <= 0').run();
  db.prepare('DELETE FROM rollup_consent_daily WHERE events <= 0').run();
  db.prepare('DELETE FROM rollup_urls_daily WHERE events <= 0').run();
}

/** Rows read between flushes of the recomputed sets (keeps a removal's memory flat). */
const RECOMPUTE_FLUSH_EVERY = 200_000;

/** Rows a removal reads before it writes what they changed (first messages, notices). */
const REMOVE_PAGE = 50_000;

/**
 * Takes one import's rows out of every rollup. Call inside the transaction that deletes them,
 * BEFORE deleting the rows: additive counts are subtracted, and the first messages and first
 * notices of every recipient the import touched are recomputed from the other imports' rows.
 * Called after the rows are gone it cannot know what to subtract, so it rebuilds everything.
 * `pages`: rows read before writing what they changed (tests lower them to cross many pages).
 */
export function removeImportFromRollups(db: Db, importId: number, pages: { rows: number; reachRows: number } = { rows: REMOVE_PAGE, reachRows: RECOMPUTE_FLUSH_EVERY }): void {
  const pageRows = pages.rows;
  const present = db
    .prepare(
      `SELECT EXISTS(SELECT 1 FROM notifications WHERE import_id = ?) OR EXISTS(SELECT 1 FROM consent WHERE import_id = ?)
          OR EXISTS(SELECT 1 FROM urls WHERE import_id = ?)`,
    )
    .pluck()
    .get(importId, importId, importId) as number;
  if (!present) {
    const imported = db.prepare('SELECT imported FROM imports WHERE id = ?').pluck().get(importId) as number | undefined;
    if (imported) rebuildRollups(db);
    return;
  }
  db.transaction(() => {
    const usage = new UsageDeltas();
    subtractCounts(db, importId, usage);
    removeImportFromUrlRollups(db, importId);
    db.exec('CREATE TEMP TABLE IF NOT EXISTS rollup_affected (recipient_id TEXT PRIMARY KEY) WITHOUT ROWID');
    db.exec('DELETE FROM temp.rollup_affected');
    db.prepare(
      `INSERT OR IGNORE INTO temp.rollup_affected
       SELECT recipient_id FROM notifications WHERE import_id = ? AND status IN ('sent','delivered')
       UNION SELECT recipient_id FROM consent WHERE import_id = ? AND action IN ('notice_shown', 'opt_out', 'block')`,
    ).run(importId, importId);
    // Take the affected recipients' first messages out of the daily first counts, then recompute.
    // Every loop below reads a page, then writes: a workspace of 10M messages may have millions of
    // affected pairs, more than memory holds at once (and no statement may write while another
    // one iterates on the connection).
    const firstDaily = new Map<string, number[]>();
    const oldCoverage = new Set<string>();
    const w = firstStatements(db);
    const oldPage = db.prepare(
      `SELECT scope, recipient_id, sender_key, sender_id, sent_at, event_id, day, category, network, bytes, notice_at FROM rollup_first_messages
       WHERE (scope, recipient_id, sender_key) > (@scope, @recipient, @sender)
         AND recipient_id IN (SELECT recipient_id FROM temp.rollup_affected)
       ORDER BY scope, recipient_id, sender_key LIMIT ${pageRows}`,
    );
    for (let at = { scope: '', recipient: '', sender: '' }; ; ) {
      const rows = oldPage.all(at) as (FirstRow & { scope: 'pair' | 'recipient'; recipient_id: string; sender_key: string })[];
      if (rows.length === 0) break;
      for (const r of rows) {
        bumpFirstDaily(firstDaily, r.scope, r, -1);
        usage.first(r.scope, r.day, r.sender_id, r.category, r.recipient_id, r.bytes, -1);
        if (r.scope === 'pair') oldCoverage.add(`${r.day}${SEP}${r.sender_id}${SEP}${r.category}`);
      }
      const last = rows[rows.length - 1]!;
      at = { scope: last.scope, recipient: last.recipient_id, sender: last.sender_key };
      // The old flags go before the recomputed firsts set theirs (the accumulator below).
      usage.flush(db);
      for (const [key, v] of firstDaily) {
        const [scope, day, sender, category, network] = key.split(SEP);
        w.firstDaily.run(scope, Number(day), sender, category, network, v[0], v[1]);
      }
      firstDaily.clear();
    }
    db.prepare('DELETE FROM rollup_first_daily WHERE messages <= 0').run();
    db.prepare('DELETE FROM rollup_first_messages WHERE recipient_id IN (SELECT recipient_id FROM temp.rollup_affected)').run();
    db.prepare('DELETE FROM rollup_notice_first WHERE recipient_id IN (SELECT recipient_id FROM temp.rollup_affected)').run();
    const acc = makeAccumulator(db, 'firsts', false, importId);
    const noticePage = db.prepare(
      `SELECT id, event_id, occurred_at, recipient_id, sender_id FROM consent
       WHERE id > ? AND import_id <> ? AND action = 'notice_shown' AND recipient_id IN (SELECT recipient_id FROM temp.rollup_affected)
       ORDER BY id LIMIT ${pageRows}`,
    ).raw();
    for (let last = 0; ; ) {
      const rows = noticePage.all(last, importId) as [number, string | null, number, string, string | null][];
      if (rows.length === 0) break;
      for (const r of rows) {
        acc.addConsent({
          eventId: r[1], occurredAt: r[2], occurredAtRaw: '', zoneAssumed: false, recipientId: r[3], senderId: r[4],
          action: 'notice_shown', disclosureVersion: null, source: null,
        });
      }
      last = rows[rows.length - 1]![0];
      acc.flush();
    }
    const messagePage = db.prepare(
      `SELECT id, event_id, sent_at, recipient_id, sender_id, template_id, category, status, bytes, network FROM notifications
       WHERE id > ? AND import_id <> ? AND status IN ('sent','delivered') AND recipient_id IN (SELECT recipient_id FROM temp.rollup_affected)
       ORDER BY id LIMIT ${pageRows}`,
    ).raw();
    for (let last = 0; ; ) {
      const rows = messagePage.all(last, importId) as [
        number, string | null, number, string, string, string | null, string | null, NotificationEvent['status'], number | null, NotificationEvent['network'],
      ][];
      if (rows.length === 0) break;
      for (const r of rows) {
        acc.addNotification({
          eventId: r[1], sentAt: r[2], sentAtRaw: '', zoneAssumed: false, recipientId: r[3], senderId: r[4],
          templateId: r[5], category: r[6], status: r[7], bytes: r[8], network: r[9],
        });
      }
      last = rows[rows.length - 1]![0];
      acc.flush();
    }
    acc.flush();
    for (const key of oldCoverage) {
      const [day, sender, category] = key.split(SEP);
      w.coverage.run({ day: Number(day), sender, category });
      w.dropCoverage.run(Number(day), sender, category);
    }
    db.exec('DELETE FROM temp.rollup_affected');
    recomputeReachDays(db, importId, pages.reachRows);
  })();
}

/**
 * Recomputes the distinct-recipient sets of every day one import touched, without that import: one
 * pass over the other imports' notifications (there is no index by time: an import would have to
 * keep it for every row it writes), the touched days' sets rebuilt from it, flushed every
 * RECOMPUTE_FLUSH_EVERY rows so the sets in memory stay small whatever the workspace's size.
 */
function recomputeReachDays(db: Db, importId: number, pageRows: number): void {
  const zone = workspaceTimeZone(db);
  const days = new Set<number>();
  for (const at of db.prepare('SELECT DISTINCT sent_at FROM notifications WHERE import_id = ?').pluck().iterate(importId) as IterableIterator<number>) {
    days.add(localDay(at, zone));
  }
  for (const at of db
    .prepare("SELECT DISTINCT occurred_at FROM consent WHERE import_id = ? AND action IN ('opt_out', 'block')")
    .pluck()
    .iterate(importId) as IterableIterator<number>) {
    days.add(localDay(at, zone));
  }
  if (days.size === 0) return;
  deleteReachDays(db, days);
  const acc = makeAccumulator(db, 'reach');
  // Paged by id so the sets can be flushed (written) between pages: a statement cannot write while
  // another one iterates on the same connection.
  const notifs = db.prepare(
    `SELECT id, sent_at, recipient_id, sender_id, category, status FROM notifications
     WHERE id > ? AND import_id <> ? AND status <> 'failed' ORDER BY id LIMIT ${pageRows}`,
  );
  let last = 0;
  for (;;) {
    const rows = notifs.raw().all(last, importId) as [number, number, string, string, string | null, NotificationEvent['status']][];
    if (rows.length === 0) break;
    for (const r of rows) {
      if (!days.has(localDay(r[1], zone))) continue;
      acc.addNotification({
        eventId: null, sentAt: r[1], sentAtRaw: '', zoneAssumed: false, recipientId: r[2], senderId: r[3],
        templateId: null, category: r[4], status: r[5], bytes: null, network: 'unknown',
      });
    }
    last = rows[rows.length - 1]![0];
    acc.flush();
  }
  const optouts = db.prepare(
    `SELECT occurred_at, recipient_id, sender_id, action FROM consent
     WHERE occurred_at >= ? AND occurred_at < ? AND import_id <> ? AND action IN ('opt_out', 'block')`,
  );
  for (const day of days) {
    const from = dayStartUtc(day, zone);
    const to = dayStartUtc(day + 1, zone);
    for (const r of optouts.raw().iterate(from, to, importId) as IterableIterator<[number, string, string | null, ConsentEvent['action']]>) {
      acc.addConsent({
        eventId: null, occurredAt: r[0], occurredAtRaw: '', zoneAssumed: false, recipientId: r[1], senderId: r[2],
        action: r[3], disclosureVersion: null, source: null,
      });
    }
  }
  acc.flush();
}
