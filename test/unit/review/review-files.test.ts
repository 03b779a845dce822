import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { HandlerContext } from '../../../electron/backend/context.ts';
import { inProcessApi } from '../../../electron/backend/dispatch.ts';
import { readReviewFile, writeReviewFile } from '../../../electron/backend/review/review-file.ts';
import { MemorySettingsStore } from '../../../electron/backend/settings-store.ts';
import type { AppError } from '../../../shared/contract/errors.ts';
import { createHash } from 'node:crypto';
import { tempDir } from '../helpers/tmp.ts';

function context() {
  const ctx = new HandlerContext({ transport: 'in-process', settings: new MemorySettingsStore(), emit: () => {} });
  return { ctx, api: inProcessApi(ctx) };
}

function errorOf(promise: Promise<unknown>): Promise<AppError> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e as AppError,
  );
}

/** A workspace with a disclosure in review, one thread, and its review file written. */
async function sent() {
  const dir = tempDir('review-files-');
  const { ctx, api } = context();
  await api['workspace:create']({ path: path.join(dir, 'policy.sqlite') });
  const d = await api['disclosures:create']({ surface: 'alimtalk' });
  await api['disclosures:setStatus']({ id: d.id, status: 'in-review', actor: '이작성' });
  const v = await api['review:version']({ id: d.id, number: 1 });
  const at = v.enText.search(/[A-Za-z]{5}/);
  const quote = v.enText.slice(at, at + 12);
  const thread = await api['review:comment']({ id: d.id, number: 1, locale: 'en', start: at, end: at + quote.length, quote, body: 'Say how much.', author: '이작성' });
  const file = path.join(dir, 'for-review.noticereview');
  const written = await api['review:exportFile']({ id: d.id, format: 'noticereview', path: file, actor: '이작성' });
  return { ctx, api, d, v, thread, file, dir, written };
}

/** Rewrites entries of a review file; with `manifest`, the manifest is updated to match (a careful forger). */
function tamper(file: string, out: string, change: (entries: Record<string, Uint8Array>) => void, manifest: boolean): void {
  const entries = unzipSync(new Uint8Array(fs.readFileSync(file)));
  change(entries);
  if (manifest) {
    const m = JSON.parse(strFromU8(entries['manifest.json']!)) as { files: { path: string; size: number; sha256: string }[] };
    m.files = Object.keys(entries)
      .filter((p) => p !== 'manifest.json')
      .map((p) => ({ path: p, size: entries[p]!.length, sha256: createHash('sha256').update(entries[p]!).digest('hex') }));
    entries['manifest.json'] = strToU8(JSON.stringify(m));
  }
  fs.writeFileSync(out, zipSync(entries));
}

