import type { Migration } from './types.ts';

/**
 * Time from first message to opt-out, kept instead of looked up per pair: each pair's first
 * message gets `optout_at`, the first opt-out or block of that recipient (for that sender or
 * platform-wide) at or after it, and the coverage rollup counts per day, sender and category the
 * noticed pairs that opted out, in the page's six lag bins (< 1 h, 1–24 h, 1–7 d, 7–30 d, 30–90 d,
 * ≥ 90 d). Filled here from the events already imported.
 */
export const addOptOutLag: Migration = {
  version: 11,
  name: '0011-add-optout-lag',
  up(db) {
    db.exec(`
      ALTER TABLE rollup_first_messages ADD COLUMN optout_at INTEGER;
      UPDATE rollup_first_messages AS f SET optout_at = (
        SELECT min(c.occurred_at) FROM consent c INDEXED BY consent_by_recipient
        WHERE c.recipient_id = f.recipient_id AND c.occurred_at >= f.sent_at AND c.action IN ('opt_out', 'block')
          AND (c.sender_id IS NULL OR c.sender_id = f.sender_id))
      WHERE f.scope = 'pair' AND f.recipient_id IN (SELECT recipient_id FROM consent WHERE action IN ('opt_out', 'block'));

      ALTER TABLE rollup_coverage_daily ADD COLUMN opted INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE rollup_coverage_daily ADD COLUMN lag_1h INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE rollup_coverage_daily ADD COLUMN lag_1d INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE rollup_coverage_daily ADD COLUMN lag_7d INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE rollup_coverage_daily ADD COLUMN lag_30d INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE rollup_coverage_daily ADD COLUMN lag_90d INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE rollup_coverage_daily ADD COLUMN lag_more INTEGER NOT NULL DEFAULT 0;

      DELETE FROM rollup_coverage_daily;
      INSERT INTO rollup_coverage_daily (day, sender_id, category, pairs, covered, noticed, opted, lag_1h, lag_1d, lag_7d, lag_30d, lag_90d, lag_more)
      SELECT day, sender_id, category, count(*), sum(notice_at IS NOT NULL AND notice_at <= sent_at), sum(notice_at IS NOT NULL),
        sum(o), sum(o AND lag < 3600000), sum(o AND lag >= 3600000 AND lag < 86400000), sum(o AND lag >= 86400000 AND lag < 604800000),
        sum(o AND lag >= 604800000 AND lag < 2592000000), sum(o AND lag >= 2592000000 AND lag < 7776000000), sum(o AND lag >= 7776000000)
      FROM (SELECT day, sender_id, category, sent_at, notice_at, notice_at IS NOT NULL AND optout_at IS NOT NULL AS o, optout_at - sent_at AS lag
            FROM rollup_first_messages WHERE scope = 'pair')
      GROUP BY day, sender_id, category;
    `);
  },
};
