import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openZip, safeZipPath, ZipError, type ZipLimits, type ZipProblem } from '../../../electron/backend/zip/bounded-zip.ts';

const LIMITS: ZipLimits = { entries: 100, entryBytes: 1024 * 1024, totalBytes: 4 * 1024 * 1024 };

/** The problem a call throws (failing the test when it throws something else, or nothing). */
function problemOf(run: () => unknown): ZipProblem {
  try {
    run();
  } catch (error) {
    if (error instanceof ZipError) return error.problem;
    throw error;
  }
  throw new Error('expected a ZipError');
}

/** Where the central directory's records are in a zip with no archive comment (fflate's output). */
function centralRecords(zip: Uint8Array): { view: DataView; records: number[]; end: number } {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const records: number[] = [];
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    records.push(at);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return { view, records, end };
}

/** Replaces every occurrence of one byte string with another of the same length (a name in both headers). */
function replaceBytes(zip: Uint8Array, from: Uint8Array, to: Uint8Array): Uint8Array {
  expect(to.length).toBe(from.length);
  const out = zip.slice();
  let found = 0;
  for (let i = 0; i + from.length <= out.length; i++) {
    if (from.every((b, k) => out[i + k] === b)) {
      out.set(to, i);
      found++;
    }
  }
  expect(found).toBeGreaterThan(0);
  return out;
}

const rename = (zip: Uint8Array, from: string, to: string | Uint8Array) => replaceBytes(zip, strToU8(from), typeof to === 'string' ? strToU8(to) : to);