describe('review files', () => {
  it('round-trips a reviewer’s comments and decision through a review file opened without a workspace, and merging twice adds nothing', async () => {
    const { ctx, api, d, file, dir, written } = await sent();
    expect(written).toMatchObject({ path: file, mimeType: 'application/vnd.notice-desk.review+zip' });
    // Importing the file that was just sent adds nothing.
    expect(await api['review:importFile']({ path: file })).toMatchObject({ threadsAdded: 0, repliesAdded: 0, decisionsAdded: 0, format: 'noticereview' });

    // The reviewer, elsewhere, with no workspace.
    const reviewer = context();
    const info = await reviewer.api['review:openFile']({ path: file });
    expect(info.reviewFile).toEqual({ fileName: 'for-review.noticereview', disclosureId: d.id });
    const folder = path.dirname(info.path);
    const there = await reviewer.api['review:threads']({ id: d.id });
    expect(there.threads).toHaveLength(1);
    await reviewer.api['review:reply']({ threadId: there.threads[0]!.id, body: '약 15KB라고 적으세요.', author: '김법무' });
    const v1 = await reviewer.api['review:version']({ id: d.id, number: 1 });
    const at = v1.koText.search(/[가-힣]{2}/);
    await reviewer.api['review:comment']({ id: d.id, number: 1, locale: 'ko', start: at, end: at + 2, quote: v1.koText.slice(at, at + 2), body: '수신 거부 방법을 먼저 쓰세요.', author: '김법무' });
    await reviewer.api['disclosures:setStatus']({ id: d.id, status: 'changes-requested', actor: '김법무', note: '요금 금액이 없습니다' });
    const back = path.join(dir, 'reviewed.noticereview');
    await reviewer.api['review:saveFile']({ path: back, actor: '김법무' });
    await reviewer.ctx.close();
    expect(fs.existsSync(folder)).toBe(false);

    const merged = await api['review:importFile']({ path: back, actor: '이작성' });
    expect(merged).toMatchObject({ disclosureId: d.id, versionNumber: 1, threadsAdded: 1, repliesAdded: 1, decisionsAdded: 1, orphaned: 0 });
    const now = await api['disclosures:get']({ id: d.id });
    expect(now.status).toBe('changes-requested');
    expect(now.history.at(-1)).toMatchObject({ to: 'changes-requested', note: '요금 금액이 없습니다' });
    const decisions = await api['review:decisions']({ id: d.id });
    expect(decisions).toEqual([expect.objectContaining({ decision: 'changes-requested', reviewer: '김법무', origin: 'review-file', versionNumber: 1 })]);
    const threads = (await api['review:threads']({ id: d.id })).threads;
    expect(threads.map((t) => t.comments.length).sort()).toEqual([1, 2]);
    expect(threads.find((t) => t.anchor.locale === 'ko')).toMatchObject({ origin: 'review-file', author: '김법무' });
    expect(await api['review:importFile']({ path: back })).toMatchObject({ threadsAdded: 0, repliesAdded: 0, decisionsAdded: 0 });
    const audit = (await api['audit:list']({})).map((e) => e.action);
    expect(audit.filter((a) => a === 'merge')).toHaveLength(3);
    expect((await api['audit:verify']({})).ok).toBe(true);
    await ctx.close();
  });

  it('lets the reviewer in a review file only comment, rule and decide: the author’s calls and moves are refused there, and work in the workspace', async () => {
    const { ctx, api, d, file, dir } = await sent();
    const reviewer = context();
    await reviewer.api['review:openFile']({ path: file });
    const refused = async (call: Promise<unknown>, name: string) => {
      const e = await errorOf(call);
      expect(e, name).toMatchObject({ code: 'conflict', key: 'review.session-reviewer-only' });
      expect(e.params?.file, name).toBe('for-review.noticereview');
    };
    await refused(reviewer.api['disclosures:update']({ id: d.id, koText: '바꾼 본문' }), 'update');
    await refused(reviewer.api['disclosures:setStatus']({ id: d.id, status: 'draft', actor: '김법무' }), 'withdraw');
    await refused(reviewer.api['disclosures:setStatus']({ id: d.id, status: 'retired', actor: '김법무' }), 'retire');
    await refused(reviewer.api['disclosures:duplicate']({ id: d.id, actor: '김법무' }), 'duplicate');
    await refused(reviewer.api['disclosures:create']({ surface: 'install' }), 'create');
    await refused(reviewer.api['review:importFile']({ path: file }), 'import a review file');
    await refused(reviewer.api['evidence:write']({ language: 'ko', path: path.join(dir, 'pack.zip') }), 'evidence');
    await refused(reviewer.api['workspace:setTimeZone']({ timeZone: 'UTC' }), 'time zone');
    // What a reviewer does still works: read, comment, decide (and again, after requesting changes).
    expect((await reviewer.api['review:threads']({ id: d.id })).threads).toHaveLength(1);
    await reviewer.api['disclosures:setStatus']({ id: d.id, status: 'changes-requested', actor: '김법무', note: '금액이 없습니다' });
    await refused(reviewer.api['disclosures:setStatus']({ id: d.id, status: 'in-review', actor: '김법무' }), 'submit again');
    expect((await reviewer.api['disclosures:get']({ id: d.id })).status).toBe('changes-requested');
    await reviewer.ctx.close();
    // The same calls are the author's own in the workspace.
    await api['disclosures:setStatus']({ id: d.id, status: 'retired', actor: '이작성' });
    expect((await api['disclosures:get']({ id: d.id })).status).toBe('retired');
    await ctx.close();
  });

  it('writes the same bytes for the same package, and reads back what it wrote', async () => {
    const { ctx, file } = await sent();
    const pkg = readReviewFile(new Uint8Array(fs.readFileSync(file)), 'x');
    const again = writeReviewFile(pkg);
    expect(Buffer.from(writeReviewFile(pkg)).equals(Buffer.from(again))).toBe(true);
    const read = readReviewFile(again, 'x');
    expect(read.version).toEqual(pkg.version);
    expect(read.threads).toEqual(pkg.threads);
    expect(read.previews.map((p) => [p.name, p.bytes.length > 1000])).toEqual([
      ['preview.pdf', true],
      ['preview.html', true],
    ]);
    await ctx.close();
  });

  it('refuses a tampered, incomplete, padded or hostile file with a message naming it, and changes nothing', async () => {
    const { ctx, api, file, dir, d } = await sent();
    const before = JSON.stringify(await api['review:threads']({ id: d.id }));
    const cases: [string, (e: Record<string, Uint8Array>) => void, boolean, string][] = [
      ['text-edited.noticereview', (e) => (e['version.json'] = strToU8(strFromU8(e['version.json']!).replace('"enText":"', '"enText":"Free! '))), true, 'review-file.version-hash'],
      ['unlisted-edit.noticereview', (e) => (e['threads.json'] = strToU8(strFromU8(e['threads.json']!).replace('Say how much.', 'Looks fine.'))), false, 'review-file.entry-changed'],
      ['extra.noticereview', (e) => (e['extra.txt'] = strToU8('hello')), false, 'review-file.entry-extra'],
      ['missing.noticereview', (e) => delete e['decisions.json'], true, 'review-file.entry-missing'],
      ['traversal.noticereview', (e) => (e['../evil.json'] = strToU8('{}')), true, 'review-file.bad-path'],
    ];
    for (const [name, change, manifest, key] of cases) {
      const out = path.join(dir, name);
      tamper(file, out, change, manifest);
      const e = await errorOf(api['review:importFile']({ path: out }));
      expect(e.key, name).toBe(key);
      expect(e.message, name).toContain(name);
      expect((await errorOf(context().api['review:openFile']({ path: out }))).key, name).toBe(key);
    }
    const notZip = path.join(dir, 'plain.noticereview');
    fs.writeFileSync(notZip, 'not a zip at all');
    expect((await errorOf(api['review:importFile']({ path: notZip }))).message).toContain('not a zip');
    const bomb = path.join(dir, 'bomb.noticereview');
    fs.writeFileSync(bomb, zipSync({ 'manifest.json': [new Uint8Array(30 * 1024 * 1024), { level: 9 }] }));
    expect(fs.statSync(bomb).size).toBeLessThan(100_000);
    expect((await errorOf(api['review:importFile']({ path: bomb }))).message).toContain('too large');
    expect(JSON.stringify(await api['review:threads']({ id: d.id }))).toBe(before);
    await ctx.close();
  });

  it('refuses a review file for a version this workspace does not hold', async () => {
    const { ctx, file } = await sent();
    const other = context();
    await other.api['workspace:create']({ path: path.join(tempDir('other-'), 'other.sqlite') });
    expect((await errorOf(other.api['review:importFile']({ path: file }))).key).toBe('review.file-other-workspace');
    await other.ctx.close();
    await ctx.close();
  });
});

