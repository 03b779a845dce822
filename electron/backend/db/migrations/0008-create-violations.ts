import { rebuildViolations } from '../../rollups/index.ts';
import type { Migration } from './types.ts';

/**
 * Stored refusal violations (kept by rollups/violations.ts): one row per violating notification with
 * the refusal it ignored, and the counts per local day, sender, category ('' = none) and status.
 * The refusals page pages through the first by time; its totals and the overview's card read the
 * second. Filled here from the events already imported.
 */
export const createViolations: Migration = {
  version: 8,
  name: '0008-create-violations',
  up(db) {
    db.exec(`
      CREATE TABLE violations (
        id           INTEGER PRIMARY KEY REFERENCES notifications(id) ON DELETE CASCADE,
        sent_at      INTEGER NOT NULL,
        day          INTEGER NOT NULL,
        sender_id    TEXT NOT NULL,
        category     TEXT NOT NULL,
        status       TEXT NOT NULL,
        recipient_id TEXT NOT NULL,
        latest       TEXT NOT NULL
      );
      CREATE INDEX violations_by_time ON violations(sent_at);
      CREATE INDEX violations_by_day ON violations(day, sender_id, category, status);
      CREATE INDEX violations_by_recipient ON violations(recipient_id, sent_at);

      CREATE TABLE rollup_violations_daily (
        day        INTEGER NOT NULL,
        sender_id  TEXT NOT NULL,
        category   TEXT NOT NULL,
        status     TEXT NOT NULL,
        violations INTEGER NOT NULL,
        PRIMARY KEY (day, sender_id, category, status)
      ) WITHOUT ROWID;
    `);
    rebuildViolations(db);
  },
};
