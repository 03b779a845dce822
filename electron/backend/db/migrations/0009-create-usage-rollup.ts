import { localDay } from '../../../../shared/metrics/calendar.ts';
import { rebuildUsage } from '../../rollups/index.ts';
import type { Migration } from './types.ts';
import { workspaceTimeZone } from '../workspace-settings.ts';

/**
 * The per-recipient usage rollup (kept by rollups/usage.ts): per (local day, sender, category), each
 * recipient's chargeable messages, unknown-size messages, known bytes and unknown-size first-message
 * flags, as parallel arrays (the known sums sparse; the message counts, needed only to merge, apart).
 * Filled here from the messages and first messages already stored.
 */
export const createUsageRollup: Migration = {
  version: 9,
  name: '0009-create-usage-rollup',
  up(db) {
    db.exec(`
      CREATE TABLE rollup_usage_daily (
        day       INTEGER NOT NULL,
        sender_id TEXT NOT NULL,
        category  TEXT NOT NULL,
        entries   BLOB NOT NULL,
        messages  BLOB NOT NULL,
        PRIMARY KEY (day, sender_id, category)
      ) WITHOUT ROWID;
    `);
    const zone = workspaceTimeZone(db);
    rebuildUsage(db, (ms) => localDay(ms, zone));
  },
};
