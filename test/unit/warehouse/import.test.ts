import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../electron/backend/import/import-files.ts';
import { Warehouse } from '../../../electron/backend/warehouse/client.ts';
import { warehouseConfig } from '../../../electron/backend/warehouse/config.ts';
import { sessionWarehouse } from '../../../electron/backend/warehouse/session.ts';
import { clickhouseAvailable } from '../../clickhouse/cluster.ts';
import { openDatabase } from '../../../electron/backend/db/connection.ts';
import { importAndInterrupt } from '../import/helpers.ts';
import { notifications, urls, workspace } from '../metrics/helpers.ts';

type W = Awaited<ReturnType<typeof workspace>>;
const TABLES = ['nd_notifications', 'nd_consent', 'nd_urls', 'nd_keys', 'nd_imports', 'nd_r_daily', 'nd_r_reach'];

const count = async (w: W, table: string, where = '1') => {
  const wh = sessionWarehouse(w.ctx.workspace())!;
  const [row] = await wh.query<{ n: number }>(`SELECT count() AS n FROM ${wh.table(table)} WHERE ${where}`);
  return Number(row!.n);
};
const everything = async (w: W) => Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await count(w, t)])));
const rows = (from: number, to: number, day = '2016-03-07') =>
  Array.from({ length: to - from }, (_, k) => [`e${from + k}`, `${day}T10:00:00+09:00`, `r${(from + k) % 97}`, `s${(from + k) % 3}`, 'delivered', 100, 'cellular', 'order', 't1']);

