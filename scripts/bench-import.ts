/**
 * `npm run bench:import` — times a canonical CSV import through the real code path (validation,
 * dedupe, rollups, one transaction) against the sqlite3 shell's `.import` of the same file into a
 * bare table, and prints rows/s, CPU time, peak memory and the ratio.
 *
 *   node scripts/bench-import.ts [--rows 1000000] [--big] [--runs 1] [--order both|time|shuffled]
 *                                [--no-floor] [--skip-rollups-run] [--no-bare] [--no-cli] [--no-second]
 *
 * `--big` uses 10,000,000 rows (~1 GB) to show that memory stays flat. Data is generated once
 * into the OS temp folder and reused: the file in send order, the same rows shuffled (`shuf` with a
 * fixed random source), and an overlapping export (a tenth of the rows: half of them the last rows
 * of the file, half new). Besides the shell and our import with rollups off and on, each run
 * measures, on the file in send order: `notice-desk import` (the CLI as users run it: TypeScript
 * sources, its import worker), a second import of the overlapping export into the workspace the
 * first left (rows read per second, against the first's), and deleting that import again. The machine may be shared: CPU-time figures are printed
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
import type { WorkerMode } from './bench-import-worker.ts';

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
 * process's peak RSS. Arguments: bundle, csv, workspace, rollups (1/0), resource limits (JSON), mode.
 */
