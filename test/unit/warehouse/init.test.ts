import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/backend/db/connection.ts';
import { setWorkspaceTimeZone } from '../../../electron/backend/db/workspace-settings.ts';
import { HandlerContext } from '../../../electron/backend/context.ts';
import { inProcessApi } from '../../../electron/backend/dispatch.ts';
import { MemorySettingsStore } from '../../../electron/backend/settings-store.ts';
import { Warehouse } from '../../../electron/backend/warehouse/client.ts';
import { warehouseConfig } from '../../../electron/backend/warehouse/config.ts';
import { initWarehouseWorkspace } from '../../../electron/backend/warehouse/init.ts';
import { WAREHOUSE_SCHEMA_VERSION } from '../../../electron/backend/warehouse/schema.ts';
import { clickhouseAvailable, startLocalCluster, type LocalCluster } from '../../clickhouse/cluster.ts';
import { tempDir } from '../helpers/tmp.ts';
import { notifications, workspace } from '../metrics/helpers.ts';

const BIN = path.resolve('bin/notice-desk.js');
const db = () => `nd_t${randomBytes(6).toString('hex')}`;

function cli(args: string[], env: Record<string, string | undefined> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NOTICE_DESK_CLICKHOUSE_PASSWORD: undefined, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function tables(url: string, c: LocalCluster, database: string): Promise<string[]> {
  const wh = new Warehouse({ url, database, user: c.user, cluster: null }, c.password);
  try {
    const rows = await wh.query<{ name: string; engine: string }>(`SELECT name, engine FROM system.tables WHERE database = '${database}' ORDER BY name`);
    return rows.map((r) => `${r.name}:${r.engine}`);
  } finally {
    await wh.close();
  }
}

describe.skipIf(!clickhouseAvailable)('workspace init --clickhouse', () => {
  let c: LocalCluster;
  beforeAll(async () => {
    c = await startLocalCluster();
  });
  afterAll(async () => {
    await c?.stop();
  });
  const url = (i: number) => c.servers[i]!.httpUrl;

  it('on one server: creates every table, records version and zone, and writes the workspace that points at it', async () => {
    const dir = tempDir('wh-');
    const file = path.join(dir, 'one.sqlite');
    const database = db();
    const r = cli(['workspace', 'init', file, '--clickhouse', url(0), '--database', database, '--user', c.user, '--timezone', 'UTC', '--json'], {
      NOTICE_DESK_CLICKHOUSE_PASSWORD: c.password,
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ workspace: file, timeZone: 'UTC', clickhouse: { database, cluster: null, user: c.user, warehouseSchemaVersion: WAREHOUSE_SCHEMA_VERSION } });
    expect(out.clickhouse.serverVersion).toMatch(/^\d+\./);
    const names = await tables(url(0), c, database);
    expect(names).toContain('nd_notifications:MergeTree');
    expect(names).toContain('nd_r_daily:SummingMergeTree');
    expect(names).toContain('nd_r_daily_mv:MaterializedView');
    expect(names).toContain('nd_firsts:ReplacingMergeTree');
    expect(names).toContain('nd_violations:ReplacingMergeTree');
    expect(names.some((n) => n.includes('_local'))).toBe(false);
    expect(await tables(url(1), c, database)).toEqual([]);
    const w = openDatabase(file, { readonly: true });
    expect(warehouseConfig(w)).toEqual({ url: url(0), database, user: c.user, cluster: null });
    expect(JSON.stringify(w.prepare('SELECT * FROM workspace_meta').all())).not.toContain(c.password);
    w.close();
  });

  it('on the cluster: local tables on both shards, Distributed ones on the first, and imported rows land on both shards', async () => {
    const w = await workspace({ engine: 'clickhouse' });
    const database = warehouseConfig(w.db())!.database;
    // The helper's cluster is its own: its servers are in the workspace's config.
    const config = warehouseConfig(w.db())!;
    const [s1, s2] = config.shards!;
    const password = process.env.NOTICE_DESK_CLICKHOUSE_PASSWORD!;
    const on = async (u: string) => {
      const wh = new Warehouse({ url: u, database, user: config.user, cluster: null }, password);
      try {
        const names = (await wh.query<{ t: string }>(`SELECT concat(name, ':', engine) AS t FROM system.tables WHERE database = '${database}'`)).map((r) => r.t);
        const [n] = await wh.query<{ n: number }>(`SELECT count() AS n FROM ${wh.table('nd_notifications_local')}`);
        return { names, rows: Number(n!.n) };
      } finally {
        await wh.close();
      }
    };
    await w.load(notifications(Array.from({ length: 60 }, (_, i) => [`e${i}`, '2016-03-07T10:00:00+09:00', `r${i}`, 's1', 'delivered'])));
    const a = await on(s1!);
    const b = await on(s2!);
    expect(a.names).toContain('nd_notifications:Distributed');
    expect(a.names).toContain('nd_notifications_local:MergeTree');
    expect(b.names).toContain('nd_notifications_local:MergeTree');
    expect(b.names).toContain('nd_r_reach_local:AggregatingMergeTree');
    expect(b.names.some((n) => n.endsWith(':Distributed'))).toBe(false);
    expect(a.rows).toBeGreaterThan(0);
    expect(b.rows).toBeGreaterThan(0);
    expect(a.rows + b.rows).toBe(60);
  });

  it('refuses an unreachable server, a wrong password, bad names and a bad URL, leaving no file', async () => {
    const dir = tempDir('wh-');
    const file = path.join(dir, 'no.sqlite');
    const started = Date.now();
    await expect(initWarehouseWorkspace(file, { url: 'http://127.0.0.1:9', database: db(), user: c.user, cluster: null }, c.password)).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('http://127.0.0.1:9 could not be reached'),
    });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(fs.existsSync(file)).toBe(false);
    await expect(initWarehouseWorkspace(file, { url: url(0), database: db(), user: c.user, cluster: null }, 'wrong')).rejects.toMatchObject({
      code: 'unauthorized',
      message: expect.stringContaining(`refused user "${c.user}"`),
    });
    expect(fs.existsSync(file)).toBe(false);
    await expect(initWarehouseWorkspace(file, { url: url(0), database: 'a-b; DROP', user: c.user, cluster: null }, c.password)).rejects.toMatchObject({
      code: 'bad-input',
      message: expect.stringContaining('cannot be used as a ClickHouse database name'),
    });
    await expect(initWarehouseWorkspace(file, { url: url(0), database: db(), user: c.user, cluster: 'x y' }, c.password)).rejects.toMatchObject({
      message: expect.stringContaining('cluster name'),
    });
    await expect(initWarehouseWorkspace(file, { url: 'ftp://example.com', database: db(), user: c.user, cluster: null }, c.password)).rejects.toMatchObject({
      code: 'bad-input',
      message: expect.stringContaining('is not a ClickHouse address'),
    });
    expect(fs.existsSync(file)).toBe(false);
    const viaCli = cli(['workspace', 'init', file, '--clickhouse', 'http://127.0.0.1:9', '--database', db()], { NOTICE_DESK_CLICKHOUSE_PASSWORD: 'x' });
    expect(viaCli.code).not.toBe(0);
    expect(viaCli.stderr).toContain('could not be reached');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('names the shards without the tables when the cluster has no distributed DDL', async () => {
    const file = path.join(tempDir('wh-'), 'cl.sqlite');
    await expect(
      initWarehouseWorkspace(file, { url: url(0), database: db(), user: c.user, cluster: c.cluster }, c.password),
    ).rejects.toMatchObject({ code: 'not-found', message: expect.stringMatching(/Cluster nd_two_shards: shard\(s\) 2 have no Notice Desk tables/) });
    expect(fs.existsSync(file)).toBe(false);
  });

  it('refuses a warehouse whose days are in another time zone, adopts its zone when none is given, and checks it on first use', async () => {
    const dir = tempDir('wh-');
    const database = db();
    const config = { url: url(0), database, user: c.user, cluster: null };
    await initWarehouseWorkspace(path.join(dir, 'a.sqlite'), config, c.password, { timeZone: 'UTC' });
    await expect(initWarehouseWorkspace(path.join(dir, 'b.sqlite'), config, c.password, { timeZone: 'Asia/Seoul' })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('time zone UTC, but this workspace uses Asia/Seoul'),
    });
    expect(fs.existsSync(path.join(dir, 'b.sqlite'))).toBe(false);
    expect((await initWarehouseWorkspace(path.join(dir, 'c.sqlite'), config, c.password)).timeZone).toBe('UTC');
    // A workspace file whose zone was changed behind the warehouse's back is refused when it is used.
    const f = openDatabase(path.join(dir, 'c.sqlite'));
    setWorkspaceTimeZone(f, 'Asia/Seoul');
    f.close();
    process.env.NOTICE_DESK_CLICKHOUSE_PASSWORD = c.password;
    const ctx = new HandlerContext({ transport: 'in-process', settings: new MemorySettingsStore(), emit: () => {} });
    const api = inProcessApi(ctx);
    try {
      await api['workspace:open']({ path: path.join(dir, 'c.sqlite') });
      const csv = path.join(dir, 'n.csv');
      fs.writeFileSync(csv, notifications([['e1', '2016-03-07T10:00:00+09:00', 'r1', 's1', 'delivered']]));
      const { importFiles } = await import('../../../electron/backend/import/import-files.ts');
      const [r] = await importFiles(ctx.workspace().db, [csv]);
      expect(r!.error?.message).toContain('keeps days in time zone UTC');
    } finally {
      await ctx.close();
    }
    // A newer schema than this app knows.
    const wh = new Warehouse(config, c.password);
    await wh.insert('nd_meta', [{ key: 'schema_version', value: '99' }]);
    await wh.command(`OPTIMIZE TABLE ${wh.table('nd_meta')} FINAL`);
    await wh.close();
    await expect(initWarehouseWorkspace(path.join(dir, 'd.sqlite'), config, c.password)).rejects.toMatchObject({
      message: expect.stringContaining('schema is version 99'),
    });
  });

  it('takes the password from the environment or an owner-only file, never a group-readable one', async () => {
    const dir = tempDir('wh-');
    const pw = path.join(dir, 'pw');
    fs.writeFileSync(pw, c.password + '\n', { mode: 0o640 });
    fs.chmodSync(pw, 0o640);
    const base = ['--clickhouse', url(0), '--database', db(), '--user', c.user, '--password-file', pw];
    const refused = cli(['workspace', 'init', path.join(dir, 'a.sqlite'), ...base]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('others can read it (mode 640)');
    expect(fs.existsSync(path.join(dir, 'a.sqlite'))).toBe(false);
    fs.chmodSync(pw, 0o600);
    const ok = cli(['workspace', 'init', path.join(dir, 'a.sqlite'), ...base]);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toContain('over ClickHouse');
    const none = cli(['workspace', 'init', path.join(dir, 'b.sqlite'), '--clickhouse', url(0), '--database', db(), '--user', c.user]);
    expect(none.code).not.toBe(0);
    expect(none.stderr).toContain('NOTICE_DESK_CLICKHOUSE_PASSWORD');
    const env = cli(['workspace', 'init', path.join(dir, 'b.sqlite'), '--clickhouse', url(0), '--database', db(), '--user', c.user], {
      NOTICE_DESK_CLICKHOUSE_PASSWORD: c.password,
    });
    expect(env.code).toBe(0);
  });

  it('prints the schema for one server and for a cluster, refusing a bad name', () => {
    const one = cli(['warehouse', 'schema', '--database', 'nd_x']);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('CREATE TABLE IF NOT EXISTS `nd_x`.`nd_notifications` (');
    expect(one.stdout).not.toContain('Distributed');
    const cl = cli(['warehouse', 'schema', '--database', 'nd_x', '--cluster', 'main']);
    expect(cl.stdout).toContain('CREATE TABLE IF NOT EXISTS `nd_x`.`nd_notifications_local` (');
    expect(cl.stdout).toContain('ENGINE = Distributed(`main`, `nd_x`, `nd_notifications_local`, sipHash64(recipient_id))');
    const bad = cli(['warehouse', 'schema', '--database', 'x`; DROP']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('cannot be used as a ClickHouse database name');
  });
});
