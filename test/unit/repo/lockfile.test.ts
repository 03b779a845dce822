import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm ci` refuses a lock file in which a locked package's dependency has no entry. An `npm install` on a
// machine whose registry mirror lacks another platform's optional binaries (the chDB libraries for macOS
// and Linux arm64 are missing here) writes exactly such a lock file, and CI on a fresh machine then fails
// in its first seconds. This is the same check, offline.

const root = path.resolve(import.meta.dirname, '../../..');

interface LockEntry {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}
interface Lock {
  packages: Record<string, LockEntry>;
}

/** The lock entry npm resolves `name` to from the package at `from` (node_modules lookup, nearest first). */
function resolve(lock: Lock, from: string, name: string): string | undefined {
  let dir = from;
  for (;;) {
    const candidate = `${dir === '' ? '' : `${dir}/`}node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (dir === '') return undefined;
    const at = dir.lastIndexOf('/node_modules/');
    dir = at === -1 ? '' : dir.slice(0, at);
  }
}

function unresolved(lock: Lock): string[] {
  const missing: string[] = [];
  for (const [where, entry] of Object.entries(lock.packages)) {
    const wanted = { ...entry.dependencies, ...entry.optionalDependencies, ...(where === '' ? entry.devDependencies : {}) };
    for (const name of Object.keys(wanted)) {
      if (!resolve(lock, where, name)) missing.push(`${name} (wanted by ${where || 'the project'})`);
    }
  }
  return missing;
}

describe('package-lock.json', () => {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as Lock;

  it('has an entry for every dependency of every locked package, optional platform binaries included', () => {
    expect(unresolved(lock)).toEqual([]);
  });

  it('locks every platform binary chDB may load, not only this machine’s', () => {
    const chdb = lock.packages['node_modules/chdb'];
    expect(Object.keys(chdb?.optionalDependencies ?? {}).length).toBeGreaterThan(1);
    for (const name of Object.keys(chdb?.optionalDependencies ?? {})) expect(lock.packages[`node_modules/${name}`], name).toBeDefined();
  });

  it('the check fails on a lock file without them', () => {
    const stripped: Lock = { packages: { ...lock.packages } };
    delete stripped.packages['node_modules/@chdb/lib-darwin-arm64'];
    expect(unresolved(stripped)).toContain('@chdb/lib-darwin-arm64 (wanted by node_modules/chdb)');
  });
});
