/**
 * `npm run bench:hostile` — hostile exports against the import limits (docs/import-formats.md,
 * "Limits"). Generates each file once into the OS temp folder (reused afterwards), imports it into a
 * fresh workspace through the CLI as a child process and through the bundled import worker in a
 * bare host under the app's heap limits, and prints wall time, peak RSS (/usr/bin/time) and the
 * message against the targets: < 10 s and < 250 MiB, with a clear error naming the file.
 *
 *   node scripts/bench-hostile.ts [--only <name>] [--skip-worker] [--skip-cli]
 *
 * Files: 100 MB and 500 MB CSV lines without a line break, a 1 GB line in gzip, a zip of 5 × 400 MB
 * JSON day files (~2 MB packed), a zip with one 1 GB entry, 100 MB of nested brackets, a 100 MB
 * NDJSON line, a 200 MB JSON array element — each must end in a clear error — and an unclosed
 * quote before 20 MB of short lines, which must be read (one reject for the quote, the lines after it).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { crc32, createDeflateRaw, createGzip } from 'node:zlib';
import { IMPORT_RESOURCE_LIMITS } from '../electron/backend/import/limits.ts';
import { bundleNodeEntry } from './build-electron.mjs';
import type { HostileOutcome } from './bench-hostile-worker.ts';

const here = path.dirname(new URL(import.meta.url).pathname);
const MB = 1_000_000;
const HEADER = 'event_id,sent_at,recipient_id,sender_id,template_id,category,status,bytes,network\n';
const TARGET_MS = 10_000;
const TARGET_RSS_KIB = 250 * 1024;
const TIMEOUT_MS = 120_000;

/** Text made of `total` bytes of `unit` repeated, in 1 MiB-ish pieces. */
function* repeat(unit: string, total: number): Generator<Buffer> {
  const piece = Buffer.from(unit.repeat(Math.max(1, Math.floor((1 << 20) / unit.length))));
  let left = total;
  while (left > 0) {
    const n = Math.min(left, piece.length);
    yield n === piece.length ? piece : piece.subarray(0, n);
    left -= n;
  }
}

async function writeStream(file: string, parts: Iterable<Buffer>, gzip = false): Promise<void> {
  const out = fs.createWriteStream(file);
  const sink = gzip ? createGzip({ level: 1 }) : null;
  if (sink) sink.pipe(out);
  const target: NodeJS.WritableStream = sink ?? out;
  for (const p of parts) if (!target.write(p)) await new Promise<void>((r) => target.once('drain', () => r()));
  await new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', reject);
    target.end();
  });
}

function* concat(...parts: (Buffer | Iterable<Buffer>)[]): Generator<Buffer> {
  for (const p of parts) {
    if (Buffer.isBuffer(p)) yield p;
    else yield* p;
  }
}

/** Deflates a stream of pieces (raw deflate, level 9); returns the packed bytes, CRC-32 and size. */
async function deflate(parts: Iterable<Buffer>): Promise<{ packed: Buffer; crc: number; size: number }> {
  const d = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  d.on('data', (b: Buffer) => out.push(b));
  let crc = 0;
  let size = 0;
  for (const p of parts) {
    crc = crc32(p, crc);
    size += p.length;
    if (!d.write(p)) await new Promise((r) => d.once('drain', r));
  }
  await new Promise<void>((resolve) => d.end(resolve));
  return { packed: Buffer.concat(out), crc, size };
}

/** Writes a zip whose entries (name → deflated data) may share their packed bytes. */
function writeZip(file: string, entries: { name: string; data: { packed: Buffer; crc: number; size: number } }[], declaredSize?: number): void {
  const fd = fs.openSync(file, 'w');
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.crc >>> 0, 14);
    local.writeUInt32LE(data.packed.length, 18);
    local.writeUInt32LE(declaredSize ?? data.size, 22);
    local.writeUInt16LE(n.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(data.crc >>> 0, 16);
    cd.writeUInt32LE(data.packed.length, 20);
    cd.writeUInt32LE(declaredSize ?? data.size, 24);
    cd.writeUInt16LE(n.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, n);
    for (const b of [local, n, data.packed]) {
      fs.writeSync(fd, b);
      offset += b.length;
    }
  }
  const cdBytes = Buffer.concat(central);
  fs.writeSync(fd, cdBytes);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  fs.writeSync(fd, end);
  fs.closeSync(fd);
}

const MESSAGE = '{"type":"message","user":"U01","text":"<https://shop.example/a>","ts":"1433562832.000002"},';