const CHILD = `
const { Worker } = require('node:worker_threads');
const [bundle, csv, workspace, rollups, limits] = process.argv.slice(1);
const [, , , , , mode] = process.argv.slice(1);
const worker = new Worker(bundle, { workerData: { csv, workspace, rollups: rollups === '1', mode }, resourceLimits: JSON.parse(limits) });
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

function removeWorkspace(workspace: string): void {
  for (const f of [workspace, `${workspace}-wal`, `${workspace}-shm`]) fs.rmSync(f, { force: true });
}

/** Runs the bundled worker in a bare child process (`fresh`: a new workspace; `append`: into it; `remove`: delete its last import). */
function child(bundle: string, csv: string, workspace: string, rollups: boolean, mode: WorkerMode): Measure {
  const args = ['-e', CHILD, bundle, csv, workspace, rollups ? '1' : '0', JSON.stringify(IMPORT_RESOURCE_LIMITS), mode];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Measure;
}

/** Imports `csv` into a fresh workspace in a child process; with `floor`, then measures the write floor of what it wrote; with `keep`, leaves the workspace. */
function ours(bundle: string, csv: string, workspace: string, rollups: boolean, floor = false, keep = false): Measure & { floor?: FloorResult } {
  removeWorkspace(workspace);
  const measure = child(bundle, csv, workspace, rollups, 'fresh');
  if (!floor) {
    if (!keep) removeWorkspace(workspace);
    return measure;
  }
  const f = spawnSync(process.execPath, [path.join(here, 'bench-import-floor.ts'), workspace, `${workspace}.floor`], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (!keep) removeWorkspace(workspace);
  if (f.status !== 0) throw new Error(`floor failed: ${f.stderr}`);
  return { ...measure, floor: JSON.parse(f.stdout.trim().split('\n').pop()!) as FloorResult };
}

/** `notice-desk import` as users run it (the CLI's TypeScript sources and its import worker), timed with its peak RSS. */
function cliImport(csv: string, workspace: string, rows: number): Measure | null {
  if (!hasCommand('/usr/bin/time')) return null;
  removeWorkspace(workspace);
  const bin = path.join(here, '..', 'bin', 'notice-desk.js');
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, bin, 'import', csv, '--workspace', workspace, '--json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const wallMs = performance.now() - t0;
  removeWorkspace(workspace);
  if (r.status !== 0) throw new Error(`notice-desk import failed: ${r.stderr}`);
  const last = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { wallMs, cpuMs: (last[0]! + last[1]!) * 1000, maxRssKiB: last[2]!, rows };
}

/** The same rows in a fixed random order (header first), made once with `shuf`. */
function shuffledCopy(csv: string, out: string): void {
  if (fs.existsSync(out)) return;
  const tmp = `${out}.part`;
  const r = spawnSync('/bin/bash', ['-c', `(head -n 1 '${csv}'; tail -n +2 '${csv}' | shuf --random-source=<(yes)) > '${tmp}'`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`shuffling failed: ${r.stderr}`);
  fs.renameSync(tmp, out);
}

/** An overlapping export of `rows / 10` rows: the last half of those from `csv`, the rest new rows. */
async function overlapCopy(csv: string, rows: number, out: string): Promise<void> {
  if (fs.existsSync(out)) return;
  const part = Math.floor(rows / 20);
  const fresh = `${out}.new`;
  const { writeSyntheticCsv } = await import('../electron/backend/import/synthetic-csv.ts');
  await writeSyntheticCsv(fresh, part, 2);
  const r = spawnSync('/bin/bash', ['-c', `(cat '${fresh}'; tail -n ${part} '${csv}') > '${out}.part' && mv '${out}.part' '${out}'`], { encoding: 'utf8' });
  fs.rmSync(fresh, { force: true });
  if (r.status !== 0) throw new Error(`overlap file failed: ${r.stderr}`);
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const mib = (kib: number) => (Number.isNaN(kib) ? 'n/a' : `${(kib / 1024).toFixed(0)} MiB`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string' }, big: { type: 'boolean' }, runs: { type: 'string' }, order: { type: 'string' },
      'skip-rollups-run': { type: 'boolean' }, 'no-floor': { type: 'boolean' }, 'no-cli': { type: 'boolean' },
      'no-second': { type: 'boolean' }, 'no-bare': { type: 'boolean' },
    },
  });
  const rows = values.big ? 10_000_000 : Number(values.rows ?? 1_000_000);
  const runs = Number(values.runs ?? 1);
  const order = values.order ?? 'both';
  const dir = path.join(os.tmpdir(), 'notice-desk-bench-import');
  fs.mkdirSync(dir, { recursive: true });
  const csv = path.join(dir, `canonical-v2-${rows}.csv`);
  if (!fs.existsSync(csv)) {
    const { writeSyntheticCsv } = await import('../electron/backend/import/synthetic-csv.ts');
    process.stdout.write(`Generating ${fmt(rows)} rows into ${csv} … `);
    await writeSyntheticCsv(csv, rows);
    console.log('done');
  }
  const shuffled = path.join(dir, `canonical-v2-${rows}-shuffled.csv`);
  if (order !== 'time') shuffledCopy(csv, shuffled);
  const overlap = path.join(dir, `canonical-v2-${rows}-overlap.csv`);
  if (!values['no-second']) await overlapCopy(csv, rows, overlap);
  const size = fs.statSync(csv).size;
  // Inside the repository so the bundle finds the native modules in node_modules.
  const bundle = path.join(here, '..', 'node_modules', '.cache', 'notice-desk', 'bench-import-worker.cjs');
  await bundleNodeEntry('scripts/bench-import-worker.ts', bundle);
  console.log(`File: ${csv} (${fmt(rows)} rows, ${(size / 1024 ** 2).toFixed(0)} MiB), ${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)}`);
  const workspace = path.join(dir, 'workspace.sqlite');
  const files = [
    ...(order !== 'shuffled' ? [{ label: 'in send order', file: csv, time: true }] : []),
    ...(order !== 'time' ? [{ label: 'shuffled', file: shuffled, time: false }] : []),
  ];
  for (let run = 1; run <= runs; run++) {
    for (const { label, file, time } of files) {
      const shell = shellImport(file, path.join(dir, 'shell.db'), rows);
      const bare = values['no-bare'] ? null : ours(bundle, file, workspace, false);
      const keep = time && !values['no-second'];
      const mine = values['skip-rollups-run'] ? null : ours(bundle, file, workspace, true, !values['no-floor'] && time, keep);
      console.log(`\nRun ${run}/${runs}, ${fmt(rows)} rows ${label}`);
      if (shell) {
        console.log(`  sqlite3 .import (bare table, no checks): ${fmt(rows / (shell.wallMs / 1000))} rows/s wall, ` +
          `${fmt(rows / (shell.cpuMs / 1000))} rows/s CPU, peak ${mib(shell.maxRssKiB)}`);
      }
      const line = (what: string, m: Measure, vsShell = true) => {
        console.log(`  ${what}: ${fmt(m.rows / (m.wallMs / 1000))} rows/s wall, ${fmt(m.rows / (m.cpuMs / 1000))} rows/s CPU, ` +
          `${(m.wallMs / 1000).toFixed(1)} s, peak ${mib(m.maxRssKiB)}` +
          (shell && vsShell ? `; ratio to shell ${(shell.wallMs / m.wallMs).toFixed(2)}× wall, ${(shell.cpuMs / m.cpuMs).toFixed(2)}× CPU` : ''));
      };
      if (bare) line('Notice Desk import, validate + dedupe (rollups off)', bare);
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
      if (mine && keep) {
        const second = child(bundle, overlap, workspace, true, 'append');
        line(`Second import, an overlapping export (${fmt(second.rows)} rows, half already there)`, second, false);
        const firstRate = mine.rows / mine.wallMs;
        console.log(`    its rows/s are ${((second.rows / second.wallMs) / firstRate).toFixed(2)}× the first import's (target ≥ 0.5×)`);
        const removed = child(bundle, overlap, workspace, true, 'remove');
        console.log(`  Deleting that import (${fmt(removed.rows)} rows) from the ${fmt(rows)}-row workspace: ` +
          `${(removed.wallMs / 1000).toFixed(1)} s, peak ${mib(removed.maxRssKiB)} (target < 30 s)`);
        removeWorkspace(workspace);
      }
      if (time && !values['no-cli']) {
        const cli = cliImport(file, workspace, rows);
        if (cli) line('notice-desk import (the CLI: TypeScript sources, its import worker)', cli);
      }
    }
    console.log('  (targets: ratio ≥ 0.25× in send order and shuffled, goal 0.5×; peak memory < 250 MiB and flat, app worker and CLI)');
  }
}

await main();
