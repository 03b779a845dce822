/**
 * The warehouse of an open workspace: null for a local workspace; for a ClickHouse workspace, one
 * connection made on first use with a password from the host's keychain or the environment.
 */
import type { WorkspaceSession } from '../context.ts';
import { workspaceTimeZone } from '../db/workspace-settings.ts';
import type { Warehouse } from './client.ts';
import { warehouseConfig } from './config.ts';
import { CheckedWarehouse } from './init.ts';
import { requirePassword, type PasswordSources } from './password.ts';

/** Whether the session's events live in a warehouse (no connection is made). */
export function isWarehouseSession(session: WorkspaceSession): boolean {
  return session.warehouse !== undefined || warehouseConfig(session.db) !== null;
}

/**
 * The session's warehouse connection, or null for a local workspace. Its first use checks the
 * warehouse's schema version and time zone against the workspace (init.ts).
 */
export function sessionWarehouse(session: WorkspaceSession, sources: PasswordSources = {}): Warehouse | null {
  if (session.warehouse) return session.warehouse;
  const config = warehouseConfig(session.db);
  if (config === null) return null;
  session.warehouse = new CheckedWarehouse(config, requirePassword(config, sources), workspaceTimeZone(session.db));
  return session.warehouse;
}
