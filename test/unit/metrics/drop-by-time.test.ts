import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HandlerContext } from '../../../electron/backend/context.ts';
import { openDatabase, type Db } from '../../../electron/backend/db/connection.ts';
import { migrate } from '../../../electron/backend/db/migrate.ts';
import { latestVersion, migrations } from '../../../electron/backend/db/migrations/index.ts';
import { inProcessApi } from '../../../electron/backend/dispatch.ts';
import { importFiles } from '../../../electron/backend/import/import-files.ts';
import { deleteImport } from '../../../electron/backend/import/manage.ts';
import { decodeIds, rebuildRollups } from '../../../electron/backend/rollups/index.ts';
import { MemorySettingsStore } from '../../../electron/backend/settings-store.ts';
import { initWorkspaceMeta } from '../../../electron/backend/workspace-file.ts';
import { tempDir } from '../helpers/tmp.ts';
import { consent, notifications, prng } from './helpers.ts';

/** The distinct-recipient sets, by recipient name (a rebuild may number recipients differently). */
function reach(db: Db) {
  const names = new Map(db.prepare('SELECT idx, recipient_id FROM rollup_recipient_ids').raw().all() as [number, string][]);
  return (db.prepare('SELECT kind, day, sender_id, category, ids FROM rollup_reach_daily ORDER BY 1, 2, 3, 4').raw().all() as [string, number, string, string, Buffer][])
    .map(([kind, day, sender, category, ids]) => [kind, day, sender, category, [...decodeIds(ids)].map((i) => names.get(i)).sort()]);
}

const firsts = (db: Db) => ({
  messages: db.prepare('SELECT * FROM rollup_first_messages ORDER BY 1, 2, 3').raw().all(),
  daily: db.prepare('SELECT * FROM rollup_first_daily ORDER BY 1, 2, 3, 4, 5').raw().all(),
  coverage: db.prepare('SELECT * FROM rollup_coverage_daily ORDER BY 1, 2, 3').raw().all(),
});
const daily = (db: Db) => db.prepare('SELECT * FROM rollup_notifications_daily ORDER BY 1, 2, 3, 4, 5').raw().all();

describe('migration 0013: no index of notifications by time', () => {
  it('opens a workspace made by the schema before it, drops the index, keeps every rollup, and a removal read in pages still equals a rebuild', async () => {
    const dir = tempDir('by-time-');
    const file = path.join(dir, 'old.sqlite');
    const old = openDatabase(file);
    await migrate(old, file, undefined, migrations.filter((m) => m.version < 13));
    initWorkspaceMeta(old, 'Asia/Seoul');
    const rnd = prng(13);
    const at = (m: number) => new Date(Date.parse('2016-03-01T00:00:00+09:00') + m * 60_000).toISOString();
    const rows = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) => [`${prefix}${i}`, at(Math.floor(rnd() * 60 * 24 * 20)), `r${Math.floor(rnd() * 80)}`,
        `s${Math.floor(rnd() * 3)}`, rnd() < 0.8 ? 'delivered' : 'failed', 2048, 'cellular', `k${Math.floor(rnd() * 2)}`]);
    const write = (name: string, text: string) => {
      fs.writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    const files = [
      write('a.csv', notifications(rows('a', 3000))),
      write('c.csv', consent(Array.from({ length: 60 }, (_, i) => [`c${i}`, at(Math.floor(rnd() * 60 * 24 * 20)), `r${Math.floor(rnd() * 80)}`,
        rnd() < 0.5 ? '' : `s${Math.floor(rnd() * 3)}`, rnd() < 0.5 ? 'opt_out' : 'notice_shown']))),
      // Overlaps the first file's days, so removing it recomputes days the others still fill.
      write('b.csv', notifications(rows('b', 2000))),
    ];
    const results = await importFiles(old, files);
    expect(results.map((r) => r.error)).toEqual([null, null, null]);
    expect(old.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'notifications_by_time'").pluck().get()).toBe(1);
    const before = { reach: reach(old), daily: daily(old) };
    old.close();

    const ctx = new HandlerContext({ transport: 'in-process', settings: new MemorySettingsStore(), emit: () => {} });
    const info = await inProcessApi(ctx)['workspace:open']({ path: file });
    expect(info.schemaVersion).toBe(latestVersion);
    const db = ctx.workspace().db;
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'notifications_by_time'").pluck().get()).toBe(0);
    expect({ reach: reach(db), daily: daily(db) }).toEqual(before);

    // Read in pages of 100 rows, as a removal from a workspace of millions reads in pages of 50,000.
    deleteImport(db, results[2]!.importId!, { rows: 100, reachRows: 100 });
    const removed = { reach: reach(db), daily: daily(db), firsts: firsts(db) };
    expect(removed.reach).not.toEqual(before.reach);
    rebuildRollups(db);
    expect({ reach: reach(db), daily: daily(db), firsts: firsts(db) }).toEqual(removed);
    await ctx.close();
  }, 60_000);
});
