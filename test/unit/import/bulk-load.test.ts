import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { consentActions, networks, notificationStatuses, urlActions } from '../../../shared/domain/canonical.ts';
import type { Db } from '../../../electron/backend/db/connection.ts';
import { importFiles } from '../../../electron/backend/import/import-files.ts';
import { freshWorkspace } from './helpers.ts';

/** The quoted values of `column IN (…)` in a table's CHECK constraint. */
function checkList(db: Db, table: string, column: string): string[] {
  const sql = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table) as string;
  const m = new RegExp(`CHECK \\(${column} IN \\(([^)]*)\\)\\)`).exec(sql);
  if (!m) throw new Error(`no CHECK on ${table}.${column}`);
  return m[1]!.split(',').map((v) => v.trim().replace(/^'|'$/g, ''));
}

describe('bulk load with the schema checks off', () => {
  let db: Db | null = null;
  afterEach(() => {
    db?.close();
    db = null;
  });

  it("the validator's value lists are the schema's CHECK lists, so turning the CHECKs off during an import lets nothing new in", async () => {
    const ws = await freshWorkspace();
    db = ws.db;
    expect(checkList(db, 'notifications', 'status')).toEqual([...notificationStatuses]);
    expect(checkList(db, 'notifications', 'network')).toEqual([...networks]);
    expect(checkList(db, 'consent', 'action')).toEqual([...consentActions]);
    expect(checkList(db, 'urls', 'action')).toEqual([...urlActions]);
  });

  it('rejects what the CHECKs would refuse, and restores the checks and the page cache afterwards', async () => {
    const ws = await freshWorkspace();
    db = ws.db;
    const csv = path.join(ws.dir, 'n.csv');
    fs.writeFileSync(
      csv,
      'sent_at,recipient_id,sender_id,status,bytes,network\n' +
        '2016-03-01 09:00:00,r1,s1,delivered,10,wifi\n' +
        '2016-03-01 09:00:01,r1,s1,lost,10,wifi\n' +
        '2016-03-01 09:00:02,r1,s1,sent,-5,wifi\n' +
        '2016-03-01 09:00:03,r1,s1,sent,10,satellite\n',
    );
    const cache = db.pragma('cache_size', { simple: true });
    const [r] = await importFiles(db, [csv]);
    expect(r!.imported).toBe(1);
    expect(db.pragma('cache_size', { simple: true })).toBe(cache);
    expect(r!.rejects.map((x) => x.column)).toEqual(['status', 'bytes', 'network']);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('ignore_check_constraints', { simple: true })).toBe(0);
    expect(() => db!.prepare("UPDATE notifications SET status = 'lost'").run()).toThrow(/CHECK constraint failed/);
  });
});
