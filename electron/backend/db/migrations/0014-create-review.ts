import type { Migration } from './types.ts';

/**
 * The legal review (docs/review.md): frozen versions, anchored comment threads, reviewers'
 * decisions and the append-only audit trail; and a status `changes-requested` in the lifecycle,
 * for which `disclosures` is rebuilt (SQLite cannot change a CHECK in place), with `derived_from`
 * naming the disclosure a new draft was started from (editing an approved or published one).
 *
 * Threads, comments and decisions have text ids (UUIDs): a review file or a Word file merges them
 * back by id, on any computer. Times are UTC epoch milliseconds.
 */
export const createReview: Migration = {
  version: 14,
  name: '0014-create-review',
  foreignKeysOff: true,
  up(db) {
    db.exec(`
      CREATE TABLE disclosures_v14 (
        id           INTEGER PRIMARY KEY,
        title        TEXT NOT NULL,
        surface      TEXT NOT NULL
                     CHECK (surface IN ('alimtalk','consent-prompt','install','settings','terms','url-notice')),
        status       TEXT NOT NULL DEFAULT 'draft'
                     CHECK (status IN ('draft','in-review','changes-requested','approved','published','retired')),
        ko_text      TEXT NOT NULL DEFAULT '',
        en_text      TEXT NOT NULL DEFAULT '',
        created_at   INTEGER NOT NULL,
        updated_at   INTEGER NOT NULL,
        published_at INTEGER,
        effective_at INTEGER,
        version      INTEGER NOT NULL DEFAULT 1,
        derived_from INTEGER
      );
      INSERT INTO disclosures_v14 (id, title, surface, status, ko_text, en_text, created_at, updated_at, published_at, effective_at, version)
        SELECT id, title, surface, status, ko_text, en_text, created_at, updated_at, published_at, effective_at, version FROM disclosures;
      DROP TABLE disclosures;
      ALTER TABLE disclosures_v14 RENAME TO disclosures;
      CREATE INDEX disclosures_by_surface ON disclosures(surface, status, effective_at);

      CREATE TABLE disclosure_versions (
        id            INTEGER PRIMARY KEY,
        disclosure_id INTEGER NOT NULL REFERENCES disclosures(id) ON DELETE CASCADE,
        number        INTEGER NOT NULL CHECK (number >= 1),
        title         TEXT NOT NULL,
        surface       TEXT NOT NULL,
        ko_text       TEXT NOT NULL,
        en_text       TEXT NOT NULL,
        checks        TEXT NOT NULL,
        author        TEXT NOT NULL,
        created_at    INTEGER NOT NULL,
        sha256        TEXT NOT NULL,
        draft_version INTEGER NOT NULL,
        UNIQUE (disclosure_id, number)
      );

      CREATE TABLE review_threads (
        id          TEXT PRIMARY KEY,
        disclosure_id INTEGER NOT NULL REFERENCES disclosures(id) ON DELETE CASCADE,
        version_id  INTEGER NOT NULL REFERENCES disclosure_versions(id) ON DELETE CASCADE,
        locale      TEXT NOT NULL CHECK (locale IN ('ko','en')),
        quote       TEXT NOT NULL,
        prefix      TEXT NOT NULL,
        suffix      TEXT NOT NULL,
        start       INTEGER NOT NULL CHECK (start >= 0),
        "end"       INTEGER NOT NULL CHECK ("end" >= start),
        status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','resolved')),
        author      TEXT NOT NULL,
        created_at  INTEGER NOT NULL,
        resolved_at INTEGER,
        resolved_by TEXT,
        deleted_at  INTEGER,
        origin      TEXT NOT NULL DEFAULT 'app' CHECK (origin IN ('app','review-file','docx'))
      );
      CREATE INDEX review_threads_by_disclosure ON review_threads(disclosure_id, created_at);

      CREATE TABLE review_comments (
        id         TEXT PRIMARY KEY,
        thread_id  TEXT NOT NULL REFERENCES review_threads(id) ON DELETE CASCADE,
        author     TEXT NOT NULL,
        body       TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        edited_at  INTEGER,
        deleted_at INTEGER
      );
      CREATE INDEX review_comments_by_thread ON review_comments(thread_id, created_at);

      CREATE TABLE review_decisions (
        id             TEXT PRIMARY KEY,
        version_id     INTEGER NOT NULL REFERENCES disclosure_versions(id) ON DELETE CASCADE,
        decision       TEXT NOT NULL CHECK (decision IN ('approved','changes-requested')),
        reviewer       TEXT NOT NULL,
        reason         TEXT NOT NULL,
        decided_at     INTEGER NOT NULL,
        version_sha256 TEXT NOT NULL,
        origin         TEXT NOT NULL DEFAULT 'app' CHECK (origin IN ('app','review-file','docx'))
      );
      CREATE INDEX review_decisions_by_version ON review_decisions(version_id, decided_at);

      CREATE TABLE audit_log (
        seq       INTEGER PRIMARY KEY,
        at        INTEGER NOT NULL,
        actor     TEXT NOT NULL,
        action    TEXT NOT NULL,
        subject   TEXT NOT NULL,
        details   TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash      TEXT NOT NULL
      );
    `);
  },
};
