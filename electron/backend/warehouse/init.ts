/**
 * Making and checking a ClickHouse workspace (docs/warehouse.md). `initWarehouseWorkspace` connects,
 * creates the tables where they are missing (one server; or a cluster's local tables on every shard
 * and the Distributed tables on the server the app talks to), records the warehouse's schema version
 * and time zone in `nd_meta`, and only then writes the local workspace file that points at it —
 * nothing is left behind when any step fails. `CheckedWarehouse` makes the same checks of an
 * existing workspace's warehouse on its first use.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ClickHouseSettings } from '@clickhouse/client';
import { userError } from '../../../shared/contract/errors.ts';
import { DEFAULT_TIME_ZONE } from '../../../shared/time-zone.ts';
import { openDatabase } from '../db/connection.ts';
import { assertCreatable, createWorkspaceFile } from '../workspace-file.ts';
import { Warehouse, type WarehouseConfig, type WarehouseOptions } from './client.ts';
import { checkWarehouseConfig, setWarehouseConfig } from './config.ts';
import { rebuildFirsts } from './firsts.ts';
import { rebuildViolations } from './violations.ts';
import { distributedStatements, shardStatements, shardTableNames, WAREHOUSE_SCHEMA_VERSION, type SchemaTarget } from './schema.ts';
import { sqlString } from './sql.ts';

/** What `nd_meta` says about the warehouse (null: not recorded yet). */
export interface WarehouseMeta {
  schemaVersion: number | null;
  timeZone: string | null;
}

const targetOf = (config: WarehouseConfig): SchemaTarget => ({ database: config.database, cluster: config.cluster });

/** Reads the warehouse's schema version and time zone. */
export async function readWarehouseMeta(wh: Warehouse): Promise<WarehouseMeta> {
  // An upgrade adds a schema_version row; until the table merges, both are there and the highest holds.
  const rows = await wh.query<{ key: string; vals: string[] }>(
    `SELECT key, groupUniqArray(value) AS vals FROM ${wh.table('nd_meta')} WHERE key IN ('schema_version', 'time_zone') GROUP BY key`,
  );
  const get = (k: string) => rows.find((r) => r.key === k)?.vals ?? [];
  const versions = get('schema_version').map(Number);
  return { schemaVersion: versions.length === 0 ? null : Math.max(...versions), timeZone: get('time_zone')[0] ?? null };
}

/**
 * Brings a warehouse of an older schema version to this one: the tables it lacks, then what fills
 * them (version 2: every pair's first message; 3: every recipient's violations), then the new
 * version. Run again after a failure, it does the same; the version is written last.
 */
export async function upgradeWarehouse(wh: Warehouse, from: number): Promise<void> {
  try {
    await ensureWarehouseSchema(wh);
    if (from < 2) await rebuildFirsts(wh);
    if (from < 3) await rebuildViolations(wh);
    await wh.insert('nd_meta', [{ key: 'schema_version', value: String(WAREHOUSE_SCHEMA_VERSION) }]);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw userError('unsupported-format', 'warehouse.upgrade-failed', { found: from, known: WAREHOUSE_SCHEMA_VERSION, reason });
  }
}

/** Refuses a warehouse whose schema is newer than this app's or whose days are in another zone. */
export function assertCompatible(meta: WarehouseMeta, timeZone: string): void {
  if (meta.schemaVersion !== null && !(meta.schemaVersion <= WAREHOUSE_SCHEMA_VERSION)) {
    throw userError('unsupported-format', 'warehouse.schema-too-new', { found: meta.schemaVersion, known: WAREHOUSE_SCHEMA_VERSION });
  }
  if (meta.timeZone !== null && meta.timeZone !== timeZone) {
    throw userError('conflict', 'warehouse.zone-mismatch', { warehouseZone: meta.timeZone, workspaceZone: timeZone });
  }
}

/** The shards of the cluster whose server lacks any of the schema's local tables, by shard number. */
export async function shardsMissingTables(wh: Warehouse, target: SchemaTarget): Promise<number[]> {
  const cluster = sqlString(target.cluster!);
  const names = shardTableNames(target);
  // An IN subquery of a distributed query runs on each shard: each answers for its own tables.
  const has = names.map((n) => `${sqlString(n)} IN (SELECT name FROM system.tables WHERE database = ${sqlString(target.database)})`);
  const answered = await wh.query<{ shard: number; has: number[] }>(
    `SELECT shard_num AS shard, [${has.join(', ')}] AS has FROM cluster(${cluster}, system.clusters) WHERE cluster = ${cluster} AND is_local`,
  );
  const all = await wh.query<{ shard: number }>(`SELECT DISTINCT shard_num AS shard FROM system.clusters WHERE cluster = ${cluster} ORDER BY shard`);
  const whole = new Set(answered.filter((r) => r.has.every((x) => Number(x) === 1)).map((r) => Number(r.shard)));
  return all.map((r) => Number(r.shard)).filter((s) => !whole.has(s));
}

async function run(wh: Warehouse, statements: string[]): Promise<void> {
  for (const sql of statements) await wh.command(sql);
}

/**
 * Creates whatever of the schema is missing. One server: every table. A cluster: the shards' local
 * tables (on the shard servers named in the config, else on this server), the Distributed tables
 * here, then a check of every shard; shards without the tables get them through `ON CLUSTER`, or
 * the error names them.
 */
