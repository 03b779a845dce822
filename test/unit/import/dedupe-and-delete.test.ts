import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../electron/backend/import/import-files.ts';
import { deleteImport, rejectsCsv } from '../../../electron/backend/import/manage.ts';
import { setPrivacyOptions } from '../../../electron/backend/import/privacy.ts';
import { dedupeMaterial, hash53 } from '../../../electron/backend/import/writer.ts';
import { counts, fixture, freshWorkspace } from './helpers.ts';

describe('dedupe keys', () => {
  it('never drops a distinct event whose key clashes with a stored one: it moves to the next free key', async () => {
    const { db, dir } = await freshWorkspace();
    const file = path.join(dir, 'one.csv');
    fs.writeFileSync(file, 'event_id,sent_at,recipient_id,sender_id\nreal-1,2016-01-01T00:00:00Z,r,s\n');
    const key = hash53(dedupeMaterial('notifications', { eventId: 'real-1' } as never));
    // A stored event that is different but holds the same key (what a hash collision looks like).
    db.prepare(`INSERT INTO imports (file_name, size_bytes, sha256, adapter, kind, encoding, time_zone, started_at)
                VALUES ('x', 0, '', 'canonical', 'notifications', 'utf-8', 'UTC', 0)`).run();
    db.prepare(`INSERT INTO notifications (import_id, dedupe_key, event_id, sent_at, sent_at_raw, recipient_id, sender_id)
                VALUES (1, ?, 'other', 0, '0', 'r', 's')`).run(key);
    const [r] = await importFiles(db, [file]);
    expect(r).toMatchObject({ imported: 1, duplicates: 0 });
    expect(db.prepare("SELECT dedupe_key FROM notifications WHERE event_id = 'real-1'").pluck().get()).toBe(key + 1);
    const [again] = await importFiles(db, [file]);
    expect(again).toMatchObject({ imported: 0, duplicates: 1 });
  });
});

describe('deleting an import', () => {
  it('removes its events and rejects and leaves the other imports whole', async () => {
    const { db } = await freshWorkspace();
    const [a, b] = await importFiles(db, [fixture('canonical-notifications.csv'), fixture('canonical-consent.tsv')]);
    deleteImport(db, a!.importId!);
    expect(counts(db)).toEqual({ notifications: 0, consent: 3, urls: 0, imports: 1, rejects: 1 });
    expect(() => deleteImport(db, a!.importId!)).toThrow(/does not exist/);
    const [again] = await importFiles(db, [fixture('canonical-notifications.csv')]);
    expect(again).toMatchObject({ imported: 5, duplicates: 1 });
    expect(b!.importId).not.toBeNull();
  });

  it('exports rejects as CSV with file, line, column, reason and raw text, neutralising formulas', async () => {
    const { db, dir } = await freshWorkspace();
    const file = path.join(dir, 'f.csv');
    fs.writeFileSync(file, 'sent_at,recipient_id,sender_id\n=cmd(),r,s\n');
    await importFiles(db, [file]);
    expect(rejectsCsv(db, null)).toBe(
      '\uFEFFfile,line,column,reason,raw\r\n' +
        `f.csv,2,sent_at,"sent_at ""=cmd()"" is not a timestamp (expected ISO-8601, YYYY-MM-DD HH:mm:ss, or epoch seconds/milliseconds)","'=cmd(),r,s"\r\n`,
    );
  });
});

describe('privacy options', () => {
  it('pseudonymises recipients with a keyed hash and strips URL queries and fragments', async () => {
    const { db } = await freshWorkspace();
    setPrivacyOptions(db, { pseudonymiseRecipients: true, stripUrlQuery: true });
    await importFiles(db, [fixture('canonical-urls.ndjson'), fixture('canonical-cp949.csv')]);
    const urls = db.prepare('SELECT url, recipient_id FROM urls ORDER BY occurred_at').all() as { url: string; recipient_id: string | null }[];
    expect(urls[0]!.url).toBe('https://example.com/a');
    expect(urls[0]!.recipient_id).toMatch(/^p:[A-Za-z0-9_-]{22}$/);
    const recipients = db.prepare('SELECT DISTINCT recipient_id FROM notifications').pluck().all() as string[];
    expect(recipients).toHaveLength(2);
    expect(recipients.every((x) => x.startsWith('p:') && !x.includes('수신자'))).toBe(true);
    // The same id gets the same pseudonym next time, so dedupe still works.
    const [again] = await importFiles(db, [fixture('canonical-cp949.csv')]);
    expect(again).toMatchObject({ imported: 0, duplicates: 3 });
  });
});
