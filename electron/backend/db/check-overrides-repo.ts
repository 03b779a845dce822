import type { CheckOverride, OverrideVerdict } from '../../../shared/disclosures/overrides.ts';
import type { Locale } from '../../../shared/disclosures/types.ts';
import type { Db } from './connection.ts';

/** A row of `check_overrides` as stored. */
export interface CheckOverrideRow {
  id: number;
  disclosure_id: number;
  locale: Locale;
  element: string;
  verdict: OverrideVerdict;
  evidence_start: number;
  evidence_end: number;
  evidence_quote: string;
  reason: string;
  reviewer: string;
  created_at: number;
  disclosure_version: number;
  text_sha256: string;
  engine_present: number;
  withdrawn_at: number | null;
  withdrawn_by: string | null;
}

function toOverride(row: CheckOverrideRow): CheckOverride {
  return {
    id: row.id,
    disclosureId: row.disclosure_id,
    locale: row.locale,
    element: row.element,
    verdict: row.verdict,
    evidence: { start: row.evidence_start, end: row.evidence_end, quote: row.evidence_quote },
    reason: row.reason,
    reviewer: row.reviewer,
    createdAt: row.created_at,
    version: row.disclosure_version,
    textSha256: row.text_sha256,
    enginePresent: row.engine_present === 1,
    withdrawnAt: row.withdrawn_at,
    withdrawnBy: row.withdrawn_by,
  };
}

/** What a new override records (the id, and withdrawal, come later). */
export type NewCheckOverride = Omit<CheckOverride, 'id' | 'withdrawnAt' | 'withdrawnBy'>;

/**
 * Stores an override. One override is in force per disclosure, locale and element: a previous
 * one still in force is withdrawn (by the same reviewer, at the same time) in the same transaction.
 */
export function insertCheckOverride(db: Db, o: NewCheckOverride): CheckOverride {
  return db.transaction(() => {
    db.prepare(
      `UPDATE check_overrides SET withdrawn_at = ?, withdrawn_by = ?
       WHERE disclosure_id = ? AND locale = ? AND element = ? AND withdrawn_at IS NULL`,
    ).run(o.createdAt, o.reviewer, o.disclosureId, o.locale, o.element);
    const info = db
      .prepare(
        `INSERT INTO check_overrides (disclosure_id, locale, element, verdict, evidence_start, evidence_end, evidence_quote,
           reason, reviewer, created_at, disclosure_version, text_sha256, engine_present)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        o.disclosureId,
        o.locale,
        o.element,
        o.verdict,
        o.evidence.start,
        o.evidence.end,
        o.evidence.quote,
        o.reason,
        o.reviewer,
        o.createdAt,
        o.version,
        o.textSha256,
        o.enginePresent ? 1 : 0,
      );
    return getCheckOverride(db, Number(info.lastInsertRowid))!;
  })();
}

/** One override by id, or null. */
export function getCheckOverride(db: Db, id: number): CheckOverride | null {
  const row = db.prepare('SELECT * FROM check_overrides WHERE id = ?').get(id) as CheckOverrideRow | undefined;
  return row ? toOverride(row) : null;
}

/** A disclosure's overrides, oldest first; withdrawn ones only when asked for. */
export function listCheckOverrides(db: Db, disclosureId: number, options: { withdrawn?: boolean } = {}): CheckOverride[] {
  const rows = db
    .prepare(
      `SELECT * FROM check_overrides WHERE disclosure_id = ? AND (? = 1 OR withdrawn_at IS NULL)
       ORDER BY created_at, id`,
    )
    .all(disclosureId, options.withdrawn ? 1 : 0) as CheckOverrideRow[];
  return rows.map(toOverride);
}

/** Withdraws an override still in force; returns false when it was already withdrawn or does not exist. */
export function withdrawCheckOverride(db: Db, id: number, by: string, at: number): boolean {
  return (
    db.prepare('UPDATE check_overrides SET withdrawn_at = ?, withdrawn_by = ? WHERE id = ? AND withdrawn_at IS NULL').run(at, by, id)
      .changes > 0
  );
}
