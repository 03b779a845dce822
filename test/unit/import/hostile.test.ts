import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { formatMessage, isErrorKey } from '../../../shared/contract/messages/index.ts';
import type { Db } from '../../../electron/backend/db/connection.ts';
import { importFile } from '../../../electron/backend/import/import-file.ts';
import { importFiles } from '../../../electron/backend/import/import-files.ts';
import type { ReadLimits } from '../../../electron/backend/import/limits.ts';
import { rowPrivacy } from '../../../electron/backend/import/privacy.ts';
import { counts, fixture, freshWorkspace, SLACK } from './helpers.ts';

const HEADER = 'event_id,sent_at,recipient_id,sender_id,template_id,category,status,bytes,network\n';
const row = (i: number) => `h-${i},2016-03-07 09:00:00,u-${i},shop-a,T1,purchase,delivered,100,wifi\n`;

/** Imports one file with the given limits (importFile directly: the limits are its options). */
async function importWith(db: Db, file: string, limits: Partial<ReadLimits>) {
  return importFile(db, file, {
    adapter: 'auto', kind: null, encoding: 'auto', timeZone: 'Asia/Seoul', mapping: null, privacy: rowPrivacy(db), limits,
  });
}

/** The error a refused import ends with: thrown by importFile. */
async function refusal(db: Db, file: string, limits: Partial<ReadLimits>) {
  const before = counts(db);
  const error = await importWith(db, file, limits).then(
    () => null,
    (e: unknown) => e as { code: string; key: string; params: Record<string, string | number>; message: string },
  );
  expect(error).not.toBeNull();
  expect(counts(db)).toEqual(before);
  expect(isErrorKey(error!.key), `${error!.code}: ${error!.message}`).toBe(true);
  expect(formatMessage(error!.key as never, error!.params, 'ko')).toContain(path.basename(file));
  return error!;
}

describe('an unclosed quote (the data-loss bug)', () => {
  it('rejects the record with its line and imports the four lines after it: records + rejects = the 10 rows', async () => {
    // Before: "6 records · 4 imported · 2 rejected" — q-6's open quote swallowed q-7…q-10 into one field.
    const { db } = await freshWorkspace();
    const [r] = await importFiles(db, [fixture('unclosed-quote.csv')]);
    expect(r).toMatchObject({ error: null, rowsRead: 10, imported: 7, rejected: 3 });
    expect(r!.rejects).toEqual([
      { line: 3, column: 'status', reason: expect.stringContaining('"lost"') as string },
      { line: 5, column: 'recipient_id', reason: 'recipient_id is empty' },
      { line: 8, column: null, reason: 'a quoted field opened on this line is never closed' },
    ]);
    const ids = db.prepare('SELECT event_id FROM notifications ORDER BY event_id').pluck().all();
    expect(ids).toEqual(['q-1', 'q-10', 'q-3', 'q-5', 'q-7', 'q-8', 'q-9']);
    const raw = db.prepare('SELECT raw_text FROM rejects WHERE line = 8').pluck().get();
    expect(raw).toBe('q-6,2016-03-07 09:05:00,u-006,shop-b,T200,"배송 안내,delivered,2048,cellular');
  });

  it('rejects a record whose closing quote is followed by text, and reads on from the next line', async () => {
    const { db, dir } = await freshWorkspace();
    const file = path.join(dir, 'stray.csv');
    fs.writeFileSync(file, HEADER + row(1) + 'h-2,2016-03-07 09:00:00,u-2,shop-a,T1,"purch"ase,delivered,100,wifi\n' + row(3));
    const [r] = await importFiles(db, [file]);
    expect(r).toMatchObject({ rowsRead: 3, imported: 2, rejected: 1 });
    expect(r!.rejects[0]).toMatchObject({ line: 3, reason: expect.stringContaining('closing quote is followed by "a"') as string });
  });

  it('takes a quote still open at the record cap as unclosed: a reject, then the next lines are read', async () => {
    const { db, dir } = await freshWorkspace();
    const file = path.join(dir, 'open.csv');
    const lines = Array.from({ length: 200 }, (_, i) => row(i + 2)).join('');
    fs.writeFileSync(file, HEADER + 'h-1,2016-03-07 09:00:00,u-1,shop-a,T1,"purchase,delivered,100,wifi\n' + lines + '"\n');
    const r = await importWith(db, file, { maxRecordChars: 2000 });
    // line 2 rejected; lines 3… read again as records; the last line, a lone quote, is the second reject.
    expect(r).toMatchObject({ rowsRead: 202, imported: 200, rejected: 2 });
    expect(r.rejects[0]).toMatchObject({ line: 2, reason: expect.stringContaining('not closed within 2000 characters') as string });
  });
});

