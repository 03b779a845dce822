/**
 * Review files and Word files, in and out (docs/review.md#reviewers-elsewhere): the glue between
 * the workspace (versions, threads, decisions), the file formats (`review-file.ts`, `docx-export.ts`,
 * `docx-import.ts`) and the merge (`merge.ts`). A file read here is never trusted: its size is
 * bounded before it is read, its format checks every hash, and its threads are re-anchored on the
 * version they claim.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pkgJson from '../../../package.json' with { type: 'json' };
import type { ReviewMergeSummary } from '../../../shared/contract/review.ts';
import { userError } from '../../../shared/contract/errors.ts';
import type { Disclosure } from '../../../shared/disclosures/types.ts';
import { makeAnchor, placeAnchor } from '../../../shared/review/anchor.ts';
import type { DisclosureVersion, ReviewComment, ReviewThread } from '../../../shared/review/types.ts';
import { listCheckOverrides } from '../db/check-overrides-repo.ts';
import type { Db } from '../db/connection.ts';
import { getDisclosure } from '../db/disclosures-repo.ts';
import { workspaceTimeZone } from '../db/workspace-settings.ts';
import { exportFileName, renderDisclosure } from '../disclosures/export.ts';
import { loadDisclosureRules } from '../disclosures/resources.ts';
import { workspaceVariables } from '../disclosures/variables.ts';
import { appendAudit } from './audit.ts';
import { suggestedDraft } from './docx-draft.ts';
import { emptyCounts, mergeDecisions, mergeThread } from './merge.ts';
import { readReviewFile, writeReviewFile } from './review-file.ts';
import { getVersion, latestVersion, listDecisions, listThreads, listVersions } from './review-repo.ts';
import { threadsOnVersion } from './threads.ts';

/** The largest review or Word file read (checked before reading). */
export const MAX_REVIEW_FILE_BYTES = 50 * 1024 * 1024;

