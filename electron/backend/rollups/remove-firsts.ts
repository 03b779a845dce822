/**
 * Taking one import out of the first messages (remove.ts), set-wise: rollup_first_messages,
 * rollup_notice_first, rollup_first_daily, rollup_coverage_daily and the usage rollup's first flags.
 * Only what the import decided is recomputed:
 * - a pair's or a recipient's stored first message that is one of the import's rows (found by
 *   joining the import's chargeable rows to the stored firsts) is replaced by the earliest of the
 *   other imports' messages, found in one pass over the notifications (there is no index of them
 *   by recipient: every import would pay for one), or goes when there is none;
 * - a stored first notice that is one of the import's notices is looked up again
 *   (consent_by_recipient), and so are the notice times of that recipient's first messages;
 * - a pair's first opt-out that is one of the import's opt-outs or blocks is looked up again.
 * The daily first counts, the coverage counts and the usage first flags move by deltas: the rows
 * that may change are subtracted before (grouped statements), and added back once they are final.
 * Everything is staged in temporary tables, so memory does not grow with the import.
 */
import type { Db } from '../db/connection.ts';
import { COVERAGE_COLUMNS, COVERAGE_INPUTS, coverageCounts } from './firsts.ts';
import type { UsageDeltas } from './usage.ts';

const CHARGEABLE = `('sent', 'delivered')`;
const REFUSALS = `('opt_out', 'block')`;

/** The first opt-out or block of a pair (recipient `r`, sender `s`) at or after `at`, outside import @importId. */
const firstOptOut = (r: string, s: string, at: string) =>
  `(SELECT c.occurred_at FROM consent c INDEXED BY consent_by_recipient
    WHERE c.recipient_id = ${r} AND c.occurred_at >= ${at} AND c.action IN ${REFUSALS} AND (c.sender_id IS NULL OR c.sender_id = ${s})
      AND c.import_id <> @importId
    ORDER BY c.occurred_at LIMIT 1)`;

/** The notice time of a first message of recipient `r` from sender `s`: its sender's first notice or the platform-wide one. */
const noticeAt = (r: string, s: string) =>
  `(SELECT min(nf.first_at) FROM rollup_notice_first nf WHERE nf.recipient_id = ${r} AND nf.sender_id IN (${s}, ''))`;

const TEMP_TABLES = ['rollup_del_firsts', 'rollup_del_next', 'rollup_del_notices', 'rollup_del_optouts', 'rollup_del_pairs'];

/**
 * Adds (`sign` 1) or subtracts (-1) the staged first messages' share of the daily first counts
 * (rollup_del_firsts) and of the coverage counts (rollup_del_pairs), as they are stored now.
 */
function moveCounts(db: Db, sign: 1 | -1): void {
  db.prepare(
    `INSERT INTO rollup_first_daily (scope, day, sender_id, category, network, messages, known_bytes_messages)
     SELECT f.scope, f.day, f.sender_id, f.category, f.network, ${sign} * count(*), ${sign} * count(f.bytes)
     FROM temp.rollup_del_firsts d
     CROSS JOIN rollup_first_messages f ON f.scope = d.scope AND f.recipient_id = d.recipient_id AND f.sender_key = d.sender_key
     WHERE true GROUP BY f.scope, f.day, f.sender_id, f.category, f.network
     ON CONFLICT DO UPDATE SET messages = messages + excluded.messages,
       known_bytes_messages = known_bytes_messages + excluded.known_bytes_messages`,
  ).run();
  const columns = COVERAGE_COLUMNS.split(', ');
  db.prepare(
    `INSERT INTO rollup_coverage_daily (day, sender_id, category, ${COVERAGE_COLUMNS})
     SELECT day, sender_id, category, ${coverageCounts(sign)}
     FROM (SELECT f.day, f.sender_id, f.category, ${COVERAGE_INPUTS}
           FROM temp.rollup_del_pairs p
           CROSS JOIN rollup_first_messages f ON f.scope = 'pair' AND f.recipient_id = p.recipient_id AND f.sender_key = p.sender_key)
     WHERE true GROUP BY day, sender_id, category
     ON CONFLICT DO UPDATE SET ${columns.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`,
  ).run();
}

/**
 * Adds `sign` × the unknown-size staged first messages to the usage rollup's first flags, a page
 * of `pageRows` at a time, flushing `usage` after each (the old flags must be written before the
 * new ones: a stored flag is a bit, not a count).
 */