describe('the record cap', () => {
  it('stops a CSV with a line longer than the cap, naming file, line and limit, with nothing written', async () => {
    const { db, dir } = await freshWorkspace();
    const file = path.join(dir, 'long-line.csv');
    fs.writeFileSync(file, HEADER + row(1) + row(2) + 'x'.repeat(3 << 20));
    const [r] = await importFiles(db, [file]);
    expect(r!.error).toMatchObject({ code: 'too-large', key: 'imports.record-too-long', params: { file: 'long-line.csv', line: 4, limit: '1,048,576' } });
    expect(r!.error!.message).toBe(
      'long-line.csv, line 4: the record is longer than the limit of 1,048,576 characters (is a line break or a closing quote missing?). Nothing was imported from this file.',
    );
    expect(counts(db)).toMatchObject({ notifications: 0, imports: 0, rejects: 0 });
  });

  it('is configurable in the import options', async () => {
    const { db, dir } = await freshWorkspace();
    const file = path.join(dir, 'rows.csv');
    fs.writeFileSync(file, HEADER + row(1) + row(2));
    const error = await refusal(db, file, { maxRecordChars: 40 });
    expect(error).toMatchObject({ key: 'imports.record-too-long', params: { line: 1, limit: '40' } });
    expect(await importWith(db, file, { maxRecordChars: 200 })).toMatchObject({ imported: 2 });
  });

  it('stops an NDJSON line and a JSON array element longer than the cap, in gzip too', async () => {
    const { db, dir } = await freshWorkspace();
    const big = 'y'.repeat(5000);
    const nd = path.join(dir, 'long.ndjson');
    fs.writeFileSync(nd, `{"sent_at":"2016-01-01T00:00:00Z","recipient_id":"a","sender_id":"b"}\n{"x":"${big}"}\n`);
    expect(await refusal(db, nd, { maxRecordChars: 4096 })).toMatchObject({ key: 'imports.record-too-long', params: { line: 2, limit: '4,096' } });
    const js = path.join(dir, 'long.json');
    fs.writeFileSync(js, `[{"sent_at":"2016-01-01T00:00:00Z","recipient_id":"a","sender_id":"b"},\n\n {"x":"${big}"}]`);
    expect(await refusal(db, js, { maxRecordChars: 4096 })).toMatchObject({ key: 'imports.record-too-long', params: { line: 3 } });
    const gz = path.join(dir, 'long.json.gz');
    fs.writeFileSync(gz, gzipSync(fs.readFileSync(js)));
    expect(await refusal(db, gz, { maxRecordChars: 4096 })).toMatchObject({ key: 'imports.record-too-long', params: { file: 'long.json.gz', line: 3 } });
  });

  it('stops a first record longer than the head of the file as too long, not as a file without records', async () => {
    const { db, dir } = await freshWorkspace();
    for (const [name, text] of [
      ['one-line.ndjson', `{"sent_at":"${'x'.repeat(3 << 20)}`],
      ['one-element.json', `[{"sent_at":"${'x'.repeat(3 << 20)}"}]`],
      ['one-header.csv', `event_id,${'x'.repeat(3 << 20)}\n`],
    ] as const) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      expect(await refusal(db, file, {}), name).toMatchObject({ key: 'imports.record-too-long', params: { file: name, line: 1 } });
    }
  });

  it('stops JSON nested deeper than the limit', async () => {
    const { db, dir } = await freshWorkspace();
    const file = path.join(dir, 'deep.json');
    fs.writeFileSync(file, '[' + '{"a":['.repeat(100_000));
    expect(await refusal(db, file, {})).toMatchObject({ code: 'too-large', key: 'imports.too-deep', params: { line: 1, limit: 128 } });
  });
});

