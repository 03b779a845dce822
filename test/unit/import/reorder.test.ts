import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/backend/db/connection.ts';
import { importFiles } from '../../../electron/backend/import/import-files.ts';
import { ORDER_SLACK_MS } from '../../../electron/backend/import/reorder.ts';
import { rebuildRollups } from '../../../electron/backend/rollups/index.ts';
import { counts, freshWorkspace } from './helpers.ts';

const HEADER = 'event_id,sent_at,recipient_id,sender_id,status,bytes,network,category';

/** 3,000 notifications over 30 days (xorshift), in time order, with 40 repeated rows. */
function rows(): string[] {
  let s = 7;
  const rnd = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  const start = Date.parse('2016-04-01T00:00:00Z');
  const out = Array.from({ length: 3000 }, (_, i) => {
    const at = new Date(start + Math.floor((i / 3000) * 30 * 86_400_000)).toISOString();
    return `e${i},${at},r${Math.floor(rnd() * 200)},s${Math.floor(rnd() * 4)},${rnd() < 0.85 ? 'delivered' : 'failed'},2048,cellular,k${Math.floor(rnd() * 2)}`;
  });
  // Repeats of earlier rows (duplicates within the file), placed far after them.
  for (let i = 0; i < 40; i++) out.push(out[i * 7]!);
  return out;
}

