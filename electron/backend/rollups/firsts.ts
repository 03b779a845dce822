/**
 * The first messages and what hangs on them: rollup_first_messages (the first chargeable message of
 * every (recipient, sender) pair and of every recipient, with its first notice and, for a pair, the
 * first opt-out or block at or after it), rollup_first_daily (first messages per day, sender,
 * category, network), rollup_notice_first (each recipient's first notice, per sender and
 * platform-wide) and rollup_coverage_daily (per day of a pair's first message: pairs, covered,
 * noticed, and noticed pairs that opted out in six lag bins). The candidates are merged set-wise by
 * first-merge.ts.
 */
import type { Db } from '../db/connection.ts';
import { batchWriter } from './batch-upsert.ts';
import { earlier, mergeFirstCandidates, type FirstCandidate } from './first-merge.ts';
import { SEP } from './keys.ts';
import type { RollupStep } from './step.ts';
import type { UsageDeltas } from './usage.ts';

/** The counted columns of rollup_coverage_daily, in the order `coverageCounts` gives them. */
export const COVERAGE_COLUMNS = 'pairs, covered, noticed, opted, lag_1h, lag_1d, lag_7d, lag_30d, lag_90d, lag_more';

/** What `coverageCounts` reads from each pair first message (a rollup_first_messages row). */
export const COVERAGE_INPUTS = 'sent_at, notice_at, notice_at IS NOT NULL AND optout_at IS NOT NULL AS o, optout_at - sent_at AS lag';

/**
 * The coverage counts (COVERAGE_COLUMNS) of a group of pair first messages (rows of COVERAGE_INPUTS),
 * each times `sign` (a removal subtracts the pairs it changes, then adds them back as they are).
 * Lag bins (ms): < 1 h, 1–24 h, 1–7 d, 7–30 d, 30–90 d, ≥ 90 d (consent.ts optOutBins).
 */
export function coverageCounts(sign: 1 | -1): string {
  return [
    'count(*)', 'sum(notice_at IS NOT NULL AND notice_at <= sent_at)', 'sum(notice_at IS NOT NULL)', 'sum(o)', 'sum(o AND lag < 3600000)',
    'sum(o AND lag >= 3600000 AND lag < 86400000)', 'sum(o AND lag >= 86400000 AND lag < 604800000)',
    'sum(o AND lag >= 604800000 AND lag < 2592000000)', 'sum(o AND lag >= 2592000000 AND lag < 7776000000)', 'sum(o AND lag >= 7776000000)',
  ].map((e) => `${sign} * coalesce(${e}, 0)`).join(', ');
}

/** The single-row statements of the four tables (the step's flush, a removal). */
export function firstStatements(db: Db) {
  return {
    firstDaily: db.prepare(
      `INSERT INTO rollup_first_daily (scope, day, sender_id, category, network, messages, known_bytes_messages)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET messages = messages + excluded.messages,
         known_bytes_messages = known_bytes_messages + excluded.known_bytes_messages`,
    ),
    getNotice: db.prepare(`SELECT first_at FROM rollup_notice_first WHERE recipient_id = ? AND sender_id = ?`).pluck(),
    putNotice: db.prepare(
      `INSERT INTO rollup_notice_first (recipient_id, sender_id, first_at) VALUES (?, ?, ?)
       ON CONFLICT DO UPDATE SET first_at = min(first_at, excluded.first_at)`,
    ),
    lowerNoticeForSender: db.prepare(
      `UPDATE rollup_first_messages SET notice_at = ?
       WHERE scope IN ('pair', 'recipient') AND recipient_id = ? AND sender_id = ? AND (notice_at IS NULL OR notice_at > ?)
       RETURNING scope, day, sender_id, category`,
    ),
    lowerNoticeForAll: db.prepare(
      `UPDATE rollup_first_messages SET notice_at = ?
       WHERE scope IN ('pair', 'recipient') AND recipient_id = ? AND (notice_at IS NULL OR notice_at > ?)
       RETURNING scope, day, sender_id, category`,
    ),
    coverage: db.prepare(
      `INSERT OR REPLACE INTO rollup_coverage_daily (day, sender_id, category, ${COVERAGE_COLUMNS})
       SELECT @day, @sender, @category, ${coverageCounts(1)}
       FROM (SELECT ${COVERAGE_INPUTS} FROM rollup_first_messages INDEXED BY rollup_first_by_day
             WHERE scope = 'pair' AND day = @day AND sender_id = @sender AND category = @category)`,
    ),
    // An opt-out or block at @at is the first one at or after the first messages sent up to @at
    // that had none earlier.
    lowerOptOutForSender: db.prepare(
      `UPDATE rollup_first_messages SET optout_at = @at
       WHERE scope = 'pair' AND recipient_id = @recipient AND sender_key = @sender AND sent_at <= @at AND (optout_at IS NULL OR optout_at > @at)
       RETURNING day, sender_id, category`,
    ),
    lowerOptOutForAll: db.prepare(
      `UPDATE rollup_first_messages SET optout_at = @at
       WHERE scope = 'pair' AND recipient_id = @recipient AND sent_at <= @at AND (optout_at IS NULL OR optout_at > @at)
       RETURNING day, sender_id, category`,
    ),
    dropFirstDaily: db.prepare(
      'DELETE FROM rollup_first_daily WHERE scope = ? AND day = ? AND sender_id = ? AND category = ? AND network = ? AND messages = 0',
    ),
    dropCoverage: db.prepare('DELETE FROM rollup_coverage_daily WHERE day = ? AND sender_id = ? AND category = ? AND pairs = 0'),
  };
}

