/**
 * Taking one import out of the rollups (see accumulator.ts), inside the transaction that deletes
 * it and before its rows go: the additive counts and the usage rollup's messages are subtracted by
 * grouped statements over its rows (notifications_by_import), the first messages and what hangs on
 * them are recomputed only where the import decided them (remove-firsts.ts), its recipients are
 * taken out of the distinct-recipient sets where no other import keeps them (remove-reach.ts), and
 * the URL rollups are refreshed for its URLs and days (url-sets.ts). Memory stays flat whatever the
 * import's size: the work is staged in temporary tables and read back a page at a time.
 */
import { dayStartUtc, localDay } from '../../../shared/metrics/calendar.ts';
import type { Db } from '../db/connection.ts';
import { workspaceTimeZone } from '../db/workspace-settings.ts';
import { rebuildRollups } from './rebuild.ts';
import { replaceFirsts, stageFirsts } from './remove-firsts.ts';
import { removeReach, stageReach } from './remove-reach.ts';
import { removeImportFromUrlRollups } from './url-sets.ts';
import { UsageDeltas } from './usage.ts';

const CHARGEABLE = `('sent', 'delivered')`;

/**
 * The SQL functions the removal's statements use: nd_rollup_day (the local day of an instant),
 * nd_rollup_day_start (the UTC instant a local day starts) and nd_rollup_before (event ids compared
 * as JavaScript compares strings, as first-merge.ts `earlier` does: UTF-16 code units, not bytes).
 */
function registerFunctions(db: Db, zone: string): void {
  const starts = new Map<number, number>();
  db.function('nd_rollup_day', { deterministic: true, directOnly: true }, (ms) => localDay(Number(ms), zone));
  db.function('nd_rollup_day_start', { deterministic: true, directOnly: true }, (day) => {
    const d = Number(day);
    let at = starts.get(d);
    if (at === undefined) starts.set(d, (at = dayStartUtc(d, zone)));
    return at;
  });
  db.function('nd_rollup_before', { deterministic: true, directOnly: true }, (a, b) => (String(a) < String(b) ? 1 : 0));
}

/**
 * Subtracts one import's rows from the additive daily tables and the all-time dimensions: one
 * statement per table, each row upserting its negative count (no GROUP BY: a sort of a million
 * rows would hold tens of MiB).
 */
function subtractCounts(db: Db, importId: number): void {
  const p = { importId };
  const notifications = 'FROM notifications INDEXED BY notifications_by_import WHERE import_id = @importId';
  db.prepare(
    `INSERT INTO rollup_notifications_daily (day, sender_id, category, status, network, messages, known_bytes_messages, known_bytes)
     SELECT nd_rollup_day(sent_at), sender_id, coalesce(category, ''), status, network, -1, -(bytes IS NOT NULL), -coalesce(bytes, 0)
     ${notifications}
     ON CONFLICT DO UPDATE SET messages = messages + excluded.messages,
       known_bytes_messages = known_bytes_messages + excluded.known_bytes_messages, known_bytes = known_bytes + excluded.known_bytes`,
  ).run(p);
  db.prepare(
    `INSERT INTO rollup_templates_daily (day, sender_id, template_id, category, messages)
     SELECT nd_rollup_day(sent_at), sender_id, coalesce(template_id, ''), coalesce(category, ''), -1 ${notifications}
     ON CONFLICT DO UPDATE SET messages = messages + excluded.messages`,
  ).run(p);
  db.prepare(
    `INSERT INTO rollup_dimensions (sender_id, template_id, category, messages)
     SELECT sender_id, coalesce(template_id, ''), coalesce(category, ''), -1 ${notifications}
     ON CONFLICT DO UPDATE SET messages = messages + excluded.messages`,
  ).run(p);
  db.prepare(
    `INSERT INTO rollup_consent_daily (day, sender_id, action, events)
     SELECT nd_rollup_day(occurred_at), coalesce(sender_id, ''), action, -1
     FROM consent INDEXED BY consent_by_import WHERE import_id = @importId
     ON CONFLICT DO UPDATE SET events = events + excluded.events`,
  ).run(p);
  db.prepare(
    `INSERT INTO rollup_urls_daily (day, action, events)
     SELECT nd_rollup_day(occurred_at), action, -1 FROM urls INDEXED BY urls_by_import WHERE import_id = @importId
     ON CONFLICT DO UPDATE SET events = events + excluded.events`,
  ).run(p);
  db.prepare('DELETE FROM rollup_notifications_daily WHERE messages <= 0').run();
  db.prepare('DELETE FROM rollup_templates_daily WHERE messages <= 0').run();
  db.prepare('DELETE FROM rollup_dimensions WHERE messages <= 0').run();
  db.prepare('DELETE FROM rollup_consent_daily WHERE events <= 0').run();
  db.prepare('DELETE FROM rollup_urls_daily WHERE events <= 0').run();
}

