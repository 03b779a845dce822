import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../../scripts/build-electron.mjs';
import { runJob } from '../../../electron/backend/jobs/run-job.ts';
import { appPaths, unpackedPath } from '../../../electron/main/paths.ts';
import { tempDir } from '../helpers/tmp.ts';

/** Every module a CommonJS bundle still requires at run time. */
function requires(file: string): string[] {
  const code = fs.readFileSync(file, 'utf8');
  return [...new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!))].sort();
}

describe('the Electron bundles', () => {
  let outdir: string;
  const saved = process.env.NOTICE_DESK_WORKER_FILE;
  beforeAll(async () => {
    // Inside the project, so the bundles resolve better-sqlite3 from its node_modules as in the app.
    fs.mkdirSync(path.join(process.cwd(), '.tmp'), { recursive: true });
    outdir = fs.mkdtempSync(path.join(process.cwd(), '.tmp', 'shell-bundle-'));
    await buildElectron({ outdir });
  });
  afterAll(() => {
    fs.rmSync(outdir, { recursive: true, force: true });
    if (saved === undefined) delete process.env.NOTICE_DESK_WORKER_FILE;
    else process.env.NOTICE_DESK_WORKER_FILE = saved;
  });

  it('builds main, preload and worker as CommonJS files', () => {
    for (const name of ['main.cjs', 'preload.cjs', 'worker.cjs']) {
      expect(fs.statSync(path.join(outdir, name)).size, name).toBeGreaterThan(1000);
    }
  });

  it('leaves the sandboxed preload requiring nothing but electron', () => {
    expect(requires(path.join(outdir, 'preload.cjs'))).toEqual(['electron']);
  });

  it('keeps electron and the native better-sqlite3 external to main and the worker', () => {
    const main = requires(path.join(outdir, 'main.cjs')).filter((m) => !m.startsWith('node:') && !m.startsWith('ajv'));
    expect(main).toEqual(['better-sqlite3', 'electron']);
    const worker = requires(path.join(outdir, 'worker.cjs')).filter((m) => !m.startsWith('node:'));
    expect(worker).toEqual(['better-sqlite3']);
    expect(fs.readFileSync(path.join(outdir, 'main.cjs'), 'utf8')).not.toContain('import.meta');
  });

  it('runs a real job in the bundled worker: migrating a new workspace', async () => {
    process.env.NOTICE_DESK_WORKER_FILE = path.join(outdir, 'worker.cjs');
    const file = path.join(tempDir(), 'bundled.sqlite');
    const phases: string[] = [];
    await runJob('workspace:migrate', { path: file }, { onProgress: (r) => phases.push(r.phase) });
    const db = new Database(file, { readonly: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    db.close();
    expect(version).toBeGreaterThanOrEqual(1);
    expect(phases.length).toBeGreaterThan(0);
  });
});

describe('the packaged paths', () => {
  it('point the worker into app.asar.unpacked, where a worker thread can load it', () => {
    const p = appPaths(path.join('/opt/Notice Desk/resources/app.asar', 'dist-electron'));
    expect(p.worker).toBe(path.join('/opt/Notice Desk/resources/app.asar.unpacked', 'dist-electron', 'worker.cjs'));
    expect(p.preload).toBe(path.join('/opt/Notice Desk/resources/app.asar', 'dist-electron', 'preload.cjs'));
    expect(p.rendererDir).toBe(path.join('/opt/Notice Desk/resources/app.asar', 'dist', 'renderer'));
    expect(p.resourcesDir).toBe(path.join('/opt/Notice Desk/resources/app.asar', 'resources'));
    expect(unpackedPath('C:\\Notice Desk\\resources\\app.asar\\dist-electron\\worker.cjs')).toBe(
      'C:\\Notice Desk\\resources\\app.asar.unpacked\\dist-electron\\worker.cjs',
    );
    expect(unpackedPath('/src/notice-desk/dist-electron/worker.cjs')).toBe('/src/notice-desk/dist-electron/worker.cjs');
  });
});