/** Multi-row versions of the coverage-delta and daily-first upserts. */
function firstBatches(db: Db) {
  return {
    coverage: batchWriter(
      db,
      `INSERT INTO rollup_coverage_daily
         (day, sender_id, category, pairs, covered, noticed, opted, lag_1h, lag_1d, lag_7d, lag_30d, lag_90d, lag_more)`,
      13,
      `ON CONFLICT DO UPDATE SET pairs = pairs + excluded.pairs, covered = covered + excluded.covered,
         noticed = noticed + excluded.noticed, opted = opted + excluded.opted, lag_1h = lag_1h + excluded.lag_1h,
         lag_1d = lag_1d + excluded.lag_1d, lag_7d = lag_7d + excluded.lag_7d, lag_30d = lag_30d + excluded.lag_30d,
         lag_90d = lag_90d + excluded.lag_90d, lag_more = lag_more + excluded.lag_more`,
    ),
    firstDaily: batchWriter(
      db,
      'INSERT INTO rollup_first_daily (scope, day, sender_id, category, network, messages, known_bytes_messages)',
      7,
      `ON CONFLICT DO UPDATE SET messages = messages + excluded.messages,
         known_bytes_messages = known_bytes_messages + excluded.known_bytes_messages`,
    ),
  };
}

/** How the first-message step runs. */
export interface FirstsOptions {
  /**
   * A rebuild from scratch: candidates stay in memory across flushes and are merged once, by the
   * last flush (sparing a lookup per pair per flush); opt-outs are left to that merge, which looks
   * them up for every pair at once.
   */
  defer: boolean;
  /**
   * Without `defer`: the pair candidates held in memory across flushes before they are merged (0:
   * merged at every flush). Every merge walks pages all over rollup_first_messages (its keys are
   * recipients, in no relation to time), so merging every 20,000 rows rewrote most of that table's
   * pages into the write-ahead log again and again; holding 40,000 pairs merges a 1M-row import's
   * ~540,000 pairs in about fourteen passes instead of fifty (see docs/import-formats.md).
   */
  holdUpTo?: number;
  /** Consent rows of this import (being deleted) are not looked at for first opt-outs (-1: none). */
  excludeImport: number;
  /**
   * The import path: each new pair first is added to the coverage counts (and the one it displaces
   * taken off) as a delta; otherwise every (day, sender, category) whose firsts moved is recounted.
   */
  coverageDeltas: boolean;
  /**
   * The usage rollup's deltas, shared with the usage step (which writes them after this step): a
   * first message that changes moves its first flags there. Null when the usage rollup is refilled
   * afterwards (a rebuild).
   */
  usage: UsageDeltas | null;
}

