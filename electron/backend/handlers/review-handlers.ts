import type { reviewCalls } from '../../../shared/contract/review.ts';
import { userError } from '../../../shared/contract/errors.ts';
import { compareVersions } from '../../../shared/review/compare.ts';
import type { HandlerContext } from '../context.ts';
import { mustGetDisclosure } from '../db/disclosures-repo.ts';
import { describeWorkspace } from '../workspace.ts';
import { deliverBytes, exportFileName } from '../disclosures/export.ts';
import { appendAudit, listAudit, verifyAudit } from '../review/audit.ts';
import { listDecisions, listVersionSummaries } from '../review/review-repo.ts';
import { matchesFilter, threadsCsv, threadsJson } from '../review/thread-export.ts';
import { changeThreadStatus, deleteComment, editComment, mustGetVersion, openThread, reply, threadsOnVersion } from '../review/threads.ts';
import { givenSavePath, savePath } from './save-path.ts';
import type { HandlersFor } from './types.ts';


function changed(ctx: HandlerContext): void {
  ctx.host.emit('data:changed', { reason: 'disclosures' });
}

export const reviewHandlers: HandlersFor<keyof typeof reviewCalls> = {
  'review:versions': (input, ctx) => {
    const { db } = ctx.workspace();
    mustGetDisclosure(db, input.id);
    return listVersionSummaries(db, input.id);
  },
  'review:version': (input, ctx) => {
    const { db } = ctx.workspace();
    return mustGetVersion(db, mustGetDisclosure(db, input.id), input.number);
  },
  'review:compare': (input, ctx) => {
    const { db } = ctx.workspace();
    const d = mustGetDisclosure(db, input.id);
    return compareVersions(mustGetVersion(db, d, input.from), mustGetVersion(db, d, input.to));
  },
  'review:threads': (input, ctx) => {
    const { db } = ctx.workspace();
    return threadsOnVersion(db, mustGetDisclosure(db, input.id), input.number);
  },
  'review:comment': (input, ctx) => {
    const { db } = ctx.workspace();
    const d = mustGetDisclosure(db, input.id);
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
    mustGetDisclosure(db, input.id);
    return listDecisions(db, input.id);
  },
  'review:exportThreads': async (input, ctx) => {
    const given = givenSavePath(ctx, input.path);
    const { db } = ctx.workspace();
    const d = mustGetDisclosure(db, input.id);
    const placed = threadsOnVersion(db, d, input.number);
    if (placed.version === null) throw userError('conflict', 'review.no-version', { title: d.title, action: 'export' }, { id: d.id });
    const threads = placed.threads.filter((t) => matchesFilter(t, input.filter));
    const fileName = exportFileName(`${d.title} v${placed.version} review`, d.id, input.format);
    const target = await savePath(ctx, given, fileName);
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
    const given = givenSavePath(ctx, input.path);
    const { db } = ctx.workspace();
    const d = mustGetDisclosure(db, input.id);
    // Loaded when used: the Word and zip writers are not needed by any other call.
    const { exportReviewFile } = await import('../review/files.ts');
    const made = await exportReviewFile(db, d, input.format, input.actor, Date.now());
    const target = await savePath(ctx, given, made.fileName);
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
    const file = ctx.paths.check(input.path, 'import');
    const { db } = ctx.workspace();
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
    const given = givenSavePath(ctx, input.path);
    const session = ctx.workspace();
    const origin = session.reviewFile;
    if (!origin) throw userError('conflict', 'review.not-review-file');
    const d = mustGetDisclosure(session.db, origin.disclosureId);
    const { exportReviewFile } = await import('../review/files.ts');
    const made = await exportReviewFile(session.db, d, 'noticereview', input.actor, Date.now());
    const fileName = origin.fileName.replace(/(\.noticereview)?$/i, '.noticereview');
    const target = await savePath(ctx, given, fileName);
    if (target === null) return { path: null, fileName, mimeType: made.mimeType, bytes: 0, base64: null };
    return deliverBytes(made.bytes, fileName, made.mimeType, target);
  },
  'audit:list': (input, ctx) => listAudit(ctx.workspace().db, input),
  'audit:verify': (_input, ctx) => verifyAudit(ctx.workspace().db),
};
