import path from 'node:path';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HandlerContext } from '../../../electron/backend/context.ts';
import { inProcessApi } from '../../../electron/backend/dispatch.ts';
import { MemorySettingsStore } from '../../../electron/backend/settings-store.ts';
import type { AppError } from '../../../shared/contract/errors.ts';
import { tempDir } from '../helpers/tmp.ts';

async function inReview() {
  const dir = tempDir('threads-');
  const ctx = new HandlerContext({ transport: 'in-process', settings: new MemorySettingsStore(), emit: () => {} });
  const api = inProcessApi(ctx);
  await api['workspace:create']({ path: path.join(dir, 'ws.sqlite') });
  const d = await api['disclosures:create']({ surface: 'alimtalk' });
  await api['disclosures:setStatus']({ id: d.id, status: 'in-review', actor: '이작성' });
  return { ctx, api, d, dir };
}

function errorOf(promise: Promise<unknown>): Promise<AppError> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e as AppError,
  );
}

/** A comment on the first occurrence of `quote` in a locale's text of version `number`. */
async function commentOn(api: Awaited<ReturnType<typeof inReview>>['api'], id: number, number: number, locale: 'ko' | 'en', quote: string, body: string, author = '김법무') {
  const v = await api['review:version']({ id, number });
  const text = locale === 'ko' ? v.koText : v.enText;
  const start = text.indexOf(quote);
  expect(start, `"${quote}" in v${number} ${locale}`).toBeGreaterThanOrEqual(0);
  return api['review:comment']({ id, number, locale, start, end: start + quote.length, quote, body, author });
}