/** The first-message step. */
export function firstsStep(options: FirstsOptions): RollupStep {
  const { defer, excludeImport, usage } = options;
  let w: ReturnType<typeof firstStatements> | null = null;
  let batched: ReturnType<typeof firstBatches> | null = null;
  let pairFirst = new Map<string, FirstCandidate>();
  let recipFirst = new Map<string, FirstCandidate>();
  let notices = new Map<string, number>();
  // Opt-outs and blocks seen: [recipient, sender ('' = platform-wide), at].
  let optOuts: [string, string, number][] = [];

  const offer = (map: Map<string, FirstCandidate>, key: string, c: FirstCandidate) => {
    const cur = map.get(key);
    if (!cur || earlier(c.sentAt, c.eventId, cur.sentAt, cur.eventId)) map.set(key, c);
  };

  return {
    addNotification(e, day, category) {
      if (e.status !== 'sent' && e.status !== 'delivered') return;
      const c: FirstCandidate = {
        recipientId: e.recipientId,
        senderId: e.senderId,
        sentAt: e.sentAt,
        eventId: e.eventId,
        day,
        category,
        network: e.network,
        bytes: e.bytes,
      };
      offer(pairFirst, e.recipientId + SEP + e.senderId, c);
      offer(recipFirst, e.recipientId, c);
    },
    addConsent(e) {
      if (!defer && (e.action === 'opt_out' || e.action === 'block')) {
        optOuts.push([e.recipientId, e.senderId ?? '', e.occurredAt]);
      }
      if (e.action === 'notice_shown') {
        const nkey = e.recipientId + SEP + (e.senderId ?? '');
        const cur = notices.get(nkey);
        if (cur === undefined || e.occurredAt < cur) notices.set(nkey, e.occurredAt);
      }
    },
    flush(ctx) {
      const { db } = ctx;
      w ??= firstStatements(db);
      const writers = w;
      batched ??= firstBatches(db);
      const coverageKeys = new Set<string>();
      // Notices first, so new first messages see them.
      for (const [key, at] of notices) {
        const [recipient, sender] = key.split(SEP) as [string, string];
        const old = writers.getNotice.get(recipient, sender) as number | undefined;
        if (old !== undefined && old <= at) continue;
        writers.putNotice.run(recipient, sender, at);
        const changed = (
          sender === '' ? writers.lowerNoticeForAll.all(at, recipient, at) : writers.lowerNoticeForSender.all(at, recipient, sender, at)
        ) as { scope: string; day: number; sender_id: string; category: string }[];
        for (const c of changed) if (c.scope === 'pair') coverageKeys.add(c.day + SEP + c.sender_id + SEP + c.category);
      }
      const firstDaily = new Map<string, number[]>();
      const writeFirsts = defer ? ctx.finishing : ctx.finishing || pairFirst.size >= (options.holdUpTo ?? 0);
      const coverageDeltas = options.coverageDeltas ? new Map<string, number[]>() : null;
      if (writeFirsts) mergeFirstCandidates(db, 'pair', pairFirst, firstDaily, usage, excludeImport, coverageDeltas);
      if (coverageDeltas) {
        for (const [key, v] of coverageDeltas) {
          if (v.every((x) => x === 0)) continue;
          const [day, sender, category] = key.split(SEP);
          batched.coverage.add(Number(day), sender!, category!, ...v);
        }
        batched.coverage.flush();
        for (const [key, v] of coverageDeltas) {
          if (v[0]! >= 0) continue;
          const [day, sender, category] = key.split(SEP);
          writers.dropCoverage.run(Number(day), sender, category);
        }
      } else {
        for (const key of firstDaily.keys()) {
          const [scope, day, sender, category] = key.split(SEP);
          if (scope === 'pair') coverageKeys.add(day + SEP + sender + SEP + category);
        }
      }
      if (writeFirsts) mergeFirstCandidates(db, 'recipient', recipFirst, firstDaily, usage, excludeImport);
      for (const [key, v] of firstDaily) {
        if (v[0] === 0 && v[1] === 0) continue;
        const [scope, day, sender, category, network] = key.split(SEP);
        batched.firstDaily.add(scope!, Number(day), sender!, category!, network!, v[0]!, v[1]!);
      }
      batched.firstDaily.flush();
      // A day whose last first moved to an earlier day goes, as a rebuild would leave it.
      for (const [key, v] of firstDaily) {
        if (v[0]! >= 0) continue;
        const [scope, day, sender, category, network] = key.split(SEP);
        writers.dropFirstDaily.run(scope, Number(day), sender, category, network);
      }
      // Opt-outs after the first messages are merged: they may be the first one after a new first.
      for (const [recipient, sender, at] of optOuts) {
        const p = { at, recipient, sender };
        const changed = (sender === '' ? writers.lowerOptOutForAll.all(p) : writers.lowerOptOutForSender.all(p)) as {
          day: number;
          sender_id: string;
          category: string;
        }[];
        for (const c of changed) coverageKeys.add(c.day + SEP + c.sender_id + SEP + c.category);
      }
      optOuts = [];
      for (const key of coverageKeys) {
        const [day, sender, category] = key.split(SEP);
        writers.coverage.run({ day: Number(day), sender, category });
        writers.dropCoverage.run(Number(day), sender, category);
      }
      if (writeFirsts) {
        pairFirst = new Map();
        recipFirst = new Map();
      }
      notices = new Map();
    },
  };
}
