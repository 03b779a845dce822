import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { runChecks } from '../../../electron/backend/disclosures/checklist.ts';
import {
  readReviewFile,
  REVIEW_FILE_LIMITS,
  threadsBelongTo,
  writeReviewFile,
  type PackedVersion,
  type ReviewPackage,
} from '../../../electron/backend/review/review-file.ts';
import { versionSha256 } from '../../../electron/backend/review/review-repo.ts';
import type { AppError } from '../../../shared/contract/errors.ts';
import { fillPlaceholders } from '../../../shared/contract/messages/index.ts';
import { reviewFileMessages } from '../../../shared/contract/messages/review.ts';
import type { Surface } from '../../../shared/disclosures/types.ts';
import { REVIEW_LIMITS, type ReviewComment, type ReviewThread } from '../../../shared/review/types.ts';

const KO_1 = '[에이스몰] 주문·배송 안내를 알림톡으로 보내 드립니다.\n\n알림톡을 받으면 데이터 요금이 발생할 수 있습니다.\n\n받지 않으려면 설정 > 알림에서 끄세요.';
const EN_1 = '[Acme Shop] We send order and delivery updates by AlimTalk.\n\nReceiving them may use mobile data.\n\nTo stop them, turn them off in Settings > Notifications.';
const KO_2 = KO_1.replace('데이터 요금이 발생할 수 있습니다', '첫 메시지에 약 15KB, 이후 약 2KB의 데이터가 사용되어 요금이 발생할 수 있습니다');
const EN_2 = EN_1.replace('may use mobile data', 'uses about 15 KB of mobile data for the first message and about 2 KB for each later one');

/** A version as `insertVersion` freezes it: real checks, and the SHA-256 of its canonical form. */
function makeVersion(number: number, koText: string, enText: string, surface: Surface = 'alimtalk'): PackedVersion {
  const body = {
    number,
    title: '알림톡 데이터 요금 안내',
    surface,
    koText,
    enText,
    checks: { ko: runChecks(null, koText, 'ko', surface), en: runChecks(null, enText, 'en', surface), missing: { ko: [], en: ['refusal-consequence'] } },
    author: '이작성',
    createdAt: Date.UTC(2026, 2, number, 9, 30),
  };
  return { ...body, sha256: versionSha256(body) };
}

let uuidSeq = 0;
/** Deterministic UUID-shaped ids, so a fixture built twice is the same. */
function uuid(): string {
  uuidSeq += 1;
  return `00000000-0000-4000-8000-${uuidSeq.toString(16).padStart(12, '0')}`;
}

function comment(threadId: string, author: string, body: string, at: number, over: Partial<ReviewComment> = {}): ReviewComment {
  return { id: uuid(), threadId, author, body, createdAt: at, editedAt: null, deletedAt: null, ...over };
}

function threadOn(v: PackedVersion, locale: 'ko' | 'en', quote: string, bodies: [string, string][], over: Partial<ReviewThread> = {}): ReviewThread {
  const text = locale === 'ko' ? v.koText : v.enText;
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`fixture: ${quote} not in version ${v.number}`);
  const id = uuid();
  const at = v.createdAt + 60_000;
  return {
    id,
    disclosureId: 7,
    versionNumber: v.number,
    anchor: { locale, quote, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + quote.length, start + quote.length + 32), start, end: start + quote.length },
    status: 'open',
    author: bodies[0]![0],
    createdAt: at,
    resolvedAt: null,
    resolvedBy: null,
    deletedAt: null,
    origin: 'app',
    comments: bodies.map(([author, body], i) => comment(id, author, body, at + i * 1000)),
    ...over,
  };
}

