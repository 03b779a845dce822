import type { Migration } from './types.ts';

/**
 * Distinct-recipient rollups: every recipient gets a dense integer, and each (kind, local day,
 * sender, category) keeps the sorted set of recipients as a little-endian uint32 array. A distinct
 * count over any period and filter is then the population count of the union of those sets — no
 * scan of the raw notifications. Kinds: `reached` (any status but failed), `charged` (sent or
 * delivered), `optout` (opt_out or block events; sender '' = platform-wide; category '').
 */
export const createReachRollups: Migration = {
  version: 5,
  name: '0005-create-reach-rollups',
  up(db) {
    db.exec(`
      CREATE TABLE rollup_recipient_ids (
        recipient_id TEXT PRIMARY KEY,
        idx          INTEGER NOT NULL UNIQUE
      ) WITHOUT ROWID;

      CREATE TABLE rollup_reach_daily (
        kind      TEXT NOT NULL CHECK (kind IN ('reached', 'charged', 'optout')),
        day       INTEGER NOT NULL,
        sender_id TEXT NOT NULL,
        category  TEXT NOT NULL,
        ids       BLOB NOT NULL,
        PRIMARY KEY (kind, day, sender_id, category)
      ) WITHOUT ROWID;
    `);
  },
};
