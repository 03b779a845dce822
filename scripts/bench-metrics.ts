/**
 * `npm run bench:metrics`: times every dashboard page's queries on a workspace of 10,000,000
 * notifications and 1,000,000 consent events (median of several runs, and the first run; target
 * ≤ 100 ms each), and the same aggregates in DuckDB over the same raw rows, printing the ratio.
 * Queries run on a read-only connection as in the app's metrics worker, after the rollup columns
 * it keeps in memory are loaded (that load is timed and printed on its own).
 *
 * The workspace is generated once (bulk inserts straight into the tables, then `rebuildRollups`)
 * and cached as bench-data/bench-<N>.sqlite; DuckDB gets the raw rows once through CSV (its
 * SQLite extension cannot be downloaded offline) into bench-data/bench-<N>.duckdb.
 * Options (env): BENCH_NOTIFICATIONS (default 10000000), BENCH_CONSENT (default 1000000),
 * BENCH_RUNS (default 7), BENCH_SKIP_DUCKDB=1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from '../electron/backend/db/connection.ts';
import { setMeta } from '../electron/backend/db/meta-repo.ts';
import { migrate } from '../electron/backend/db/migrate.ts';
import { warmRollupColumns } from '../electron/backend/metrics/rollup-cache.ts';
import { rebuildRollups } from '../electron/backend/rollups/index.ts';
import { computeCoverage, computeOptOut } from '../electron/backend/metrics/consent.ts';
import { computeDataCost } from '../electron/backend/metrics/datacost.ts';
import { computeDimensions } from '../electron/backend/metrics/dimensions.ts';
import { computeOverview } from '../electron/backend/metrics/overview.ts';
import { computeRefusals } from '../electron/backend/metrics/refusals.ts';
import { computeUrls } from '../electron/backend/metrics/urls.ts';
import { computeVolume } from '../electron/backend/metrics/volume.ts';
import { prng } from '../shared/random.ts';

const N = Number(process.env.BENCH_NOTIFICATIONS ?? 10_000_000);
const C = Number(process.env.BENCH_CONSENT ?? 1_000_000);
const U = Math.max(1000, Math.round(N / 50));
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const DIR = path.resolve(import.meta.dirname, '../bench-data');
const FILE = path.join(DIR, `bench-${N}-${C}.sqlite`);
const DUCK = path.join(DIR, `bench-${N}-${C}.duckdb`);
const RECIPIENTS = Math.max(100, Math.round(N / 10));
const SENDERS = 20;
const START = Date.parse('2015-01-01T00:00:00+09:00');
const SPAN = Date.parse('2017-01-01T00:00:00+09:00') - START;


const CATEGORIES = ['purchase', 'order', 'delivery', 'payment', 'reservation', '주문', '배송', '결제'];
const STATUSES: [string, number][] = [['delivered', 0.9], ['sent', 0.03], ['failed', 0.04], ['blocked', 0.01], ['fallback_sms', 0.02]];
const ACTIONS: [string, number][] = [['notice_shown', 0.5], ['opt_out', 0.2], ['opt_in', 0.1], ['block', 0.12], ['unblock', 0.08]];
const weighted = (r: number, table: [string, number][]) => {
  let acc = 0;
  for (const [v, p] of table) if (r < (acc += p)) return v;
  return table[table.length - 1]![0];
};

/** Inserts rows in multi-row statements (one transaction per chunk). */
function bulk(db: Db, table: string, columns: string[], total: number, row: (i: number, out: unknown[]) => void): void {
  const per = Math.floor(30_000 / columns.length);
  const stmt = db.prepare(`INSERT INTO ${table} (${columns.join(',')}) VALUES ${Array(per).fill(`(${columns.map(() => '?').join(',')})`).join(',')}`);
  const one = db.prepare(`INSERT INTO ${table} (${columns.join(',')}) VALUES (${columns.map(() => '?').join(',')})`);
  const chunk = db.transaction((from: number, to: number) => {
    const out: unknown[] = [];
    let i = from;
    for (; i + per <= to; i += per) {
      out.length = 0;
      for (let k = i; k < i + per; k++) row(k, out);
      stmt.run(out);
    }
    for (; i < to; i++) {
      out.length = 0;
      row(i, out);
      one.run(out);
    }
  });
  for (let i = 0; i < total; i += 500_000) {
    chunk(i, Math.min(total, i + 500_000));
    process.stderr.write(`\r  ${table}: ${Math.min(total, i + 500_000).toLocaleString()} / ${total.toLocaleString()}`);
  }
  process.stderr.write('\n');
}