/** A package as `exportReviewFile` gives it: version 2 in review, version 1 before it, Korean and English throughout. */
function makePackage(): ReviewPackage {
  uuidSeq = 0;
  const v1 = makeVersion(1, KO_1, EN_1);
  const v2 = makeVersion(2, KO_2, EN_2);
  const old = threadOn(v1, 'en', 'may use mobile data', [
    ['Kim Legal', 'Say how much data.'],
    ['이작성', 'Added the figures in version 2.'],
  ]);
  old.status = 'resolved';
  old.resolvedAt = v2.createdAt + 5000;
  old.resolvedBy = 'Kim Legal';
  old.comments[1] = { ...old.comments[1]!, editedAt: v2.createdAt + 1000, body: 'Added the figures (15 KB / 2 KB) in version 2.' };
  const current = threadOn(v2, 'ko', '약 15KB', [
    ['김법무', '첫 메시지의 데이터 양이 사업자 자료와 맞는지 확인해 주세요.'],
    ['이작성', '카카오 공지(15KB/2KB) 기준입니다.'],
    ['김법무', '확인했습니다. 🙂'],
  ]);
  current.comments[2] = { ...current.comments[2]!, deletedAt: v2.createdAt + 120_000 };
  const pdf = new Uint8Array(4096).map((_, i) => (i * 31 + 7) % 251);
  const html = strToU8('<!doctype html><html lang="ko"><meta charset="utf-8"><title>안내</title><p>첫 메시지에 약 15KB</p></html>');
  return {
    format: 'notice-desk/review@1',
    disclosure: { id: 7, title: '알림톡 데이터 요금 안내', surface: 'alimtalk', status: 'in-review' },
    version: v2,
    versions: [v1],
    threads: [old, current],
    decisions: [
      { id: uuid(), versionNumber: 1, decision: 'changes-requested', reviewer: 'Kim Legal', reason: '데이터 양을 숫자로 적어 주세요.', decidedAt: v1.createdAt + 90_000, versionSha256: v1.sha256, origin: 'app' },
      { id: uuid(), versionNumber: 2, decision: 'approved', reviewer: '김법무', reason: '', decidedAt: v2.createdAt + 200_000, versionSha256: v2.sha256, origin: 'review-file' },
    ],
    overrides: [
      {
        id: 3,
        locale: 'en',
        element: 'refusal-consequence',
        verdict: 'present',
        evidence: { start: 0, end: 11, quote: '[Acme Shop]' },
        reason: 'Named elsewhere.',
        reviewer: 'Kim Legal',
        createdAt: v1.createdAt + 1000,
        version: 4,
        textSha256: createHash('sha256').update(EN_1).digest('hex'),
        enginePresent: false,
        withdrawnAt: v1.createdAt + 2000,
        withdrawnBy: 'Kim Legal',
      },
    ],
    previews: [
      { name: 'preview.pdf', mimeType: 'application/pdf', bytes: pdf },
      { name: 'preview.html', mimeType: 'text/html; charset=utf-8', bytes: html },
    ],
    createdAt: Date.UTC(2026, 2, 3, 0, 15, 27),
    createdBy: '이작성',
    app: { name: 'Notice Desk', version: '0.1.0' },
  };
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Rewrites the entries of a review file. With `manifest` the forger also brings the manifest's
 * sizes and hashes in line (keeping the rest of it); without, the manifest is left as written.
 */
function forge(bytes: Uint8Array, change: (entries: Record<string, Uint8Array>) => void, manifest: boolean): Uint8Array {
  const entries = unzipSync(bytes);
  change(entries);
  if (manifest) {
    const m = JSON.parse(strFromU8(entries['manifest.json']!)) as { files: { path: string; size: number; sha256: string }[] };
    m.files = Object.keys(entries)
      .filter((p) => p !== 'manifest.json')
      .map((p) => ({ path: p, size: entries[p]!.length, sha256: sha(entries[p]!) }));
    entries['manifest.json'] = strToU8(JSON.stringify(m));
  }
  return zipSync(entries);
}

/** Edits one JSON entry, as a value. */
function editJson<T>(entries: Record<string, Uint8Array>, name: string, edit: (value: T) => T | void): void {
  const value = JSON.parse(strFromU8(entries[name]!)) as T;
  entries[name] = strToU8(JSON.stringify(edit(value) ?? value));
}

/** Words a refusal in Korean from this format's own messages (before the registry lists them). */
function korean(e: AppError): string {
  return fillPlaceholders(reviewFileMessages[e.key as keyof typeof reviewFileMessages].ko, e.params);
}

/** The error reading `bytes` throws; its wording names the file and fills every placeholder, in both languages. */
function refusal(bytes: Uint8Array, fileName = 'from-kim.noticereview'): AppError {
  try {
    readReviewFile(bytes, fileName);
  } catch (error) {
    const e = error as AppError;
    expect(e.message).toContain(fileName);
    expect(e.message, e.message).not.toMatch(/\{\w+\}/);
    if (e.key && e.key in reviewFileMessages) expect(korean(e)).not.toMatch(/\{\w+\}/);
    return e;
  }
  throw new Error('expected the file to be refused');
}

/** Replaces every occurrence of one byte string with another of the same length (zip names in both headers). */
function replaceBytes(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const out = Buffer.from(bytes);
  const a = Buffer.from(from, 'latin1');
  const b = Buffer.from(to, 'latin1');
  for (let at = out.indexOf(a); at !== -1; at = out.indexOf(a, at + 1)) b.copy(out, at);
  return new Uint8Array(out);
}

const savedTz = process.env['TZ'];
afterEach(() => {
  if (savedTz === undefined) delete process.env['TZ'];
  else process.env['TZ'] = savedTz;
});

describe('writing and reading a review file', () => {
  it('reads back exactly the package it wrote: Korean and English texts, checks, threads with replies, decisions, overrides, previews', () => {
    const pkg = makePackage();
    const read = readReviewFile(writeReviewFile(pkg), 'for-review.noticereview');
    expect(read).toEqual(pkg);
    expect(read.version.koText).toBe(KO_2);
    expect(read.threads[1]!.comments.map((c) => c.body)).toEqual(pkg.threads[1]!.comments.map((c) => c.body));
    expect(strFromU8(read.previews[1]!.bytes)).toContain('첫 메시지에 약 15KB');
    expect(threadsBelongTo(read)).toBe(true);
  });

  it('leaves out what stays in the sending workspace: database ids of versions, and what a thread was placed on', () => {
    const pkg = makePackage();
    const withIds = {
      ...pkg,
      version: { ...pkg.version, id: 12, disclosureId: 7 },
      versions: pkg.versions.map((v) => ({ ...v, id: 11, disclosureId: 7 })),
      threads: pkg.threads.map((t) => ({ ...t, placed: { state: 'exact', start: 1, end: 2 } })),
    };
    const read = readReviewFile(writeReviewFile(withIds), 'x.noticereview');
    expect(read).toEqual(pkg);
    expect(read.version).not.toHaveProperty('id');
  });

  it('writes the same bytes for the same package, whatever the time zone of the computer writing it', () => {
    const pkg = makePackage();
    process.env['TZ'] = 'Asia/Seoul';
    const seoul = writeReviewFile(pkg);
    expect(Buffer.from(writeReviewFile(makePackage())).equals(Buffer.from(seoul))).toBe(true);
    process.env['TZ'] = 'America/Los_Angeles';
    expect(Buffer.from(writeReviewFile(pkg)).equals(Buffer.from(seoul))).toBe(true);
  });

  it('lays the entries out in a fixed order, the manifest first, listing the size and SHA-256 of every other entry', () => {
    const pkg = makePackage();
    const entries = unzipSync(writeReviewFile(pkg));
    expect(Object.keys(entries)).toEqual([
      'manifest.json',
      'disclosure.json',
      'version.json',
      'versions.json',
      'threads.json',
      'decisions.json',
      'overrides.json',
      'previews/preview.pdf',
      'previews/preview.html',
    ]);
    const manifest = JSON.parse(strFromU8(entries['manifest.json']!)) as Record<string, unknown> & { files: { path: string; size: number; sha256: string }[] };
    expect(manifest).toMatchObject({
      format: 'notice-desk/review@1',
      createdAt: pkg.createdAt,
      createdBy: '이작성',
      app: { name: 'Notice Desk', version: '0.1.0' },
      disclosure: { id: 7, title: '알림톡 데이터 요금 안내' },
      version: { number: 2, sha256: pkg.version.sha256 },
    });
    expect(manifest.files.map((f) => f.path)).toEqual(Object.keys(entries).slice(1));
    for (const f of manifest.files) expect(f, f.path).toEqual({ path: f.path, size: entries[f.path]!.length, sha256: sha(entries[f.path]!) });
    // version.json is the version's canonical JSON: the hash of its fields is the one it names.
    const version = JSON.parse(strFromU8(entries['version.json']!)) as PackedVersion;
    expect(versionSha256(version)).toBe(version.sha256);
  });
});

describe('refusing a review file', () => {
  const good = () => writeReviewFile(makePackage());

  it('refuses bytes that are not a zip, and a zip cut short, naming the file', () => {
    const e = refusal(strToU8('PDF? no: just some text that someone renamed'), 'renamed.noticereview');
    expect(e).toMatchObject({ code: 'unsupported-format', key: 'review-file.not-zip' });
    expect(e.message).toContain('renamed.noticereview');
    expect(e.message).toContain('not a zip');
    expect(korean(e)).toContain('renamed.noticereview');
    const bytes = good();
    expect(refusal(bytes.subarray(0, Math.floor(bytes.length / 2)))).toMatchObject({ code: 'file-unreadable', key: 'review-file.damaged' });
  });

  it('refuses a file over 50 MiB before unzipping it', () => {
    const big = new Uint8Array(REVIEW_FILE_LIMITS.fileBytes + 1);
    big.set(good());
    expect(refusal(big)).toMatchObject({ code: 'too-large', key: 'review.file-too-large' });
  });

  it('refuses version text edited after sending (manifest as written): the entry no longer matches its manifest', () => {
    const bytes = forge(good(), (e) => editJson<PackedVersion>(e, 'version.json', (v) => void (v.koText = v.koText.replace('약 15KB', '약 1KB'))), false);
    const e = refusal(bytes);
    expect(e).toMatchObject({ key: 'review-file.entry-changed', params: { entry: 'version.json' } });
    expect(e.message).toContain('from-kim.noticereview');
  });

  it('refuses version text edited with a manifest forged to match: the version no longer hashes to what it claims', () => {
    const pkg = makePackage();
    const bytes = forge(writeReviewFile(pkg), (e) => editJson<PackedVersion>(e, 'version.json', (v) => void (v.enText = `Free! ${v.enText}`)), true);
    const e = refusal(bytes);
    const tampered = { ...pkg.version, enText: `Free! ${pkg.version.enText}` };
    const actual = versionSha256(tampered).slice(0, 12);
    expect(e).toMatchObject({ code: 'unsupported-format', key: 'review-file.version-hash', params: { number: 2, claimed: pkg.version.sha256.slice(0, 12), actual } });
    expect(e.message).toContain('from-kim.noticereview');
    expect(e.message).toContain('version 2');
    expect(e.message).toContain(pkg.version.sha256.slice(0, 12));
    expect(e.message).toContain(actual);
    expect(korean(e)).toContain(actual);
  });

  it('refuses an earlier version edited with a forged manifest, and versions out of order', () => {
    const edited = forge(good(), (e) => editJson<PackedVersion[]>(e, 'versions.json', (vs) => void (vs[0]!.koText += ' ')), true);
    expect(refusal(edited)).toMatchObject({ key: 'review-file.version-hash', params: { entry: 'versions.json', number: 1 } });
    const pkg = makePackage();
    const later = writeReviewFile({ ...pkg, versions: [...pkg.versions, { ...pkg.version }] });
    expect(refusal(later)).toMatchObject({ key: 'review-file.versions-order', params: { number: 2, latest: 2 } });
  });

  it('refuses a rehashed version whose manifest still names the hash it was sent with', () => {
    const bytes = forge(
      good(),
      (e) =>
        editJson<PackedVersion>(e, 'version.json', (v) => {
          v.enText = `Free! ${v.enText}`;
          v.sha256 = versionSha256(v);
        }),
      true,
    );
    expect(refusal(bytes)).toMatchObject({ key: 'review-file.manifest-disagrees', params: { field: 'version.sha256', entry: 'version.json' } });
  });

  it('refuses an entry changed without its manifest, an extra entry, and a missing one', () => {
    const changed = forge(good(), (e) => (e['threads.json'] = strToU8(strFromU8(e['threads.json']!).replace('Say how much data.', 'Looks fine.'))), false);
    expect(refusal(changed)).toMatchObject({ key: 'review-file.entry-changed', params: { entry: 'threads.json' } });
    const unlisted = forge(good(), (e) => (e['notes.txt'] = strToU8('hello')), false);
    expect(refusal(unlisted)).toMatchObject({ key: 'review-file.entry-extra', params: { entry: 'notes.txt' } });
    const listed = forge(good(), (e) => (e['notes.txt'] = strToU8('hello')), true);
    expect(refusal(listed)).toMatchObject({ key: 'review-file.entry-extra', params: { entry: 'notes.txt' } });
    const dropped = forge(good(), (e) => delete e['decisions.json'], false);
    expect(refusal(dropped)).toMatchObject({ key: 'review-file.entry-missing', params: { entry: 'decisions.json' } });
    const droppedAndUnlisted = forge(good(), (e) => delete e['decisions.json'], true);
    expect(refusal(droppedAndUnlisted)).toMatchObject({ key: 'review-file.entry-missing', params: { entry: 'decisions.json' } });
    const previewGone = forge(good(), (e) => delete e['previews/preview.pdf'], false);
    expect(refusal(previewGone)).toMatchObject({ key: 'review-file.entry-missing', params: { entry: 'previews/preview.pdf' } });
  });

  it('refuses paths that climb out, are absolute or use backslashes, and an entry that appears twice', () => {
    for (const entry of ['../evil.json', 'previews/../../evil.json', '/etc/passwd', 'previews\\preview.pdf', 'C:/x.json', 'previews//a.pdf']) {
      const e = refusal(forge(good(), (x) => (x[entry] = strToU8('{}')), true));
      expect(e, entry).toMatchObject({ code: 'unsupported-format', key: 'review-file.bad-path', params: { entry } });
    }
    const twice = replaceBytes(zipSync({ 'manifest.json': strToU8('{}'), 'decisions.jsox': strToU8('[]'), 'decisions.json': strToU8('[]') }), 'decisions.jsox', 'decisions.json');
    expect(refusal(twice)).toMatchObject({ key: 'review-file.duplicate-entry', params: { entry: 'decisions.json' } });
  });

  it('stops a zip bomb while inflating it, whatever sizes its headers declare', () => {
    const bomb = zipSync({ 'manifest.json': [new Uint8Array(REVIEW_FILE_LIMITS.entryBytes + 1024 * 1024), { level: 9 }] });
    expect(bomb.length).toBeLessThan(100_000);
    const e = refusal(bomb);
    expect(e).toMatchObject({ code: 'too-large', key: 'review-file.entry-too-large', params: { entry: 'manifest.json', limit: '20 MiB' } });
    expect(e.message).toContain('too large');
    // The same bomb declaring 100 bytes unpacked (central directory and local header) is stopped the same way.
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    const cd = view.getUint32(bomb.length - 22 + 16, true);
    view.setUint32(cd + 24, 100, true);
    view.setUint32(22, 100, true);
    expect(refusal(bomb)).toMatchObject({ key: 'review-file.entry-too-large' });
  });

  it('stops entries that together inflate past the total limit, and a file of too many entries', () => {
    const part = new Uint8Array(REVIEW_FILE_LIMITS.entryBytes - 1);
    const files: Zippable = {};
    for (let i = 0; i < 6; i++) files[`previews/p${i}.bin`] = [part, { level: 1 }];
    expect(refusal(zipSync(files))).toMatchObject({ code: 'too-large', key: 'review-file.unpacked-too-large', params: { entry: 'previews/p5.bin', limit: '100 MiB' } });
    const many: Zippable = {};
    for (let i = 0; i <= REVIEW_FILE_LIMITS.entries; i++) many[`previews/p${i}.bin`] = strToU8('x');
    expect(refusal(zipSync(many))).toMatchObject({ code: 'too-large', key: 'review-file.too-many-entries', params: { count: 201, limit: 200 } });
  });

  it('refuses a zip without a manifest, with a manifest that is not JSON or lacks fields, and a format it does not know', () => {
    expect(refusal(forge(good(), (e) => delete e['manifest.json'], false))).toMatchObject({ key: 'review-file.no-manifest' });
    expect(refusal(forge(good(), (e) => (e['manifest.json'] = strToU8('{"format": "notice-desk/review@1", ')), false))).toMatchObject({ key: 'review-file.bad-manifest' });
    const noVersion = forge(good(), (e) => editJson<Record<string, unknown>>(e, 'manifest.json', (m) => void delete m['version']), false);
    expect(refusal(noVersion)).toMatchObject({ key: 'review-file.bad-manifest' });
    expect(refusal(noVersion).message).toContain('version');
    const future = forge(good(), (e) => editJson<Record<string, unknown>>(e, 'manifest.json', (m) => void (m['format'] = 'notice-desk/review@2')), false);
    const e = refusal(future);
    expect(e).toMatchObject({ key: 'review-file.unknown-format', params: { format: 'notice-desk/review@2', supported: 'notice-desk/review@1' } });
  });

  it('refuses JSON that breaks the limits: a comment too long, too many replies, an id not a UUID, a name too long, a change request without reason', () => {
    type Threads = ReviewThread[];
    const cases: [string, string, (e: Record<string, Uint8Array>) => void][] = [
      ['threads.json', 'comments.0.body', (e) => editJson<Threads>(e, 'threads.json', (t) => void (t[0]!.comments[0]!.body = 'x'.repeat(REVIEW_LIMITS.body + 1)))],
      [
        'threads.json',
        'comments',
        (e) =>
          editJson<Threads>(e, 'threads.json', (t) => {
            const first = t[0]!.comments[0]!;
            t[0]!.comments = Array.from({ length: REVIEW_LIMITS.replies + 2 }, (_, i) => ({ ...first, id: `00000000-0000-4000-9000-${String(i).padStart(12, '0')}` }));
          }),
      ],
      ['threads.json', 'id', (e) => editJson<Threads>(e, 'threads.json', (t) => void (t[0]!.id = 'thread-1'))],
      ['threads.json', 'author', (e) => editJson<Threads>(e, 'threads.json', (t) => void (t[1]!.author = '김'.repeat(REVIEW_LIMITS.name + 1)))],
      ['threads.json', 'prefix', (e) => editJson<Threads>(e, 'threads.json', (t) => void (t[1]!.anchor.prefix = 'x'.repeat(REVIEW_LIMITS.context + 1)))],
      ['threads.json', 'comments', (e) => editJson<Threads>(e, 'threads.json', (t) => void (t[1]!.comments[0]!.threadId = t[0]!.id))],
      ['decisions.json', 'reason', (e) => editJson<{ reason: string }[]>(e, 'decisions.json', (d) => void (d[0]!.reason = '  '))],
      ['decisions.json', 'decision', (e) => editJson<{ decision: string }[]>(e, 'decisions.json', (d) => void (d[1]!.decision = 'rejected'))],
      ['disclosure.json', 'surface', (e) => editJson<{ surface: string }>(e, 'disclosure.json', (d) => void (d.surface = 'billboard'))],
      ['threads.json', 'placed', (e) => editJson<Threads>(e, 'threads.json', (t) => void Object.assign(t[0]!, { placed: { state: 'exact' } }))],
    ];
    for (const [entry, path, change] of cases) {
      const e = refusal(forge(good(), change, true));
      expect(e, `${entry} ${path}`).toMatchObject({ code: 'unsupported-format', key: 'review-file.bad-json', params: { entry } });
      expect(String(e.params!['reason']), `${entry} ${path}`).toContain(path);
    }
    const notJson = refusal(forge(good(), (e) => (e['decisions.json'] = strToU8('[{')), true));
    expect(notJson).toMatchObject({ key: 'review-file.bad-json', params: { entry: 'decisions.json' } });
  });

  it('refuses an anchor beyond the text of the version it was made on, and an id given twice', () => {
    const outside = forge(good(), (e) => editJson<ReviewThread[]>(e, 'threads.json', (t) => void (t[0]!.anchor.end = EN_1.length + 1)), true);
    expect(refusal(outside)).toMatchObject({ key: 'review-file.anchor-outside', params: { number: 1, locale: 'en', length: EN_1.length } });
    const twice = forge(good(), (e) => editJson<ReviewThread[]>(e, 'threads.json', (t) => void (t[1]!.id = t[0]!.id, t[1]!.comments.forEach((c) => (c.threadId = t[0]!.id)))), true);
    expect(refusal(twice)).toMatchObject({ key: 'review-file.duplicate-id', params: { entry: 'threads.json' } });
  });

  it('refuses threads and decisions that do not belong to the version it carries', () => {
    const pkg = makePackage();
    const later = { ...pkg, threads: [{ ...pkg.threads[1]!, versionNumber: 3 }] };
    expect(threadsBelongTo(later)).toBe(false);
    expect(refusal(writeReviewFile(later))).toMatchObject({ key: 'review-file.thread-later', params: { made: 3, number: 2 } });
    const elsewhere = { ...pkg, threads: [{ ...pkg.threads[1]!, disclosureId: 8 }] };
    expect(threadsBelongTo(elsewhere)).toBe(false);
    expect(refusal(writeReviewFile(elsewhere))).toMatchObject({ key: 'review-file.thread-other-disclosure', params: { other: 8, id: 7 } });
    const otherText = { ...pkg, decisions: [{ ...pkg.decisions[1]!, versionSha256: pkg.versions[0]!.sha256 }] };
    expect(threadsBelongTo(otherText)).toBe(false);
    const e = refusal(writeReviewFile(otherText));
    expect(e).toMatchObject({ key: 'review-file.decision-hash', params: { number: 2, claimed: pkg.versions[0]!.sha256.slice(0, 12), actual: pkg.version.sha256.slice(0, 12) } });
    const future = { ...pkg, decisions: [{ ...pkg.decisions[1]!, versionNumber: 5 }] };
    expect(threadsBelongTo(future)).toBe(false);
    expect(refusal(writeReviewFile(future))).toMatchObject({ key: 'review-file.decision-later', params: { decided: 5, number: 2 } });
  });
});
