/**
 * The prepared single-row statements of the rollup tables (the accumulator's flush, a removal) and
 * the all-time dimension totals. Multi-row versions of the busiest upserts: batch-upsert.ts.
 */
import type { Db } from './connection.ts';
import { SEP } from './rollups-repo.ts';

/** The prepared upserts of every rollup table. */
export function prepareWriters(db: Db) {
  return {
    notif: db.prepare(
      `INSERT INTO rollup_notifications_daily (day, sender_id, category, status, network, messages, known_bytes_messages, known_bytes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET messages = messages + excluded.messages,
         known_bytes_messages = known_bytes_messages + excluded.known_bytes_messages,
         known_bytes = known_bytes + excluded.known_bytes`,
    ),
    template: db.prepare(
      `INSERT INTO rollup_templates_daily (day, sender_id, template_id, category, messages) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET messages = messages + excluded.messages`,
    ),
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
    // Lag bins (ms): < 1 h, 1–24 h, 1–7 d, 7–30 d, 30–90 d, ≥ 90 d (consent.ts optOutBins).
    coverage: db.prepare(
      `INSERT OR REPLACE INTO rollup_coverage_daily
         (day, sender_id, category, pairs, covered, noticed, opted, lag_1h, lag_1d, lag_7d, lag_30d, lag_90d, lag_more)
       SELECT @day, @sender, @category, count(*), coalesce(sum(notice_at IS NOT NULL AND notice_at <= sent_at), 0),
              coalesce(sum(notice_at IS NOT NULL), 0), coalesce(sum(o), 0), coalesce(sum(o AND lag < 3600000), 0),
              coalesce(sum(o AND lag >= 3600000 AND lag < 86400000), 0), coalesce(sum(o AND lag >= 86400000 AND lag < 604800000), 0),
              coalesce(sum(o AND lag >= 604800000 AND lag < 2592000000), 0),
              coalesce(sum(o AND lag >= 2592000000 AND lag < 7776000000), 0), coalesce(sum(o AND lag >= 7776000000), 0)
       FROM (SELECT sent_at, notice_at, notice_at IS NOT NULL AND optout_at IS NOT NULL AS o, optout_at - sent_at AS lag
             FROM rollup_first_messages INDEXED BY rollup_first_by_day
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
    consent: db.prepare(
      `INSERT INTO rollup_consent_daily (day, sender_id, action, events) VALUES (?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET events = events + excluded.events`,
    ),
    url: db.prepare(
      `INSERT INTO rollup_urls_daily (day, action, events) VALUES (?, ?, ?)
       ON CONFLICT DO UPDATE SET events = events + excluded.events`,
    ),
    dimension: db.prepare(
      `INSERT INTO rollup_dimensions (sender_id, template_id, category, messages) VALUES (?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET messages = messages + excluded.messages`,
    ),
  };
}

/** Folds daily template counts (keys day, sender, template, category) into all-time (sender, template, category) totals. */
export function foldDimensionCounts(totals: Map<string, number>, templates: Map<string, number>): void {
  for (const [key, n] of templates) {
    const rest = key.slice(key.indexOf(SEP) + 1);
    totals.set(rest, (totals.get(rest) ?? 0) + n);
  }
}

/** Adds folded dimension totals to the all-time dimensions rollup and empties them. */
export function writeDimensionCounts(w: Writers, totals: Map<string, number>): void {
  for (const [key, n] of totals) {
    if (n === 0) continue;
    const [sender, template, category] = key.split(SEP);
    w.dimension.run(sender, template, category, n);
  }
  totals.clear();
}

export type Writers = ReturnType<typeof prepareWriters>;
