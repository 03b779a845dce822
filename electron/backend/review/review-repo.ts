/**
 * Storage of the legal review (migration 0014): versions, threads with their comments, decisions.
 * Rows are only inserted or marked (edited, deleted, resolved); a version never changes.
 */
import { createHash } from 'node:crypto';
import type { Locale, Surface } from '../../../shared/disclosures/types.ts';
import { canonicalJson, versionHashInput } from '../../../shared/review/canonical.ts';
import type {
  Anchor,
  Decision,
  DisclosureVersion,
  ReviewComment,
  ReviewDecision,
  ReviewOrigin,
  ReviewThread,
  ThreadStatus,
  VersionChecks,
  VersionSummary,
} from '../../../shared/review/types.ts';
import type { Db } from '../db/connection.ts';

interface VersionRow {
  id: number;
  disclosure_id: number;
  number: number;
  title: string;
  surface: Surface;
  ko_text: string;
  en_text: string;
  checks: string;
  author: string;
  created_at: number;
  sha256: string;
}

function toVersion(row: VersionRow): DisclosureVersion {
  return {
    id: row.id,
    disclosureId: row.disclosure_id,
    number: row.number,
    title: row.title,
    surface: row.surface,
    koText: row.ko_text,
    enText: row.en_text,
    checks: JSON.parse(row.checks) as VersionChecks,
    author: row.author,
    createdAt: row.created_at,
    sha256: row.sha256,
  };
}

/** SHA-256 (hex) of a version's canonical serialisation. */
export function versionSha256(v: Omit<DisclosureVersion, 'id' | 'disclosureId' | 'sha256'>): string {
  return createHash('sha256').update(versionHashInput(v), 'utf8').digest('hex');
}

/** Freezes a new version (the next number) of a disclosure's current texts. */
export function insertVersion(
  db: Db,
  input: { disclosureId: number; title: string; surface: Surface; koText: string; enText: string; checks: VersionChecks; author: string; createdAt: number; draftVersion: number },
): DisclosureVersion {
  const last = db.prepare('SELECT max(number) AS n FROM disclosure_versions WHERE disclosure_id = ?').get(input.disclosureId) as { n: number | null };
  const number = (last.n ?? 0) + 1;
  const body = { number, title: input.title, surface: input.surface, koText: input.koText, enText: input.enText, checks: input.checks, author: input.author, createdAt: input.createdAt };
  const sha256 = versionSha256(body);
  const info = db
    .prepare(
      `INSERT INTO disclosure_versions (disclosure_id, number, title, surface, ko_text, en_text, checks, author, created_at, sha256, draft_version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(input.disclosureId, number, input.title, input.surface, input.koText, input.enText, canonicalJson(input.checks), input.author, input.createdAt, sha256, input.draftVersion);
  return { id: Number(info.lastInsertRowid), disclosureId: input.disclosureId, ...body, sha256 };
}

/** Every version of a disclosure, oldest first. */
export function listVersions(db: Db, disclosureId: number): DisclosureVersion[] {
  return (db.prepare('SELECT * FROM disclosure_versions WHERE disclosure_id = ? ORDER BY number').all(disclosureId) as VersionRow[]).map(toVersion);
}

/** The history list: versions without texts. */
export function listVersionSummaries(db: Db, disclosureId: number): VersionSummary[] {
  return listVersions(db, disclosureId).map(({ koText: _k, enText: _e, checks: _c, ...rest }) => rest);
}

export function getVersion(db: Db, disclosureId: number, number: number): DisclosureVersion | null {
  const row = db.prepare('SELECT * FROM disclosure_versions WHERE disclosure_id = ? AND number = ?').get(disclosureId, number) as VersionRow | undefined;
  return row ? toVersion(row) : null;
}

export function latestVersion(db: Db, disclosureId: number): DisclosureVersion | null {
  const row = db.prepare('SELECT * FROM disclosure_versions WHERE disclosure_id = ? ORDER BY number DESC LIMIT 1').get(disclosureId) as VersionRow | undefined;
  return row ? toVersion(row) : null;
}

interface ThreadRow {
  id: string;
  disclosure_id: number;
  number: number;
  locale: Locale;
  quote: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  status: ThreadStatus;
  author: string;
  created_at: number;
  resolved_at: number | null;
  resolved_by: string | null;
  deleted_at: number | null;
  origin: ReviewOrigin;
}

interface CommentRow {
  id: string;
  thread_id: string;
  author: string;
  body: string;
  created_at: number;
  edited_at: number | null;
  deleted_at: number | null;
}

function toComment(row: CommentRow): ReviewComment {
  return {
    id: row.id,
    threadId: row.thread_id,
    author: row.author,
    body: row.body,
    createdAt: row.created_at,
    editedAt: row.edited_at,
    deletedAt: row.deleted_at,
  };
}

const THREAD_SELECT = `SELECT t.id, t.disclosure_id, v.number, t.locale, t.quote, t.prefix, t.suffix, t.start, t."end", t.status, t.author,
                              t.created_at, t.resolved_at, t.resolved_by, t.deleted_at, t.origin
                       FROM review_threads t JOIN disclosure_versions v ON v.id = t.version_id`;

function toThread(row: ThreadRow, comments: ReviewComment[]): ReviewThread {
  return {
    id: row.id,
    disclosureId: row.disclosure_id,
    versionNumber: row.number,
    anchor: { locale: row.locale, quote: row.quote, prefix: row.prefix, suffix: row.suffix, start: row.start, end: row.end },
    status: row.status,
    author: row.author,
    createdAt: row.created_at,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
    deletedAt: row.deleted_at,
    origin: row.origin,
    comments,
  };
}

/** Every thread of a disclosure with its comments (deleted ones too, marked), oldest first. */
export function listThreads(db: Db, disclosureId: number): ReviewThread[] {
  const rows = db.prepare(`${THREAD_SELECT} WHERE t.disclosure_id = ? ORDER BY t.created_at, t.id`).all(disclosureId) as ThreadRow[];
  const comments = db
    .prepare(
      `SELECT c.* FROM review_comments c JOIN review_threads t ON t.id = c.thread_id
       WHERE t.disclosure_id = ? ORDER BY c.created_at, c.rowid`,
    )
    .all(disclosureId) as CommentRow[];
  const byThread = new Map<string, ReviewComment[]>();
  for (const c of comments) {
    let list = byThread.get(c.thread_id);
    if (!list) byThread.set(c.thread_id, (list = []));
    list.push(toComment(c));
  }
  return rows.map((r) => toThread(r, byThread.get(r.id) ?? []));
}

export function getThread(db: Db, threadId: string): ReviewThread | null {
  const row = db.prepare(`${THREAD_SELECT} WHERE t.id = ?`).get(threadId) as ThreadRow | undefined;
  if (!row) return null;
  const comments = db.prepare('SELECT * FROM review_comments WHERE thread_id = ? ORDER BY created_at, rowid').all(threadId) as CommentRow[];
  return toThread(row, comments.map(toComment));
}

export function getComment(db: Db, commentId: string): ReviewComment | null {
  const row = db.prepare('SELECT * FROM review_comments WHERE id = ?').get(commentId) as CommentRow | undefined;
  return row ? toComment(row) : null;
}

/** Inserts a thread made on a version (by its number) with its opening comment. */
export function insertThread(
  db: Db,
  t: { id: string; disclosureId: number; versionNumber: number; anchor: Anchor; status: ThreadStatus; author: string; createdAt: number; resolvedAt: number | null; resolvedBy: string | null; deletedAt: number | null; origin: ReviewOrigin },
): void {
  const version = db.prepare('SELECT id FROM disclosure_versions WHERE disclosure_id = ? AND number = ?').get(t.disclosureId, t.versionNumber) as { id: number } | undefined;
  if (!version) throw new Error(`version ${t.versionNumber} of disclosure ${t.disclosureId} does not exist`);
  db.prepare(
    `INSERT INTO review_threads (id, disclosure_id, version_id, locale, quote, prefix, suffix, start, "end", status, author, created_at, resolved_at, resolved_by, deleted_at, origin)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    t.id,
    t.disclosureId,
    version.id,
    t.anchor.locale,
    t.anchor.quote,
    t.anchor.prefix,
    t.anchor.suffix,
    t.anchor.start,
    t.anchor.end,
    t.status,
    t.author,
    t.createdAt,
    t.resolvedAt,
    t.resolvedBy,
    t.deletedAt,
    t.origin,
  );
}