/**
 * Stages one import's chargeable messages, summed per usage entry (day, sender, category,
 * recipient), as negative changes in temp.rollup_del_usage (in entry order by its key); the
 * first-message removal adds the first flags that move (remove-firsts.ts), and writeUsage merges
 * it all once.
 */
function stageUsage(db: Db, importId: number): void {
  db.exec(`
    DROP TABLE IF EXISTS temp.rollup_del_usage;
    CREATE TEMP TABLE rollup_del_usage
      (day INTEGER NOT NULL, sender_id TEXT NOT NULL, category TEXT NOT NULL, recipient_id TEXT NOT NULL,
       messages INTEGER NOT NULL, unknown INTEGER NOT NULL, known INTEGER NOT NULL, pair_first INTEGER NOT NULL, recipient_first INTEGER NOT NULL,
       PRIMARY KEY (day, sender_id, category, recipient_id)) WITHOUT ROWID;
  `);
  db.prepare(
    `INSERT INTO temp.rollup_del_usage (day, sender_id, category, recipient_id, messages, unknown, known, pair_first, recipient_first)
     SELECT nd_rollup_day(sent_at), sender_id, coalesce(category, ''), recipient_id, -1, -(bytes IS NULL), -coalesce(bytes, 0), 0, 0
     FROM notifications INDEXED BY notifications_by_import WHERE import_id = ? AND status IN ${CHARGEABLE}
     ON CONFLICT DO UPDATE SET messages = messages + excluded.messages, unknown = unknown + excluded.unknown, known = known + excluded.known`,
  ).run(importId);
}

/**
 * Merges the staged usage changes into the stored sets, a page of `pageRows` entries at a time in
 * entry order: each stored set is read and written about once, whatever the order of the import's
 * rows. The old and new first flags of an entry are summed before they meet its stored bit.
 */
function writeUsage(db: Db, pageRows: number): void {
  const usage = new UsageDeltas();
  const ids = new Map<string, number>();
  const page = db
    .prepare(
      `SELECT u.day, u.sender_id, u.category, u.recipient_id, u.messages, u.unknown, u.known, u.pair_first, u.recipient_first, r.idx
       FROM temp.rollup_del_usage u LEFT JOIN rollup_recipient_ids r ON r.recipient_id = u.recipient_id
       WHERE (u.day, u.sender_id, u.category, u.recipient_id) > (?, ?, ?, ?)
       ORDER BY u.day, u.sender_id, u.category, u.recipient_id LIMIT ${Math.max(1, Math.floor(pageRows))}`,
    )
    .raw();
  for (let key: [number, string, string, string] = [-1e9, '', '', '']; ; ) {
    const rows = page.all(...key) as [number, string, string, string, number, number, number, number, number, number | null][];
    if (rows.length === 0) break;
    ids.clear();
    for (const [day, sender, category, recipient, m, u, k, pf, rf, idx] of rows) {
      usage.add(day, sender, category, recipient, [m, u, k, pf, rf]);
      if (idx !== null) ids.set(recipient, idx);
    }
    const last = rows[rows.length - 1]!;
    key = [last[0], last[1], last[2], last[3]];
    usage.flush(db, ids);
  }
  db.exec('DROP TABLE temp.rollup_del_usage');
}