export async function ensureWarehouseSchema(wh: Warehouse): Promise<void> {
  const target = targetOf(wh.config);
  if (target.cluster === null) return run(wh, shardStatements(target));
  for (const url of wh.config.shards ?? []) {
    const shard = wh.shard(url);
    try {
      await run(shard, shardStatements(target));
    } finally {
      await shard.close();
    }
  }
  await run(wh, shardStatements(target));
  await run(wh, distributedStatements(target));
  let missing = await shardsMissingTables(wh, target);
  if (missing.length === 0) return;
  try {
    await run(wh, shardStatements(target, { onCluster: true }));
    missing = await shardsMissingTables(wh, target);
  } catch {
    // No distributed DDL on this cluster: the administrator creates them (the message says how).
  }
  if (missing.length > 0) throw userError('not-found', 'warehouse.shard-missing-tables', { cluster: target.cluster, shards: missing.join(', ') });
}

/** Records the schema version and time zone when the warehouse has none yet. */
async function recordMeta(wh: Warehouse, meta: WarehouseMeta, timeZone: string): Promise<void> {
  const rows: { key: string; value: string }[] = [];
  if (meta.schemaVersion === null) rows.push({ key: 'schema_version', value: String(WAREHOUSE_SCHEMA_VERSION) });
  if (meta.timeZone === null) rows.push({ key: 'time_zone', value: timeZone });
  await wh.insert('nd_meta', rows);
}

export interface InitWarehouseOptions {
  /** The workspace's time zone; default: the warehouse's when it has one, else Asia/Seoul. */
  timeZone?: string;
  warehouse?: WarehouseOptions;
}

export interface InitWarehouseResult {
  workspace: string;
  serverVersion: string;
  database: string;
  cluster: string | null;
  timeZone: string;
  schemaVersion: number;
}

/** Removes a workspace file and its journal files (a workspace that could not be finished). */
function removeWorkspaceFile(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
}

/**
 * Makes a local workspace file that points at a ClickHouse warehouse, creating the warehouse's
 * tables where missing. Refuses an existing file before connecting; on any failure no file is left.
 */
export async function initWarehouseWorkspace(
  file: string,
  input: WarehouseConfig,
  password: string,
  options: InitWarehouseOptions = {},
): Promise<InitWarehouseResult> {
  const config = checkWarehouseConfig(input);
  const resolved = path.resolve(file);
  assertCreatable(resolved);
  const wh = new Warehouse(config, password, options.warehouse);
  let made = false;
  try {
    const serverVersion = await wh.version();
    await ensureWarehouseSchema(wh);
    const meta = await readWarehouseMeta(wh);
    const timeZone = options.timeZone ?? meta.timeZone ?? DEFAULT_TIME_ZONE;
    assertCompatible(meta, timeZone);
    await recordMeta(wh, meta, timeZone);
    made = true;
    await createWorkspaceFile(resolved, timeZone);
    const db = openDatabase(resolved);
    try {
      setWarehouseConfig(db, config);
    } finally {
      db.close();
    }
    return {
      workspace: resolved,
      serverVersion,
      database: config.database,
      cluster: config.cluster,
      timeZone,
      schemaVersion: meta.schemaVersion ?? WAREHOUSE_SCHEMA_VERSION,
    };
  } catch (error) {
    if (made) removeWorkspaceFile(resolved);
    throw error;
  } finally {
    await wh.close();
  }
}

/**
 * The warehouse of an existing ClickHouse workspace: before its first query, command or insert it
 * checks the warehouse's schema version and that its days are in the workspace's time zone, and
 * upgrades a warehouse of an older schema version.
 */
export class CheckedWarehouse extends Warehouse {
  private readonly timeZone: string;
  private checked: Promise<void> | null = null;

  constructor(config: WarehouseConfig, password: string, timeZone: string, options: WarehouseOptions = {}) {
    super(config, password, options);
    this.timeZone = timeZone;
  }

  /** Checks once (again after a failed check, e.g. a server that was down). */
  ready(): Promise<void> {
    if (!this.checked) {
      const plain = (sql: string) => Warehouse.prototype.query.call(this, sql) as Promise<{ key: string; value: string }[]>;
      this.checked = readWarehouseMeta({ query: plain, table: (n: string) => this.table(n) } as unknown as Warehouse)
        .then(async (meta) => {
          assertCompatible(meta, this.timeZone);
          if (meta.schemaVersion !== null && meta.schemaVersion < WAREHOUSE_SCHEMA_VERSION) {
            const direct = this.unchecked();
            try {
              await upgradeWarehouse(direct, meta.schemaVersion);
            } finally {
              await direct.close();
            }
          }
        })
        .catch((error: unknown) => {
          this.checked = null;
          throw error;
        });
    }
    return this.checked;
  }

  override async query<T>(sql: string, settings: ClickHouseSettings = {}): Promise<T[]> {
    await this.ready();
    return super.query<T>(sql, settings);
  }

  override async command(sql: string, settings: ClickHouseSettings = {}): Promise<void> {
    await this.ready();
    return super.command(sql, settings);
  }

  override async insert(table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
    await this.ready();
    return super.insert(table, rows);
  }

  override async maintain(sql: string, settings: ClickHouseSettings = {}): Promise<void> {
    await this.ready();
    return super.maintain(sql, settings);
  }
}