async function generate(): Promise<void> {
  fs.mkdirSync(DIR, { recursive: true });
  const tmp = FILE + '.tmp';
  for (const f of [tmp, tmp + '-wal', tmp + '-shm']) fs.rmSync(f, { force: true });
  const db = openDatabase(tmp);
  await migrate(db, tmp);
  setMeta(db, 'timeZone', 'Asia/Seoul');
  db.prepare(`INSERT INTO imports (id, file_name, size_bytes, sha256, adapter, kind, encoding, time_zone, started_at)
              VALUES (1, 'bench', 0, '', 'bench', 'notifications', 'utf-8', 'Asia/Seoul', 0)`).run();
  const t0 = Date.now();
  let rnd = prng(1);
  const step = SPAN / N;
  bulk(db, 'notifications', ['import_id', 'dedupe_key', 'event_id', 'sent_at', 'sent_at_raw', 'recipient_id', 'sender_id', 'template_id', 'category', 'status', 'bytes', 'network'], N, (i, out) => {
    const sender = Math.floor(rnd() ** 1.5 * SENDERS);
    const at = START + Math.floor(i * step);
    const r = rnd();
    out.push(1, i, `n${i}`, at, '', `r${Math.floor(rnd() * RECIPIENTS)}`, `sender-${sender}`, `t${sender}-${Math.floor(rnd() * 3)}`,
      CATEGORIES[sender % CATEGORIES.length], weighted(rnd(), STATUSES), r < 0.3 ? 1000 + Math.floor(rnd() * 20_000) : null,
      r < 0.8 ? 'unknown' : r < 0.92 ? 'cellular' : 'wifi');
  });
  rnd = prng(2);
  bulk(db, 'consent', ['import_id', 'dedupe_key', 'event_id', 'occurred_at', 'occurred_at_raw', 'recipient_id', 'sender_id', 'action'], C, (i, out) => {
    out.push(1, i, `c${i}`, START + Math.floor(rnd() * SPAN), '', `r${Math.floor(rnd() * RECIPIENTS)}`,
      rnd() < 0.2 ? null : `sender-${Math.floor(rnd() ** 1.5 * SENDERS)}`, weighted(rnd(), ACTIONS));
  });
  rnd = prng(3);
  bulk(db, 'urls', ['import_id', 'dedupe_key', 'event_id', 'occurred_at', 'occurred_at_raw', 'url', 'action'], U, (i, out) => {
    const url = Math.floor(i / 3);
    const base = START + Math.floor((url / (U / 3)) * SPAN);
    const k = i % 3;
    out.push(1, i, `u${i}`, base + k * Math.floor(rnd() * 72 * 3_600_000), '', `https://site${url % 97}.example/p/${url}`, ['shared', 'indexed', 'served'][k]);
  });
  console.log(`generated raw rows in ${((Date.now() - t0) / 1000).toFixed(0)} s; rebuilding rollups…`);
  const t1 = Date.now();
  rebuildRollups(db, (done) => process.stderr.write(`\r  rollups: ${done.toLocaleString()} rows`));
  process.stderr.write('\n');
  console.log(`rollups rebuilt in ${((Date.now() - t1) / 1000).toFixed(0)} s`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  db.close();
  fs.renameSync(tmp, FILE);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/** The first run's time and the median of all runs. */
async function time(fn: () => unknown): Promise<{ first: number; median: number }> {
  const times: number[] = [];
  for (let i = 0; i < RUNS && !(i > 0 && times[0]! > 3000); i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return { first: times[0]!, median: median(times) };
}

async function main(): Promise<void> {
  if (!fs.existsSync(FILE)) {
    console.log(`generating ${N.toLocaleString()} notifications and ${C.toLocaleString()} consent events → ${FILE}`);
    await generate();
  } else console.log(`using cached ${FILE}`);
  const db = openDatabase(FILE);
  await migrate(db, FILE);
  const fresh = db.prepare('SELECT (SELECT count(*) FROM rollup_reach_daily) = 0 OR (SELECT count(*) FROM rollup_notifications_daily) = 0').pluck().get();
  if (fresh) {
    console.log('rollups missing or from an older schema: rebuilding…');
    const t = Date.now();
    rebuildRollups(db, (done) => process.stderr.write(`\r  rollups: ${done.toLocaleString()} rows`));
    process.stderr.write('\n');
    console.log(`rollups rebuilt in ${((Date.now() - t) / 1000).toFixed(0)} s`);
    db.exec('ANALYZE');
  }
  db.close();
  // Queries run as in the app's metrics worker: a read-only connection that keeps the loaded rollup
  // columns until another connection commits. Loading them once is timed on its own.
  const ro = openDatabase(FILE, { readonly: true });
  const tLoad = performance.now();
  warmRollupColumns(ro);
  console.log(`loading the rollup columns (once per data change, in the worker's idle time): ${(performance.now() - tLoad).toFixed(0)} ms`);
  const all = { by: 'week' as const };
  const recent = { from: '2016-10-03', to: '2016-12-31', by: 'week' as const };
  const db2 = ro;
  const pages: [string, string, () => unknown][] = [
    ['Overview', 'metrics:overview (last 90 days vs previous)', () => computeOverview(db2, recent)],
    ['Filters', 'metrics:dimensions', () => computeDimensions(db2)],
    ['Notifications', 'metrics:volume (2 years, weekly, by status)', () => computeVolume(db2, all)],
    ['Notifications', 'metrics:volume (stack by sender, 1 sender)', () => computeVolume(db2, { ...all, stackBy: 'sender', senders: ['sender-3'] })],
    ['Data charges', 'metrics:datacost (2 years, weekly)', () => computeDataCost(db2, all, { perRecipient: false })],
    ['Data charges', 'metrics:datacost (last 90 days)', () => computeDataCost(db2, recent, { perRecipient: false })],
    ['Data charges', 'metrics:datacost per-recipient histogram (90 days)', () => computeDataCost(db2, recent)],
    ['Consent', 'metrics:optout (2 years, weekly, by sender/category)', () => computeOptOut(db2, all)],
    ['Consent', 'metrics:optout (last 90 days, weekly)', () => computeOptOut(db2, recent)],
    ['Consent', 'metrics:coverage (2 years, weekly)', () => computeCoverage(db2, { ...all, funnel: false })],
    ['Consent', 'metrics:coverage funnel + time to opt-out (90 days)', () => computeCoverage(db2, recent)],
    ['Consent', 'metrics:refusals (last 90 days, first page)', () => computeRefusals(db2, recent)],
    ['URLs', 'metrics:urls (2 years, weekly)', () => computeUrls(db2, all, null)],
  ];
  const results: { page: string; query: string; ms: number; duck?: number }[] = [];
  console.log(`${'page'.padEnd(14)} ${'query'.padEnd(52)} ${'median'.padStart(9)}    ${'1st run'.padStart(9)}`);
  for (const [page, query, fn] of pages) {
    const { first, median: ms } = await time(fn);
    results.push({ page, query, ms });
    console.log(
      `${page.padEnd(14)} ${query.padEnd(52)} ${ms.toFixed(1).padStart(9)} ms ${first.toFixed(1).padStart(9)} ms ${ms <= 100 ? 'ok' : 'OVER 100 ms'}`,
    );
  }
  ro.close();
  if (process.env.BENCH_SKIP_DUCKDB !== '1') {
    const { duckComparisons } = await import('./bench-duckdb.ts');
    await duckComparisons(FILE, DUCK, results, RUNS);
  }
}

await main();
