import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { KeychainSecretStore, type SafeStorageLike } from '../../../electron/main/keychain.ts';
import type { KeyValueStoreOptions } from '../../../electron/main/settings-store.ts';
import { tempDir } from '../helpers/tmp.ts';

const PASSWORD = 'pa$$-wörd-비밀-42';
const KEY = 'clickhouse:http://ch.example:8123:analyst';

/**
 * A reversible stand-in for Electron's safeStorage: XOR with a key the "OS" holds, so the sealed
 * bytes never contain the clear text. `available` mimics a system without a keychain.
 */
function testSafeStorage(options: { available?: boolean; key?: number } = {}) {
  const key = options.key ?? 0x5a;
  const calls = { encrypt: 0, decrypt: 0 };
  const xor = (buf: Buffer) => Buffer.from(buf.map((b) => b ^ key));
  const storage: SafeStorageLike = {
    isEncryptionAvailable: () => options.available ?? true,
    encryptString: (text) => {
      calls.encrypt++;
      return Buffer.concat([Buffer.from('v10'), xor(Buffer.from(text, 'utf8'))]);
    },
    decryptString: (sealed) => {
      calls.decrypt++;
      if (sealed.subarray(0, 3).toString() !== 'v10') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      const text = xor(sealed.subarray(3)).toString('utf8');
      if (key !== 0x5a) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return text;
    },
  };
  return { storage, calls };
}

/** The real library electron-store wraps, as the app configures electron-store. */
const create = (o: KeyValueStoreOptions) =>
  new Conf<Record<string, unknown>>({ cwd: o.cwd, configName: o.name, projectName: 'notice-desk-test', clearInvalidConfig: o.clearInvalidConfig, defaults: o.defaults });

function store(dir: string, safe: SafeStorageLike) {
  return new KeychainSecretStore({ safeStorage: safe, cwd: dir, create });
}

describe('the keychain store of warehouse passwords (safeStorage)', () => {
  it('remembers a password across restarts as ciphertext only: the file never holds it in clear', () => {
    const dir = tempDir('keychain-');
    const { storage, calls } = testSafeStorage();
    const first = store(dir, storage);
    expect(first.persistent()).toBe(true);
    first.set(KEY, PASSWORD, { remember: true });
    expect(first.get(KEY)).toBe(PASSWORD);

    const file = path.join(dir, 'secrets.json');
    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(Buffer.from(PASSWORD).toString('base64'));
    const sealed = (JSON.parse(text) as { secrets: Record<string, string> }).secrets[KEY]!;
    expect(Buffer.from(sealed, 'base64').subarray(0, 3).toString()).toBe('v10');
    // No settings file is touched: the password lives in its own file.
    expect(fs.readdirSync(dir).sort()).toEqual(['secrets.json']);

    const second = store(dir, storage);
    expect(second.get(KEY)).toBe(PASSWORD);
    expect(calls.decrypt).toBe(1);
    expect(second.get('clickhouse:http://other:8123:analyst')).toBeNull();
  });

  it('keeps a password it is not to remember for this run only, and forgets one remembered before', () => {
    const dir = tempDir('keychain-');
    const { storage } = testSafeStorage();
    const s = store(dir, storage);
    s.set(KEY, 'old-password', { remember: true });
    s.set(KEY, PASSWORD, { remember: false });
    expect(s.get(KEY)).toBe(PASSWORD);
    expect(store(dir, storage).get(KEY)).toBeNull();
    expect(fs.readFileSync(path.join(dir, 'secrets.json'), 'utf8')).not.toContain(PASSWORD);
  });

  it('refuses to write anything where the system offers no encryption: the password is kept for this run only', () => {
    const dir = tempDir('keychain-');
    const { storage, calls } = testSafeStorage({ available: false });
    const s = store(dir, storage);
    expect(s.persistent()).toBe(false);
    s.set(KEY, PASSWORD, { remember: true });
    expect(s.get(KEY)).toBe(PASSWORD);
    expect(calls.encrypt).toBe(0);
    expect(fs.existsSync(path.join(dir, 'secrets.json'))).toBe(false);
    expect(store(dir, storage).get(KEY)).toBeNull();
  });

  it('deletes a password from memory and from the file', () => {
    const dir = tempDir('keychain-');
    const { storage } = testSafeStorage();
    const s = store(dir, storage);
    s.set(KEY, PASSWORD, { remember: true });
    s.set('other', 'x', { remember: true });
    s.delete(KEY);
    expect(s.get(KEY)).toBeNull();
    expect(store(dir, storage).get(KEY)).toBeNull();
    expect(store(dir, storage).get('other')).toBe('x');
  });

  it('treats a password sealed under another keychain as missing, and a file that is not JSON as empty', () => {
    const dir = tempDir('keychain-');
    store(dir, testSafeStorage().storage).set(KEY, PASSWORD, { remember: true });
    const other = store(dir, testSafeStorage({ key: 0x33 }).storage);
    expect(other.get(KEY)).toBeNull();
    // And it is dropped, so it does not fail on every launch.
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'secrets.json'), 'utf8'))).toEqual({ secrets: {} });

    const broken = tempDir('keychain-');
    fs.writeFileSync(path.join(broken, 'secrets.json'), '{"secrets": {"x": "AAA');
    const s = store(broken, testSafeStorage().storage);
    expect(s.get(KEY)).toBeNull();
    s.set(KEY, PASSWORD, { remember: true });
    expect(store(broken, testSafeStorage().storage).get(KEY)).toBe(PASSWORD);
    expect(fs.readdirSync(broken).some((f) => f.startsWith('secrets.json.corrupt-'))).toBe(true);
  });
});