describe('comment threads', () => {
  it('opens threads on quoted words, with replies, edits and deletions of one’s own comments, and resolution', async () => {
    const { ctx, api, d } = await inReview();
    const v1 = await api['review:version']({ id: d.id, number: 1 });
    const koQuote = v1.koText.slice(v1.koText.indexOf('데이터'), v1.koText.indexOf('데이터') + 8);
    const t = await commentOn(api, d.id, 1, 'ko', koQuote, '요금 금액을 더 분명하게 써 주세요.');
    expect(t).toMatchObject({ versionNumber: 1, status: 'open', author: '김법무', origin: 'app', anchor: { locale: 'ko', quote: koQuote } });
    expect(t.anchor.prefix.length).toBeGreaterThan(0);
    const replied = await api['review:reply']({ threadId: t.id, body: '예시 금액을 넣었습니다.', author: '이작성' });
    expect(replied.comments.map((c) => c.author)).toEqual(['김법무', '이작성']);
    const other = await errorOf(api['review:editComment']({ commentId: replied.comments[1]!.id, body: 'x', author: '김법무' }));
    expect(other).toMatchObject({ code: 'conflict', key: 'review.not-yours' });
    const edited = await api['review:editComment']({ commentId: replied.comments[1]!.id, body: '예시 금액(약 15KB)을 넣었습니다.', author: '이작성' });
    expect(edited.comments[1]).toMatchObject({ body: '예시 금액(약 15KB)을 넣었습니다.' });
    expect(edited.comments[1]!.editedAt).not.toBeNull();
    const deleted = await api['review:deleteComment']({ commentId: replied.comments[1]!.id, author: '이작성' });
    expect(deleted.comments[1]!.deletedAt).not.toBeNull();
    expect(deleted.deletedAt).toBeNull();
    const resolved = await api['review:setThreadStatus']({ threadId: t.id, status: 'resolved', author: '김법무' });
    expect(resolved).toMatchObject({ status: 'resolved', resolvedBy: '김법무' });
    const reopened = await api['review:setThreadStatus']({ threadId: t.id, status: 'open', author: '이작성' });
    expect(reopened).toMatchObject({ status: 'open', resolvedBy: null });
    // Deleting the opening comment deletes the thread: gone from the view, kept in the record.
    await api['review:deleteComment']({ commentId: t.comments[0]!.id, author: '김법무' });
    expect((await api['review:threads']({ id: d.id })).threads).toEqual([]);
    expect(await errorOf(api['review:reply']({ threadId: t.id, body: 'x', author: '김법무' }))).toMatchObject({ key: 'review.thread-not-found' });
    const actions = (await api['audit:list']({})).map((e) => e.action).reverse();
    expect(actions).toEqual(['version', 'status', 'comment', 'reply', 'comment-edit', 'comment-delete', 'thread-status', 'thread-status', 'thread-delete']);
    expect((await api['audit:verify']({})).ok).toBe(true);
    await ctx.close();
  });

  it('refuses a quote that is not at the range in the version, and a version that does not exist', async () => {
    const { ctx, api, d } = await inReview();
    const wrong = await errorOf(api['review:comment']({ id: d.id, number: 1, locale: 'en', start: 0, end: 3, quote: 'zzz', body: 'x', author: 'K' }));
    expect(wrong).toMatchObject({ code: 'conflict', key: 'review.anchor-outside' });
    const none = await errorOf(api['review:comment']({ id: d.id, number: 2, locale: 'en', start: 0, end: 3, quote: 'zzz', body: 'x', author: 'K' }));
    expect(none).toMatchObject({ code: 'not-found', key: 'review.version-not-found' });
    const bad = await errorOf(api['review:comment']({ id: d.id, number: 1, locale: 'en', start: 0, end: 4, quote: 'zzz', body: 'x', author: 'K' }));
    expect(bad.code).toBe('bad-input');
    await ctx.close();
  });

  it('places threads of version 1 on version 2: kept where the words stayed, approximately where they were edited, orphaned where they went', async () => {
    const { ctx, api, d } = await inReview();
    const v1 = await api['review:version']({ id: d.id, number: 1 });
    const lines = v1.enText.split('\n').filter((l) => l.trim().length > 40);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    const kept = lines[0]!.slice(0, 30);
    const edited = lines[1]!.slice(0, 40);
    const gone = lines[2]!.slice(0, 30);
    const tKept = await commentOn(api, d.id, 1, 'en', kept, 'fine');
    const tEdited = await commentOn(api, d.id, 1, 'en', edited, 'reword');
    const tGone = await commentOn(api, d.id, 1, 'en', gone, 'remove?');
    await api['disclosures:setStatus']({ id: d.id, status: 'changes-requested', actor: '김법무', note: 'see the threads' });
    const editedText = edited.slice(0, 10) + edited.slice(10, 12).toUpperCase() + edited.slice(12);
    const newText = `Intro line added before everything.\n\n${v1.enText.replace(edited, editedText).replace(lines[2]!, '')}`;
    await api['disclosures:update']({ id: d.id, enText: newText });
    await api['disclosures:setStatus']({ id: d.id, status: 'in-review', actor: '이작성' });
    const placed = await api['review:threads']({ id: d.id });
    expect(placed.version).toBe(2);
    const byId = new Map(placed.threads.map((t) => [t.id, t]));
    const k = byId.get(tKept.id)!;
    expect(k.placed.state).toBe('exact');
    expect(newText.slice(k.placed.start!, k.placed.end!)).toBe(kept);
    expect(k.versionNumber).toBe(1);
    const e = byId.get(tEdited.id)!;
    expect(e.placed.state).toBe('fuzzy');
    expect(newText.slice(e.placed.start!, e.placed.end!)).toContain(editedText.slice(14, 30));
    expect(byId.get(tGone.id)!.placed).toEqual({ state: 'orphaned', start: null, end: null });
    // On version 1 they all sit where they were made.
    const onV1 = await api['review:threads']({ id: d.id, number: 1 });
    expect(onV1.threads.every((t) => t.placed.state === 'exact')).toBe(true);
    await ctx.close();
  });

  it('exports a version’s threads as formula-safe CSV with a BOM, and as JSON, filtered', async () => {
    const { ctx, api, d, dir } = await inReview();
    const v1 = await api['review:version']({ id: d.id, number: 1 });
    const quote = v1.enText.slice(0, 12);
    const t = await commentOn(api, d.id, 1, 'en', quote, '=HYPERLINK("http://evil")', '@attacker');
    await api['review:reply']({ threadId: t.id, body: '+1 agreed, "quoted", and a\nnew line', author: '이작성' });
    const csvFile = path.join(dir, 'threads.csv');
    const csv = await api['review:exportThreads']({ id: d.id, format: 'csv', path: csvFile });
    expect(csv.path).toBe(csvFile);
    const text = fs.readFileSync(csvFile, 'utf8');
    expect(text.startsWith('\uFEFFthread_id,')).toBe(true);
    expect(text).toContain(`'=HYPERLINK(""http://evil"")`);
    expect(text).toContain(`'@attacker`);
    expect(text).toContain(`"'+1 agreed, ""quoted"", and a\nnew line"`);
    expect(text.trim().split('\r\n')).toHaveLength(3);
    const json = await api['review:exportThreads']({ id: d.id, format: 'json', filter: 'resolved' });
    const parsed = JSON.parse(Buffer.from(json.base64!, 'base64').toString('utf8')) as { threads: unknown[]; placedOnVersion: number };
    expect(parsed).toMatchObject({ placedOnVersion: 1, threads: [] });
    const open = await api['review:exportThreads']({ id: d.id, format: 'json', filter: 'open' });
    expect((JSON.parse(Buffer.from(open.base64!, 'base64').toString('utf8')) as { threads: unknown[] }).threads).toHaveLength(1);
    await ctx.close();
  });
});
