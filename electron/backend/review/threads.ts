/**
 * Comment threads on versions (docs/review.md#comments): opening, replying, editing and deleting
 * one's own comment, resolving — each with its audit entry, in one transaction. Threads are placed
 * on a version's text when read (`placeThreads`), never moved in storage: the stored anchor is the
 * one the reviewer made, on the version they read.
 */
import { randomUUID } from 'node:crypto';
import { userError } from '../../../shared/contract/errors.ts';
import type { Disclosure, Locale } from '../../../shared/disclosures/types.ts';
import { makeAnchor, placeThreads } from '../../../shared/review/anchor.ts';
import type { DisclosureVersion, PlacedThread, ReviewThread, ThreadStatus } from '../../../shared/review/types.ts';
import type { Db } from '../db/connection.ts';
import { appendAudit } from './audit.ts';
import {
  getComment,
  getThread,
  getVersion,
  insertComment,
  insertThread,
  latestVersion,
  listThreads,
  listVersions,
  markCommentDeleted,
  markThreadDeleted,
  setThreadStatus,
  updateCommentBody,
} from './review-repo.ts';

/** A version by number, or a clear error naming the disclosure and how many versions it has. */
export function mustGetVersion(db: Db, d: Disclosure, number: number): DisclosureVersion {
  const v = getVersion(db, d.id, number);
  if (!v) throw userError('not-found', 'review.version-not-found', { title: d.title, number, count: listVersions(db, d.id).length }, { id: d.id, number });
  return v;
}

/** The text of one locale of a version. */
export function versionText(v: DisclosureVersion, locale: Locale): string {
  return locale === 'ko' ? v.koText : v.enText;
}

/**
 * The threads of a disclosure (deleted ones left out) placed on a version: the given number, else
 * the latest. Without any version, there are no threads.
 */
export function threadsOnVersion(db: Db, d: Disclosure, number?: number): { version: number | null; threads: PlacedThread[] } {
  const v = number === undefined ? latestVersion(db, d.id) : mustGetVersion(db, d, number);
  if (!v) return { version: null, threads: [] };
  const threads = listThreads(db, d.id).filter((t) => t.deletedAt === null);
  return { version: v.number, threads: placeThreads({ ko: v.koText, en: v.enText }, threads) };
}

function mustGetThread(db: Db, threadId: string): ReviewThread {
  const t = getThread(db, threadId);
  if (!t || t.deletedAt !== null) throw userError('not-found', 'review.thread-not-found', { id: threadId }, { threadId });
  return t;
}

function short(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Opens a thread on words of a version; the words must be there as the reviewer quoted them. */
export function openThread(
  db: Db,
  d: Disclosure,
  input: { number: number; locale: Locale; start: number; end: number; quote: string; body: string; author: string; now: number },
): ReviewThread {
  return db.transaction(() => {
    const v = mustGetVersion(db, d, input.number);
    const text = versionText(v, input.locale);
    if (input.end > text.length || text.slice(input.start, input.end) !== input.quote) {
      throw userError('conflict', 'review.anchor-outside', { start: input.start, end: input.end, number: v.number, locale: input.locale, length: text.length }, { id: d.id });
    }
    const threadId = randomUUID();
    insertThread(db, {
      id: threadId,
      disclosureId: d.id,
      versionNumber: v.number,
      anchor: makeAnchor(text, input.locale, input.start, input.end),
      status: 'open',
      author: input.author,
      createdAt: input.now,
      resolvedAt: null,
      resolvedBy: null,
      deletedAt: null,
      origin: 'app',
    });
    insertComment(db, { id: randomUUID(), threadId, author: input.author, body: input.body, createdAt: input.now, editedAt: null, deletedAt: null });
    appendAudit(db, {
      at: input.now,
      actor: input.author,
      action: 'comment',
      subject: `disclosure:${d.id}`,
      details: { thread: threadId, version: v.number, locale: input.locale, quote: short(input.quote), body: short(input.body) },
    });
    return getThread(db, threadId)!;
  })();
}

/** Adds a reply to a thread. */
export function reply(db: Db, input: { threadId: string; body: string; author: string; now: number }): ReviewThread {
  return db.transaction(() => {
    const t = mustGetThread(db, input.threadId);
    const commentId = randomUUID();
    insertComment(db, { id: commentId, threadId: t.id, author: input.author, body: input.body, createdAt: input.now, editedAt: null, deletedAt: null });
    appendAudit(db, { at: input.now, actor: input.author, action: 'reply', subject: `disclosure:${t.disclosureId}`, details: { thread: t.id, comment: commentId, body: short(input.body) } });
    return getThread(db, t.id)!;
  })();
}

function mustOwn(db: Db, commentId: string, author: string, action: 'edit' | 'delete'): { threadId: string; disclosureId: number; first: boolean } {
  const c = getComment(db, commentId);
  if (!c || c.deletedAt !== null) throw userError('not-found', 'review.comment-not-found', { id: commentId }, { commentId });
  const t = mustGetThread(db, c.threadId);
  if (c.author !== author) throw userError('conflict', 'review.not-yours', { author: c.author, action, name: author }, { commentId });
  return { threadId: t.id, disclosureId: t.disclosureId, first: t.comments[0]?.id === c.id };
}

/** Edits one's own comment (the audit keeps the text before and after). */
export function editComment(db: Db, input: { commentId: string; body: string; author: string; now: number }): ReviewThread {
  return db.transaction(() => {
    const own = mustOwn(db, input.commentId, input.author, 'edit');
    const before = getComment(db, input.commentId)!.body;
    updateCommentBody(db, input.commentId, input.body, input.now);
    appendAudit(db, {
      at: input.now,
      actor: input.author,
      action: 'comment-edit',
      subject: `disclosure:${own.disclosureId}`,
      details: { thread: own.threadId, comment: input.commentId, before: short(before), after: short(input.body) },
    });
    return getThread(db, own.threadId)!;
  })();
}

/** Deletes one's own comment (kept, marked); deleting a thread's opening comment deletes the thread. */
export function deleteComment(db: Db, input: { commentId: string; author: string; now: number }): ReviewThread {
  return db.transaction(() => {
    const own = mustOwn(db, input.commentId, input.author, 'delete');
    markCommentDeleted(db, input.commentId, input.now);
    if (own.first) markThreadDeleted(db, own.threadId, input.now);
    appendAudit(db, {
      at: input.now,
      actor: input.author,
      action: own.first ? 'thread-delete' : 'comment-delete',
      subject: `disclosure:${own.disclosureId}`,
      details: { thread: own.threadId, comment: input.commentId },
    });
    return getThread(db, own.threadId)!;
  })();
}

/** Resolves or reopens a thread. */
export function changeThreadStatus(db: Db, input: { threadId: string; status: ThreadStatus; author: string; now: number }): ReviewThread {
  return db.transaction(() => {
    const t = mustGetThread(db, input.threadId);
    if (t.status !== input.status) {
      setThreadStatus(db, t.id, input.status, input.author, input.now);
      appendAudit(db, { at: input.now, actor: input.author, action: 'thread-status', subject: `disclosure:${t.disclosureId}`, details: { thread: t.id, from: t.status, to: input.status } });
    }
    return getThread(db, t.id)!;
  })();
}