/**
 * The one pass over the other imports' notifications: into temp.rollup_del_hits, in insertion order,
 * every message (any status but failed) that may keep a staged distinct-recipient entry
 * (remove-reach.ts) and every message of a pair, or of a recipient, whose first message goes
 * (remove-firsts.ts). The keys it looks for are gathered first in one small table, so each of the
 * millions of rows read costs one lookup: (recipient, sender) with any category for the firsts —
 * for a recipient's first, each of its pairs — and with the entry's category for the sets.
 */
function scanOtherMessages(db: Db, importId: number): void {
  db.exec(`
    DROP TABLE IF EXISTS temp.rollup_del_hits;
    DROP TABLE IF EXISTS temp.rollup_del_scan_keys;
    CREATE TEMP TABLE rollup_del_hits
      (id INTEGER PRIMARY KEY, recipient_id TEXT NOT NULL, sender_id TEXT NOT NULL, category TEXT, sent_at INTEGER NOT NULL,
       event_id TEXT, network TEXT NOT NULL, bytes INTEGER, charged INTEGER NOT NULL);
    CREATE TEMP TABLE rollup_del_scan_keys
      (recipient_id TEXT NOT NULL, sender_id TEXT NOT NULL, any_category INTEGER NOT NULL, category TEXT NOT NULL,
       PRIMARY KEY (recipient_id, sender_id, any_category, category)) WITHOUT ROWID;
    INSERT OR IGNORE INTO temp.rollup_del_scan_keys SELECT recipient_id, sender_id, 0, category FROM temp.rollup_del_reach;
    INSERT OR IGNORE INTO temp.rollup_del_scan_keys SELECT recipient_id, sender_key, 1, '' FROM temp.rollup_del_firsts WHERE scope = 'pair';
    INSERT OR IGNORE INTO temp.rollup_del_scan_keys SELECT f.recipient_id, f.sender_key, 1, ''
      FROM temp.rollup_del_firsts d CROSS JOIN rollup_first_messages f ON f.scope = 'pair' AND f.recipient_id = d.recipient_id
      WHERE d.scope = 'recipient';
  `);
  db.prepare(
    `INSERT INTO temp.rollup_del_hits (id, recipient_id, sender_id, category, sent_at, event_id, network, bytes, charged)
     SELECT n.id, n.recipient_id, n.sender_id, n.category, n.sent_at, n.event_id, n.network, n.bytes, n.status IN ${CHARGEABLE}
     FROM notifications n
     WHERE n.import_id <> ? AND n.status <> 'failed'
       AND EXISTS (SELECT 1 FROM temp.rollup_del_scan_keys k WHERE k.recipient_id = n.recipient_id AND k.sender_id = n.sender_id
                     AND (k.any_category OR k.category = coalesce(n.category, '')))`,
  ).run(importId);
  db.exec('DROP TABLE temp.rollup_del_scan_keys');
}

/**
 * Staged usage entries, and staged distinct-recipient entries, read back before the sets they
 * change are written (a page of 20,000 rows is a few MiB of JavaScript arrays; 200,000 added 56 MiB
 * to the peak of a 1M-row removal).
 */
const REMOVE_PAGE = 20_000;
const REACH_PAGE = 20_000;

/**
 * Takes one import's rows out of every rollup. Call inside the transaction that deletes them,
 * BEFORE deleting the rows (they are read to know what to take out). Called after the rows are
 * gone it cannot know what to subtract, so it rebuilds everything. `pages`: rows read back before
 * writing what they change (tests lower them to cross many pages).
 */
export function removeImportFromRollups(db: Db, importId: number, pages: { rows: number; reachRows: number } = { rows: REMOVE_PAGE, reachRows: REACH_PAGE }): void {
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
    registerFunctions(db, workspaceTimeZone(db));
    subtractCounts(db, importId);
    removeImportFromUrlRollups(db, importId);
    stageUsage(db, importId);
    stageFirsts(db, importId);
    stageReach(db, importId);
    scanOtherMessages(db, importId);
    replaceFirsts(db, importId);
    removeReach(db, importId, pages.reachRows);
    writeUsage(db, pages.rows);
    db.exec('DROP TABLE temp.rollup_del_hits');
  })();
}
