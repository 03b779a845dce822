import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HandlerContext, type BackendHost } from '../../../electron/backend/context.ts';
import { openDatabase } from '../../../electron/backend/db/connection.ts';
import { inProcessApi } from '../../../electron/backend/dispatch.ts';
import { BrowserPathPolicy, GrantPathPolicy, type PathPolicy } from '../../../electron/backend/paths/policy.ts';
import { MemorySettingsStore } from '../../../electron/backend/settings-store.ts';
import { Warehouse } from '../../../electron/backend/warehouse/client.ts';
import { warehouseConfig } from '../../../electron/backend/warehouse/config.ts';
import { MemorySecretStore, PASSWORD_ENV, PASSWORD_FILE_ENV, secretKey } from '../../../electron/backend/warehouse/password.ts';
import { shardStatements } from '../../../electron/backend/warehouse/schema.ts';
import { sessionWarehouse } from '../../../electron/backend/warehouse/session.ts';
import { clickhouseAvailable, startLocalCluster, type LocalCluster } from '../../clickhouse/cluster.ts';
import { tempDir } from '../helpers/tmp.ts';

const freshDb = () => `nd_c${randomBytes(6).toString('hex')}`;

/** A backend host as browser mode (workspaces by name, an in-memory password store) or Electron (dialog grants) builds it. */
function host(kind: 'browser' | 'electron', dir = fs.realpathSync(tempDir('connect-'))) {
  const settings = new MemorySettingsStore();
  const paths: PathPolicy =
    kind === 'electron'
      ? new GrantPathPolicy({ recent: () => settings.get().recentWorkspaces })
      : new BrowserPathPolicy({ uploadRoot: () => path.join(dir, 'uploads'), workspacesDir: path.join(dir, 'workspaces'), recent: () => settings.get().recentWorkspaces });
  const secrets = new MemorySecretStore();
  const events: [string, unknown][] = [];
  const h: BackendHost = { transport: kind, settings, paths, secrets, emit: (e, p) => void events.push([e, p]) };
  const ctx = new HandlerContext(h);
  contexts.push(ctx);
  return { dir, ctx, api: inProcessApi(ctx), secrets, settings, paths, events };
}

const contexts: HandlerContext[] = [];
afterEach(async () => {
  for (const ctx of contexts.splice(0)) await ctx.close();
});

/** Every file of a folder (recursively), as names relative to it. */
function filesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => fs.statSync(path.join(dir, f)).isFile());
}