describe('gzip and zip limits', () => {
  const csv = HEADER + row(1).repeat(120_000); // ~9 MiB, compresses ~500×

  it('stops a gzip that unpacks past the ratio or the total, naming the file and the limit', async () => {
    const { db, dir } = await freshWorkspace();
    const file = path.join(dir, 'bomb.csv.gz');
    fs.writeFileSync(file, gzipSync(csv, { level: 9 }));
    expect(await refusal(db, file, { maxRatio: 100 })).toMatchObject({ code: 'too-large', key: 'imports.ratio', params: { file: 'bomb.csv.gz', limit: 100 } });
    // A fresh connection: after a rollback past a rollup flush, the rollups' cached temp table is gone (reported).
    const total = await refusal((await freshWorkspace()).db, file, { maxRatio: 10_000, maxUnpackedBytes: 2 << 20 });
    expect(total).toMatchObject({ key: 'imports.unpacked-too-large', params: { limit: '2 MiB' } });
  });

  it('stops a zip entry past its size, the ratio or the total, naming the file, the entry and the limit', async () => {
    const { db, dir } = await freshWorkspace();
    const day = `[${'{"type":"message","text":"hello","ts":"1433562832.000002"},'.repeat(100_000)}{"ts":"1"}]`;
    const file = path.join(dir, 'bomb.zip');
    fs.writeFileSync(file, zipSync({ 'general/2016-03-07.json': strToU8(day), 'general/2016-03-08.json': strToU8(day) }, { level: 9 }));
    const entry = 'general/2016-03-07.json';
    expect(await refusal(db, file, { maxRatio: 50 })).toMatchObject({ key: 'imports.entry-ratio', params: { file: 'bomb.zip', entry, limit: 50 } });
    expect(await refusal(db, file, { maxRatio: 10_000, maxEntryBytes: 1 << 20 })).toMatchObject({
      key: 'imports.entry-too-large',
      params: { entry, limit: '1 MiB' },
    });
    expect(await refusal(db, file, { maxRatio: 10_000, maxUnpackedBytes: 8 << 20 })).toMatchObject({
      key: 'imports.zip-too-large',
      params: { entry: 'general/2016-03-08.json', limit: '8 MiB' },
    });
  });

  it('takes the ratio against the bytes an entry was fed, not the sizes its header claims', async () => {
    const { db, dir } = await freshWorkspace();
    const day = `[${'{"type":"message","text":"hello","ts":"1433562832.000002"},'.repeat(100_000)}{"ts":"1"}]`;
    const zip = Buffer.from(zipSync({ 'general/2016-03-07.json': strToU8(day) }, { level: 9 }));
    zip.writeUInt32LE(100, 22); // the local header claims 100 bytes unpacked
    const file = path.join(dir, 'lying.zip');
    fs.writeFileSync(file, zip);
    expect(await refusal(db, file, { maxRatio: 50 })).toMatchObject({ key: 'imports.entry-ratio', params: { entry: 'general/2016-03-07.json', limit: 50 } });
  });

  it('names the day file when a Slack day file in a zip passes the record cap or the nesting limit', async () => {
    const { db, dir } = await freshWorkspace();
    const ok = strToU8('[{"type":"message","text":"<https://a.example/x>","ts":"1433562832.000002"}]');
    const file = path.join(dir, 'slack.zip');
    fs.writeFileSync(file, zipSync({ 'general/2016-03-07.json': ok, 'general/2016-03-08.json': strToU8(`[{"text":"${'z'.repeat(5000)}"}]`) }));
    expect(await refusal(db, file, { maxRecordChars: 4096 })).toMatchObject({
      key: 'imports.entry-record-too-long',
      params: { file: 'slack.zip', entry: 'general/2016-03-08.json', line: 1, limit: '4,096' },
    });
    fs.writeFileSync(file, zipSync({ 'general/2016-03-07.json': ok, 'general/2016-03-08.json': strToU8('[' + '{"a":['.repeat(500)) }));
    expect(await refusal(db, file, {})).toMatchObject({ key: 'imports.entry-too-deep', params: { entry: 'general/2016-03-08.json', limit: 128 } });
  });

  it('reads a cut gzip as damaged, naming the file, with nothing written', async () => {
    const { db, dir } = await freshWorkspace();
    const file = path.join(dir, 'cut.csv.gz');
    const gz = gzipSync(HEADER + row(1) + row(2));
    fs.writeFileSync(file, gz.subarray(0, gz.length - 12));
    expect(await refusal(db, file, {})).toMatchObject({ code: 'file-unreadable', key: 'imports.gzip-damaged', params: { file: 'cut.csv.gz' } });
  });

  it('reads a damaged zip as a clear error naming the file', async () => {
    const { db, dir } = await freshWorkspace();
    const zip = zipSync({ 'general/2016-03-07.json': strToU8('[{"type":"message","text":"<https://a.example/x>","ts":"1433562832.000002"}]') });
    const file = path.join(dir, 'cut.zip');
    fs.writeFileSync(file, zip.subarray(0, 60));
    const error = await refusal(db, file, {});
    expect(error.code).toMatch(/file-unreadable|unsupported-format/);
  });

  it('still imports a Slack export as a folder and as a zip of its day files, the same rows', async () => {
    const { db, dir } = await freshWorkspace();
    const [folder] = await importFiles(db, [SLACK]);
    expect(folder).toMatchObject({ adapter: 'slack', rejected: 0, error: null });
    const files: Record<string, Uint8Array> = {};
    const walk = (rel: string) => {
      for (const e of fs.readdirSync(path.join(SLACK, rel), { withFileTypes: true })) {
        const child = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) walk(child);
        else files[child] = fs.readFileSync(path.join(SLACK, child));
      }
    };
    walk('');
    const zip = path.join(dir, 'slack.zip');
    fs.writeFileSync(zip, zipSync(files));
    const fresh = await freshWorkspace();
    const [zipped] = await importFiles(fresh.db, [zip]);
    expect(zipped).toMatchObject({ adapter: 'slack', rejected: 0, error: null, imported: folder!.imported, rowsRead: folder!.rowsRead });
  });
});

describe('a refused file and the next one on the same connection', () => {
  // KNOWN BUG, not in the readers: electron/backend/rollups/first-merge.ts creates its TEMP table inside the
  // import's transaction and caches it per connection; a file refused after the first rollup flush
  // (20,000 rows) rolls the table back, and every later import on that connection fails with "no such
  // table: temp.rollup_first_keys_v2" (the CLI with several files, a worker that keeps its connection).
  it('imports the next file after a refusal past the first rollup flush (the rolled-back TEMP table is made again)', async () => {
    const { db, dir } = await freshWorkspace();
    const file = path.join(dir, 'late-refusal.csv');
    fs.writeFileSync(file, HEADER + Array.from({ length: 25_000 }, (_, i) => row(i)).join('') + 'x'.repeat(2 << 20));
    const [refused, next] = await importFiles(db, [file, fixture('canonical-notifications.csv')]);
    expect(refused!.error).toMatchObject({ key: 'imports.record-too-long', params: { line: 25_002 } });
    expect(next).toMatchObject({ error: null, imported: 5 });
  });
});
