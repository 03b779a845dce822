import type { Migration } from './types.ts';

/**
 * A reviewer's overrule of a required-element verdict ("present, here" or "not sufficient,
 * because …"), stored with the disclosure's version and a SHA-256 of that language's text at the
 * time, so a frozen version (the review workflow) can carry it. Withdrawing keeps the row (who and
 * when); deleting the disclosure deletes its overrides. Times are UTC epoch milliseconds.
 */
export const createCheckOverrides: Migration = {
  version: 12,
  name: '0012-create-check-overrides',
  up(db) {
    db.exec(`
      CREATE TABLE check_overrides (
        id                 INTEGER PRIMARY KEY,
        disclosure_id      INTEGER NOT NULL REFERENCES disclosures(id) ON DELETE CASCADE,
        locale             TEXT NOT NULL CHECK (locale IN ('ko','en')),
        element            TEXT NOT NULL,
        verdict            TEXT NOT NULL CHECK (verdict IN ('present','insufficient')),
        evidence_start     INTEGER NOT NULL CHECK (evidence_start >= 0),
        evidence_end       INTEGER NOT NULL CHECK (evidence_end >= evidence_start),
        evidence_quote     TEXT NOT NULL,
        reason             TEXT NOT NULL,
        reviewer           TEXT NOT NULL,
        created_at         INTEGER NOT NULL,
        disclosure_version INTEGER NOT NULL,
        text_sha256        TEXT NOT NULL,
        engine_present     INTEGER NOT NULL CHECK (engine_present IN (0,1)),
        withdrawn_at       INTEGER,
        withdrawn_by       TEXT
      );
      CREATE INDEX check_overrides_by_disclosure ON check_overrides(disclosure_id, locale, element, created_at);
    `);
  },
};
