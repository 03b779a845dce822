import { userError } from '../../../shared/contract/errors.ts';
import type { Disclosure, DisclosureStatus, DisclosureSummary, StatusChange, Surface } from '../../../shared/disclosures/types.ts';
import type { Db } from './connection.ts';

/** A row of `disclosures` as stored. */
export interface DisclosureRow {
  id: number;
  title: string;
  surface: Surface;
  status: DisclosureStatus;
  ko_text: string;
  en_text: string;
  created_at: number;
  updated_at: number;
  published_at: number | null;
  effective_at: number | null;
  version: number;
  derived_from: number | null;
}

interface HistoryRow {
  from_status: DisclosureStatus | null;
  to_status: DisclosureStatus;
  changed_at: number;
  note: string | null;
}

const SUMMARY_COLUMNS = 'id, title, surface, status, created_at, updated_at, published_at, effective_at, version, derived_from';

function toSummary(row: Omit<DisclosureRow, 'ko_text' | 'en_text'>): DisclosureSummary {
  return {
    id: row.id,
    title: row.title,
    surface: row.surface,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    effectiveAt: row.effective_at,
    version: row.version,
    derivedFrom: row.derived_from,
  };
}

/** Every disclosure without texts, most recently updated first. */
export function listDisclosures(db: Db): DisclosureSummary[] {
  const rows = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM disclosures ORDER BY updated_at DESC, id DESC`).all() as DisclosureRow[];
  return rows.map(toSummary);
}

/** One disclosure with texts and status history, or null. */
export function getDisclosure(db: Db, id: number): Disclosure | null {
  const row = db.prepare('SELECT * FROM disclosures WHERE id = ?').get(id) as DisclosureRow | undefined;
  if (!row) return null;
  const history = db
    .prepare('SELECT from_status, to_status, changed_at, note FROM disclosure_status_history WHERE disclosure_id = ? ORDER BY changed_at, id')
    .all(id) as HistoryRow[];
  return {
    ...toSummary(row),
    koText: row.ko_text,
    enText: row.en_text,
    history: history.map((h): StatusChange => ({ from: h.from_status, to: h.to_status, at: h.changed_at, note: h.note })),
  };
}

/** One disclosure, or a `not-found` error naming its id (every handler that takes an id). */
export function mustGetDisclosure(db: Db, id: number): Disclosure {
  const found = getDisclosure(db, id);
  if (!found) throw userError('not-found', 'disclosures.not-found', { id }, { id });
  return found;
}

/** Inserts a draft and its first history entry; returns its id. */
export function insertDisclosure(
  db: Db,
  input: { title: string; surface: Surface; koText: string; enText: string; derivedFrom?: number },
  now: number,
): number {
  return db.transaction(() => {
    const info = db
      .prepare(
        `INSERT INTO disclosures (title, surface, status, ko_text, en_text, created_at, updated_at, version, derived_from)
         VALUES (?, ?, 'draft', ?, ?, ?, ?, 1, ?)`,
      )
      .run(input.title, input.surface, input.koText, input.enText, now, now, input.derivedFrom ?? null);
    const id = Number(info.lastInsertRowid);
    db.prepare(
      'INSERT INTO disclosure_status_history (disclosure_id, from_status, to_status, changed_at, note) VALUES (?, NULL, ?, ?, NULL)',
    ).run(id, 'draft', now);
    return id;
  })();
}

/** The fields an autosave may change. */
export interface DisclosurePatch {
  title?: string;
  surface?: Surface;
  koText?: string;
  enText?: string;
}

/**
 * Applies a patch and bumps the version. With `expectedVersion`, changes nothing and returns null
 * when the stored version differs (someone else saved in between).
 */
export function updateDisclosure(
  db: Db,
  id: number,
  patch: DisclosurePatch,
  now: number,
  expectedVersion?: number,
): { updatedAt: number; version: number } | null {
  const info = db
    .prepare(
      `UPDATE disclosures SET
         title   = COALESCE(?, title),
         surface = COALESCE(?, surface),
         ko_text = COALESCE(?, ko_text),
         en_text = COALESCE(?, en_text),
         updated_at = ?,
         version = version + 1
       WHERE id = ? AND (? IS NULL OR version = ?)`,
    )
    .run(
      patch.title ?? null,
      patch.surface ?? null,
      patch.koText ?? null,
      patch.enText ?? null,
      now,
      id,
      expectedVersion ?? null,
      expectedVersion ?? null,
    );
  if (info.changes === 0) return null;
  const row = db.prepare('SELECT updated_at, version FROM disclosures WHERE id = ?').get(id) as { updated_at: number; version: number };
  return { updatedAt: row.updated_at, version: row.version };
}

/** Records a status change (and, when publishing, the published and effective dates). */
export function changeDisclosureStatus(
  db: Db,
  id: number,
  change: { from: DisclosureStatus; to: DisclosureStatus; at: number; note: string | null; effectiveAt?: number },
): void {
  db.transaction(() => {
    if (change.to === 'published') {
      db.prepare('UPDATE disclosures SET status = ?, published_at = ?, effective_at = ?, updated_at = ? WHERE id = ?').run(
        change.to,
        change.at,
        change.effectiveAt ?? change.at,
        change.at,
        id,
      );
    } else {
      db.prepare('UPDATE disclosures SET status = ?, updated_at = ? WHERE id = ?').run(change.to, change.at, id);
    }
    db.prepare(
      'INSERT INTO disclosure_status_history (disclosure_id, from_status, to_status, changed_at, note) VALUES (?, ?, ?, ?, ?)',
    ).run(id, change.from, change.to, change.at, change.note);
  })();
}

/** Deletes a disclosure and its history; returns false when there was none. */
export function deleteDisclosure(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM disclosures WHERE id = ?').run(id).changes > 0;
}

/** A published (or once published, later retired) disclosure, for chart markers and the evidence pack. */
export interface PublishedDisclosure {
  id: number;
  title: string;
  surface: Surface;
  status: DisclosureStatus;
  publishedAt: number;
  effectiveAt: number;
}

/**
 * Every disclosure that has been published (status published, or retired after publishing), by
 * effective date. Used by the metrics engineer for chart markers and by the evidence pack.
 */
export function listPublishedDisclosures(db: Db): PublishedDisclosure[] {
  const rows = db
    .prepare(
      `SELECT id, title, surface, status, published_at, effective_at FROM disclosures
       WHERE published_at IS NOT NULL AND effective_at IS NOT NULL
       ORDER BY effective_at, id`,
    )
    .all() as { id: number; title: string; surface: Surface; status: DisclosureStatus; published_at: number; effective_at: number }[];
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    surface: r.surface,
    status: r.status,
    publishedAt: r.published_at,
    effectiveAt: r.effective_at,
  }));
}

/**
 * The effective date (epoch ms) of the first published `url-notice` disclosure, or null when none
 * was ever published — the workspace's URL-use notice date (docs/metrics.md, "indexed without notice").
 */
export function firstPublishedUrlNoticeDate(db: Db): number | null {
  const row = db
    .prepare(
      `SELECT MIN(effective_at) AS at FROM disclosures
       WHERE surface = 'url-notice' AND published_at IS NOT NULL AND effective_at IS NOT NULL`,
    )
    .get() as { at: number | null };
  return row.at ?? null;
}
