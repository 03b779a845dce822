/**
 * `npm run bench:import` — times a canonical CSV import through the real code path (validation,
 * dedupe, rollups, one transaction) against the sqlite3 shell's `.import` of the same file into a
 * bare table, and prints rows/s, CPU time, peak memory and the ratio.
 *
 *   node scripts/bench-import.ts [--rows 1000000] [--big] [--runs 1] [--no-floor]
 *
 * `--big` uses 10,000,000 rows (~1 GB) to show that memory stays flat. Data is generated once
 * into the OS temp folder and reused. The machine may be shared: CPU-time figures are printed
 * beside wall-clock ones because they are less disturbed by other processes. After the run with
 * rollups it measures the write floor (bench-import-floor.ts): SQLite alone writing the rows that
 * import left, pre-built in memory — the most any importer could reach with the same tables.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { IMPORT_RESOURCE_LIMITS } from '../electron/backend/import/limits.ts';
import { bundleNodeEntry } from './build-electron.mjs';
import type { FloorResult } from './bench-import-floor.ts';

const here = path.dirname(new URL(import.meta.url).pathname);

interface Measure {
  wallMs: number;
  cpuMs: number;
  maxRssKiB: number;
  rows: number;
}

/**
 * The child process: a bare Node host (plain JavaScript, nothing else loaded) that runs the bundled
 * import worker with the app's heap limits, as the app's import queue does, and prints the
 * process's peak RSS. Arguments: bundle, csv, workspace, rollups (1/0), resource limits (JSON).
 */
const CHILD = `
const { Worker } = require('node:worker_threads');
const [bundle, csv, workspace, rollups, limits] = process.argv.slice(1);
const worker = new Worker(bundle, { workerData: { csv, workspace, rollups: rollups === '1' }, resourceLimits: JSON.parse(limits) });
worker.once('error', (e) => { console.error(e); process.exit(1); });
worker.once('message', async (m) => {
  await worker.terminate();
  process.stdout.write(JSON.stringify({ ...m, maxRssKiB: process.resourceUsage().maxRSS }) + '\\n');
});
`;

function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

function shellImport(csv: string, db: string, rows: number): Measure | null {
  if (!hasCommand('sqlite3')) {
    console.log('sqlite3 shell: NOT INSTALLED (apt-get install sqlite3) — no baseline, only our figures.');
    return null;
  }
  fs.rmSync(db, { force: true });
  const timed = hasCommand('/usr/bin/time');
  const args = ['-cmd', '.mode csv', db, `.import '${csv}' t`];
  const t0 = performance.now();
  const r = timed
    ? spawnSync('/usr/bin/time', ['-f', '%U %S %M', 'sqlite3', ...args], { encoding: 'utf8' })
    : spawnSync('sqlite3', args, { encoding: 'utf8' });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`sqlite3 failed: ${r.stderr}`);
  let cpuMs = NaN;
  let maxRssKiB = NaN;
  if (timed) {
    const last = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
    cpuMs = (last[0]! + last[1]!) * 1000;
    maxRssKiB = last[2]!;
  }
  fs.rmSync(db, { force: true });
  return { wallMs, cpuMs, maxRssKiB, rows };
}

