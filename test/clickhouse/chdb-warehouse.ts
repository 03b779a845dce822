/**
 * The warehouse code run on the CURRENT ClickHouse release, in-process: chDB (npm `chdb`) behind the
 * same `Warehouse` surface (query, command, insert, version), so that the product's own import and
 * metric SQL — proved on 18.16 against real servers — are proved on today's release too.
 * Test-only: the app always talks to a server over HTTP.
 */
import { Session } from 'chdb';
import { Warehouse, warehouseError, type WarehouseConfig } from '../../electron/backend/warehouse/client.ts';

export const CHDB_URL = 'http://chdb.invalid:8123';

export class ChdbWarehouse extends Warehouse {
  private readonly session: Session;

  constructor(database: string) {
    const config: WarehouseConfig = { url: CHDB_URL, database, user: 'default', cluster: null };
    super(config, '');
    this.session = new Session();
    this.session.query('SET output_format_json_quote_64bit_integers = 0');
  }

  private fail(error: unknown): never {
    const e = error as { clickhouseCode?: number; message?: string };
    const message = e?.clickhouseCode !== undefined ? `Code: ${e.clickhouseCode}. DB::Exception: ${e.message ?? ''}` : error;
    throw warehouseError(message instanceof Error || typeof message !== 'string' ? message : new Error(message), this.config, this.timeoutSeconds);
  }

  override async query<T>(sql: string): Promise<T[]> {
    try {
      const r = await this.session.queryAsync(sql, { format: 'JSONEachRow' });
      const text = r.text();
      return text.trim() === '' ? [] : text.trim().split('\n').map((line) => JSON.parse(line) as T);
    } catch (error) {
      return this.fail(error);
    }
  }

  override async command(sql: string): Promise<void> {
    try {
      await this.session.queryAsync(sql);
    } catch (error) {
      this.fail(error);
    }
  }

  override async insert(table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
    if (rows.length === 0) return;
    try {
      await this.session.insert({ table: `${this.config.database}.${table}`, values: rows as Record<string, unknown>[] });
    } catch (error) {
      this.fail(error);
    }
  }

  override async close(): Promise<void> {
    this.session.close();
    await super.close();
  }
}
