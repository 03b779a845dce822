/**
 * The connection to a ClickHouse warehouse (docs/warehouse.md), through the official
 * `@clickhouse/client` over HTTP. Every failure becomes an `AppError` whose message names the
 * server, the user or the table; nothing waits forever (each request has a time limit, each query a
 * server-side `max_execution_time`).
 */
import { createClient, type ClickHouseClient, type ClickHouseSettings } from '@clickhouse/client';
import { AppError, userError } from '../../../shared/contract/errors.ts';
import { sqlIdent } from './sql.ts';

/** What a workspace file keeps about its warehouse (never the password). */
export interface WarehouseConfig {
  url: string;
  database: string;
  user: string;
  /** A cluster of the servers' `remote_servers` whose Distributed tables the app reads, or null. */
  cluster: string | null;
  /**
   * On a cluster without distributed DDL (`ON CLUSTER` needs ZooKeeper): the HTTP address of every
   * shard's server, where the importer and `imports:delete` delete an import's rows (ALTER … DELETE
   * runs on a shard's local tables only). Absent: deletes go through `ON CLUSTER`.
   */
  shards?: string[];
}

export interface WarehouseOptions {
  /** Seconds a page query may run on the server (`max_execution_time`); the request allows 5 more. */
  queryTimeoutSeconds?: number;
}

/** A safe form of the URL for messages: no user name or password, no query string. */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return '(invalid address)';
  }
}

/** Checks a warehouse URL: http(s), no credentials or query in it. */
export function checkWarehouseUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw userError('bad-input', 'warehouse.bad-url', { url: url.slice(0, 200) });
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.username || u.password || u.search || u.hash) {
    throw userError('bad-input', 'warehouse.bad-url', { url: displayUrl(url) });
  }
  return u.toString().replace(/\/$/, '');
}

const SERVER_CODE = /Code: (\d+)/;
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

/** The server's own message without its C++ decoration. */
function serverReason(message: string): string {
  const m = /DB::Exception: (.*?)(?:, e\.what\(\) = DB::Exception|$)/s.exec(message);
  return (m ? m[1]! : message).trim().slice(0, 500);
}