/** The hostile files, by name: how to make each. */
const CASES: { name: string; file: string; make: (file: string) => Promise<void>; reads?: boolean }[] = [
  { name: '100 MB CSV line', file: 'line-100mb.csv', make: (f) => writeStream(f, concat(Buffer.from(HEADER), repeat('x', 100 * MB))) },
  { name: '500 MB CSV line', file: 'line-500mb.csv', make: (f) => writeStream(f, concat(Buffer.from(HEADER), repeat('x', 500 * MB))) },
  { name: '1 GB line, gzip', file: 'line-1gb.csv.gz', make: (f) => writeStream(f, concat(Buffer.from(HEADER), repeat('x', 1000 * MB)), true) },
  {
    name: 'zip, 5 × 400 MB JSON',
    file: 'bomb-5x400mb.zip',
    async make(f) {
      const data = await deflate(concat(Buffer.from('['), repeat(MESSAGE, 400 * MB - 3), Buffer.from('{}]')));
      writeZip(f, [1, 2, 3, 4, 5].map((d) => ({ name: `general/2016-03-0${d}.json`, data })));
    },
  },
  {
    // The same, with headers that claim 1 kB per entry: only the ratio and the counted sizes stop it.
    name: 'zip, 5 × 400 MB JSON, sizes hidden',
    file: 'bomb-5x400mb-lying.zip',
    async make(f) {
      const data = await deflate(concat(Buffer.from('['), repeat(MESSAGE, 400 * MB - 3), Buffer.from('{}]')));
      writeZip(f, [1, 2, 3, 4, 5].map((d) => ({ name: `general/2016-03-0${d}.json`, data })), 1000);
    },
  },
  {
    name: 'zip, one 1 GB entry',
    file: 'entry-1gb.zip',
    async make(f) {
      const data = await deflate(concat(Buffer.from('[{"type":"message","text":"'), repeat('x', 1000 * MB), Buffer.from('"}]')));
      writeZip(f, [{ name: 'general/2016-03-01.json', data }]);
    },
  },
  { name: '100 MB of nesting', file: 'deep-100mb.json', make: (f) => writeStream(f, repeat('[', 100 * MB)) },
  { name: '100 MB NDJSON line', file: 'line-100mb.ndjson', make: (f) => writeStream(f, concat(Buffer.from('{"sent_at":"'), repeat('x', 100 * MB))) },
  { name: '200 MB JSON element', file: 'element-200mb.json', make: (f) => writeStream(f, concat(Buffer.from('[{"sent_at":"'), repeat('x', 200 * MB), Buffer.from('"}]'))) },
  {
    // Not an error: the record with the open quote is rejected at the cap and the lines after it are read.
    name: 'unclosed quote, then 20 MB of lines',
    file: 'unclosed-quote-20mb.csv',
    reads: true,
    make: (f) => writeStream(f, concat(Buffer.from(HEADER + 'q-1,2016-03-07 09:00:00,u-1,shop-a,T1,"open,sent,,wifi\n'), repeat('y'.repeat(99) + '\n', 20 * MB))),
  },
];

interface Run {
  ms: number;
  rssKiB: number;
  message: string;
  timedOut: boolean;
}

/** Runs a command under /usr/bin/time; returns wall time, peak RSS and its stdout. */
function timed(args: string[]): { ms: number; rssKiB: number; stdout: string; stderr: string; timedOut: boolean } {
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', ...args], { encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: 64 << 20 });
  const line = (r.stderr ?? '').split('\n').reverse().find((l) => l.startsWith('TIME ')) ?? 'TIME NaN NaN';
  const [, secs, kib] = line.split(' ');
  return { ms: Number(secs) * 1000, rssKiB: Number(kib), stdout: r.stdout ?? '', stderr: r.stderr ?? '', timedOut: r.error !== undefined || r.signal !== null };
}

function freshWorkspace(dir: string): string {
  const ws = path.join(dir, 'ws.sqlite');
  for (const f of [ws, `${ws}-wal`, `${ws}-shm`]) fs.rmSync(f, { force: true });
  return ws;
}

