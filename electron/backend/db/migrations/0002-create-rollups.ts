import type { Migration } from './types.ts';

/**
 * The rollups the dashboards read (kept by the importer through rollups/accumulator.ts) and the indexes
 * for what cannot be a rollup (distinct recipients, per-recipient distribution, refusals, URLs).
 * `day` is the local calendar day number (days since 1970-01-01) in the workspace time zone; a
 * change of zone rebuilds every rollup. Empty category / template / sender are stored as ''.
 */
export const createRollups: Migration = {
  version: 2,
  name: '0002-create-rollups',
  up(db) {
    db.exec(`
      CREATE TABLE rollup_notifications_daily (
        day                  INTEGER NOT NULL,
        sender_id            TEXT NOT NULL,
        category             TEXT NOT NULL,
        status               TEXT NOT NULL,
        network              TEXT NOT NULL,
        messages             INTEGER NOT NULL,
        known_bytes_messages INTEGER NOT NULL,
        known_bytes          INTEGER NOT NULL,
        PRIMARY KEY (day, sender_id, category, status, network)
      ) WITHOUT ROWID;

      CREATE TABLE rollup_templates_daily (
        day         INTEGER NOT NULL,
        sender_id   TEXT NOT NULL,
        template_id TEXT NOT NULL,
        category    TEXT NOT NULL,
        messages    INTEGER NOT NULL,
        PRIMARY KEY (day, sender_id, template_id, category)
      ) WITHOUT ROWID;

      -- The first chargeable message of each (recipient, sender) pair (scope 'pair') and of each
      -- recipient (scope 'recipient'; sender_id is then the first message's sender).
      -- notice_at: the earliest notice_shown for that sender or platform-wide (null: never).
      CREATE TABLE rollup_first_messages (
        scope        TEXT NOT NULL CHECK (scope IN ('pair','recipient')),
        recipient_id TEXT NOT NULL,
        sender_key   TEXT NOT NULL,
        sender_id    TEXT NOT NULL,
        sent_at      INTEGER NOT NULL,
        event_id     TEXT,
        day          INTEGER NOT NULL,
        category     TEXT NOT NULL,
        network      TEXT NOT NULL,
        bytes        INTEGER,
        notice_at    INTEGER,
        PRIMARY KEY (scope, recipient_id, sender_key)
      ) WITHOUT ROWID;
      CREATE INDEX rollup_first_by_day ON rollup_first_messages(scope, day, sender_id, category, sent_at, notice_at);

      -- Daily counts of those first messages (what the cost model's first-message size applies to).
      CREATE TABLE rollup_first_daily (
        scope                TEXT NOT NULL,
        day                  INTEGER NOT NULL,
        sender_id            TEXT NOT NULL,
        category             TEXT NOT NULL,
        network              TEXT NOT NULL,
        messages             INTEGER NOT NULL,
        known_bytes_messages INTEGER NOT NULL,
        PRIMARY KEY (scope, day, sender_id, category, network)
      ) WITHOUT ROWID;

      -- The earliest notice_shown per (recipient, sender); sender '' = platform-wide.
      CREATE TABLE rollup_notice_first (
        recipient_id TEXT NOT NULL,
        sender_id    TEXT NOT NULL,
        first_at     INTEGER NOT NULL,
        PRIMARY KEY (recipient_id, sender_id)
      ) WITHOUT ROWID;

      CREATE TABLE rollup_consent_daily (
        day       INTEGER NOT NULL,
        sender_id TEXT NOT NULL,
        action    TEXT NOT NULL,
        events    INTEGER NOT NULL,
        PRIMARY KEY (day, sender_id, action)
      ) WITHOUT ROWID;

      CREATE TABLE rollup_urls_daily (
        day     INTEGER NOT NULL,
        action  TEXT NOT NULL,
        events  INTEGER NOT NULL,
        PRIMARY KEY (day, action)
      ) WITHOUT ROWID;

      -- Distinct recipients reached, the per-recipient distribution and refusals scan a time range.
      CREATE INDEX notifications_by_time ON notifications(sent_at, sender_id, status, recipient_id, category);
      -- Opt-outs in a period; the latest consent state before a message; the first notice of a pair.
      CREATE INDEX consent_by_time ON consent(occurred_at, action, sender_id, recipient_id);
      CREATE INDEX consent_by_recipient ON consent(recipient_id, occurred_at, action, sender_id);
      -- First shared / indexed per URL; distinct URLs per bucket.
      CREATE INDEX urls_by_url ON urls(url, action, occurred_at);
      CREATE INDEX urls_by_time ON urls(occurred_at, action, url);
    `);
  },
};