const MIME = {
  noticereview: 'application/vnd.notice-desk.review+zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

export interface MadeReviewFile {
  bytes: Uint8Array;
  fileName: string;
  mimeType: string;
  versionNumber: number;
  versionSha256: string;
}

/** The version as a disclosure, for the existing renderers (PDF and HTML previews). */
function asDisclosure(d: Disclosure, v: DisclosureVersion): Disclosure {
  return { ...d, title: v.title, surface: v.surface, koText: v.koText, enText: v.enText };
}

/** Writes the latest version for a reviewer elsewhere. */
export async function exportReviewFile(db: Db, d: Disclosure, format: 'noticereview' | 'docx', actor: string, now: number): Promise<MadeReviewFile> {
  const v = latestVersion(db, d.id);
  if (!v) throw userError('conflict', 'review.no-version', { title: d.title, action: 'send for review' }, { id: d.id });
  const fileName = exportFileName(`${v.title} v${v.number}`, d.id, format);
  const timeZone = workspaceTimeZone(db);
  if (format === 'docx') {
    const placed = threadsOnVersion(db, d, v.number).threads.filter((t) => t.status === 'open');
    const { versionToDocx } = await import('./docx-export.ts');
    const bytes = await versionToDocx(v, placed, { timeZone });
    return { bytes, fileName, mimeType: MIME.docx, versionNumber: v.number, versionSha256: v.sha256 };
  }
  const options = { overrides: listCheckOverrides(db, d.id), variables: workspaceVariables(db).values, timeZone, rules: loadDisclosureRules(), now: v.createdAt };
  const previews = [
    { name: 'preview.pdf', mimeType: 'application/pdf', bytes: new Uint8Array(await renderDisclosure(asDisclosure(d, v), 'pdf', options)) },
    { name: 'preview.html', mimeType: 'text/html; charset=utf-8', bytes: new Uint8Array(await renderDisclosure(asDisclosure(d, v), 'html', options)) },
  ];
  const bytes = writeReviewFile({
    format: 'notice-desk/review@1',
    disclosure: { id: d.id, title: d.title, surface: d.surface, status: d.status },
    version: v,
    versions: listVersions(db, d.id).filter((x) => x.number < v.number),
    threads: listThreads(db, d.id),
    decisions: listDecisions(db, d.id),
    overrides: listCheckOverrides(db, d.id, { withdrawn: true }),
    previews,
    createdAt: now,
    createdBy: actor,
    app: { name: 'Notice Desk', version: pkgJson.version },
  });
  return { bytes, fileName, mimeType: MIME.noticereview, versionNumber: v.number, versionSha256: v.sha256 };
}

export function readBounded(file: string): Uint8Array {
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch (error) {
    throw userError('file-unreadable', 'review.file-unreadable', { file: path.basename(file), reason: (error as Error).message }, { file });
  }
  if (size > MAX_REVIEW_FILE_BYTES) {
    throw userError('too-large', 'review.file-too-large', { file: path.basename(file), size, limit: MAX_REVIEW_FILE_BYTES }, { file });
  }
  return new Uint8Array(fs.readFileSync(file));
}

/** A UUID-shaped id made from a hash: the same comment imported twice gets the same id. */
function stableId(...parts: (string | number)[]): string {
  const h = createHash('sha256').update(parts.join('\u001f'), 'utf8').digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const seconds = (ms: number) => Math.floor(ms / 1000);
/** A comment's words as Word may give them back (CRLF line ends, edge spaces). */
const words = (text: string) => text.replace(/\r\n?/g, '\n').trim();

/** Merges a review file or a Word file into its disclosure. */
export async function importReviewFile(db: Db, file: string, options: { actor: string; disclosureId?: number; now: number }): Promise<ReviewMergeSummary> {
  const bytes = readBounded(file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (path.extname(file).toLowerCase() === '.docx') {
    // Loaded when used: the Word reader is needed by nothing else.
    const word = await import('./docx-import.ts');
    return db.transaction(() => mergeDocx(db, file, bytes, sha256, options, word))();
  }
  return db.transaction(() => mergePackage(db, file, bytes, sha256, options))();
}

function mergePackage(db: Db, file: string, bytes: Uint8Array, sha256: string, options: { actor: string; now: number }): ReviewMergeSummary {
  const pkg = readReviewFile(bytes, path.basename(file));
  const d = getDisclosure(db, pkg.disclosure.id);
  const local = d ? getVersion(db, d.id, pkg.version.number) : null;
  if (!d || !local || local.sha256 !== pkg.version.sha256) {
    throw userError(
      'conflict',
      'review.file-other-workspace',
      { file: path.basename(file), title: pkg.disclosure.title, number: pkg.version.number, sha: pkg.version.sha256.slice(0, 12) },
      { file, disclosureId: pkg.disclosure.id, versionNumber: pkg.version.number },
    );
  }
  const counts = emptyCounts();
  for (const t of pkg.threads) {
    if (!getVersion(db, d.id, t.versionNumber)) continue;
    mergeThread(db, d.id, t, 'review-file', counts);
  }
  mergeDecisions(db, d, pkg.decisions, 'review-file', counts);
  const placed = threadsOnVersion(db, getDisclosure(db, d.id)!, local.number).threads;
  appendAudit(db, {
    at: options.now,
    actor: options.actor,
    action: 'merge',
    subject: `disclosure:${d.id}`,
    details: { format: 'noticereview', fileName: path.basename(file), sha256, version: local.number, ...counts },
  });
  return {
    disclosureId: d.id,
    title: d.title,
    versionNumber: local.number,
    format: 'noticereview',
    threadsAdded: counts.threadsAdded,
    repliesAdded: counts.repliesAdded,
    decisionsAdded: counts.decisionsAdded,
    orphaned: placed.filter((t) => t.placed.state === 'orphaned').length,
    suggestion: null,
  };
}

function mergeDocx(
  db: Db,
  file: string,
  bytes: Uint8Array,
  sha256: string,
  options: { actor: string; disclosureId?: number; now: number },
  word: typeof import('./docx-import.ts'),
): ReviewMergeSummary {
  const doc = word.readReviewDocx(bytes, path.basename(file));
  const disclosureId = doc.identity?.disclosureId ?? options.disclosureId;
  if (disclosureId === undefined) throw userError('bad-input', 'review.docx-which', { file: path.basename(file) }, { file });
  const d = getDisclosure(db, disclosureId);
  if (!d) throw userError('not-found', 'disclosures.not-found', { id: disclosureId }, { id: disclosureId });
  const claimed = doc.identity ? getVersion(db, d.id, doc.identity.versionNumber) : latestVersion(db, d.id);
  if (!claimed || (doc.identity && claimed.sha256 !== doc.identity.sha256)) {
    throw userError(
      'conflict',
      'review.file-other-workspace',
      { file: path.basename(file), title: d.title, number: doc.identity?.versionNumber ?? 0, sha: (doc.identity?.sha256 ?? '').slice(0, 12) },
      { file },
    );
  }
  const v = claimed;
  const existing = listThreads(db, d.id);
  const byOpening = new Map<string, ReviewThread>();
  for (const t of existing) {
    const c = t.comments[0];
    if (c) byOpening.set([c.author, seconds(c.createdAt), words(c.body)].join('\u001f'), t);
  }
  const counts = emptyCounts();
  for (const c of doc.comments) {
    const at = c.date ?? options.now;
    const key = [c.author, seconds(at), words(c.text)].join('\u001f');
    let thread = byOpening.get(key);
    if (!thread) {
      const locale = c.locale ?? (/[\uac00-\ud7a3]/.test(c.quote) ? 'ko' : 'en');
      const text = locale === 'ko' ? v.koText : v.enText;
      const placed = placeAnchor(text, { locale, quote: c.quote, prefix: c.prefix, suffix: c.suffix, start: 0, end: c.quote.length });
      const anchor =
        placed.start !== null && placed.end !== null && placed.end > placed.start
          ? makeAnchor(text, locale, placed.start, placed.end)
          : { locale, quote: c.quote, prefix: c.prefix, suffix: c.suffix, start: 0, end: 0 };
      const id = stableId('docx', v.sha256, locale, c.quote, c.author, seconds(at), c.text);
      const opening: ReviewComment = { id: stableId(id, 'opening'), threadId: id, author: c.author, body: c.text, createdAt: at, editedAt: null, deletedAt: null };
      thread = {
        id,
        disclosureId: d.id,
        versionNumber: v.number,
        anchor,
        status: 'open',
        author: c.author,
        createdAt: at,
        resolvedAt: null,
        resolvedBy: null,
        deletedAt: null,
        origin: 'docx',
        comments: [opening],
      };
      mergeThread(db, d.id, thread, 'docx', counts);
      byOpening.set(key, thread);
    }
    const known = new Set(thread.comments.map((x) => [x.author, seconds(x.createdAt), words(x.body)].join('\u001f')));
    for (const r of c.replies) {
      const rat = r.date ?? options.now;
      if (known.has([r.author, seconds(rat), words(r.text)].join('\u001f'))) continue;
      const reply: ReviewComment = { id: stableId(thread.id, r.author, seconds(rat), r.text), threadId: thread.id, author: r.author, body: r.text, createdAt: rat, editedAt: null, deletedAt: null };
      mergeThread(db, d.id, { ...thread, comments: [reply] }, 'docx', counts);
    }
  }
  const suggestion = doc.hasTrackedChanges ? suggestedDraft(v, doc.accepted, doc.acceptedBold) : null;
  const placed = threadsOnVersion(db, d, v.number).threads;
  appendAudit(db, {
    at: options.now,
    actor: options.actor,
    action: 'merge',
    subject: `disclosure:${d.id}`,
    details: { format: 'docx', fileName: path.basename(file), sha256, version: v.number, ...counts, trackedChanges: doc.hasTrackedChanges },
  });
  return {
    disclosureId: d.id,
    title: d.title,
    versionNumber: v.number,
    format: 'docx',
    threadsAdded: counts.threadsAdded,
    repliesAdded: counts.repliesAdded,
    decisionsAdded: 0,
    orphaned: placed.filter((t) => t.placed.state === 'orphaned').length,
    suggestion: suggestion && suggestion.changed ? { koText: suggestion.koText, enText: suggestion.enText } : null,
  };
}