const has = (command: string) => {
  try {
    execFileSync(command, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

describe('reading zips other programs wrote', () => {
  it('reads fflate zips, stored and deflated, in central-directory order, with Korean and empty entries', () => {
    const files: Zippable = {
      'manifest.json': strToU8('{"a":1}'),
      '미리보기/고지문.txt': [strToU8('데이터 요금이 발생합니다. '.repeat(200)), { level: 9 }],
      'empty.bin': new Uint8Array(0),
      'stored.bin': [strToU8('stored as it is'), { level: 0 }],
    };
    const zip = openZip(zipSync(files), LIMITS);
    expect(zip.names).toEqual(['manifest.json', '미리보기/고지문.txt', 'empty.bin', 'stored.bin']);
    expect(strFromU8(zip.read('미리보기/고지문.txt')!)).toBe('데이터 요금이 발생합니다. '.repeat(200));
    expect(zip.read('empty.bin')).toEqual(new Uint8Array(0));
    expect(strFromU8(zip.read('stored.bin')!)).toBe('stored as it is');
    expect(zip.has('manifest.json')).toBe(true);
    expect(zip.has('MANIFEST.JSON')).toBe(false);
    expect(zip.read('missing.json')).toBeNull();
  });

  it('looks names up regardless of case when asked to, as Office does', () => {
    const zip = openZip(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }), LIMITS, { caseInsensitive: true });
    expect(zip.names).toEqual(['[Content_Types].xml', 'word/document.xml']);
    expect(zip.has('Word/Document.XML')).toBe(true);
    expect(strFromU8(zip.read('WORD/document.xml')!)).toBe('<w:document/>');
  });

  it.skipIf(!has('zip'))('reads a zip written by the zip command: directory entries, data descriptors from a pipe', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bounded-zip-'));
    try {
      fs.mkdirSync(path.join(dir, 'pack', 'csv'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'pack', 'summary.txt'), 'opt-out rate 0.4 %\n'.repeat(500));
      fs.writeFileSync(path.join(dir, 'pack', 'csv', 'sends.csv'), 'day,sent\n2016-06-01,12\n');
      execFileSync('zip', ['-q', '-X', '-r', 'pack.zip', 'pack'], { cwd: dir });
      const zip = openZip(new Uint8Array(fs.readFileSync(path.join(dir, 'pack.zip'))), LIMITS);
      expect([...zip.names].sort()).toEqual(['pack/', 'pack/csv/', 'pack/csv/sends.csv', 'pack/summary.txt']);
      expect(strFromU8(zip.read('pack/summary.txt')!)).toBe('opt-out rate 0.4 %\n'.repeat(500));
      expect(zip.read('pack/csv/')).toEqual(new Uint8Array(0));
      // From a pipe the sizes are not known in advance: written after the data (a data descriptor).
      const piped = execFileSync('zip', ['-q', '-X', '-', '-'], { input: 'from a pipe\n'.repeat(100) });
      const streamed = openZip(new Uint8Array(piped), LIMITS);
      expect(streamed.names).toEqual(['-']);
      expect(strFromU8(streamed.read('-')!)).toBe('from a pipe\n'.repeat(100));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!has('python3'))("reads a zip written by Python's zipfile, with an archive comment", () => {
    const script = [
      'import io, sys, zipfile',
      'b = io.BytesIO()',
      'with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:',
      '    z.comment = b"written by python"',
      '    z.writestr("report/notice-ko.md", "수신 거부는 설정에서 할 수 있습니다.\\n" * 50)',
      '    z.writestr(zipfile.ZipInfo("report/raw.bin"), bytes(range(256)) * 4, compress_type=zipfile.ZIP_STORED)',
      'sys.stdout.buffer.write(b.getvalue())',
    ].join('\n');
    const bytes = new Uint8Array(execFileSync('python3', ['-c', script]));
    const zip = openZip(bytes, LIMITS);
    expect(zip.names).toEqual(['report/notice-ko.md', 'report/raw.bin']);
    expect(strFromU8(zip.read('report/notice-ko.md')!)).toBe('수신 거부는 설정에서 할 수 있습니다.\n'.repeat(50));
    expect(zip.read('report/raw.bin')!.length).toBe(1024);
  });
});

describe('refusing archives that are hostile or broken', () => {
  it('says bytes that are not a zip are not one', () => {
    expect(problemOf(() => openZip(strToU8('%PDF-1.7 renamed'), LIMITS))).toEqual({ kind: 'not-zip' });
    expect(problemOf(() => openZip(new Uint8Array(0), LIMITS))).toEqual({ kind: 'not-zip' });
  });

  it('refuses an archive cut short, or with bytes after its end record', () => {
    const zip = zipSync({ 'a.txt': strToU8('hello'), 'b.txt': strToU8('world') });
    for (const cut of [zip.subarray(0, zip.length >> 1), zip.subarray(0, zip.length - 1)]) {
      expect(problemOf(() => openZip(cut, LIMITS))).toMatchObject({ kind: 'damaged', entry: null, reason: expect.stringContaining('cut short') });
    }
    const trailing = new Uint8Array(zip.length + 3);
    trailing.set(zip);
    expect(problemOf(() => openZip(trailing, LIMITS))).toMatchObject({ kind: 'damaged' });
  });

  it('stops a bomb while inflating it: 64 MiB of zeros packed in under 100 KB, declaring 100 bytes', () => {
    const zeros = new Uint8Array(64 * 1024 * 1024);
    const bomb = zipSync({ 'bomb.bin': [zeros, { level: 9 }] });
    expect(bomb.length).toBeLessThan(100_000);
    const { view, records } = centralRecords(bomb);
    view.setUint32(records[0]! + 24, 100, true);
    view.setUint32(22, 100, true);
    const zip = openZip(bomb, LIMITS);
    expect(problemOf(() => zip.read('bomb.bin'))).toEqual({ kind: 'entry-too-large', entry: 'bomb.bin', limit: LIMITS.entryBytes });
  });

  it('refuses an entry whose declared size is over the limit before inflating it', () => {
    const zip = zipSync({ 'big.bin': strToU8('small really') });
    const { view, records } = centralRecords(zip);
    view.setUint32(records[0]! + 24, 0xfffffff0, true);
    expect(problemOf(() => openZip(zip, LIMITS).read('big.bin'))).toEqual({ kind: 'entry-too-large', entry: 'big.bin', limit: LIMITS.entryBytes });
  });

  it('counts every read against the total, the same entry read twice too', () => {
    const part = new Uint8Array(LIMITS.entryBytes - 10);
    const files: Zippable = {};
    for (let i = 0; i < 5; i++) files[`p${i}.bin`] = [part, { level: 1 }];
    const zip = openZip(zipSync(files), LIMITS);
    for (let i = 0; i < 4; i++) expect(zip.read(`p${i}.bin`)!.length).toBe(part.length);
    expect(problemOf(() => zip.read('p4.bin'))).toEqual({ kind: 'too-large', limit: LIMITS.totalBytes });
    const again = openZip(zipSync({ 'p.bin': [part, { level: 1 }] }), LIMITS);
    for (let i = 0; i < 4; i++) again.read('p.bin');
    expect(problemOf(() => again.read('p.bin'))).toEqual({ kind: 'too-large', limit: LIMITS.totalBytes });
  });

  it('refuses an entry whose sizes lie: unpacking to another size than declared, or data past the directory', () => {
    const zip = zipSync({ 'a.txt': [strToU8('x'.repeat(100)), { level: 6 }] });
    const { view, records } = centralRecords(zip);
    view.setUint32(records[0]! + 24, 10, true);
    expect(problemOf(() => openZip(zip, LIMITS).read('a.txt'))).toEqual({ kind: 'damaged', entry: 'a.txt', reason: 'it unpacks to 100 bytes, not the 10 its header declares' });
    const packedLies = zipSync({ 'a.txt': strToU8('hello') });
    const c = centralRecords(packedLies);
    c.view.setUint32(c.records[0]! + 20, 5000, true);
    expect(problemOf(() => openZip(packedLies, LIMITS))).toMatchObject({ kind: 'damaged', entry: 'a.txt', reason: expect.stringContaining('past the central directory') });
  });

  it('refuses a CRC-32 that does not match the data', () => {
    const zip = zipSync({ 'a.txt': [strToU8('data charges apply'), { level: 0 }] });
    const flipped = rename(zip, 'data charges apply', 'data charges APPLY');
    expect(problemOf(() => openZip(flipped, LIMITS).read('a.txt'))).toEqual({ kind: 'damaged', entry: 'a.txt', reason: 'its CRC-32 does not match' });
  });

  it('refuses deflated data that is broken', () => {
    const zip = zipSync({ 'a.txt': [strToU8('refusing changes nothing else. '.repeat(50)), { level: 9 }] });
    const { records, view } = centralRecords(zip);
    const from = 30 + view.getUint16(26, true) + view.getUint16(28, true);
    const broken = zip.slice();
    broken.fill(0xff, from, from + 8);
    expect(records).toHaveLength(1);
    expect(problemOf(() => openZip(broken, LIMITS).read('a.txt'))).toMatchObject({ kind: 'damaged', entry: 'a.txt' });
  });

  it('refuses names that climb out, are absolute, use backslashes, drive letters, control characters or bad UTF-8', () => {
    const zip = zipSync({ 'ok/aaaaaaa.json': strToU8('{}') });
    for (const name of ['../aaaaaaa.json', '/ok/aaaaaa.json', 'ok\\aaaaaaa.json', 'C:/aaaaaaa.json', 'ok//aaaaaa.json', 'ok/./aaaaa.json', 'ok/aaa\naaa.json']) {
      expect(problemOf(() => openZip(rename(zip, 'ok/aaaaaaa.json', name), LIMITS)), name).toEqual({ kind: 'bad-path', entry: name });
    }
    const latin1 = strToU8('ok/aaaaaaa.json');
    latin1[3] = 0xff;
    expect(problemOf(() => openZip(rename(zip, 'ok/aaaaaaa.json', latin1), LIMITS))).toMatchObject({ kind: 'bad-path' });
    expect(['a/b', 'a/', '미리보기/p.pdf', '[Content_Types].xml'].every(safeZipPath)).toBe(true);
    expect(['', '/', '..', 'a/../b', 'a//', '\\x', 'c:x'].some(safeZipPath)).toBe(false);
  });

  it('refuses an entry named twice, regardless of case when looking up so', () => {
    const twice = rename(zipSync({ 'a.json': strToU8('[]'), 'b.json': strToU8('{}') }), 'b.json', 'a.json');
    expect(problemOf(() => openZip(twice, LIMITS))).toEqual({ kind: 'duplicate-entry', entry: 'a.json' });
    const cases = zipSync({ 'Word/a.xml': strToU8('1'), 'word/a.xml': strToU8('2') });
    expect(openZip(cases, LIMITS).names).toHaveLength(2);
    expect(problemOf(() => openZip(cases, LIMITS, { caseInsensitive: true }))).toEqual({ kind: 'duplicate-entry', entry: 'word/a.xml' });
  });

  it('refuses too many entries before reading any', () => {
    const many: Zippable = {};
    for (let i = 0; i <= LIMITS.entries; i++) many[`e${i}`] = new Uint8Array(0);
    expect(problemOf(() => openZip(zipSync(many), LIMITS))).toEqual({ kind: 'too-many-entries', count: 101, limit: 100 });
  });

  it('refuses encryption, other compression methods, ZIP64, split archives and local headers that disagree', () => {
    const make = () => zipSync({ 'a.txt': [strToU8('hello'), { level: 0 }] });
    const patch = (edit: (view: DataView, record: number, end: number) => void) => {
      const zip = make();
      const { view, records, end } = centralRecords(zip);
      edit(view, records[0]!, end);
      return () => openZip(zip, LIMITS);
    };
    expect(problemOf(patch((v, r) => v.setUint16(r + 8, 1, true)))).toEqual({ kind: 'damaged', entry: 'a.txt', reason: 'it is encrypted' });
    expect(problemOf(patch((v, r) => v.setUint16(r + 10, 12, true)))).toEqual({ kind: 'damaged', entry: 'a.txt', reason: 'compression method 12 is not read' });
    expect(problemOf(patch((v, r) => v.setUint32(r + 20, 0xffffffff, true)))).toMatchObject({ kind: 'damaged', reason: 'ZIP64 archives are not read' });
    expect(problemOf(patch((v, _r, end) => v.setUint16(end + 10, 0xffff, true)))).toMatchObject({ kind: 'damaged', reason: 'split archives are not read' });
    expect(problemOf(patch((v, _r, end) => v.setUint16(end + 4, 1, true)))).toMatchObject({ kind: 'damaged', reason: 'split archives are not read' });
    expect(problemOf(patch((v, r) => v.setUint32(r + 42, 7, true)))).toMatchObject({ kind: 'damaged', entry: 'a.txt', reason: 'its local header is missing' });
    expect(problemOf(patch((v) => v.setUint8(30, 'b'.charCodeAt(0))))).toMatchObject({ kind: 'damaged', entry: 'a.txt', reason: 'its local header names another entry' });
    expect(problemOf(patch((v, _r, end) => v.setUint32(end + 16, 3, true)))).toMatchObject({ kind: 'damaged', entry: null });
  });

  it('refuses a central directory with more records than its end record counts (a count that wrapped past 65,535)', () => {
    const zip = zipSync({ 'a.txt': strToU8('a'), 'b.txt': strToU8('b') });
    const { view, end } = centralRecords(zip);
    view.setUint16(end + 8, 1, true);
    view.setUint16(end + 10, 1, true);
    expect(problemOf(() => openZip(zip, LIMITS))).toEqual({ kind: 'damaged', entry: null, reason: 'the central directory holds more or less than its end record says' });
  });

  it('words each problem in its message', () => {
    const error = new ZipError({ kind: 'entry-too-large', entry: 'x.json', limit: 10 });
    expect(error.message).toBe('"x.json" unpacks to more than 10 bytes');
    expect(error).toBeInstanceOf(Error);
  });
});
