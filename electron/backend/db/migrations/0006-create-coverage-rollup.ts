import type { Migration } from './types.ts';

/**
 * Notice coverage per local day of the first message, sender and category: pairs, covered (a
 * notice at or before the first message) and noticed (a notice at any time). Kept from
 * rollup_first_messages for every (day, sender, category) whose first messages or notice times
 * change, so the coverage trend never scans the pairs. Filled here from what is already rolled up.
 */
export const createCoverageRollup: Migration = {
  version: 6,
  name: '0006-create-coverage-rollup',
  up(db) {
    db.exec(`
      CREATE TABLE rollup_coverage_daily (
        day       INTEGER NOT NULL,
        sender_id TEXT NOT NULL,
        category  TEXT NOT NULL,
        pairs     INTEGER NOT NULL,
        covered   INTEGER NOT NULL,
        noticed   INTEGER NOT NULL,
        PRIMARY KEY (day, sender_id, category)
      ) WITHOUT ROWID;

      INSERT INTO rollup_coverage_daily (day, sender_id, category, pairs, covered, noticed)
      SELECT day, sender_id, category, count(*), sum(notice_at IS NOT NULL AND notice_at <= sent_at), sum(notice_at IS NOT NULL)
      FROM rollup_first_messages WHERE scope = 'pair' GROUP BY day, sender_id, category;
    `);
  },
};
