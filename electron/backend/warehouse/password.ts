/**
 * Where a warehouse password comes from (never the workspace file or settings in clear):
 * in Electron, the OS keychain through `safeStorage` (the host's `secrets`); in browser mode, the CLI
 * and the tests, the environment variable `NOTICE_DESK_CLICKHOUSE_PASSWORD` or a file readable only
 * by its owner (`--password-file`, or `NOTICE_DESK_CLICKHOUSE_PASSWORD_FILE`).
 */
import fs from 'node:fs';
import { userError } from '../../../shared/contract/errors.ts';
import { displayUrl, type WarehouseConfig } from './client.ts';

export const PASSWORD_ENV = 'NOTICE_DESK_CLICKHOUSE_PASSWORD';
export const PASSWORD_FILE_ENV = 'NOTICE_DESK_CLICKHOUSE_PASSWORD_FILE';
const MAX_PASSWORD_BYTES = 4096;

/** A store of secrets the host keeps encrypted (Electron: safeStorage); keyed by URL and user. */
export interface SecretStore {
  get(key: string): string | null;
  /**
   * Keeps a secret: beyond this run when `remember` and the store can (`persistent`), else in
   * memory for this run only (and any copy kept from before is forgotten).
   */
  set(key: string, value: string, options?: { remember?: boolean }): void;
  delete(key: string): void;
  /** Whether `set(…, { remember: true })` keeps a secret beyond this run. */
  persistent(): boolean;
}

/** Secrets in memory only, for the life of the process (browser mode's bridge, tests). */
export class MemorySecretStore implements SecretStore {
  private readonly values = new Map<string, string>();
  get(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  set(key: string, value: string): void {
    this.values.set(key, value);
  }
  delete(key: string): void {
    this.values.delete(key);
  }
  persistent(): boolean {
    return false;
  }
}

/** The key a password is kept under: the server and the user (not the workspace). */
export function secretKey(config: WarehouseConfig): string {
  return `clickhouse:${displayUrl(config.url)}:${config.user}`;
}

/** Reads a password file: a regular file, owned by this user, not readable by group or others. */
export function readPasswordFile(file: string): string {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(file);
  } catch {
    throw userError('bad-input', 'warehouse.password-file', { file, reason: 'it does not exist' });
  }
  if (!st.isFile()) throw userError('bad-input', 'warehouse.password-file', { file, reason: 'it is not a regular file' });
  if (process.platform !== 'win32') {
    if ((st.mode & 0o077) !== 0) {
      throw userError('bad-input', 'warehouse.password-file', { file, reason: `others can read it (mode ${(st.mode & 0o777).toString(8)})` });
    }
    if (typeof process.getuid === 'function' && st.uid !== process.getuid()) {
      throw userError('bad-input', 'warehouse.password-file', { file, reason: 'it belongs to another user' });
    }
  }
  if (st.size > MAX_PASSWORD_BYTES) throw userError('bad-input', 'warehouse.password-file', { file, reason: 'it is larger than 4 KiB' });
  return fs.readFileSync(file, 'utf8').replace(/\r?\n$/, '');
}

export interface PasswordSources {
  /** An explicit file (`--password-file`). */
  passwordFile?: string | null;
  env?: NodeJS.ProcessEnv;
  secrets?: SecretStore | null;
}

/**
 * The password for a warehouse: the explicit file, then the environment, then the host's keychain.
 * Null when none of them has one (a server with no password for the user is legal: pass '').
 */
export function findPassword(config: WarehouseConfig, sources: PasswordSources = {}): string | null {
  const env = sources.env ?? process.env;
  if (sources.passwordFile) return readPasswordFile(sources.passwordFile);
  const fromEnv = env[PASSWORD_ENV];
  if (fromEnv !== undefined) return fromEnv;
  const envFile = env[PASSWORD_FILE_ENV];
  if (envFile) return readPasswordFile(envFile);
  return sources.secrets?.get(secretKey(config)) ?? null;
}

/** As `findPassword`, or a clear error naming the user and server and where a password may come from. */
export function requirePassword(config: WarehouseConfig, sources: PasswordSources = {}): string {
  const found = findPassword(config, sources);
  if (found === null) throw userError('unauthorized', 'warehouse.no-password', { user: config.user, url: displayUrl(config.url) });
  return found;
}