function viaCli(file: string, dir: string): Run {
  const r = timed([process.execPath, path.join(here, '..', 'bin', 'notice-desk.js'), 'import', file, '--workspace', freshWorkspace(dir), '--json']);
  let message = r.stderr.split('\n').filter((l) => l && !l.startsWith('TIME ')).join(' ').slice(0, 300);
  try {
    const out = JSON.parse(r.stdout) as { files: { error: { code: string; message: string } | null; rowsRead: number; imported: number; rejected: number }[] };
    const f = out.files[0]!;
    message = f.error ? `${f.error.code}: ${f.error.message}` : `no error: ${f.rowsRead} records, ${f.imported} imported, ${f.rejected} rejected`;
  } catch {
    // not JSON: the stderr above says what happened
  }
  return { ms: r.ms, rssKiB: r.rssKiB, message, timedOut: r.timedOut };
}

const CHILD = `
const { Worker } = require('node:worker_threads');
const [bundle, file, workspace, limits] = process.argv.slice(1);
const worker = new Worker(bundle, { workerData: { file, workspace }, resourceLimits: JSON.parse(limits) });
worker.once('error', (e) => { console.error(String(e)); process.exit(1); });
worker.once('message', async (m) => { await worker.terminate(); process.stdout.write(JSON.stringify(m) + '\\n'); });
`;

function viaWorker(bundle: string, file: string, dir: string): Run {
  const r = timed([process.execPath, '-e', CHILD, bundle, file, freshWorkspace(dir), JSON.stringify(IMPORT_RESOURCE_LIMITS)]);
  let message = r.stderr.split('\n').filter((l) => l && !l.startsWith('TIME ')).join(' ').slice(0, 300);
  try {
    const m = JSON.parse(r.stdout.trim().split('\n').pop()!) as HostileOutcome;
    message = m.error ?? `no error: ${m.rowsRead} records, ${m.imported} imported, ${m.rejected} rejected`;
  } catch {
    // the worker died: stderr says how
  }
  return { ms: r.ms, rssKiB: r.rssKiB, message, timedOut: r.timedOut };
}

function verdict(run: Run, file: string, reads: boolean): string {
  const fast = !run.timedOut && run.ms < TARGET_MS;
  const small = run.rssKiB < TARGET_RSS_KIB;
  const named = reads ? run.message.startsWith('no error') : run.message.includes(path.basename(file));
  return fast && small && named ? 'ok' : `MISSED (${[!fast && 'time', !small && 'memory', !named && 'message'].filter(Boolean).join(', ')})`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { only: { type: 'string' }, 'skip-worker': { type: 'boolean' }, 'skip-cli': { type: 'boolean' } } });
  const dir = path.join(os.tmpdir(), 'notice-desk-bench-hostile');
  fs.mkdirSync(dir, { recursive: true });
  const cases = CASES.filter((c) => !values.only || c.name.includes(values.only) || c.file.includes(values.only));
  const bundle = path.join(here, '..', 'node_modules', '.cache', 'notice-desk', 'bench-hostile-worker.cjs');
  if (!values['skip-worker']) await bundleNodeEntry('scripts/bench-hostile-worker.ts', bundle);
  console.log(`Targets: < ${TARGET_MS / 1000} s, peak RSS < ${TARGET_RSS_KIB / 1024} MiB, a message naming the file. ${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)}.`);
  let missed = 0;
  for (const c of cases) {
    const file = path.join(dir, c.file);
    if (!fs.existsSync(file)) {
      process.stdout.write(`Generating ${c.file} … `);
      await c.make(`${file}.part`);
      fs.renameSync(`${file}.part`, file);
      console.log('done');
    }
    const size = fs.statSync(file).size;
    console.log(`\n${c.name} — ${c.file}, ${(size / MB).toFixed(size < MB ? 3 : 0)} MB on disk`);
    for (const [via, run] of [
      ['CLI', values['skip-cli'] ? null : () => viaCli(file, dir)],
      ['worker', values['skip-worker'] ? null : () => viaWorker(bundle, file, dir)],
    ] as const) {
      if (!run) continue;
      const r = run();
      const v = verdict(r, file, c.reads === true);
      if (v !== 'ok') missed++;
      const time = r.timedOut ? `> ${TIMEOUT_MS / 1000} s (killed)` : `${(r.ms / 1000).toFixed(2)} s`;
      console.log(`  ${via.padEnd(6)} ${time.padStart(9)}  ${(r.rssKiB / 1024).toFixed(0).padStart(5)} MiB  ${v}\n         ${r.message}`);
    }
  }
  fs.rmSync(path.join(dir, 'ws.sqlite'), { force: true });
  console.log(missed === 0 ? '\nEvery hostile input met the targets.' : `\n${missed} run(s) missed a target.`);
  process.exitCode = missed === 0 ? 0 : 1;
}

await main();
