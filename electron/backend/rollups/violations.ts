/**
 * Stored refusal violations (migration 0008; docs/metrics.md `refusals`): every notification (any status
 * but failed) whose recipient's latest opt-in / opt-out / block / unblock event for that sender or
 * platform-wide, strictly before it, is an opt-out or a block — with that event — and their counts
 * per local day, sender, category and status. The refusals page and the overview read these instead
 * of looking up a consent history per message.
 *
 * Kept set-wise, inside the importing (or deleting) transaction:
 * - a notification import adds the violations among its own rows;
 * - a consent import (or deleting one) recomputes the violations of the recipients whose refusal
 *   events it brought (or took away), from the earliest of those events on;
 * - deleting a notification import drops its rows' violations (ON DELETE CASCADE);
 * - a rebuild (a change of time zone) recomputes everything.
 * The daily counts are regrouped for the days whose violations changed.
 */
import { localDay } from '../../../shared/metrics/calendar.ts';
import type { Db } from '../db/connection.ts';
import { workspaceTimeZone } from '../db/workspace-settings.ts';
import type { RollupStep } from './step.ts';

/** The consent actions that decide whether a message honoured a refusal. */
const STATE_ACTIONS = `('opt_in', 'opt_out', 'block', 'unblock')`;

/**
 * Inserts the violations among the notifications matched by `where` (over alias n). The latest
 * state event is looked up once per candidate: the subquery in FROM carries LIMIT/OFFSET so SQLite
 * neither flattens it nor pushes the filter into it (either would run the lookup twice).
 * Candidates are only messages to recipients who ever opted out or blocked.
 */
function insertViolations(db: Db, where: string, params: Record<string, number>): void {
  const zone = workspaceTimeZone(db);
  db.function('nd_local_day', { deterministic: true, directOnly: true }, (ms) => localDay(Number(ms), zone));
  db.prepare(
    `INSERT OR REPLACE INTO violations (id, sent_at, day, sender_id, category, status, recipient_id, latest)
     SELECT id, sent_at, nd_local_day(sent_at), sender_id, category, status, recipient_id, latest FROM (
       SELECT n.id, n.sent_at, n.sender_id, coalesce(n.category, '') AS category, n.status, n.recipient_id,
         (SELECT c.action || '|' || c.occurred_at || '|' || coalesce(c.sender_id, '')
            FROM consent c INDEXED BY consent_by_recipient
            WHERE c.recipient_id = n.recipient_id AND c.occurred_at < n.sent_at AND c.action IN ${STATE_ACTIONS}
              AND (c.sender_id IS NULL OR c.sender_id = n.sender_id)
            ORDER BY c.occurred_at DESC, c.id DESC LIMIT 1) AS latest
       FROM notifications n
       WHERE ${where} AND n.status <> 'failed'
         AND n.recipient_id IN (SELECT recipient_id FROM consent WHERE action IN ('opt_out', 'block'))
       LIMIT -1 OFFSET 0)
     WHERE substr(latest, 1, 8) = 'opt_out|' OR substr(latest, 1, 6) = 'block|'`,
  ).run(params);
}

/** Regroups the daily violation counts of the local days in [fromDay, toDay]. */
function regroupDays(db: Db, fromDay: number, toDay: number): void {
  db.prepare('DELETE FROM rollup_violations_daily WHERE day BETWEEN ? AND ?').run(fromDay, toDay);
  db.prepare(
    `INSERT INTO rollup_violations_daily (day, sender_id, category, status, violations)
     SELECT day, sender_id, category, status, count(*) FROM violations INDEXED BY violations_by_day
     WHERE day BETWEEN ? AND ? GROUP BY day, sender_id, category, status`,
  ).run(fromDay, toDay);
}

/** The day span of the violations matching `where` (over `violations`; null when none). */
function violationDays(db: Db, where: string, ...params: number[]): [number, number] | null {
  const r = db.prepare(`SELECT min(day) AS lo, max(day) AS hi FROM violations WHERE ${where}`).get(...params) as {
    lo: number | null;
    hi: number | null;
  };
  return r.lo === null || r.hi === null ? null : [r.lo, r.hi];
}

