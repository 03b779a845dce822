import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../electron/backend/import/import-files.ts';
import { counts, fixture, freshWorkspace } from './helpers.ts';

describe('messy files', () => {
  it('reads a BOM, CRLF, a quoted line break, a missing final newline and rejects bad rows by line and column', async () => {
    const { db } = await freshWorkspace();
    const [r] = await importFiles(db, [fixture('canonical-notifications.csv')]);
    expect(r).toMatchObject({ adapter: 'canonical', kind: 'notifications', encoding: 'utf-8', rowsRead: 10, imported: 5, duplicates: 1, rejected: 4 });
    expect(r!.rejects).toEqual([
      { line: 8, column: 'sent_at', reason: expect.stringContaining('"not-a-time" is not a timestamp') as string },
      { line: 9, column: 'recipient_id', reason: 'recipient_id is empty' },
      { line: 10, column: 'status', reason: expect.stringContaining('"lost" is not one of') as string },
      { line: 11, column: 'bytes', reason: 'bytes "-5" is not a non-negative integer' },
    ]);
    const multi = db.prepare("SELECT category, status, zone_assumed, sent_at, source_line FROM notifications WHERE event_id = 'n-3'").get();
    expect(multi).toEqual({ category: '배송\n안내', status: 'delivered', zone_assumed: 1, sent_at: Date.UTC(2016, 2, 7, 1), source_line: 4 });
    const raw = db.prepare('SELECT raw_text FROM rejects WHERE line = 8').pluck().get();
    expect(raw).toBe('not-a-time,u-006,shop-c,,payment,sent,,,n-6');
  });

  it('reads gzip: the same rows as the plain file, so all of them are duplicates', async () => {
    const { db } = await freshWorkspace();
    await importFiles(db, [fixture('canonical-notifications.csv')]);
    const [gz] = await importFiles(db, [fixture('canonical-notifications.csv.gz')]);
    expect(gz).toMatchObject({ rowsRead: 10, imported: 0, duplicates: 6, rejected: 4 });
  });

  it('detects CP949 (Korean Excel) and UTF-16 LE/BE, and reads Korean text right', async () => {
    for (const [name, encoding] of [
      ['canonical-cp949.csv', 'cp949'],
      ['canonical-utf16le.csv', 'utf-16le'],
      ['canonical-utf16be.csv', 'utf-16be'],
    ] as const) {
      const { db } = await freshWorkspace();
      const [r] = await importFiles(db, [fixture(name)]);
      expect(r).toMatchObject({ encoding, rowsRead: 3, imported: 2, duplicates: 1 });
      expect(db.prepare('SELECT recipient_id, sender_id, category FROM notifications ORDER BY sent_at').all()).toEqual([
        { recipient_id: '수신자1', sender_id: '쇼핑몰가', category: '구매' },
        { recipient_id: '수신자2', sender_id: '쇼핑몰가', category: '배송' },
      ]);
    }
  });

  it('takes a manual encoding override', async () => {
    const { db } = await freshWorkspace();
    const [r] = await importFiles(db, [fixture('canonical-cp949.csv')], { encoding: 'cp949' });
    expect(r).toMatchObject({ encoding: 'cp949', imported: 2 });
  });

  it('counts duplicates within a file and across files, with and without event ids', async () => {
    const { db } = await freshWorkspace();
    const [a] = await importFiles(db, [fixture('canonical-cp949.csv')]);
    expect(a).toMatchObject({ imported: 2, duplicates: 1 });
    const [b, c] = await importFiles(db, [fixture('canonical-utf16le.csv'), fixture('canonical-notifications.csv')]);
    expect(b).toMatchObject({ imported: 0, duplicates: 3 });
    expect(c).toMatchObject({ imported: 5, duplicates: 1 });
    const [again] = await importFiles(db, [fixture('canonical-notifications.csv')]);
    expect(again).toMatchObject({ imported: 0, duplicates: 6, rejected: 4 });
    expect(counts(db).notifications).toBe(7);
  });

  it('reads TSV consent, NDJSON URLs (a bad JSON line is a reject) and a mixed JSON array', async () => {
    const { db } = await freshWorkspace();
    const [tsv, nd, mixed] = await importFiles(db, [
      fixture('canonical-consent.tsv'), fixture('canonical-urls.ndjson'), fixture('canonical-mixed.json'),
    ]);
    expect(tsv).toMatchObject({ kind: 'consent', imported: 3, rejected: 1 });
    expect(db.prepare("SELECT action FROM consent WHERE recipient_id = 'u-001' ORDER BY occurred_at").pluck().all()).toEqual(['notice_shown', 'opt_out']);
    expect(nd).toMatchObject({ kind: 'urls', imported: 3, rejected: 2 });
    expect(nd!.rejects.map((x) => [x.line, x.column])).toEqual([[3, null], [4, 'url']]);
    expect(mixed).toMatchObject({ kind: 'notifications+consent+urls', imported: 3 });
  });

  it('refuses an unsupported file with a message naming it, and writes nothing', async () => {
    const { db } = await freshWorkspace();
    const before = counts(db);
    const [png, unknown] = await importFiles(db, [fixture('not-an-export.png'), fixture('unknown-columns.csv')]);
    expect(png!.error).toMatchObject({ code: 'unsupported-format', key: 'imports.binary', params: { file: 'not-an-export.png' } });
    expect(png!.error?.message).toContain('not-an-export.png');
    expect(unknown!.error?.message).toMatch(/unknown-columns\.csv: not a supported export.*"foo", "bar"/);
    expect(counts(db)).toEqual(before);
  });

  it('refuses a JSON document that is cut short, with nothing written', async () => {
    const { db, dir } = await freshWorkspace();
    const file = path.join(dir, 'cut.json');
    fs.writeFileSync(file, '[{"sent_at":"2016-01-01T00:00:00Z","recipient_id":"a","sender_id":"b"},\n{"sent_at":');
    const [r] = await importFiles(db, [file]);
    expect(r!.error?.message).toMatch(/cut\.json: not valid JSON.*ends early/);
    expect(counts(db)).toMatchObject({ notifications: 0, imports: 0 });
  });

  it('refuses a missing file naming it', async () => {
    const { db } = await freshWorkspace();
    const [r] = await importFiles(db, ['/nonexistent/file.csv']);
    expect(r!.error).toEqual({
      code: 'file-unreadable',
      message: 'file.csv: no such file or folder.',
      key: 'imports.file-missing',
      params: { file: 'file.csv' },
    });
  });

  it('forces a kind and a time zone', async () => {
    const { db, dir } = await freshWorkspace();
    const file = path.join(dir, 'k.csv');
    fs.writeFileSync(file, 'occurred_at,recipient_id,action,url\n2016-01-01 09:00,u,opt_out,\n');
    const [r] = await importFiles(db, [file], { kind: 'consent', timeZone: 'UTC' });
    expect(r).toMatchObject({ kind: 'consent', imported: 1 });
    expect(db.prepare('SELECT occurred_at FROM consent').pluck().get()).toBe(Date.UTC(2016, 0, 1, 9));
  });
});
