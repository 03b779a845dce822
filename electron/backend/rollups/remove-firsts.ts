/**
 * Taking one import out of the first messages (remove.ts), set-wise: rollup_first_messages,
 * rollup_notice_first, rollup_first_daily, rollup_coverage_daily and the usage rollup's first flags.
 * Only what the import decided is recomputed:
 * - a pair's or a recipient's stored first message that is one of the import's rows (found by
 *   joining the import's chargeable rows to the stored firsts) is replaced by the earliest of the
 *   other imports' messages of that pair or recipient (remove.ts finds them in its one pass over
 *   the notifications: there is no index of them by recipient, every import would pay for one), or
 *   goes when there is none;
 * - a stored first notice that is one of the import's notices is looked up again
 *   (consent_by_recipient), and so are the notice times of that recipient's first messages;
 * - a pair's first opt-out that is one of the import's opt-outs or blocks is looked up again.
 * The daily first counts, the coverage counts and the usage first flags move by deltas: the rows
 * that may change are subtracted before (grouped statements), and added back once they are final;
 * the flags go to the removal's staged usage changes (temp.rollup_del_usage, remove.ts), written
 * once at the end. Everything is staged in temporary tables, so memory does not grow with the import.
 */
import type { Db } from '../db/connection.ts';
import { COVERAGE_COLUMNS, COVERAGE_INPUTS, coverageCounts } from './firsts.ts';

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

/** Adds `sign` × the unknown-size staged first messages, as stored now, to the staged usage changes' first flags. */
function moveUsageFlags(db: Db, sign: 1 | -1): void {
  db.prepare(
    `INSERT INTO temp.rollup_del_usage (day, sender_id, category, recipient_id, messages, unknown, known, pair_first, recipient_first)
     SELECT f.day, f.sender_id, f.category, f.recipient_id, 0, 0, 0, ${sign} * (f.scope = 'pair'), ${sign} * (f.scope = 'recipient')
     FROM temp.rollup_del_firsts d
     CROSS JOIN rollup_first_messages f ON f.scope = d.scope AND f.recipient_id = d.recipient_id AND f.sender_key = d.sender_key
     WHERE f.bytes IS NULL
     ON CONFLICT DO UPDATE SET pair_first = pair_first + excluded.pair_first, recipient_first = recipient_first + excluded.recipient_first`,
  ).run();
}

/**
 * Stages what one import decided of the first messages (temporary tables): the stored firsts that
 * are its rows (temp.rollup_del_firsts, whose next messages remove.ts's pass over the other
 * imports' notifications looks for), the first notices and first opt-outs that are its events.
 * Call inside the removal's transaction, before the import's rows are deleted.
 */
export function stageFirsts(db: Db, importId: number): void {
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
  for (const [scope, key] of [['pair', 'n.sender_id'], ['recipient', "''"]]) {
    db.prepare(
      `INSERT OR IGNORE INTO temp.rollup_del_firsts (recipient_id, scope, sender_key)
       SELECT n.recipient_id, f.scope, f.sender_key FROM notifications n INDEXED BY notifications_by_import
       CROSS JOIN rollup_first_messages f ON f.scope = '${scope}' AND f.recipient_id = n.recipient_id AND f.sender_key = ${key}
       WHERE n.import_id = @importId AND n.status IN ${CHARGEABLE} AND f.sent_at = n.sent_at AND f.event_id IS n.event_id
         AND f.sender_id = n.sender_id`,
    ).run(p);
  }
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
}

/**
 * Replaces what stageFirsts staged, once remove.ts's pass has put the other imports' chargeable
 * messages of the staged pairs and recipients in temp.rollup_del_hits (id, recipient_id, sender_id,
 * category, sent_at, event_id, network, bytes, charged). The first flags go to temp.rollup_del_usage; the SQL functions
 * nd_rollup_day and nd_rollup_before (remove.ts) must be registered.
 */