function shuffle(list: string[]): string[] {
  const out = [...list];
  let s = 11;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** What an import leaves: the events with their lines, and the rollups. */
function state(db: Db) {
  const table = (t: string) => db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3, 4`).raw().all();
  return {
    events: db.prepare('SELECT event_id, sent_at, recipient_id, status FROM notifications ORDER BY event_id').raw().all(),
    daily: table('rollup_notifications_daily'),
    firsts: table('rollup_first_messages'),
    firstDaily: table('rollup_first_daily'),
    coverage: table('rollup_coverage_daily'),
    usage: db.prepare('SELECT day, sender_id, category, length(entries) FROM rollup_usage_daily ORDER BY 1, 2, 3').raw().all(),
  };
}

/** This process's scratch folders (other processes' may come and go meanwhile). */
const scratchDirs = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith(`notice-desk-reorder-${process.pid}-`)).length;

describe('rows far out of time order', () => {
  it('are set aside and stored after the read in time order: the same events, duplicates, lines and rollups as the file in order', async () => {
    const ordered = rows();
    const shuffled = shuffle(ordered);
    const a = await freshWorkspace();
    const b = await freshWorkspace();
    fs.writeFileSync(path.join(a.dir, 'in.csv'), [HEADER, ...ordered].join('\n') + '\n');
    fs.writeFileSync(path.join(b.dir, 'in.csv'), [HEADER, ...shuffled].join('\n') + '\n');
    const progress: { bytesRead: number; totalBytes: number }[] = [];
    const [ra] = await importFiles(a.db, [path.join(a.dir, 'in.csv')]);
    const [rb] = await importFiles(b.db, [path.join(b.dir, 'in.csv')], { onProgress: (_i, p) => progress.push(p) });
    expect(ra).toMatchObject({ imported: 3000, duplicates: 40, rejected: 0 });
    expect(rb).toMatchObject({ imported: 3000, duplicates: 40, rejected: 0 });
    expect(state(b.db)).toEqual(state(a.db));
    // Each stored row keeps the line it came from.
    for (const [id, line] of b.db.prepare('SELECT event_id, source_line FROM notifications').raw().all() as [string, number][]) {
      expect(shuffled[line - 2]!.startsWith(`${id},`)).toBe(true);
    }
    // The rollups are those of a rebuild.
    const kept = state(b.db);
    rebuildRollups(b.db);
    expect(state(b.db)).toEqual(kept);
    // Progress counts the set-aside rows as work too, never goes back, and ends at 100 %.
    const ratios = progress.map((p) => p.bytesRead / p.totalBytes);
    expect(progress.at(-1)!.bytesRead).toBe(progress.at(-1)!.totalBytes);
    expect(progress.at(-1)!.totalBytes).toBeGreaterThan(fs.statSync(path.join(b.dir, 'in.csv')).size);
    for (let i = 1; i < ratios.length; i++) expect(ratios[i]!).toBeGreaterThanOrEqual(ratios[i - 1]! - 1e-9);
  }, 60_000);

  it('sets nothing aside within the slack (a day), and leaves nothing behind when a file fails after setting rows aside', async () => {
    const { db, dir } = await freshWorkspace();
    const day = (d: number, h: number) => new Date(Date.parse('2016-05-10T00:00:00Z') + d * 86_400_000 + h * 3_600_000).toISOString();
    const near = [HEADER, `n1,${day(1, 0)},r1,s1,delivered,,,`, `n2,${day(0, 1)},r1,s1,delivered,,,`].join('\n') + '\n';
    expect(Date.parse(day(1, 0)) - Date.parse(day(0, 1))).toBeLessThan(ORDER_SLACK_MS);
    fs.writeFileSync(path.join(dir, 'near.csv'), near);
    const progress: { bytesRead: number; totalBytes: number }[] = [];
    await importFiles(db, [path.join(dir, 'near.csv')], { onProgress: (_i, p) => progress.push(p) });
    expect(progress.at(-1)!.totalBytes).toBe(fs.statSync(path.join(dir, 'near.csv')).size);

    const before = scratchDirs();
    const long = 'x'.repeat(5000);
    const bad = [HEADER, `f1,${day(9, 0)},r2,s1,delivered,,,`, `f2,${day(1, 0)},r2,s1,delivered,,,`, `f3,${day(9, 1)},r2,s1,delivered,,,${long}`].join('\n') + '\n';
    fs.writeFileSync(path.join(dir, 'bad.csv'), bad);
    const [r] = await importFiles(db, [path.join(dir, 'bad.csv')], { maxRecordChars: 1024 });
    expect(r!.error).not.toBeNull();
    expect(counts(db)).toMatchObject({ notifications: 2, imports: 1 });
    expect(scratchDirs()).toBe(before);
    expect(db.prepare('PRAGMA database_list').all()).toHaveLength(2);
    // The next file imports, with its own rows set aside.
    fs.writeFileSync(path.join(dir, 'good.csv'), bad.replace(`,${long}`, ''));
    const [ok] = await importFiles(db, [path.join(dir, 'good.csv')]);
    expect(ok).toMatchObject({ imported: 3, error: null });
    expect(scratchDirs()).toBe(before);
  }, 60_000);

  it("remove the scratch folders of processes that are gone, never a live process's", async () => {
    const dead = path.join(os.tmpdir(), 'notice-desk-reorder-999999999-test');
    const live = path.join(os.tmpdir(), `notice-desk-reorder-${process.pid}-test`);
    for (const d of [dead, live]) {
      fs.mkdirSync(d, { recursive: true });
      fs.writeFileSync(path.join(d, 'reorder.sqlite'), '');
    }
    try {
      const { db, dir } = await freshWorkspace();
      fs.writeFileSync(path.join(dir, 'in.csv'), [HEADER, ...shuffle(rows()).slice(0, 50)].join('\n') + '\n');
      await importFiles(db, [path.join(dir, 'in.csv')]);
      expect(fs.existsSync(dead)).toBe(false);
      expect(fs.existsSync(live)).toBe(true);
    } finally {
      for (const d of [dead, live]) fs.rmSync(d, { recursive: true, force: true });
    }
  });

  it('are stored as they come when no scratch file can be made (a temporary folder that is not there)', async () => {
    const { db, dir } = await freshWorkspace();
    const shuffled = shuffle(rows());
    fs.writeFileSync(path.join(dir, 'in.csv'), [HEADER, ...shuffled].join('\n') + '\n');
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = path.join(dir, 'no-such-folder');
    const progress: { totalBytes: number }[] = [];
    try {
      const [r] = await importFiles(db, [path.join(dir, 'in.csv')], { onProgress: (_i, p) => progress.push(p) });
      expect(r).toMatchObject({ imported: 3000, duplicates: 40, error: null });
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    expect(progress.at(-1)!.totalBytes).toBe(fs.statSync(path.join(dir, 'in.csv')).size);
    const kept = state(db);
    rebuildRollups(db);
    expect(state(db)).toEqual(kept);
  }, 60_000);
});