describe.skipIf(!clickhouseAvailable)('workspace:connectWarehouse and workspace:setWarehousePassword on two real shards', () => {
  let c: LocalCluster;
  const saved = { env: process.env[PASSWORD_ENV], file: process.env[PASSWORD_FILE_ENV] };
  beforeAll(async () => {
    // The password comes from the call or the host's store here, not from the environment.
    delete process.env[PASSWORD_ENV];
    delete process.env[PASSWORD_FILE_ENV];
    c = await startLocalCluster();
  });
  afterAll(async () => {
    await c?.stop();
    if (saved.env !== undefined) process.env[PASSWORD_ENV] = saved.env;
    if (saved.file !== undefined) process.env[PASSWORD_FILE_ENV] = saved.file;
  });
  const url = (i: number) => c.servers[i]!.httpUrl;

  /** Shard 2's local tables, made there as an administrator would (the local servers have no distributed DDL). */
  async function prepareShard2(database: string): Promise<void> {
    const wh = new Warehouse({ url: url(1), database: 'default', user: c.user, cluster: null }, c.password);
    try {
      for (const sql of shardStatements({ database, cluster: c.cluster })) await wh.command(sql);
    } finally {
      await wh.close();
    }
  }

  it('connects to the cluster, makes and opens the workspace, keeps the password only in the host’s store', async () => {
    const database = freshDb();
    await prepareShard2(database);
    const b = host('browser');
    const info = await b.api['workspace:connectWarehouse']({
      name: '플랫폼 전체',
      url: `${url(0)}/`,
      database,
      user: c.user,
      cluster: c.cluster,
      password: c.password,
      remember: false,
    });
    const file = path.join(b.dir, 'workspaces', '플랫폼 전체.sqlite');
    expect(info).toMatchObject({ path: file, name: '플랫폼 전체', warehouse: { url: url(0), database, user: c.user, cluster: c.cluster } });
    expect(JSON.stringify(info)).not.toContain(c.password);
    expect(b.settings.get().recentWorkspaces).toEqual([file]);
    expect(b.events).toContainEqual(['workspace:changed', { path: file }]);
    expect(await b.api['workspace:current']({})).toEqual(info);

    // The password is in the host's store under the server and user, and nowhere on disk.
    const config = warehouseConfig(b.ctx.workspace().db)!;
    expect(config).toEqual({ url: url(0), database, user: c.user, cluster: c.cluster });
    expect(b.secrets.get(secretKey(config))).toBe(c.password);
    for (const f of filesIn(b.dir)) expect(fs.readFileSync(path.join(b.dir, f)).includes(c.password), f).toBe(false);
    expect(JSON.stringify(b.settings.get())).not.toContain(c.password);

    // The session reads the warehouse: both shards answer through the Distributed tables.
    const wh = sessionWarehouse(b.ctx.workspace(), { secrets: b.secrets })!;
    const shards = await wh.query<{ n: number }>(`SELECT count() AS n FROM ${wh.table('nd_notifications')}`);
    expect(shards).toEqual([{ n: 0 }]);
    expect(await b.api['workspace:passwordStorage']({})).toEqual({ persistent: false });
  });

  it('refuses a wrong password with a clear error, leaves no file and keeps no password; then takes the right one', async () => {
    const database = freshDb();
    await prepareShard2(database);
    const b = host('browser');
    const input = { name: 'wrong', url: url(0), database, user: c.user, cluster: c.cluster, remember: true };
    const refused = await b.api['workspace:connectWarehouse']({ ...input, password: 'not-the-password' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'unauthorized', key: 'warehouse.auth', params: { user: c.user, url: url(0) } });
    expect(String((refused as Error).message)).not.toContain('not-the-password');
    expect(filesIn(path.join(b.dir, 'workspaces'))).toEqual([]);
    expect(b.secrets.get(secretKey({ url: url(0), database, user: c.user, cluster: c.cluster }))).toBeNull();
    expect(b.ctx.session).toBeNull();
    expect(b.settings.get().recentWorkspaces).toEqual([]);

    const info = await b.api['workspace:connectWarehouse']({ ...input, password: c.password });
    expect(info.warehouse).toMatchObject({ database });
  });

  it('names the shard without tables, the unreachable server and the bad address; leaves nothing behind', async () => {
    const b = host('browser');
    const base = { url: url(0), database: freshDb(), user: c.user, password: c.password, remember: false };
    // Shard 2 has no tables and this cluster has no distributed DDL.
    await expect(b.api['workspace:connectWarehouse']({ ...base, name: 'shards', cluster: c.cluster })).rejects.toMatchObject({
      code: 'not-found',
      key: 'warehouse.shard-missing-tables',
      params: { cluster: c.cluster, shards: '2' },
    });
    // Nothing listens on port 9 of this machine.
    await expect(b.api['workspace:connectWarehouse']({ ...base, name: 'down', url: 'http://127.0.0.1:9' })).rejects.toMatchObject({
      code: 'unavailable',
      key: 'warehouse.unreachable',
    });
    await expect(b.api['workspace:connectWarehouse']({ ...base, name: 'bad', url: 'ftp://ch.example' })).rejects.toMatchObject({ key: 'warehouse.bad-url' });
    await expect(b.api['workspace:connectWarehouse']({ ...base, name: 'creds', url: 'http://u:secret@ch.example:8123' })).rejects.toMatchObject({ key: 'warehouse.bad-url' });
    expect(filesIn(path.join(b.dir, 'workspaces'))).toEqual([]);
    expect(b.ctx.session).toBeNull();
  });

  it('with the shards’ addresses, makes the tables on a shard that had none (no distributed DDL needed) and keeps the addresses', async () => {
    const b = host('browser');
    const database = freshDb();
    const base = { url: url(0), database, user: c.user, password: c.password, remember: false };
    await expect(b.api['workspace:connectWarehouse']({ ...base, name: 'no-cluster', shards: [url(0), url(1)] })).rejects.toMatchObject({
      code: 'bad-input',
      key: 'warehouse.shards-need-cluster',
    });
    const info = await b.api['workspace:connectWarehouse']({ ...base, name: 'with-shards', cluster: c.cluster, shards: [url(0), url(1)] });
    expect(warehouseConfig(b.ctx.workspace().db)).toEqual({ url: url(0), database, user: c.user, cluster: c.cluster, shards: [url(0), url(1)] });
    expect(info.warehouse).toMatchObject({ cluster: c.cluster });
    const second = new Warehouse({ url: url(1), database: 'system', user: c.user, cluster: null }, c.password);
    try {
      const made = await second.query<{ name: string }>(`SELECT name FROM system.tables WHERE database = '${database}' AND name = 'nd_notifications_local'`);
      expect(made).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  it('checks the caller’s path first: a path the user did not choose is refused before anything connects', async () => {
    const e = host('electron');
    const victim = path.join(fs.realpathSync(tempDir('victim-')), 'planted.sqlite');
    // With the right password and a reachable server, only the path can refuse it; a bad URL does not get first say.
    const base = { url: url(0), database: freshDb(), user: c.user, password: c.password, remember: false };
    await expect(e.api['workspace:connectWarehouse']({ ...base, path: victim })).rejects.toMatchObject({ code: 'path-not-allowed' });
    await expect(e.api['workspace:connectWarehouse']({ ...base, path: victim, url: 'nonsense' })).rejects.toMatchObject({ code: 'path-not-allowed' });
    expect(fs.existsSync(victim)).toBe(false);
    const tables = new Warehouse({ url: url(0), database: 'system', user: c.user, cluster: null }, c.password);
    try {
      expect(await tables.query(`SELECT name FROM system.databases WHERE name = '${base.database}'`)).toEqual([]);
    } finally {
      await tables.close();
    }
    // Browser mode takes no path at all, only a name in its folder.
    const b = host('browser');
    await expect(b.api['workspace:connectWarehouse']({ ...base, path: victim })).rejects.toMatchObject({ code: 'path-not-allowed' });
    await expect(b.api['workspace:connectWarehouse']({ ...base, name: '../escape' })).rejects.toMatchObject({ code: 'bad-input' });

    // A file the native dialog granted for creating works.
    const chosen = path.join(e.dir, 'chosen.sqlite');
    e.paths.allow(chosen, 'workspace-create');
    expect((await e.api['workspace:connectWarehouse']({ ...base, path: chosen })).path).toBe(chosen);
  });

  it('after a restart without the password: metric calls say so, a wrong one is refused and not kept, the right one is', async () => {
    const database = freshDb();
    await prepareShard2(database);
    const first = host('browser');
    const { path: file } = await first.api['workspace:connectWarehouse']({ name: 'later', url: url(0), database, user: c.user, cluster: c.cluster, password: c.password, remember: false });
    await first.ctx.close();

    // A new launch of the bridge: its in-memory store is empty.
    const b = host('browser', first.dir);
    b.settings.set({ recentWorkspaces: [file] });
    const info = await b.api['workspace:open']({ path: file });
    expect(info.warehouse).toMatchObject({ database, user: c.user });
    await expect(b.api['metrics:overview']({})).rejects.toMatchObject({ code: 'unauthorized', key: 'warehouse.no-password', params: { user: c.user, url: url(0) } });

    const key = secretKey(warehouseConfig(openDatabase(file, { readonly: true }))!);
    await expect(b.api['workspace:setWarehousePassword']({ password: 'guess', remember: true })).rejects.toMatchObject({ key: 'warehouse.auth' });
    expect(b.secrets.get(key)).toBeNull();

    b.events.length = 0;
    expect(await b.api['workspace:setWarehousePassword']({ password: c.password, remember: true })).toEqual(info);
    expect(b.secrets.get(key)).toBe(c.password);
    expect(b.events).toContainEqual(['data:changed', { reason: 'warehousePassword' }]);
    // The metric calls now reach the warehouse with it (no password error any more).
    const after = await b.api['metrics:overview']({}).then(
      () => null,
      (e: { key?: string }) => e.key ?? null,
    );
    expect(after === null || !['warehouse.no-password', 'warehouse.auth'].includes(after)).toBe(true);
    const wh = sessionWarehouse(b.ctx.workspace(), { secrets: b.secrets })!;
    expect(await wh.query<{ n: number }>(`SELECT count() AS n FROM ${wh.table('nd_meta')}`)).toEqual([{ n: 2 }]);
  });

  it('refuses a password for a local workspace', async () => {
    const b = host('browser');
    await b.api['workspace:create']({ name: 'local' });
    expect((await b.api['workspace:current']({}))!.warehouse).toBeNull();
    await expect(b.api['workspace:setWarehousePassword']({ password: 'x', remember: false })).rejects.toMatchObject({ key: 'warehouse.not-warehouse-workspace' });
  });
});
