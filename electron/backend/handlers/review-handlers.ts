import type { reviewCalls } from '../../../shared/contract/review.ts';
import { userError } from '../../../shared/contract/errors.ts';
import type { Disclosure } from '../../../shared/disclosures/types.ts';
import { compareVersions } from '../../../shared/review/compare.ts';
import type { HandlerContext } from '../context.ts';
import type { Db } from '../db/connection.ts';
import { getDisclosure } from '../db/disclosures-repo.ts';
import { describeWorkspace } from '../workspace.ts';
import { deliverBytes, exportFileName } from '../disclosures/export.ts';
import { appendAudit, listAudit, verifyAudit } from '../review/audit.ts';
import { listDecisions, listVersionSummaries } from '../review/review-repo.ts';
import { matchesFilter, threadsCsv, threadsJson } from '../review/thread-export.ts';
import { changeThreadStatus, deleteComment, editComment, mustGetVersion, openThread, reply, threadsOnVersion } from '../review/threads.ts';
import type { HandlersFor } from './types.ts';

function mustGet(db: Db, id: number): Disclosure {
  const found = getDisclosure(db, id);
  if (!found) throw userError('not-found', 'disclosures.not-found', { id }, { id });
  return found;
}

function changed(ctx: HandlerContext): void {
  ctx.host.emit('data:changed', { reason: 'disclosures' });
}

/** A path for a file the user saves: the one given (CLI), or main's save dialog (Electron); none in browser mode. */
async function savePath(ctx: HandlerContext, given: string | undefined, fileName: string): Promise<string | null | undefined> {
  if (given !== undefined) return ctx.paths.check(given, 'export');
  if (!ctx.host.pickSavePath) return undefined;
  const chosen = await ctx.host.pickSavePath(fileName);
  return chosen === null ? null : ctx.paths.check(chosen, 'export');
}

export const reviewHandlers: HandlersFor<keyof typeof reviewCalls> = {
  'review:versions': (input, ctx) => {
    const { db } = ctx.workspace();
    mustGet(db, input.id);
    return listVersionSummaries(db, input.id);
  },
  'review:version': (input, ctx) => {
    const { db } = ctx.workspace();
    return mustGetVersion(db, mustGet(db, input.id), input.number);
  },
  'review:compare': (input, ctx) => {
    const { db } = ctx.workspace();
    const d = mustGet(db, input.id);
    return compareVersions(mustGetVersion(db, d, input.from), mustGetVersion(db, d, input.to));
  },
  'review:threads': (input, ctx) => {
    const { db } = ctx.workspace();
    return threadsOnVersion(db, mustGet(db, input.id), input.number);
  },
  'review:comment': (input, ctx) => {
    const { db } = ctx.workspace();
    const d = mustGet(db, input.id);
    const thread = openThread(db, d, { ...input, now: Date.now() });
    changed(ctx);
    return thread;
  },
  'review:reply': (input, ctx) => {
    const thread = reply(ctx.workspace().db, { ...input, now: Date.now() });
    changed(ctx);
    return thread;
  },
  'review:editComment': (input, ctx) => {
    const thread = editComment(ctx.workspace().db, { ...input, now: Date.now() });
    changed(ctx);
    return thread;
  },
  'review:deleteComment': (input, ctx) => {
    const thread = deleteComment(ctx.workspace().db, { ...input, now: Date.now() });
    changed(ctx);
    return thread;
  },
  'review:setThreadStatus': (input, ctx) => {
    const thread = changeThreadStatus(ctx.workspace().db, { ...input, now: Date.now() });
    changed(ctx);
    return thread;
  },
  'review:decisions': (input, ctx) => {
    const { db } = ctx.workspace();
    mustGet(db, input.id);
    return listDecisions(db, input.id);
  },
  'review:exportThreads': async (input, ctx) => {
    const { db } = ctx.workspace();
    const d = mustGet(db, input.id);
    const placed = threadsOnVersion(db, d, input.number);
    if (placed.version === null) throw userError('conflict', 'review.no-version', { title: d.title, action: 'export' }, { id: d.id });
    const threads = placed.threads.filter((t) => matchesFilter(t, input.filter));
    const fileName = exportFileName(`${d.title} v${placed.version} review`, d.id, input.format);
    const target = await savePath(ctx, input.path, fileName);
    const mimeType = input.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json';
    if (target === null) return { path: null, fileName, mimeType, bytes: 0, base64: null };
    const text = input.format === 'csv' ? threadsCsv(threads, placed.version) : threadsJson(threads, placed.version, { id: d.id, title: d.title });
    const result = deliverBytes(Buffer.from(text, 'utf8'), fileName, mimeType, target);
    appendAudit(db, {
      at: Date.now(),
      actor: '',
      action: 'export',
      subject: `disclosure:${d.id}`,
      details: { format: `threads-${input.format}`, filter: input.filter, version: placed.version, threads: threads.length, fileName: result.fileName },
    });
    return result;
  },
  'review:exportFile': async (input, ctx) => {
    const { db } = ctx.workspace();
    const d = mustGet(db, input.id);
    // Loaded when used: the Word and zip writers are not needed by any other call.
    const { exportReviewFile } = await import('../review/files.ts');
    const made = await exportReviewFile(db, d, input.format, input.actor, Date.now());
    const target = await savePath(ctx, input.path, made.fileName);
    if (target === null) return { path: null, fileName: made.fileName, mimeType: made.mimeType, bytes: 0, base64: null };
    const result = deliverBytes(made.bytes, made.fileName, made.mimeType, target);
    appendAudit(db, {
      at: Date.now(),
      actor: input.actor,
      action: 'export',
      subject: `disclosure:${d.id}`,
      details: { format: input.format, version: made.versionNumber, sha256: made.versionSha256, fileName: result.fileName, bytes: result.bytes },
    });
    return result;
  },
  'review:importFile': async (input, ctx) => {
    const { db } = ctx.workspace();
    const file = ctx.paths.check(input.path, 'import');
    const { importReviewFile } = await import('../review/files.ts');
    const summary = await importReviewFile(db, file, { actor: input.actor, ...(input.id !== undefined ? { disclosureId: input.id } : {}), now: Date.now() });
    changed(ctx);
    return summary;
  },
  'review:openFile': async (input, ctx) => {
    const file = ctx.paths.check(input.path, 'import');
    const { openReviewFileSession } = await import('../review/review-session.ts');
    const session = await openReviewFileSession(file);
    await ctx.close();
    ctx.session = session;
    ctx.host.emit('workspace:changed', { path: session.path });
    return describeWorkspace(session);
  },
  'review:saveFile': async (input, ctx) => {
    const session = ctx.workspace();
    const origin = session.reviewFile;
    if (!origin) throw userError('conflict', 'review.not-review-file');
    const d = mustGet(session.db, origin.disclosureId);
    const { exportReviewFile } = await import('../review/files.ts');
    const made = await exportReviewFile(session.db, d, 'noticereview', input.actor, Date.now());
    const fileName = origin.fileName.replace(/(\.noticereview)?$/i, '.noticereview');
    const target = await savePath(ctx, input.path, fileName);
    if (target === null) return { path: null, fileName, mimeType: made.mimeType, bytes: 0, base64: null };
    return deliverBytes(made.bytes, fileName, made.mimeType, target);
  },
  'audit:list': (input, ctx) => listAudit(ctx.workspace().db, input),
  'audit:verify': (_input, ctx) => verifyAudit(ctx.workspace().db),
};