function moveUsageFlags(db: Db, usage: UsageDeltas, sign: 1 | -1, pageRows: number): void {
  const page = db
    .prepare(
      `SELECT d.recipient_id, d.scope, d.sender_key, f.day, f.sender_id, f.category FROM temp.rollup_del_firsts d
       CROSS JOIN rollup_first_messages f ON f.scope = d.scope AND f.recipient_id = d.recipient_id AND f.sender_key = d.sender_key
       WHERE (d.recipient_id, d.scope, d.sender_key) > (?, ?, ?) AND f.bytes IS NULL
       ORDER BY d.recipient_id, d.scope, d.sender_key LIMIT ${Math.max(1, Math.floor(pageRows))}`,
    )
    .raw();
  for (let key = ['', '', '']; ; ) {
    const rows = page.all(...key) as [string, 'pair' | 'recipient', string, number, string, string][];
    if (rows.length === 0) break;
    for (const [recipient, scope, , day, sender, category] of rows) usage.first(scope, day, sender, category, recipient, null, sign);
    const last = rows[rows.length - 1]!;
    key = [last[0], last[1], last[2]];
    usage.flush(db);
  }
}

/**
 * Takes one import out of the first messages and what hangs on them. Call inside the removal's
 * transaction, before the import's rows are deleted, after its messages were taken out of `usage`
 * (and flushed); the SQL function nd_rollup_day (local day of an instant) must be registered.
 */