/** Imports `csv` into a fresh workspace in a child process; with `floor`, then measures the write floor of what it wrote. */
function ours(bundle: string, csv: string, workspace: string, rollups: boolean, floor = false): Measure & { floor?: FloorResult } {
  const remove = () => { for (const f of [workspace, `${workspace}-wal`, `${workspace}-shm`]) fs.rmSync(f, { force: true }); };
  remove();
  const args = ['-e', CHILD, bundle, csv, workspace, rollups ? '1' : '0', JSON.stringify(IMPORT_RESOURCE_LIMITS)];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`import failed: ${r.stderr}`);
  const measure = JSON.parse(r.stdout.trim().split('\n').pop()!) as Measure;
  if (!floor) {
    remove();
    return measure;
  }
  const f = spawnSync(process.execPath, [path.join(here, 'bench-import-floor.ts'), workspace, `${workspace}.floor`], { encoding: 'utf8', maxBuffer: 1 << 20 });
  remove();
  if (f.status !== 0) throw new Error(`floor failed: ${f.stderr}`);
  return { ...measure, floor: JSON.parse(f.stdout.trim().split('\n').pop()!) as FloorResult };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const mib = (kib: number) => (Number.isNaN(kib) ? 'n/a' : `${(kib / 1024).toFixed(0)} MiB`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string' }, big: { type: 'boolean' }, runs: { type: 'string' },
      'skip-rollups-run': { type: 'boolean' }, 'no-floor': { type: 'boolean' },
    },
  });
  const rows = values.big ? 10_000_000 : Number(values.rows ?? 1_000_000);
  const runs = Number(values.runs ?? 1);
  const dir = path.join(os.tmpdir(), 'notice-desk-bench-import');
  fs.mkdirSync(dir, { recursive: true });
  const csv = path.join(dir, `canonical-v2-${rows}.csv`);
  if (!fs.existsSync(csv)) {
    const { writeSyntheticCsv } = await import('../electron/backend/import/synthetic-csv.ts');
    process.stdout.write(`Generating ${fmt(rows)} rows into ${csv} … `);
    await writeSyntheticCsv(csv, rows);
    console.log('done');
  }
  const size = fs.statSync(csv).size;
  // Inside the repository so the bundle finds the native modules in node_modules.
  const bundle = path.join(here, '..', 'node_modules', '.cache', 'notice-desk', 'bench-import-worker.cjs');
  await bundleNodeEntry('scripts/bench-import-worker.ts', bundle);
  console.log(`File: ${csv} (${fmt(rows)} rows, ${(size / 1024 ** 2).toFixed(0)} MiB), ${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)}`);
  for (let run = 1; run <= runs; run++) {
    const shell = shellImport(csv, path.join(dir, 'shell.db'), rows);
    const bare = ours(bundle, csv, path.join(dir, 'workspace.sqlite'), false);
    const mine = values['skip-rollups-run'] ? null : ours(bundle, csv, path.join(dir, 'workspace.sqlite'), true, !values['no-floor']);
    console.log(`\nRun ${run}/${runs}`);
    if (shell) {
      console.log(`  sqlite3 .import (bare table, no checks): ${fmt(rows / (shell.wallMs / 1000))} rows/s wall, ` +
        `${fmt(rows / (shell.cpuMs / 1000))} rows/s CPU, peak ${mib(shell.maxRssKiB)}`);
    }
    const line = (label: string, m: Measure) => {
      console.log(`  ${label}: ${fmt(m.rows / (m.wallMs / 1000))} rows/s wall, ${fmt(m.rows / (m.cpuMs / 1000))} rows/s CPU, ` +
        `peak ${mib(m.maxRssKiB)}` +
        (shell ? `; ratio to shell ${(shell.wallMs / m.wallMs).toFixed(2)}× wall, ${(shell.cpuMs / m.cpuMs).toFixed(2)}× CPU` : ''));
    };
    line('Notice Desk import, validate + dedupe (rollups off)', bare);
    if (mine) line('Notice Desk import, validate + dedupe + rollups', mine);
    if (mine?.floor) {
      const { tables, commitMs } = mine.floor;
      const events = tables[0]!.ms;
      const all = tables.reduce((t, x) => t + x.ms, commitMs);
      const rollupRows = tables.slice(1).reduce((t, x) => t + x.rows, 0);
      console.log(`  SQLite write floor (the rows that import left, pre-built in memory, written in one transaction): ` +
        `events ${(events / 1000).toFixed(1)} s, ${fmt(rollupRows)} rollup rows ${((all - events - commitMs) / 1000).toFixed(1)} s, ` +
        `commit ${(commitMs / 1000).toFixed(1)} s → ${fmt(rows / (all / 1000))} rows/s` +
        (shell ? `; ratio to shell ${(shell.wallMs / all).toFixed(2)}× (events alone ${(shell.wallMs / (events + commitMs)).toFixed(2)}×)` : ''));
      for (const t of tables) console.log(`    ${t.table.padEnd(28)} ${fmt(t.rows).padStart(10)} rows ${fmt(t.ms).padStart(7)} ms`);
    }
    console.log('  (target: ratio ≥ 0.5×, peak memory < 250 MiB and flat)');
  }
}

await main();
