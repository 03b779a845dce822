/**
 * `npm run bench:import` — times a canonical CSV import through the real code path (validation,
 * dedupe, rollups, one transaction) against the sqlite3 shell's `.import` of the same file into a
 * bare table, and prints rows/s, CPU time, peak memory and the ratio.
 *
 *   node scripts/bench-import.ts [--rows 1000000] [--big] [--runs 1]
 *
 * `--big` uses 10,000,000 rows (~1 GB) to show that memory stays flat. Data is generated once
 * into the OS temp folder and reused. The machine may be shared: CPU-time figures are printed
 * beside wall-clock ones because they are less disturbed by other processes.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const here = path.dirname(new URL(import.meta.url).pathname);

interface Measure {
  wallMs: number;
  cpuMs: number;
  maxRssKiB: number;
  rows: number;
}

/** The child process: imports the file in a worker thread with the app's heap limits (as the app does). */
async function child(csv: string, workspace: string, rollups: boolean): Promise<void> {
  const { IMPORT_RESOURCE_LIMITS } = await import('../electron/backend/import/import-queue.ts');
  const { createWorkspaceFile } = await import('../electron/backend/workspace.ts');
  await createWorkspaceFile(workspace);
  const worker = new Worker(new URL(import.meta.url), {
    workerData: { csv, workspace, rollups },
    resourceLimits: IMPORT_RESOURCE_LIMITS,
  });
  const measure = await new Promise<Measure>((resolve, reject) => {
    worker.once('message', (m: Measure) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`import worker exited (${code})`)));
  });
  await worker.terminate();
  process.stdout.write(JSON.stringify({ ...measure, maxRssKiB: process.resourceUsage().maxRSS }) + '\n');
}

/** Inside the worker: the real import path (importFiles), with the rollups on or off. */
async function importInWorker(): Promise<void> {
  const { csv, workspace, rollups } = workerData as { csv: string; workspace: string; rollups: boolean };
  const { openDatabase } = await import('../electron/backend/db/connection.ts');
  const { importFiles } = await import('../electron/backend/import/import-files.ts');
  const db = openDatabase(workspace);
  const noop = () => ({ addNotification() {}, addConsent() {}, addUrl() {}, flush() {} });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const [r] = await importFiles(db, [csv], rollups ? {} : { rollups: noop });
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  db.close();
  if (!r || r.error) throw new Error(r?.error?.message ?? 'no result');
  const out: Measure = { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, maxRssKiB: 0, rows: r.imported };
  parentPort!.postMessage(out);
}

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

function ours(csv: string, workspace: string, rollups: boolean): Measure {
  for (const f of [workspace, `${workspace}-wal`, `${workspace}-shm`]) fs.rmSync(f, { force: true });
  const r = spawnSync(process.execPath, [path.join(here, 'bench-import.ts'), '--child', csv, workspace, ...(rollups ? [] : ['--no-rollups'])], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`import failed: ${r.stderr}`);
  for (const f of [workspace, `${workspace}-wal`, `${workspace}-shm`]) fs.rmSync(f, { force: true });
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Measure;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const mib = (kib: number) => (Number.isNaN(kib) ? 'n/a' : `${(kib / 1024).toFixed(0)} MiB`);

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      rows: { type: 'string' }, big: { type: 'boolean' }, runs: { type: 'string' }, child: { type: 'boolean' },
      'no-rollups': { type: 'boolean' }, 'skip-rollups-run': { type: 'boolean' },
    },
  });
  if (values.child) return child(positionals[0]!, positionals[1]!, !values['no-rollups']);
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
  console.log(`File: ${csv} (${fmt(rows)} rows, ${(size / 1024 ** 2).toFixed(0)} MiB), ${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)}`);
  for (let run = 1; run <= runs; run++) {
    const shell = shellImport(csv, path.join(dir, 'shell.db'), rows);
    const bare = ours(csv, path.join(dir, 'workspace.sqlite'), false);
    const mine = values['skip-rollups-run'] ? null : ours(csv, path.join(dir, 'workspace.sqlite'), true);
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
    console.log('  (target: ratio ≥ 0.5×, peak memory < 250 MiB and flat)');
  }
}

if (isMainThread) await main();
else await importInWorker();
