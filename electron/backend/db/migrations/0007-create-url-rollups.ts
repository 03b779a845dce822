import { rebuildUrlRollups } from '../../rollups/index.ts';
import type { Migration } from './types.ts';

/**
 * URL rollups (kept by rollups/url-sets.ts): every URL gets a dense integer and its host; per URL its
 * first shared and first indexed instants; per (local day, action) the sorted set of URLs with such
 * an event, as a little-endian uint32 array. Distinct URLs per bucket are then bitset unions, and
 * the lag and indexed-without-notice figures read one row per URL — no scan of the raw events.
 * Filled here from the URL events already imported.
 */
export const createUrlRollups: Migration = {
  version: 7,
  name: '0007-create-url-rollups',
  up(db) {
    db.exec(`
      CREATE TABLE rollup_url_ids (
        url           TEXT PRIMARY KEY,
        idx           INTEGER NOT NULL UNIQUE,
        host          TEXT NOT NULL,
        first_shared  INTEGER,
        first_indexed INTEGER
      ) WITHOUT ROWID;
      CREATE INDEX rollup_url_ids_by_shared ON rollup_url_ids(first_shared, first_indexed);
      CREATE INDEX rollup_url_ids_by_indexed ON rollup_url_ids(first_indexed, url);
      CREATE INDEX rollup_url_ids_by_host ON rollup_url_ids(host, idx);

      CREATE TABLE rollup_url_sets_daily (
        day    INTEGER NOT NULL,
        action TEXT NOT NULL,
        ids    BLOB NOT NULL,
        PRIMARY KEY (day, action)
      ) WITHOUT ROWID;
    `);
    rebuildUrlRollups(db);
  },
};
