/**
 * The warehouse code run on the CURRENT ClickHouse release, in-process: chDB (npm `chdb`) behind the
 * same `Warehouse` surface (query, command, insert, version), so that the product's own import and
 * metric SQL — proved on 18.16 against real servers — are proved on today's release too.
 * Test-only: the app always talks to a server over HTTP. chDB holds one data folder per process, so
 * every warehouse of a test process shares one session (each test uses a database of its own).
 */
import { Session } from 'chdb';
import { Warehouse, warehouseError, type WarehouseConfig } from '../../electron/backend/warehouse/client.ts';

export const CHDB_URL = 'http://chdb.invalid:8123';

let shared: Session | null = null;
function session(): Session {
  if (!shared) {
    shared = new Session();
    shared.query('SET output_format_json_quote_64bit_integers = 0');
  }
  return shared;
}

/**
 * The process's chDB calls, one at a time. The metric code sends several queries at once (as the
 * app does to a server); the bundled libchdb is not safe under that on one session: a test process
 * running them in parallel was killed by SIGSEGV or a V8 fatal error now and then, mostly on a
 * loaded machine. A server answers them in parallel; here each waits for the one before.
 */
let tail: Promise<unknown> = Promise.resolve();
function serial<T>(run: () => Promise<T>): Promise<T> {
  const next = tail.then(run, run);
  tail = next.catch(() => undefined);
  return next;
}

/** Closes the process's chDB session (after a test file), once every call sent to it has ended. */
export async function closeChdb(): Promise<void> {
  await tail;
  shared?.close();
  shared = null;
}

export class ChdbWarehouse extends Warehouse {
  constructor(database: string) {
    const config: WarehouseConfig = { url: CHDB_URL, database, user: 'default', cluster: null };
    super(config, '');
  }

  private fail(error: unknown): never {
    const e = error as { clickhouseCode?: number; message?: string };
    const shaped = e?.clickhouseCode !== undefined ? new Error(`Code: ${e.clickhouseCode}. DB::Exception: ${e.message ?? ''}`) : error;
    throw warehouseError(shaped, this.config, this.timeoutSeconds);
  }

  override async query<T>(sql: string): Promise<T[]> {
    try {
      const text = (await serial(() => session().queryAsync(sql, { format: 'JSONEachRow' }))).text().trim();
      return text === '' ? [] : text.split('\n').map((line) => JSON.parse(line) as T);
    } catch (error) {
      return this.fail(error);
    }
  }

  override async command(sql: string): Promise<void> {
    try {
      await serial(() => session().queryAsync(sql));
    } catch (error) {
      this.fail(error);
    }
  }

  override async maintain(sql: string): Promise<void> {
    return this.command(sql);
  }

  override async insert(table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
    if (rows.length === 0) return;
    try {
      await serial(() => session().insert({ table: `${this.config.database}.${table}`, values: rows as Record<string, unknown>[] }));
    } catch (error) {
      this.fail(error);
    }
  }
}