/** Turns anything the client threw into an AppError that names what failed. */
export function warehouseError(error: unknown, config: WarehouseConfig, timeoutSeconds: number): AppError {
  if (error instanceof AppError) return error;
  const url = displayUrl(config.url);
  const e = error as { code?: unknown; message?: unknown; name?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(error);
  const netCode = typeof e?.code === 'string' ? e.code : '';
  if (NETWORK_CODES.has(netCode) || /socket hang up|getaddrinfo/i.test(message)) {
    return userError('unavailable', 'warehouse.unreachable', { url, reason: netCode || message.slice(0, 120) });
  }
  if (/timeout/i.test(message) && !SERVER_CODE.test(message)) {
    return userError('unavailable', 'warehouse.timeout', { seconds: timeoutSeconds });
  }
  const server = SERVER_CODE.exec(message);
  const code = server ? Number(server[1]) : null;
  if (code === 192 || code === 193 || code === 194 || code === 516) {
    return userError('unauthorized', 'warehouse.auth', { url, user: config.user });
  }
  if (code === 60 || code === 81) {
    const table =
      /Table (\S+?)\.? (?:doesn't|does not) exist/.exec(message)?.[1] ??
      /Database (\S+?)\.? (?:doesn't|does not) exist/.exec(message)?.[1] ??
      /identifier '([^']+)'/.exec(message)?.[1] ??
      '?';
    return userError('not-found', 'warehouse.missing-table', { database: config.database, table });
  }
  if (code === 159 || code === 160) {
    return userError('unavailable', 'warehouse.timeout', { seconds: timeoutSeconds });
  }
  return userError('unavailable', 'warehouse.failed', { url, reason: serverReason(message) });
}

/** Seconds a statement of `Warehouse.maintain` may run. */
export const MAINTENANCE_SECONDS = 1800;

/** One warehouse connection: queries, commands and inserts, each bounded in time. */
export class Warehouse {
  readonly config: WarehouseConfig;
  readonly timeoutSeconds: number;
  private readonly client: ClickHouseClient;
  private readonly password: string;
  /** The connection of `maintain` (made on first use): the same server with the longer bound. */
  private maintenanceClient: ClickHouseClient | null = null;

  constructor(config: WarehouseConfig, password: string, options: WarehouseOptions = {}) {
    this.config = { ...config, url: checkWarehouseUrl(config.url) };
    this.password = password;
    sqlIdent(config.database);
    if (config.cluster !== null) sqlIdent(config.cluster);
    this.timeoutSeconds = options.queryTimeoutSeconds ?? 30;
    this.client = this.connect(this.timeoutSeconds);
  }

  private connect(seconds: number): ClickHouseClient {
    return createClient({
      url: this.config.url,
      username: this.config.user,
      password: this.password,
      request_timeout: (seconds + 5) * 1000,
      max_open_connections: 4,
      // The client would log every failed query with its settings; the caller reports errors itself.
      log: { level: 127 as never },
      clickhouse_settings: { output_format_json_quote_64bit_integers: 0 } as ClickHouseSettings,
    });
  }

  /** `database`.`name`: a table of this warehouse. */
  table(name: string): string {
    return `${sqlIdent(this.config.database)}.${sqlIdent(name)}`;
  }

  /** Rows of a SELECT, as objects (64-bit integers as numbers). */
  async query<T>(sql: string, settings: ClickHouseSettings = {}): Promise<T[]> {
    try {
      const rs = await this.client.query({
        query: sql,
        format: 'JSONEachRow',
        clickhouse_settings: { max_execution_time: this.timeoutSeconds, ...settings },
      });
      return await rs.json<T>();
    } catch (error) {
      throw warehouseError(error, this.config, this.timeoutSeconds);
    }
  }

  /** A statement with no result (DDL, ALTER … DELETE). */
  async command(sql: string, settings: ClickHouseSettings = {}): Promise<void> {
    try {
      await this.client.command({ query: sql, clickhouse_settings: settings });
    } catch (error) {
      throw warehouseError(error, this.config, this.timeoutSeconds);
    }
  }

  /**
   * A statement an import or a delete runs once over many rows (the first messages' refresh): bounded
   * by MAINTENANCE_SECONDS instead of a page's bound.
   */
  async maintain(sql: string, settings: ClickHouseSettings = {}): Promise<void> {
    this.maintenanceClient ??= this.connect(MAINTENANCE_SECONDS);
    try {
      await this.maintenanceClient.command({ query: sql, clickhouse_settings: { max_execution_time: MAINTENANCE_SECONDS, ...settings } });
    } catch (error) {
      throw warehouseError(error, this.config, MAINTENANCE_SECONDS);
    }
  }

  /**
   * Inserts rows into a table of this warehouse. On a cluster the Distributed table forwards them
   * to the shards before answering (`insert_distributed_sync`), so a finished import is readable.
   */
  async insert(table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
    if (rows.length === 0) return;
    sqlIdent(table);
    try {
      await this.client.insert({
        table: `${this.config.database}.${table}`,
        values: rows as Record<string, unknown>[],
        format: 'JSONEachRow',
        clickhouse_settings: this.config.cluster !== null ? ({ insert_distributed_sync: 1 } as ClickHouseSettings) : {},
      });
    } catch (error) {
      throw warehouseError(error, this.config, this.timeoutSeconds);
    }
  }

  /** The server's version (also a cheap check that it answers and accepts the user). */
  async version(): Promise<string> {
    const [row] = await this.query<{ v: string }>('SELECT version() AS v');
    return row?.v ?? '?';
  }

  /** Another connection with this one's settings (a subclass's checks left out). */
  protected unchecked(): Warehouse {
    return new Warehouse(this.config, this.password, { queryTimeoutSeconds: this.timeoutSeconds });
  }

  /** A connection to one shard's server (same user, password and database; its local tables by plain name). */
  shard(url: string): Warehouse {
    return new Warehouse({ url, database: this.config.database, user: this.config.user, cluster: null }, this.password, {
      queryTimeoutSeconds: this.timeoutSeconds,
    });
  }

  async close(): Promise<void> {
    await Promise.all([this.client.close(), this.maintenanceClient?.close()]);
  }
}