export function removeImportFromFirsts(db: Db, importId: number, usage: UsageDeltas, pageRows: number): void {
  const p = { importId };
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS rollup_del_firsts
      (recipient_id TEXT NOT NULL, scope TEXT NOT NULL, sender_key TEXT NOT NULL, PRIMARY KEY (recipient_id, scope, sender_key)) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS rollup_del_next
      (recipient_id TEXT NOT NULL, scope TEXT NOT NULL, sender_key TEXT NOT NULL, id INTEGER NOT NULL, sent_at INTEGER NOT NULL, event_id TEXT,
       PRIMARY KEY (recipient_id, scope, sender_key)) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS rollup_del_notices
      (recipient_id TEXT NOT NULL, sender_id TEXT NOT NULL, PRIMARY KEY (recipient_id, sender_id)) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS rollup_del_optouts
      (recipient_id TEXT NOT NULL, sender_key TEXT NOT NULL, PRIMARY KEY (recipient_id, sender_key)) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS rollup_del_pairs
      (recipient_id TEXT NOT NULL, sender_key TEXT NOT NULL, PRIMARY KEY (recipient_id, sender_key)) WITHOUT ROWID;
  `);
  for (const t of TEMP_TABLES) db.exec(`DELETE FROM temp.${t}`);

  // The stored firsts that are the import's rows: a pair's (its sender's key) and a recipient's ('').
  // An equal row of another import (same instant and event id) only makes the pair recomputed.
  db.prepare(
    `INSERT OR IGNORE INTO temp.rollup_del_firsts (recipient_id, scope, sender_key)
     SELECT n.recipient_id, f.scope, f.sender_key FROM notifications n INDEXED BY notifications_by_import
     CROSS JOIN rollup_first_messages f ON f.scope IN ('pair', 'recipient') AND f.recipient_id = n.recipient_id AND f.sender_key IN (n.sender_id, '')
     WHERE n.import_id = @importId AND n.status IN ${CHARGEABLE} AND f.sent_at = n.sent_at AND f.event_id IS n.event_id AND f.sender_id = n.sender_id`,
  ).run(p);
  // The stored first notices that are the import's notices (sender '' = platform-wide).
  db.prepare(
    `INSERT OR IGNORE INTO temp.rollup_del_notices (recipient_id, sender_id)
     SELECT c.recipient_id, coalesce(c.sender_id, '') FROM consent c INDEXED BY consent_by_import
     CROSS JOIN rollup_notice_first nf ON nf.recipient_id = c.recipient_id AND nf.sender_id = coalesce(c.sender_id, '')
     WHERE c.import_id = @importId AND c.action = 'notice_shown' AND nf.first_at = c.occurred_at`,
  ).run(p);
  // The pairs whose first opt-out is one of the import's opt-outs or blocks.
  db.prepare(
    `INSERT OR IGNORE INTO temp.rollup_del_optouts (recipient_id, sender_key)
     SELECT f.recipient_id, f.sender_key FROM consent c INDEXED BY consent_by_import
     CROSS JOIN rollup_first_messages f ON f.scope = 'pair' AND f.recipient_id = c.recipient_id
     WHERE c.import_id = @importId AND c.action IN ${REFUSALS} AND f.optout_at = c.occurred_at
       AND (c.sender_id IS NULL OR c.sender_id = f.sender_id)`,
  ).run(p);
  // Every pair whose coverage may change: a new first, a new first opt-out, new notice times.
  db.exec(`
    INSERT OR IGNORE INTO temp.rollup_del_pairs SELECT recipient_id, sender_key FROM temp.rollup_del_firsts WHERE scope = 'pair';
    INSERT OR IGNORE INTO temp.rollup_del_pairs SELECT recipient_id, sender_key FROM temp.rollup_del_optouts;
    INSERT OR IGNORE INTO temp.rollup_del_pairs SELECT f.recipient_id, f.sender_key
      FROM (SELECT DISTINCT recipient_id FROM temp.rollup_del_notices) d
      CROSS JOIN rollup_first_messages f ON f.scope = 'pair' AND f.recipient_id = d.recipient_id;
  `);

  moveCounts(db, -1);
  moveUsageFlags(db, usage, -1, pageRows);
  db.prepare(
    `DELETE FROM rollup_first_messages
     WHERE (scope, recipient_id, sender_key) IN (SELECT scope, recipient_id, sender_key FROM temp.rollup_del_firsts)`,
  ).run();

  // First notices again, from the other imports' notices.
  db.prepare('DELETE FROM rollup_notice_first WHERE (recipient_id, sender_id) IN (SELECT recipient_id, sender_id FROM temp.rollup_del_notices)').run();
  db.prepare(
    `INSERT INTO rollup_notice_first (recipient_id, sender_id, first_at)
     SELECT recipient_id, sender_id, at FROM (
       SELECT d.recipient_id, d.sender_id,
         (SELECT c.occurred_at FROM consent c INDEXED BY consent_by_recipient
          WHERE c.recipient_id = d.recipient_id AND c.action = 'notice_shown' AND coalesce(c.sender_id, '') = d.sender_id
            AND c.import_id <> @importId
          ORDER BY c.occurred_at LIMIT 1) AS at
       FROM temp.rollup_del_notices d)
     WHERE at IS NOT NULL`,
  ).run(p);

  // The next first message of each staged pair and recipient: the earliest (sent time, then event
  // id, nulls first, then insertion order, as a rebuild decides) of the other imports' chargeable
  // messages, in one pass. nd_rollup_before compares event ids as JavaScript does (first-merge.ts).
  const staged = db.prepare('SELECT EXISTS (SELECT 1 FROM temp.rollup_del_firsts)').pluck().get() as number;
  if (staged) {
    db.prepare(
      `INSERT INTO temp.rollup_del_next (recipient_id, scope, sender_key, id, sent_at, event_id)
       SELECT d.recipient_id, d.scope, d.sender_key, n.id, n.sent_at, n.event_id
       FROM notifications n
       CROSS JOIN temp.rollup_del_firsts d ON d.recipient_id = n.recipient_id
         AND ((d.scope = 'pair' AND d.sender_key = n.sender_id) OR (d.scope = 'recipient' AND d.sender_key = ''))
       WHERE n.import_id <> @importId AND n.status IN ${CHARGEABLE}
       ON CONFLICT DO UPDATE SET id = excluded.id, sent_at = excluded.sent_at, event_id = excluded.event_id
       WHERE excluded.sent_at < sent_at OR (excluded.sent_at = sent_at AND (
         (excluded.event_id IS NULL AND event_id IS NOT NULL)
         OR (excluded.event_id IS NOT NULL AND event_id IS NOT NULL AND excluded.event_id <> event_id AND nd_rollup_before(excluded.event_id, event_id))
         OR (excluded.event_id IS event_id AND excluded.id < id)))`,
    ).run(p);
    db.prepare(
      `INSERT INTO rollup_first_messages
         (scope, recipient_id, sender_key, sender_id, sent_at, event_id, day, category, network, bytes, notice_at, optout_at)
       SELECT x.scope, x.recipient_id, x.sender_key, n.sender_id, n.sent_at, n.event_id, nd_rollup_day(n.sent_at), coalesce(n.category, ''),
         n.network, n.bytes, ${noticeAt('x.recipient_id', 'n.sender_id')},
         CASE x.scope WHEN 'pair' THEN ${firstOptOut('x.recipient_id', 'n.sender_id', 'n.sent_at')} END
       FROM temp.rollup_del_next x CROSS JOIN notifications n ON n.id = x.id`,
    ).run(p);
  }
  db.prepare(
    `UPDATE rollup_first_messages AS f SET notice_at = ${noticeAt('f.recipient_id', 'f.sender_id')}
     WHERE f.scope IN ('pair', 'recipient') AND f.recipient_id IN (SELECT recipient_id FROM temp.rollup_del_notices)`,
  ).run();
  db.prepare(
    `UPDATE rollup_first_messages AS f SET optout_at = ${firstOptOut('f.recipient_id', 'f.sender_id', 'f.sent_at')}
     WHERE f.scope = 'pair' AND (f.recipient_id, f.sender_key) IN (SELECT recipient_id, sender_key FROM temp.rollup_del_optouts)`,
  ).run(p);

  moveCounts(db, 1);
  moveUsageFlags(db, usage, 1, pageRows);
  // What a rebuild would not hold: days whose first messages all moved away.
  db.prepare('DELETE FROM rollup_first_daily WHERE messages <= 0').run();
  db.prepare('DELETE FROM rollup_coverage_daily WHERE pairs <= 0').run();
  for (const t of TEMP_TABLES) db.exec(`DELETE FROM temp.${t}`);
}
