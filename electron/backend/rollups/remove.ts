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
import { removeImportFromFirsts } from './remove-firsts.ts';
import { removeImportFromReach } from './remove-reach.ts';
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

/** Subtracts one import's rows from the additive daily tables and the all-time dimensions, one grouped upsert each. */
function subtractCounts(db: Db, importId: number): void {
  const p = { importId };
  const notifications = (columns: string) =>
    `(SELECT nd_rollup_day(sent_at) AS day, ${columns} FROM notifications INDEXED BY notifications_by_import
      WHERE import_id = @importId LIMIT -1 OFFSET 0)`;
  db.prepare(
    `INSERT INTO rollup_notifications_daily (day, sender_id, category, status, network, messages, known_bytes_messages, known_bytes)
     SELECT day, sender_id, category, status, network, -count(*), -count(bytes), -coalesce(sum(bytes), 0)
     FROM ${notifications("sender_id, coalesce(category, '') AS category, status, network, bytes")}
     WHERE true GROUP BY day, sender_id, category, status, network
     ON CONFLICT DO UPDATE SET messages = messages + excluded.messages,
       known_bytes_messages = known_bytes_messages + excluded.known_bytes_messages, known_bytes = known_bytes + excluded.known_bytes`,
  ).run(p);
  db.prepare(
    `INSERT INTO rollup_templates_daily (day, sender_id, template_id, category, messages)
     SELECT day, sender_id, template_id, category, -count(*)
     FROM ${notifications("sender_id, coalesce(template_id, '') AS template_id, coalesce(category, '') AS category")}
     WHERE true GROUP BY day, sender_id, template_id, category
     ON CONFLICT DO UPDATE SET messages = messages + excluded.messages`,
  ).run(p);
  db.prepare(
    `INSERT INTO rollup_dimensions (sender_id, template_id, category, messages)
     SELECT sender_id, coalesce(template_id, ''), coalesce(category, ''), -count(*)
     FROM notifications INDEXED BY notifications_by_import WHERE import_id = @importId
     GROUP BY sender_id, coalesce(template_id, ''), coalesce(category, '')
     ON CONFLICT DO UPDATE SET messages = messages + excluded.messages`,
  ).run(p);
  db.prepare(
    `INSERT INTO rollup_consent_daily (day, sender_id, action, events)
     SELECT day, sender_id, action, -count(*)
     FROM (SELECT nd_rollup_day(occurred_at) AS day, coalesce(sender_id, '') AS sender_id, action
           FROM consent INDEXED BY consent_by_import WHERE import_id = @importId LIMIT -1 OFFSET 0)
     WHERE true GROUP BY day, sender_id, action
     ON CONFLICT DO UPDATE SET events = events + excluded.events`,
  ).run(p);
  db.prepare(
    `INSERT INTO rollup_urls_daily (day, action, events)
     SELECT day, action, -count(*)
     FROM (SELECT nd_rollup_day(occurred_at) AS day, action FROM urls INDEXED BY urls_by_import WHERE import_id = @importId LIMIT -1 OFFSET 0)
     WHERE true GROUP BY day, action
     ON CONFLICT DO UPDATE SET events = events + excluded.events`,
  ).run(p);
  db.prepare('DELETE FROM rollup_notifications_daily WHERE messages <= 0').run();
  db.prepare('DELETE FROM rollup_templates_daily WHERE messages <= 0').run();
  db.prepare('DELETE FROM rollup_dimensions WHERE messages <= 0').run();
  db.prepare('DELETE FROM rollup_consent_daily WHERE events <= 0').run();
  db.prepare('DELETE FROM rollup_urls_daily WHERE events <= 0').run();
}

/**
 * Takes one import's chargeable messages out of the usage rollup: summed per entry (day, sender,
 * category, recipient) into a temporary table in entry order, then merged a page at a time, so
 * each stored set is rewritten about once whatever the order of the import's rows.
 */
function subtractUsage(db: Db, importId: number, usage: UsageDeltas, pageRows: number): void {
  db.exec(`
    DROP TABLE IF EXISTS temp.rollup_del_usage;
    CREATE TEMP TABLE rollup_del_usage
      (day INTEGER NOT NULL, sender_id TEXT NOT NULL, category TEXT NOT NULL, recipient_id TEXT NOT NULL,
       messages INTEGER NOT NULL, unknown INTEGER NOT NULL, known INTEGER NOT NULL,
       PRIMARY KEY (day, sender_id, category, recipient_id)) WITHOUT ROWID;
  `);
  db.prepare(
    `INSERT INTO temp.rollup_del_usage (day, sender_id, category, recipient_id, messages, unknown, known)
     SELECT day, sender_id, category, recipient_id, count(*), count(*) - count(bytes), coalesce(sum(bytes), 0)
     FROM (SELECT nd_rollup_day(sent_at) AS day, sender_id, coalesce(category, '') AS category, recipient_id, bytes
           FROM notifications INDEXED BY notifications_by_import WHERE import_id = ? AND status IN ${CHARGEABLE} LIMIT -1 OFFSET 0)
     GROUP BY day, sender_id, category, recipient_id`,
  ).run(importId);
  const page = db
    .prepare(
      `SELECT day, sender_id, category, recipient_id, messages, unknown, known FROM temp.rollup_del_usage
       WHERE (day, sender_id, category, recipient_id) > (?, ?, ?, ?)
       ORDER BY day, sender_id, category, recipient_id LIMIT ${Math.max(1, Math.floor(pageRows))}`,
    )
    .raw();
  for (let key: [number, string, string, string] = [-1e9, '', '', '']; ; ) {
    const rows = page.all(...key) as [number, string, string, string, number, number, number][];
    if (rows.length === 0) break;
    for (const [day, sender, category, recipient, m, u, k] of rows) usage.messages(day, sender, category, recipient, -m, -u, -k);
    const last = rows[rows.length - 1]!;
    key = [last[0], last[1], last[2], last[3]];
    usage.flush(db);
  }
  db.exec('DROP TABLE temp.rollup_del_usage');
}

/** Rows read back from a temporary table before what they change is written (usage sets, first flags). */
const REMOVE_PAGE = 50_000;

/** Distinct-recipient candidates read before the sets they change are written. */
const REACH_PAGE = 200_000;

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
    const usage = new UsageDeltas();
    subtractUsage(db, importId, usage, pages.rows);
    removeImportFromUrlRollups(db, importId);
    removeImportFromFirsts(db, importId, usage, pages.rows);
    removeImportFromReach(db, importId, pages.reachRows);
  })();
}