export function insertComment(db: Db, c: ReviewComment): void {
  db.prepare('INSERT INTO review_comments (id, thread_id, author, body, created_at, edited_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    c.id,
    c.threadId,
    c.author,
    c.body,
    c.createdAt,
    c.editedAt,
    c.deletedAt,
  );
}

export function updateCommentBody(db: Db, commentId: string, body: string, at: number): void {
  db.prepare('UPDATE review_comments SET body = ?, edited_at = ? WHERE id = ?').run(body, at, commentId);
}

export function markCommentDeleted(db: Db, commentId: string, at: number): void {
  db.prepare('UPDATE review_comments SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(at, commentId);
}

export function markThreadDeleted(db: Db, threadId: string, at: number): void {
  db.prepare('UPDATE review_threads SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(at, threadId);
}

export function setThreadStatus(db: Db, threadId: string, status: ThreadStatus, by: string, at: number): void {
  db.prepare('UPDATE review_threads SET status = ?, resolved_at = ?, resolved_by = ? WHERE id = ?').run(
    status,
    status === 'resolved' ? at : null,
    status === 'resolved' ? by : null,
    threadId,
  );
}

interface DecisionRow {
  id: string;
  number: number;
  decision: Decision;
  reviewer: string;
  reason: string;
  decided_at: number;
  version_sha256: string;
  origin: ReviewOrigin;
}

/** Every decision on a disclosure's versions, oldest first. */
export function listDecisions(db: Db, disclosureId: number): ReviewDecision[] {
  const rows = db
    .prepare(
      `SELECT d.id, v.number, d.decision, d.reviewer, d.reason, d.decided_at, d.version_sha256, d.origin
       FROM review_decisions d JOIN disclosure_versions v ON v.id = d.version_id
       WHERE v.disclosure_id = ? ORDER BY d.decided_at, d.rowid`,
    )
    .all(disclosureId) as DecisionRow[];
  return rows.map((r) => ({
    id: r.id,
    versionNumber: r.number,
    decision: r.decision,
    reviewer: r.reviewer,
    reason: r.reason,
    decidedAt: r.decided_at,
    versionSha256: r.version_sha256,
    origin: r.origin,
  }));
}

export function hasDecision(db: Db, decisionId: string): boolean {
  return db.prepare('SELECT 1 FROM review_decisions WHERE id = ?').get(decisionId) !== undefined;
}

export function insertDecision(db: Db, disclosureId: number, d: ReviewDecision): void {
  const version = db.prepare('SELECT id FROM disclosure_versions WHERE disclosure_id = ? AND number = ?').get(disclosureId, d.versionNumber) as { id: number } | undefined;
  if (!version) throw new Error(`version ${d.versionNumber} of disclosure ${disclosureId} does not exist`);
  db.prepare(
    'INSERT INTO review_decisions (id, version_id, decision, reviewer, reason, decided_at, version_sha256, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(d.id, version.id, d.decision, d.reviewer, d.reason, d.decidedAt, d.versionSha256, d.origin);
}
