import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../../package.json' with { type: 'json' };
import { buildElectron, nodeExternals } from '../../../scripts/build-electron.mjs';
import { runJob } from '../../../electron/backend/jobs/run-job.ts';
import { appPaths, unpackedPath } from '../../../electron/main/paths.ts';
import { tempDir } from '../helpers/tmp.ts';

/** Every module a CommonJS bundle still requires at run time. */
function requires(file: string): string[] {
  const code = fs.readFileSync(file, 'utf8');
  return [...new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!))].sort();
}

/** The bundle's requires that are neither Node built-ins nor ajv's code-generation strings. */
function packageRequires(file: string): string[] {
  return requires(file).filter((m) => !m.startsWith('node:') && !builtinModules.includes(m) && !m.startsWith('ajv'));
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

  it('leaves main and the worker requiring only electron and packed production dependencies', () => {
    const packed = new Set(Object.keys(pkg.dependencies));
    for (const bundle of ['main.cjs', 'worker.cjs']) {
      const needed = packageRequires(path.join(outdir, bundle));
      expect(needed.filter((m) => m !== 'electron' && !packed.has(m)), bundle).toEqual([]);
      expect(needed, bundle).toContain('better-sqlite3');
    }
    expect(packageRequires(path.join(outdir, 'main.cjs'))).toContain('electron');
    expect(nodeExternals).not.toContain('electron-store');
    for (const bundle of ['main.cjs', 'worker.cjs']) {
      expect(fs.readFileSync(path.join(outdir, bundle), 'utf8'), bundle).not.toContain('import.meta');
    }
  });

  it('never inlines a module that reads data files beside its own sources (pdfkit fonts)', () => {
    for (const bundle of ['main.cjs', 'worker.cjs']) {
      expect(fs.readFileSync(path.join(outdir, bundle), 'utf8'), bundle).not.toContain('/data/Helvetica.afm');
    }
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