describe('Word files through the workspace', () => {
  it('exports the version with its threads as Word comments, and importing that file back adds nothing', async () => {
    const { ctx, api, d, dir } = await sent();
    const docx = path.join(dir, 'for-review.docx');
    const out = await api['review:exportFile']({ id: d.id, format: 'docx', path: docx, actor: '이작성' });
    expect(out.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(Object.keys(unzipSync(new Uint8Array(fs.readFileSync(docx))))).toContain('word/comments.xml');
    const first = await api['review:importFile']({ path: docx });
    expect(first).toMatchObject({ format: 'docx', disclosureId: d.id, versionNumber: 1, threadsAdded: 0, repliesAdded: 0, suggestion: null });
    expect((await api['review:threads']({ id: d.id })).threads).toHaveLength(1);
    await ctx.close();
  });

  it('suggests a draft from a tracked change that keeps the bold data-charge sentence of the paragraph it is in', async () => {
    const { ctx, api, d, v, dir } = await sent();
    const docx = path.join(dir, 'for-review.docx');
    await api['review:exportFile']({ id: d.id, format: 'docx', path: docx, actor: '이작성' });
    const entries = unzipSync(new Uint8Array(fs.readFileSync(docx)));
    const xml = strFromU8(entries['word/document.xml']!);
    // The reviewer adds a sentence, changes tracked, to the line after the bold one (the same paragraph).
    const at = xml.indexOf('On Wi-Fi, you pay nothing.');
    expect(at).toBeGreaterThan(0);
    const end = xml.indexOf('</w:r>', at) + '</w:r>'.length;
    const inserted = '<w:ins w:id="901" w:author="Kim Legal" w:date="2026-03-05T10:00:00Z"><w:r><w:t xml:space="preserve"> Roaming costs more.</w:t></w:r></w:ins>';
    entries['word/document.xml'] = strToU8(xml.slice(0, end) + inserted + xml.slice(end));
    const reviewed = path.join(dir, 'reviewed.docx');
    fs.writeFileSync(reviewed, zipSync(entries));
    const merged = await api['review:importFile']({ path: reviewed });
    expect(v.enText).toContain('**These messages use mobile data');
    expect(merged.suggestion).toEqual({ koText: v.koText, enText: v.enText.replace('On Wi-Fi, you pay nothing.', 'On Wi-Fi, you pay nothing. Roaming costs more.') });
    await ctx.close();
  });
});