/**
 * The violations of one import's messages, by the id range of its notifications (an import's rows
 * are inserted in one transaction, so the range holds its own rows; were it ever to hold others, the
 * span would only widen, which regrouping tolerates). An `id IN (its ids)` filter had SQLite build
 * an in-memory index of every id of the import: 100 MiB at the end of a 10M-row import.
 */
const OF_IMPORT = `id BETWEEN (SELECT min(id) FROM notifications WHERE import_id = ?) AND (SELECT max(id) FROM notifications WHERE import_id = ?)`;

function spanUnion(a: [number, number] | null, b: [number, number] | null): [number, number] | null {
  if (!a) return b;
  if (!b) return a;
  return [Math.min(a[0], b[0]), Math.max(a[1], b[1])];
}

/**
 * Recomputes the violations of the recipients in temp.violation_recipients for messages sent after
 * `afterMs` (the earliest refusal event that changed), and regroups the days that changed.
 */
function recomputeStaged(db: Db, afterMs: number): void {
  const staged = 'sent_at > ? AND recipient_id IN (SELECT recipient_id FROM temp.violation_recipients)';
  const before = violationDays(db, staged, afterMs);
  db.prepare(`DELETE FROM violations WHERE ${staged}`).run(afterMs);
  insertViolations(db, 'n.sent_at > @afterMs AND n.recipient_id IN (SELECT recipient_id FROM temp.violation_recipients)', { afterMs });
  const after = violationDays(db, staged, afterMs);
  const span = spanUnion(before, after);
  if (span) regroupDays(db, span[0], span[1]);
}

/** Stages the recipients of one import's refusal-state events; returns the earliest event's instant (null: none). */
function stageRefusalRecipients(db: Db, importId: number): number | null {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS violation_recipients (recipient_id TEXT PRIMARY KEY) WITHOUT ROWID');
  db.exec('DELETE FROM temp.violation_recipients');
  db.prepare(
    `INSERT OR IGNORE INTO temp.violation_recipients
     SELECT recipient_id FROM consent WHERE import_id = ? AND action IN ${STATE_ACTIONS}`,
  ).run(importId);
  return db
    .prepare(`SELECT min(occurred_at) FROM consent WHERE import_id = ? AND action IN ${STATE_ACTIONS}`)
    .pluck()
    .get(importId) as number | null;
}

/**
 * Brings the violations up to date after one import's rows were inserted (inside its transaction):
 * its refusal events re-decide their recipients' later messages, then its own messages are checked.
 */
export function addImportToViolations(db: Db, importId: number): void {
  const earliest = stageRefusalRecipients(db, importId);
  if (earliest !== null) recomputeStaged(db, earliest - 1);
  db.exec('DELETE FROM temp.violation_recipients');
  insertViolations(db, 'n.import_id = @importId', { importId });
  const span = violationDays(db, OF_IMPORT, importId, importId);
  if (span) regroupDays(db, span[0], span[1]);
}

/** The violations step: nothing per row; once an import's rows are all stored, its violations (`addImportToViolations`). */
export function violationsStep(): RollupStep {
  return {
    flush() {},
    complete(ctx, importId) {
      addImportToViolations(ctx.db, importId);
    },
  };
}

/**
 * Takes one import out of the violations: call in the deleting transaction; `deleteRows` deletes
 * the import's rows (its messages' violations go with them by cascade), after which the recipients
 * of its refusal events are recomputed from the events that remain.
 */
export function removeImportFromViolations(db: Db, importId: number, deleteRows: () => void): void {
  const span = violationDays(db, OF_IMPORT, importId, importId);
  const earliest = stageRefusalRecipients(db, importId);
  deleteRows();
  if (span) regroupDays(db, span[0], span[1]);
  if (earliest !== null) recomputeStaged(db, earliest - 1);
  db.exec('DELETE FROM temp.violation_recipients');
}

/** Recomputes every violation and daily count from the raw events. */
export function rebuildViolations(db: Db): void {
  db.prepare('DELETE FROM violations').run();
  db.prepare('DELETE FROM rollup_violations_daily').run();
  insertViolations(db, '1', {});
  db.prepare(
    `INSERT INTO rollup_violations_daily (day, sender_id, category, status, violations)
     SELECT day, sender_id, category, status, count(*) FROM violations GROUP BY day, sender_id, category, status`,
  ).run();
}
