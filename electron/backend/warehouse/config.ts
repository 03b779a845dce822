/**
 * Which warehouse a workspace file points at (docs/warehouse.md). The local SQLite file keeps the
 * URL, database, user and cluster — never the password — under the `warehouse` meta key. A workspace
 * file is not trusted: the stored value is validated before anything connects to it.
 */
import { userError } from '../../../shared/contract/errors.ts';
import type { Db } from '../db/connection.ts';
import { getMeta, setMeta } from '../db/meta-repo.ts';
import { checkWarehouseUrl, type WarehouseConfig } from './client.ts';
import { isPlainIdent } from './sql.ts';

const KEY = 'warehouse';

/** Validates a warehouse config from any source (CLI flags, the connect dialog, a workspace file). */
export function checkWarehouseConfig(input: unknown): WarehouseConfig {
  const v = (input ?? {}) as Record<string, unknown>;
  const str = (x: unknown) => (typeof x === 'string' ? x : '');
  const url = checkWarehouseUrl(str(v.url));
  const database = str(v.database) || 'notice_desk';
  const user = str(v.user) || 'default';
  const cluster = v.cluster === null || v.cluster === undefined || v.cluster === '' ? null : str(v.cluster);
  if (!isPlainIdent(database)) throw userError('bad-input', 'warehouse.bad-name', { name: database.slice(0, 80), what: 'database' });
  if (cluster !== null && !isPlainIdent(cluster)) {
    throw userError('bad-input', 'warehouse.bad-name', { name: cluster.slice(0, 80), what: 'cluster' });
  }
  if (user.length > 128 || [...user].some((c) => c.charCodeAt(0) < 0x20)) {
    throw userError('bad-input', 'warehouse.bad-name', { name: user.slice(0, 80), what: 'user' });
  }
  const shards = Array.isArray(v.shards) && cluster !== null ? v.shards.slice(0, 256).map((s) => checkWarehouseUrl(str(s))) : [];
  return shards.length > 0 ? { url, database, user, cluster, shards } : { url, database, user, cluster };
}

/** The warehouse a workspace points at, or null for a local workspace. */
export function warehouseConfig(db: Db): WarehouseConfig | null {
  const stored = getMeta<unknown>(db, KEY, null);
  if (stored === null) return null;
  return checkWarehouseConfig(stored);
}

/** Makes a workspace point at a warehouse. */
export function setWarehouseConfig(db: Db, config: WarehouseConfig): void {
  setMeta(db, KEY, checkWarehouseConfig(config));
}
