/**
 * Merging a reviewer's work back (docs/review.md#review-files): threads, replies and decisions by
 * id, so that importing the same file twice adds nothing; a thread's later edits, deletions and
 * resolution are taken when the file's are newer. Decisions on the version still in review move the
 * disclosure along the workflow (the reviewer's name and time); decisions on a version no longer in
 * review are kept in the history only. Everything in one transaction, with one audit entry.
 */
import { AppError } from '../../../shared/contract/errors.ts';
import type { Disclosure } from '../../../shared/disclosures/types.ts';
import type { ReviewComment, ReviewDecision, ReviewOrigin, ReviewThread } from '../../../shared/review/types.ts';
import type { Db } from '../db/connection.ts';
import { getDisclosure } from '../db/disclosures-repo.ts';
import { appendAudit } from './audit.ts';
import {
  getComment,
  getThread,
  getVersion,
  hasDecision,
  insertComment,
  insertDecision,
  insertThread,
  latestVersion,
  markCommentDeleted,
  markThreadDeleted,
  setThreadStatus,
  updateCommentBody,
} from './review-repo.ts';
import { transition } from './workflow.ts';

export interface MergeCounts {
  threadsAdded: number;
  repliesAdded: number;
  decisionsAdded: number;
  /** Threads or comments whose newer edit, deletion or resolution was taken. */
  updated: number;
}

function mergeComment(db: Db, c: ReviewComment, counts: MergeCounts, isReply: boolean): void {
  const local = getComment(db, c.id);
  if (!local) {
    insertComment(db, c);
    if (isReply) counts.repliesAdded += 1;
    return;
  }
  if (c.editedAt !== null && (local.editedAt === null || c.editedAt > local.editedAt) && c.body !== local.body) {
    updateCommentBody(db, c.id, c.body, c.editedAt);
    counts.updated += 1;
  }
  if (c.deletedAt !== null && local.deletedAt === null) {
    markCommentDeleted(db, c.id, c.deletedAt);
    counts.updated += 1;
  }
}

/** Adds a thread (or what is new in it) made elsewhere; the version it names must exist here. */
export function mergeThread(db: Db, disclosureId: number, t: ReviewThread, origin: ReviewOrigin, counts: MergeCounts): void {
  const local = getThread(db, t.id);
  if (!local) {
    insertThread(db, { ...t, disclosureId, origin: t.origin === 'app' ? origin : t.origin });
    counts.threadsAdded += 1;
  } else {
    const fileResolved = t.status === 'resolved' && t.resolvedAt !== null;
    if (fileResolved && local.status === 'open' && (local.resolvedAt === null || t.resolvedAt! > local.resolvedAt)) {
      setThreadStatus(db, t.id, 'resolved', t.resolvedBy ?? '', t.resolvedAt!);
      counts.updated += 1;
    }
    if (t.deletedAt !== null && local.deletedAt === null) {
      markThreadDeleted(db, t.id, t.deletedAt);
      counts.updated += 1;
    }
  }
  t.comments.forEach((c, i) => mergeComment(db, { ...c, threadId: t.id }, counts, i > 0 || local !== null));
}

/**
 * Records decisions made elsewhere: each one new by id is stored; one on the version in review
 * (same number and hash) moves the disclosure to approved or changes requested, as if made here.
 */
export function mergeDecisions(db: Db, d: Disclosure, decisions: readonly ReviewDecision[], origin: ReviewOrigin, counts: MergeCounts): void {
  for (const decision of [...decisions].sort((a, b) => a.decidedAt - b.decidedAt)) {
    if (hasDecision(db, decision.id)) continue;
    const version = getVersion(db, d.id, decision.versionNumber);
    if (!version || version.sha256 !== decision.versionSha256) continue;
    const current = getDisclosure(db, d.id)!;
    const latest = latestVersion(db, d.id)!;
    let applied = false;
    let refused: string | null = null;
    if (current.status === 'in-review' && latest.number === decision.versionNumber) {
      try {
        transition(db, d.id, {
          to: decision.decision,
          actor: decision.reviewer,
          note: decision.reason,
          now: Math.max(decision.decidedAt, current.updatedAt),
          origin: decision.origin === 'app' ? origin : decision.origin,
          decisionId: decision.id,
          decidedVersion: decision.versionNumber,
        });
        applied = true;
      } catch (error) {
        // e.g. an approval while the checklist here still misses an element: kept, not applied.
        if (!(error instanceof AppError)) throw error;
        refused = error.message;
      }
    }
    if (!applied) {
      insertDecision(db, d.id, { ...decision, origin: decision.origin === 'app' ? origin : decision.origin });
      appendAudit(db, {
        at: decision.decidedAt,
        actor: decision.reviewer,
        action: 'decision',
        subject: `disclosure:${d.id}`,
        details: { decision: decision.decision, id: decision.id, version: decision.versionNumber, sha256: decision.versionSha256, reason: decision.reason, origin, applied: false, ...(refused ? { refused } : {}) },
      });
    }
    counts.decisionsAdded += 1;
  }
}

export function emptyCounts(): MergeCounts {
  return { threadsAdded: 0, repliesAdded: 0, decisionsAdded: 0, updated: 0 };
}
