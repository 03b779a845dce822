import type { Migration } from './types.ts';

/**
 * Disclosure texts (Korean and English side by side) with their lifecycle, and the history of
 * every status change. Times are UTC epoch milliseconds.
 */
export const createDisclosures: Migration = {
  version: 4,
  name: '0004-create-disclosures',
  up(db) {
    db.exec(`
      CREATE TABLE disclosures (
        id           INTEGER PRIMARY KEY,
        title        TEXT NOT NULL,
        surface      TEXT NOT NULL
                     CHECK (surface IN ('alimtalk','consent-prompt','install','settings','terms','url-notice')),
        status       TEXT NOT NULL DEFAULT 'draft'
                     CHECK (status IN ('draft','in-review','approved','published','retired')),
        ko_text      TEXT NOT NULL DEFAULT '',
        en_text      TEXT NOT NULL DEFAULT '',
        created_at   INTEGER NOT NULL,
        updated_at   INTEGER NOT NULL,
        published_at INTEGER,
        effective_at INTEGER,
        version      INTEGER NOT NULL DEFAULT 1
      );
      CREATE INDEX disclosures_by_surface ON disclosures(surface, status, effective_at);

      CREATE TABLE disclosure_status_history (
        id            INTEGER PRIMARY KEY,
        disclosure_id INTEGER NOT NULL REFERENCES disclosures(id) ON DELETE CASCADE,
        from_status   TEXT,
        to_status     TEXT NOT NULL,
        changed_at    INTEGER NOT NULL,
        note          TEXT
      );
      CREATE INDEX disclosure_status_history_by_disclosure ON disclosure_status_history(disclosure_id, changed_at);
    `);
  },
};