describe.skipIf(!clickhouseAvailable)('loading a ClickHouse workspace', () => {
  it('imports once per file, drops duplicates within and across files, keeps rejects with line and reason, and lists the import', async () => {
    const w = await workspace({ engine: 'clickhouse' });
    const csv = notifications([...rows(0, 40), rows(5, 6)[0]!]);
    const first = await w.load(csv);
    expect([first.imported, first.duplicates, first.rejected]).toEqual([40, 1, 0]);
    expect(await count(w, 'nd_notifications')).toBe(40);
    const wh = sessionWarehouse(w.ctx.workspace())!;
    const [daily] = await wh.query<{ n: number }>(`SELECT sum(n) AS n FROM ${wh.table('nd_r_daily')}`);
    expect(Number(daily!.n)).toBe(40);
    // The same bytes again: not read, 0 new.
    const again = await w.load(csv);
    expect([again.imported, again.duplicates, again.rowsRead]).toEqual([0, 41, 41]);
    // An overlapping file in small batches: only the new events go in.
    const overlap = path.join(w.dir, 'overlap.csv');
    fs.writeFileSync(overlap, notifications([...rows(30, 60), ['bad', 'not a time', 'r1', 's1', 'delivered'], ['x', '2016-03-08T10:00:00+09:00', 'r1', 's1', 'sideways']]));
    const [r] = await importFiles(w.db(), [overlap], { warehouse: { batchRows: 7 } });
    expect(r!.error).toBeNull();
    expect([r!.imported, r!.duplicates, r!.rejected]).toEqual([20, 10, 2]);
    expect(r!.rejects.map((j) => [j.line, j.column])).toEqual([
      [32, 'sent_at'],
      [33, 'status'],
    ]);
    expect(r!.rejects[1]!.reason).toContain('sideways');
    expect(await count(w, 'nd_notifications')).toBe(60);
    expect(await count(w, 'nd_keys')).toBe(60);
    // Provenance: the Imports page lists both imports (not the skipped re-import), and the rejects.
    const listed = await w.api['imports:list']({});
    expect(listed.map((i) => [i.fileName, i.imported, i.duplicates, i.rejected])).toEqual([
      ['overlap.csv', 20, 10, 2],
      ['in-1.csv', 40, 1, 0],
    ]);
    expect(listed[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const rejects = await w.api['imports:rejects']({ importId: listed[0]!.id, offset: 0, limit: 10 });
    expect(JSON.stringify(rejects)).toContain('not a time');
    const [imp] = await wh.query<{ n: number; rows: number }>(`SELECT count() AS n, sum(rows_read) AS rows FROM ${wh.table('nd_imports')}`);
    expect([Number(imp!.n), Number(imp!.rows)]).toEqual([2, 73]);
  });

  it('stores URL hosts and local days as the local engine computes them', async () => {
    const w = await workspace({ engine: 'clickhouse' });
    await w.load(urls([['u1', '2016-03-06T15:30:00Z', 'https://Example.COM:8080/a?b=1', 'shared']]));
    const wh = sessionWarehouse(w.ctx.workspace())!;
    const [u] = await wh.query<{ host: string; day: number }>(`SELECT host, day FROM ${wh.table('nd_urls')}`);
    // 2016-03-07 in Seoul: day 16867 since the epoch.
    expect(u).toEqual({ host: 'example.com', day: 16867 });
  });

  it('leaves nothing when an import fails or is cancelled midway', async () => {
    const w = await workspace({ engine: 'clickhouse' });
    await w.load(notifications(rows(0, 10)));
    const before = await everything(w);
    const big = path.join(w.dir, 'big.csv');
    fs.writeFileSync(big, notifications(rows(1000, 9000)));
    // Cancelled after the first batches reached the warehouse.
    const controller = new AbortController();
    let flushed = 0;
    let seen: Promise<number> | null = null;
    const [cancelled] = await importFiles(w.db(), [big], {
      warehouse: { batchRows: 500, signal: controller.signal },
      onProgress: () => {
        if (++flushed === 3) {
          seen = count(w, 'nd_notifications');
          controller.abort();
        }
      },
    });
    expect(cancelled!.error).toMatchObject({ code: 'cancelled' });
    // Batches had reached the warehouse when it was cancelled.
    expect(await seen).toBeGreaterThan(10);
    expect(await everything(w)).toEqual(before);
    // The last write fails (its table is dropped while the rows stream in): everything the import
    // wrote is deleted again.
    const wh = sessionWarehouse(w.ctx.workspace())!;
    let drop: Promise<void> | null = null;
    const [failed] = await importFiles(w.db(), [big], {
      warehouse: { batchRows: 1000 },
      onProgress: () => {
        drop ??= wh.command(`DROP TABLE ${wh.table('nd_imports')}`);
      },
    });
    await drop;
    expect(failed!.error?.message).toContain('nd_imports');
    const left = await Promise.all(TABLES.filter((t) => t !== 'nd_imports').map((t) => count(w, t)));
    expect(left).toEqual(TABLES.filter((t) => t !== 'nd_imports').map((t) => before[t]));
    expect((await w.api['imports:list']({})).length).toBe(1);
  });

  it('deletes an import from every table on both shards', async () => {
    const w = await workspace({ engine: 'clickhouse' });
    const keep = await w.load(notifications(rows(0, 30)));
    const gone = await w.load(notifications(rows(20, 80, '2016-03-09')));
    expect(gone.imported).toBe(60);
    const wh = sessionWarehouse(w.ctx.workspace())!;
    const sums = async () => {
      const [d] = await wh.query<{ n: number }>(`SELECT sum(n) AS n FROM ${wh.table('nd_r_daily')}`);
      const [r] = await wh.query<{ n: number }>(`SELECT uniqExactMerge(recipients) AS n FROM ${wh.table('nd_r_reach')} WHERE day = 16869`);
      return [Number(d!.n), Number(r!.n), await count(w, 'nd_notifications'), await count(w, 'nd_keys'), await count(w, 'nd_imports')];
    };
    expect(await sums()).toEqual([90, 60, 90, 90, 2]);
    await w.api['imports:delete']({ id: gone.importId! });
    expect(await sums()).toEqual([30, 0, 30, 30, 1]);
    expect((await w.api['imports:list']({})).map((i) => i.id)).toEqual([keep.importId]);
    await expect(w.api['imports:delete']({ id: gone.importId! })).rejects.toMatchObject({ code: 'not-found' });
    // The deleted file imports again in full.
    const back = await w.load(notifications(rows(20, 80, '2016-03-09')));
    expect(back.imported).toBe(60);
  });

  it("the app's import queue loads a ClickHouse workspace through the worker", async () => {
    const w = await workspace({ engine: 'clickhouse' });
    const file = path.join(w.dir, 'app.csv');
    fs.writeFileSync(file, notifications(rows(0, 12)));
    const { jobs } = await w.api['imports:start']({ files: [file], options: {} });
    let done: Awaited<ReturnType<W['api']['imports:results']>> = [];
    for (let i = 0; i < 300 && done.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      done = await w.api['imports:results']({ jobIds: jobs.map((j) => j.jobId) });
    }
    expect(done[0]?.result).toMatchObject({ imported: 12, error: null });
    expect(await count(w, 'nd_notifications')).toBe(12);
    expect((await w.api['imports:list']({}))[0]).toMatchObject({ fileName: 'app.csv', imported: 12 });
  });

  it('notice-desk import --workspace <ClickHouse workspace> loads through the worker', async () => {
    const w = await workspace({ engine: 'clickhouse' });
    const file = path.join(w.dir, 'cli.csv');
    fs.writeFileSync(file, notifications(rows(0, 25)));
    const config = warehouseConfig(w.db())!;
    await w.close();
    const run = () =>
      spawnSync(process.execPath, [path.resolve('bin/notice-desk.js'), 'import', file, '--workspace', w.file, '--json'], { encoding: 'utf8' });
    const r = run();
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).files[0]).toMatchObject({ imported: 25, duplicates: 0, rejected: 0, error: null });
    expect(JSON.parse(run().stdout).files[0]).toMatchObject({ imported: 0, duplicates: 25 });
    const wh = new Warehouse(config, process.env.NOTICE_DESK_CLICKHOUSE_PASSWORD!);
    const [n] = await wh.query<{ n: number }>(`SELECT count() AS n FROM ${wh.table('nd_notifications')}`);
    await wh.close();
    expect(Number(n!.n)).toBe(25);
  });

  it('notice-desk import interrupted by Ctrl-C keeps nothing of the file in the warehouse, and exits 130', async () => {
    const w = await workspace({ engine: 'clickhouse' });
    await w.load(notifications(rows(0, 10)));
    const before = await everything(w);
    const big = path.join(w.dir, 'big.csv');
    fs.writeFileSync(big, notifications(rows(1000, 121_000)));
    await w.close();
    // Interrupted once two batches of 50,000 rows have been sent to the warehouse.
    const r = await importAndInterrupt([big], w.file, 'SIGINT', 100_000);
    expect(r.code).toBe(130);
    expect(r.stderr).toContain(`notice-desk import: interrupted while importing ${big}: nothing of it was kept.`);
    const db = openDatabase(w.file, { readonly: true });
    const config = warehouseConfig(db)!;
    db.close();
    const wh = new Warehouse(config, process.env.NOTICE_DESK_CLICKHOUSE_PASSWORD!);
    try {
      const after = Object.fromEntries(
        await Promise.all(TABLES.map(async (t) => [t, Number((await wh.query<{ n: number }>(`SELECT count() AS n FROM ${wh.table(t)}`))[0]!.n)])),
      );
      expect(after).toEqual(before);
    } finally {
      await wh.close();
    }
  });
});