export function replaceFirsts(db: Db, importId: number): void {
  const p = { importId };
  moveCounts(db, -1);
  moveUsageFlags(db, -1);

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
  // messages. nd_rollup_before compares event ids as JavaScript does (first-merge.ts).
  for (const [scope, key] of [['pair', 'h.sender_id'], ['recipient', "''"]]) {
    db.prepare(
      `INSERT INTO temp.rollup_del_next (recipient_id, scope, sender_key, id, sent_at, event_id)
       SELECT d.recipient_id, d.scope, d.sender_key, h.id, h.sent_at, h.event_id
       FROM temp.rollup_del_hits h
       CROSS JOIN temp.rollup_del_firsts d ON d.recipient_id = h.recipient_id AND d.scope = '${scope}' AND d.sender_key = ${key}
       WHERE h.charged
       ON CONFLICT DO UPDATE SET id = excluded.id, sent_at = excluded.sent_at, event_id = excluded.event_id
       WHERE excluded.sent_at < sent_at OR (excluded.sent_at = sent_at AND (
         (excluded.event_id IS NULL AND event_id IS NOT NULL)
         OR (excluded.event_id IS NOT NULL AND event_id IS NOT NULL AND excluded.event_id <> event_id AND nd_rollup_before(excluded.event_id, event_id))
         OR (excluded.event_id IS event_id AND excluded.id < id)))`,
    ).run();
  }
  // Rewritten in place where there is a next message (one B-tree update, not a delete and an
  // insert), then its notice and first opt-out looked up for its sender and time; deleted where not.
  const next = `(f.scope, f.recipient_id, f.sender_key) IN (SELECT scope, recipient_id, sender_key FROM temp.rollup_del_next)`;
  db.prepare(
    `UPDATE rollup_first_messages AS f
     SET (sender_id, sent_at, event_id, day, category, network, bytes) = (
       SELECT h.sender_id, h.sent_at, h.event_id, nd_rollup_day(h.sent_at), coalesce(h.category, ''), h.network, h.bytes
       FROM temp.rollup_del_next x CROSS JOIN temp.rollup_del_hits h ON h.id = x.id
       WHERE x.recipient_id = f.recipient_id AND x.scope = f.scope AND x.sender_key = f.sender_key)
     WHERE ${next}`,
  ).run();
  db.prepare(
    `UPDATE rollup_first_messages AS f
     SET notice_at = ${noticeAt('f.recipient_id', 'f.sender_id')},
       optout_at = CASE f.scope WHEN 'pair' THEN ${firstOptOut('f.recipient_id', 'f.sender_id', 'f.sent_at')} END
     WHERE ${next}`,
  ).run(p);
  db.prepare(
    `DELETE FROM rollup_first_messages
     WHERE (scope, recipient_id, sender_key) IN (
       SELECT d.scope, d.recipient_id, d.sender_key FROM temp.rollup_del_firsts d
       WHERE NOT EXISTS (SELECT 1 FROM temp.rollup_del_next x WHERE x.recipient_id = d.recipient_id AND x.scope = d.scope AND x.sender_key = d.sender_key))`,
  ).run();
  db.prepare(
    `UPDATE rollup_first_messages AS f SET notice_at = ${noticeAt('f.recipient_id', 'f.sender_id')}
     WHERE f.scope IN ('pair', 'recipient') AND f.recipient_id IN (SELECT recipient_id FROM temp.rollup_del_notices)`,
  ).run();
  db.prepare(
    `UPDATE rollup_first_messages AS f SET optout_at = ${firstOptOut('f.recipient_id', 'f.sender_id', 'f.sent_at')}
     WHERE f.scope = 'pair' AND (f.recipient_id, f.sender_key) IN (SELECT recipient_id, sender_key FROM temp.rollup_del_optouts)`,
  ).run(p);

  moveCounts(db, 1);
  moveUsageFlags(db, 1);
  // What a rebuild would not hold: days whose first messages all moved away.
  db.prepare('DELETE FROM rollup_first_daily WHERE messages <= 0').run();
  db.prepare('DELETE FROM rollup_coverage_daily WHERE pairs <= 0').run();
  for (const t of TEMP_TABLES) db.exec(`DELETE FROM temp.${t}`);
}
