/**
 * `node scripts/bench-readers.ts [--rows 1000000] [--runs 3]` — our CSV reader and JSON splitter
 * against csv-parse and @streamparser/json, on the import fixtures (each read 500 times) and on a
 * generated file of `--rows` rows (as CSV, and as a JSON array of the same rows), fed in the 1 MiB
 * text chunks the importer uses. Prints the best of `--runs` runs: time, MB/s and records/s.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { JSONParser } from '@streamparser/json';
import { parse } from 'csv-parse';
import { CsvReader } from '../electron/backend/import/csv.ts';
import { JsonArraySplitter } from '../electron/backend/import/json-stream.ts';
import { writeSyntheticCsv } from '../electron/backend/import/synthetic-csv.ts';

const here = path.dirname(new URL(import.meta.url).pathname);
const CHUNK = 1 << 20;

function chunk(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK) out.push(text.slice(i, i + CHUNK));
  return out;
}

function ourCsv(chunks: string[]): number {
  let n = 0;
  const r = new CsvReader(',', () => n++);
  for (const c of chunks) r.push(c);
  r.end();
  return n;
}

async function libCsv(chunks: string[]): Promise<number> {
  let n = 0;
  const p = parse({ relax_column_count: true, skip_empty_lines: true });
  p.on('readable', () => {
    while (p.read() !== null) n++;
  });
  const done = new Promise<void>((resolve, reject) => {
    p.once('end', resolve);
    p.once('error', reject);
  });
  for (const c of chunks) p.write(c);
  p.end();
  await done;
  return n;
}

function ourJson(chunks: string[]): number {
  let n = 0;
  const s = new JsonArraySplitter(['messages', 'events'], () => n++);
  for (const c of chunks) s.push(c);
  s.end();
  return n;
}

function libJson(chunks: string[]): number {
  let n = 0;
  const p = new JSONParser({ paths: ['$.*', '$.messages.*', '$.events.*'], keepStack: false });
  p.onValue = () => {
    n++;
  };
  for (const c of chunks) p.write(c);
  return n;
}

async function best(runs: number, fn: () => number | Promise<number>): Promise<{ ms: number; records: number }> {
  let ms = Infinity;
  let records = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    records = await fn();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { ms, records };
}

function line(label: string, bytes: number, r: { ms: number; records: number }): string {
  const mbs = bytes / 1e6 / (r.ms / 1000);
  return `  ${label.padEnd(20)} ${(r.ms / 1000).toFixed(3).padStart(7)} s  ${mbs.toFixed(0).padStart(5)} MB/s  ${Math.round(r.records / (r.ms / 1000)).toLocaleString('en-US').padStart(11)} records/s  (${r.records.toLocaleString('en-US')} records)`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rows: { type: 'string' }, runs: { type: 'string' } } });
  const rows = Number(values.rows ?? 1_000_000);
  const runs = Number(values.runs ?? 3);
  console.log(`${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)}; best of ${runs}.`);

  const fixtures = path.join(here, '..', 'test', 'fixtures', 'import');
  const csvTexts = fs.readdirSync(fixtures).filter((f) => /\.(csv|tsv)$/.test(f) && !/utf16|cp949|unclosed/.test(f)).map((f) => fs.readFileSync(path.join(fixtures, f), 'utf8'));
  const jsonTexts = fs.readdirSync(fixtures).filter((f) => f.endsWith('.json')).map((f) => fs.readFileSync(path.join(fixtures, f), 'utf8'));
  const times = 500;
  const fixtureCsvBytes = csvTexts.reduce((s, t) => s + Buffer.byteLength(t), 0) * times;
  const fixtureJsonBytes = jsonTexts.reduce((s, t) => s + Buffer.byteLength(t), 0) * times;
  console.log(`\nImport fixtures, each read ${times} times (${csvTexts.length} CSV/TSV, ${jsonTexts.length} JSON)`);
  console.log(line('ours (CSV)', fixtureCsvBytes, await best(runs, () => { let n = 0; for (let i = 0; i < times; i++) for (const t of csvTexts) n += ourCsv([t]); return n; })));
  console.log(line('csv-parse', fixtureCsvBytes, await best(runs, async () => { let n = 0; for (let i = 0; i < times; i++) for (const t of csvTexts) n += await libCsv([t]); return n; })));
  console.log(line('ours (JSON)', fixtureJsonBytes, await best(runs, () => { let n = 0; for (let i = 0; i < times; i++) for (const t of jsonTexts) n += ourJson([t]); return n; })));
  console.log(line('@streamparser/json', fixtureJsonBytes, await best(runs, () => { let n = 0; for (let i = 0; i < times; i++) for (const t of jsonTexts) n += libJson([t]); return n; })));

  const dir = path.join(os.tmpdir(), 'notice-desk-bench-readers');
  fs.mkdirSync(dir, { recursive: true });
  const csvFile = path.join(dir, `rows-${rows}.csv`);
  if (!fs.existsSync(csvFile)) await writeSyntheticCsv(csvFile, rows);
  const csvText = fs.readFileSync(csvFile, 'utf8');
  const csvBytes = Buffer.byteLength(csvText);
  console.log(`\nGenerated CSV: ${rows.toLocaleString('en-US')} rows, ${(csvBytes / 1e6).toFixed(0)} MB`);
  const csvChunks = chunk(csvText);
  console.log(line('ours (CSV)', csvBytes, await best(runs, () => ourCsv(csvChunks))));
  console.log(line('csv-parse', csvBytes, await best(runs, () => libCsv(csvChunks))));

  const [header, ...lines] = csvText.split('\n');
  const keys = header!.split(',');
  const parts: string[] = [];
  for (const l of lines) {
    if (!l) continue;
    const v = l.split(',');
    parts.push(JSON.stringify(Object.fromEntries(keys.map((k, i) => [k, v[i]]))));
  }
  const jsonText = `[\n${parts.join(',\n')}\n]`;
  parts.length = 0;
  const jsonBytes = Buffer.byteLength(jsonText);
  console.log(`\nThe same rows as a JSON array: ${(jsonBytes / 1e6).toFixed(0)} MB`);
  const jsonChunks = chunk(jsonText);
  console.log(line('ours (JSON)', jsonBytes, await best(runs, () => ourJson(jsonChunks))));
  console.log(line('@streamparser/json', jsonBytes, await best(runs, () => libJson(jsonChunks))));
}

await main();
