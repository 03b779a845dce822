/**
 * Electron's store of warehouse passwords (docs/warehouse.md): each password encrypted by the OS
 * keychain through `safeStorage` (macOS Keychain, Windows DPAPI, libsecret/kwallet on Linux) and
 * kept, as base64 ciphertext only, in its own file beside the settings (`secrets.json`). Where the
 * system offers no encryption (`isEncryptionAvailable()` false) nothing is written: the password is
 * kept in memory for this run only, and the connect dialog says so. `safeStorage` and the file's
 * store are injected, so the tests run it without Electron.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SecretStore } from '../backend/warehouse/password.ts';
import type { KeyValueStore, KeyValueStoreOptions } from './settings-store.ts';

/** The part of Electron's `safeStorage` used here. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

const FIELD = 'secrets';

export class KeychainSecretStore implements SecretStore {
  private readonly safeStorage: SafeStorageLike;
  private readonly create: (options: KeyValueStoreOptions) => KeyValueStore;
  private readonly cwd: string;
  private readonly name: string;
  private store: KeyValueStore | null = null;
  /** This run's passwords (remembered ones too, once read or set). */
  private readonly session = new Map<string, string>();
  /** Where the ciphertext is kept. */
  readonly file: string;

  constructor(input: { safeStorage: SafeStorageLike; cwd: string; name?: string; create: (options: KeyValueStoreOptions) => KeyValueStore }) {
    this.safeStorage = input.safeStorage;
    this.create = input.create;
    this.cwd = input.cwd;
    this.name = input.name ?? 'secrets';
    this.file = path.join(this.cwd, `${this.name}.json`);
  }

  persistent(): boolean {
    try {
      return this.safeStorage.isEncryptionAvailable();
    } catch {
      return false;
    }
  }

  get(key: string): string | null {
    const known = this.session.get(key);
    if (known !== undefined) return known;
    const sealed = this.sealed()[key];
    if (typeof sealed !== 'string' || !this.persistent()) return null;
    try {
      const value = this.safeStorage.decryptString(Buffer.from(sealed, 'base64'));
      this.session.set(key, value);
      return value;
    } catch {
      // Sealed under another keychain (another user, a reset keychain): as if never kept.
      this.write(key, null);
      return null;
    }
  }

  set(key: string, value: string, options: { remember?: boolean } = {}): void {
    this.session.set(key, value);
    if (options.remember && this.persistent()) {
      this.write(key, this.safeStorage.encryptString(value).toString('base64'));
    } else {
      // Not to be remembered (or no keychain to seal it): any copy kept from before goes.
      this.write(key, null);
    }
  }

  delete(key: string): void {
    this.session.delete(key);
    this.write(key, null);
  }

  private open(): KeyValueStore {
    if (this.store) return this.store;
    const options: KeyValueStoreOptions = { cwd: this.cwd, name: this.name, clearInvalidConfig: false, defaults: { [FIELD]: {} } };
    try {
      this.store = this.create(options);
    } catch (error) {
      // A file that is not JSON: moved aside (its ciphertext is useless to anyone else anyway).
      if (!(error instanceof SyntaxError) || !fs.existsSync(this.file)) throw error;
      fs.renameSync(this.file, `${this.file}.corrupt-${Date.now()}`);
      this.store = this.create(options);
    }
    return this.store;
  }

  private sealed(): Record<string, string> {
    if (!fs.existsSync(this.file) && !this.store) return {};
    const value = this.open().store[FIELD];
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'));
  }

  private write(key: string, sealed: string | null): void {
    const all = this.sealed();
    if (sealed === null && !(key in all)) return;
    if (sealed === null) delete all[key];
    else all[key] = sealed;
    this.open().set({ [FIELD]: all });
  }
}
