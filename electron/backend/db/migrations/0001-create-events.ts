import type { Migration } from './types.ts';

/**
 * The three canonical event tables (docs/canonical-model.md), the imports table (provenance of every row),
 * the rejects table and the workspace's own key/value settings.
 * Timestamps are stored as UTC epoch milliseconds; the raw text is kept beside them.
 * `dedupe_key` is a 53-bit hash of the event id (or of the normalised fields when there is none);
 * the importer verifies the stored event on every key clash and moves a distinct event to the next
 * free key, so a hash collision never drops an event.
 */
export const createEvents: Migration = {
  version: 1,
  name: '0001-create-events',
  up(db) {
    db.exec(`
      CREATE TABLE workspace_meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      CREATE TABLE imports (
        id            INTEGER PRIMARY KEY,
        file_name     TEXT NOT NULL,
        file_path     TEXT,
        size_bytes    INTEGER NOT NULL,
        sha256        TEXT NOT NULL,
        adapter       TEXT NOT NULL,
        kind          TEXT NOT NULL,
        encoding      TEXT NOT NULL,
        mapping_json  TEXT,
        time_zone     TEXT NOT NULL,
        started_at    INTEGER NOT NULL,
        finished_at   INTEGER,
        rows_read     INTEGER NOT NULL DEFAULT 0,
        imported      INTEGER NOT NULL DEFAULT 0,
        duplicates    INTEGER NOT NULL DEFAULT 0,
        rejected      INTEGER NOT NULL DEFAULT 0
      );

      CREATE TABLE rejects (
        id          INTEGER PRIMARY KEY,
        import_id   INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        line        INTEGER NOT NULL,
        column_name TEXT,
        reason      TEXT NOT NULL,
        raw_text    TEXT NOT NULL
      );
      CREATE INDEX rejects_by_import ON rejects(import_id, line);

      CREATE TABLE notifications (
        id           INTEGER PRIMARY KEY,
        import_id    INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        dedupe_key   INTEGER NOT NULL,
        event_id     TEXT,
        sent_at      INTEGER NOT NULL,
        sent_at_raw  TEXT NOT NULL,
        zone_assumed INTEGER NOT NULL DEFAULT 0,
        recipient_id TEXT NOT NULL,
        sender_id    TEXT NOT NULL,
        template_id  TEXT,
        category     TEXT,
        status       TEXT NOT NULL DEFAULT 'sent'
                     CHECK (status IN ('sent','delivered','failed','blocked','fallback_sms')),
        bytes        INTEGER CHECK (bytes IS NULL OR bytes >= 0),
        network      TEXT NOT NULL DEFAULT 'unknown' CHECK (network IN ('cellular','wifi','unknown')),
        source_line  INTEGER
      );
      CREATE UNIQUE INDEX notifications_dedupe ON notifications(dedupe_key);
      CREATE INDEX notifications_by_import ON notifications(import_id);

      CREATE TABLE consent (
        id                 INTEGER PRIMARY KEY,
        import_id          INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        dedupe_key         INTEGER NOT NULL,
        event_id           TEXT,
        occurred_at        INTEGER NOT NULL,
        occurred_at_raw    TEXT NOT NULL,
        zone_assumed       INTEGER NOT NULL DEFAULT 0,
        recipient_id       TEXT NOT NULL,
        sender_id          TEXT,
        action             TEXT NOT NULL
                           CHECK (action IN ('notice_shown','opt_in','opt_out','block','unblock')),
        disclosure_version TEXT,
        source             TEXT,
        source_line        INTEGER
      );
      CREATE UNIQUE INDEX consent_dedupe ON consent(dedupe_key);
      CREATE INDEX consent_by_import ON consent(import_id);

      CREATE TABLE urls (
        id              INTEGER PRIMARY KEY,
        import_id       INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        dedupe_key      INTEGER NOT NULL,
        event_id        TEXT,
        occurred_at     INTEGER NOT NULL,
        occurred_at_raw TEXT NOT NULL,
        zone_assumed    INTEGER NOT NULL DEFAULT 0,
        url             TEXT NOT NULL,
        action          TEXT NOT NULL
                        CHECK (action IN ('shared','crawled','indexed','served','removed')),
        recipient_id    TEXT,
        engine          TEXT,
        source_line     INTEGER
      );
      CREATE UNIQUE INDEX urls_dedupe ON urls(dedupe_key);
      CREATE INDEX urls_by_import ON urls(import_id);
    `);
  },
};
