import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { HandlerContext } from '../../../electron/backend/context.ts';
import { inProcessApi } from '../../../electron/backend/dispatch.ts';
import { importFiles, type ImportFilesOptions } from '../../../electron/backend/import/import-files.ts';
import { MemorySettingsStore } from '../../../electron/backend/settings-store.ts';
import { Warehouse } from '../../../electron/backend/warehouse/client.ts';
import { openDatabase } from '../../../electron/backend/db/connection.ts';
import { setWarehouseConfig } from '../../../electron/backend/warehouse/config.ts';
import { ensureWarehouseSchema, initWarehouseWorkspace } from '../../../electron/backend/warehouse/init.ts';
import { createWorkspaceFile } from '../../../electron/backend/workspace-file.ts';
import { PASSWORD_ENV } from '../../../electron/backend/warehouse/password.ts';
import { shardStatements, WAREHOUSE_SCHEMA_VERSION } from '../../../electron/backend/warehouse/schema.ts';
import { DEFAULT_TIME_ZONE } from '../../../shared/time-zone.ts';
import { afterAll, afterEach } from 'vitest';
import { clickhouseAvailable, startLocalCluster, type LocalCluster } from '../../clickhouse/cluster.ts';
import { tempDir } from '../helpers/tmp.ts';

const open: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of open.splice(0)) await close();
});

/**
 * The engines a known-answer test runs on: SQLite always; ClickHouse 18.16 as two real shards where
 * a server is installed (CI installs it); the current ClickHouse release in-process through chDB
 * where its binary exists (Linux and macOS).
 */
export type Engine = 'sqlite' | 'clickhouse' | 'chdb';
export const engines: Engine[] = [
  'sqlite',
  ...(clickhouseAvailable ? (['clickhouse'] as const) : []),
  ...(process.platform === 'win32' ? [] : (['chdb'] as const)),
];

let cluster: Promise<LocalCluster> | null = null;
/** The test file's two-shard cluster, started on first need and stopped after the file's tests. */
export function sharedCluster(): Promise<LocalCluster> {
  cluster ??= startLocalCluster();
  return cluster;
}
afterAll(async () => {
  if (chdbUsed) await (await import('../../clickhouse/chdb-warehouse.ts')).closeChdb();
  const started = cluster;
  cluster = null;
  if (started) await (await started).stop();
});

/**
 * A ClickHouse workspace over the file's two-shard cluster, in a fresh database: shard 2's tables
 * made there directly (as an administrator would), the workspace made by the product's init against
 * shard 1 (which creates its own local tables and the Distributed ones), the password from the
 * environment.
 */
async function clickhouseWorkspaceFile(file: string): Promise<void> {
  const c = await sharedCluster();
  const [first, second] = c.servers;
  const database = `nd_t${randomBytes(6).toString('hex')}`;
  const shard2 = new Warehouse({ url: second!.httpUrl, database: 'default', user: c.user, cluster: null }, c.password);
  try {
    for (const sql of shardStatements({ database, cluster: c.cluster })) await shard2.command(sql);
  } finally {
    await shard2.close();
  }
  process.env[PASSWORD_ENV] = c.password;
  await initWarehouseWorkspace(
    file,
    { url: first!.httpUrl, database, user: c.user, cluster: c.cluster, shards: [first!.httpUrl, second!.httpUrl] },
    c.password,
    { timeZone: DEFAULT_TIME_ZONE },
  );
}

let chdbUsed = false;
/**
 * A ClickHouse workspace whose warehouse is chDB (the current release, in-process), in a fresh
 * database: the product's schema, its meta rows and the workspace file that points at it.
 */
async function chdbWorkspaceFile(file: string): Promise<Warehouse> {
  const { ChdbWarehouse } = await import('../../clickhouse/chdb-warehouse.ts');
  chdbUsed = true;
  const wh = new ChdbWarehouse(`nd_t${randomBytes(6).toString('hex')}`);
  await ensureWarehouseSchema(wh);
  await wh.insert('nd_meta', [
    { key: 'schema_version', value: String(WAREHOUSE_SCHEMA_VERSION) },
    { key: 'time_zone', value: DEFAULT_TIME_ZONE },
  ]);
  await createWorkspaceFile(file, DEFAULT_TIME_ZONE);
  const db = openDatabase(file);
  try {
    setWarehouseConfig(db, wh.config);
  } finally {
    db.close();
  }
  return wh;
}

/**
 * A fresh workspace opened through the real handlers, with a helper to import canonical CSV text.
 * Its connection is closed after the test. `engine: 'clickhouse'`: its events live in a warehouse
 * over two local shards (the same handlers and the same `load`, through the warehouse import).
 */
export async function workspace(options: { engine?: Engine } = {}) {
  const dir = tempDir('metrics-');
  const ctx = new HandlerContext({ transport: 'in-process', settings: new MemorySettingsStore(), emit: () => {} });
  const api = inProcessApi(ctx);
  const file = path.join(dir, 'w.sqlite');
  let chdb: Warehouse | null = null;
  if (options.engine === 'clickhouse') {
    await clickhouseWorkspaceFile(file);
    await api['workspace:open']({ path: file });
  } else if (options.engine === 'chdb') {
    chdb = await chdbWorkspaceFile(file);
    await api['workspace:open']({ path: file });
    ctx.workspace().warehouse = chdb;
  } else await api['workspace:create']({ path: file });
  let n = 0;
  /** Imports canonical CSV text through the real import path; fails the test on any reject. */
  const load = async (csv: string, options: ImportFilesOptions = {}) => {
    const f = path.join(dir, `in-${++n}.csv`);
    fs.writeFileSync(f, csv);
    const [result] = await importFiles(ctx.workspace().db, [f], chdb ? { ...options, warehouse: { connection: chdb } } : options);
    if (!result || result.error || result.rejected > 0) throw new Error(`import failed: ${JSON.stringify(result)}`);
    return result;
  };
  open.push(() => ctx.close());
  return { ctx, api, db: () => ctx.workspace().db, load, dir, file, close: () => ctx.close() };
}

/** A notifications CSV from rows [event_id, sent_at, recipient, sender, status, bytes?, network?, category?, template?]. */
export function notifications(rows: (string | number | null)[][]): string {
  const header = 'event_id,sent_at,recipient_id,sender_id,status,bytes,network,category,template_id';
  return [header, ...rows.map((r) => Array.from({ length: 9 }, (_, i) => r[i] ?? '').join(','))].join('\n') + '\n';
}

/** A consent CSV from rows [event_id, occurred_at, recipient, sender ('' = platform), action]. */
export function consent(rows: string[][]): string {
  return ['event_id,occurred_at,recipient_id,sender_id,action', ...rows.map((r) => r.join(','))].join('\n') + '\n';
}

/** A URL CSV from rows [event_id, occurred_at, url, action]. */
export function urls(rows: string[][]): string {
  return ['event_id,occurred_at,url,action', ...rows.map((r) => r.join(','))].join('\n') + '\n';
}

/** A seeded generator, so a failure can be replayed. */
export { prng } from '../../../shared/random.ts';
