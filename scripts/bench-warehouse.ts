/**
 * `npm run bench:warehouse` (issue #16): on two local ClickHouse servers forming a two-shard cluster
 * (test/clickhouse/cluster.ts; Debian's 18.16 here), loads notifications and consent events through
 * the product's own warehouse import (`importFiles` → warehouse/import.ts) and reports rows/s; then
 * times every dashboard page's query over the materialized rollups (median of BENCH_RUNS, including
 * the HTTP round trip; target ≤ 200 ms), and, for comparison, the same aggregates over raw rows.
 *
 * Options (env): BENCH_NOTIFICATIONS (default 10000000), BENCH_CONSENT (default 1000000),
 * BENCH_RUNS (default 7), BENCH_BATCH (rows per insert, default the importer's). The CSV files are
 * generated once into bench-data/ and reused.
 */
import type { ClickHouseSettings } from '@clickhouse/client';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../electron/backend/db/connection.ts';
import { writeSyntheticCsv } from '../electron/backend/import/synthetic-csv.ts';
import { importFiles } from '../electron/backend/import/import-files.ts';
import type { MetricQueryName } from '../electron/backend/metrics/queries.ts';
import { CheckedWarehouse, initWarehouseWorkspace } from '../electron/backend/warehouse/init.ts';
import { warehouseMetricQueries } from '../electron/backend/warehouse/metrics/index.ts';
import { startLocalCluster } from '../test/clickhouse/cluster.ts';
import { prng } from '../shared/random.ts';

const N = Number(process.env.BENCH_NOTIFICATIONS ?? 10_000_000);
const C = Number(process.env.BENCH_CONSENT ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const BATCH = process.env.BENCH_BATCH ? Number(process.env.BENCH_BATCH) : undefined;
const DIR = path.resolve(import.meta.dirname, '../bench-data');
const ZONE = 'Asia/Seoul';

/** A consent CSV over the synthetic notifications' recipients (r0…r99999) and senders (s0…s49). */
async function writeConsentCsv(file: string, rows: number): Promise<void> {
  const out = fs.createWriteStream(file);
  out.write('event_id,occurred_at,recipient_id,sender_id,action\n');
  const rnd = prng(7);
  const actions = ['notice_shown', 'notice_shown', 'opt_out', 'opt_in', 'block', 'unblock'];
  const start = Date.UTC(2016, 0, 1);
  let chunk: string[] = [];
  for (let i = 0; i < rows; i++) {
    const at = new Date(start + Math.floor(rnd() * 365 * 86_400_000)).toISOString().slice(0, 19).replace('T', ' ');
    const sender = rnd() < 0.2 ? '' : `s${Math.floor(rnd() * 50)}`;
    chunk.push(`c-${i},${at},r${Math.floor(rnd() * 100_000)},${sender},${actions[Math.floor(rnd() * actions.length)]}\n`);
    if (chunk.length === 10_000) {
      if (!out.write(chunk.join(''))) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = [];
    }
  }
  out.write(chunk.join(''));
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

async function cachedFile(name: string, make: (file: string) => Promise<unknown>): Promise<string> {
  fs.mkdirSync(DIR, { recursive: true });
  const file = path.join(DIR, name);
  if (!fs.existsSync(file)) {
    const t0 = performance.now();
    await make(file + '.tmp');
    fs.renameSync(file + '.tmp', file);
    console.log(`generated ${name} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  return file;
}

async function time(fn: () => Promise<unknown>): Promise<{ first: number; median: number }> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  const first = times[0]!;
  const sorted = [...times].sort((a, b) => a - b);
  return { first, median: sorted[Math.floor(sorted.length / 2)]! };
}

async function main(): Promise<void> {
  const notificationsCsv = await cachedFile(`wh-notifications-${N}.csv`, (f) => writeSyntheticCsv(f, N, 1));
  const consentCsv = await cachedFile(`wh-consent-${C}.csv`, (f) => writeConsentCsv(f, C));
  const cluster = await startLocalCluster();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'nd-bench-wh-'));
  try {
    const [first, second] = cluster.servers;
    const config = {
      url: first!.httpUrl,
      database: 'nd_bench',
      user: cluster.user,
      cluster: cluster.cluster,
      shards: [first!.httpUrl, second!.httpUrl],
    };
    const file = path.join(work, 'bench.sqlite');
    await initWarehouseWorkspace(file, config, cluster.password, { timeZone: ZONE });
    const db = openDatabase(file);
    console.log(`ClickHouse ${cluster.servers.length} shards (cluster ${cluster.cluster}), ${os.cpus().length} cores`);
    for (const [label, csv, rows] of [
      ['notifications', notificationsCsv, N],
      ['consent', consentCsv, C],
    ] as const) {
      const t0 = performance.now();
      const [result] = await importFiles(db, [csv], { warehouse: { password: cluster.password, batchRows: BATCH } });
      const s = (performance.now() - t0) / 1000;
      if (!result || result.error) throw new Error(`import failed: ${JSON.stringify(result?.error)}`);
      console.log(
        `load ${label}: ${result.imported.toLocaleString()} rows in ${s.toFixed(1)} s = ${Math.round(rows / s).toLocaleString()} rows/s ` +
          `(peak RSS of this process ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB)`,
      );
    }
    const wh = new CheckedWarehouse(config, cluster.password, ZONE);
    const all = { by: 'week' as const };
    const recent = { from: '2016-10-03', to: '2016-12-31', by: 'week' as const };
    const pages: [string, string, MetricQueryName, Record<string, unknown>][] = [
      ['Overview', 'metrics:overview (last 90 days vs previous)', 'overview', recent],
      ['Filters', 'metrics:dimensions', 'dimensions', {}],
      ['Notifications', 'metrics:volume (1 year, weekly, by status)', 'volume', all],
      ['Notifications', 'metrics:volume (stack by sender, 1 sender)', 'volume', { ...all, stackBy: 'sender', senders: ['s3'] }],
      ['Data charges', 'metrics:datacost (1 year, weekly)', 'datacost', { ...all, perRecipient: false }],
      ['Data charges', 'metrics:datacost per-recipient histogram (90 days)', 'datacost', recent],
      ['Consent', 'metrics:optout (1 year, weekly)', 'optout', all],
      ['Consent', 'metrics:coverage (1 year, weekly)', 'coverage', { ...all, funnel: false }],
      ['Consent', 'metrics:coverage funnel + time to opt-out (90 days)', 'coverage', recent],
      ['Consent', 'metrics:refusals (last 90 days, first page)', 'refusals', recent],
      ['URLs', 'metrics:urls (1 year, weekly)', 'urls', all],
    ];
    console.log(`\npage queries (${RUNS} runs, median; target ≤ 200 ms including the round trip)`);
    console.log(`${'page'.padEnd(14)} ${'query'.padEnd(52)} ${'median'.padStart(9)}    ${'1st run'.padStart(9)}`);
    for (const [page, label, name, input] of pages) {
      try {
        const { first: f, median } = await time(() => warehouseMetricQueries[name](wh, db, input));
        console.log(`${page.padEnd(14)} ${label.padEnd(52)} ${median.toFixed(1).padStart(9)} ms ${f.toFixed(1).padStart(9)} ms ${median <= 200 ? 'ok' : 'OVER 200 ms'}`);
      } catch (error) {
        console.log(`${page.padEnd(14)} ${label.padEnd(52)} failed: ${(error as Error).message.slice(0, 120)}`);
      }
    }
    const n = wh.table('nd_notifications');
    const daily = wh.table('nd_r_daily');
    const reach = wh.table('nd_r_reach');
    const comparisons: [string, string, string, ClickHouseSettings?, ClickHouseSettings?][] = [
      [
        'messages per day and status',
        `SELECT day, status, sum(n) AS n FROM ${daily} GROUP BY day, status`,
        `SELECT day, status, count() AS n FROM ${n} GROUP BY day, status`,
      ],
      [
        'messages and known bytes per sender',
        `SELECT sender_id, sum(n) AS n, sum(known_bytes) AS b FROM ${daily} GROUP BY sender_id`,
        `SELECT sender_id, count() AS n, sumIf(bytes, bytes >= 0) AS b FROM ${n} GROUP BY sender_id`,
      ],
      [
        'first messages per day (pairs)',
        `SELECT day, count() AS n FROM ${wh.table('nd_firsts')} FINAL WHERE present = 1 GROUP BY day`,
        `SELECT f.1 AS day, count() AS n FROM (SELECT recipient_id, sender_id, argMin((day, sent_at), (sent_at, event_id, seq, row_no)) AS f
         FROM ${n} WHERE status IN ('sent', 'delivered') GROUP BY recipient_id, sender_id) GROUP BY day`,
        { optimize_move_to_prewhere: 0 },
        { distributed_group_by_no_merge: '1' },
      ],
      [
        'distinct recipients reached per week',
        `SELECT intDiv(day + 3, 7) AS w, uniqExactMerge(recipients) AS u FROM ${reach} WHERE status != 'failed' GROUP BY w`,
        `SELECT intDiv(day + 3, 7) AS w, uniqExact(recipient_id) AS u FROM ${n} WHERE status != 'failed' GROUP BY w`,
      ],
      [
        'distinct recipients reached, 90 days',
        `SELECT uniqExactMerge(recipients) AS u FROM ${reach} WHERE status != 'failed' AND day BETWEEN 17077 AND 17166`,
        `SELECT uniqExact(recipient_id) AS u FROM ${n} WHERE status != 'failed' AND day BETWEEN 17077 AND 17166`,
      ],
    ];
    console.log(`\nrollups against raw rows (${RUNS} runs, median)`);
    for (const [label, rollupSql, rawSql, rollupSettings, rawSettings] of comparisons) {
      const r = await time(() => wh.query(rollupSql, rollupSettings));
      const raw = await time(() => wh.query(rawSql, rawSettings));
      console.log(`${label.padEnd(40)} rollups ${r.median.toFixed(1).padStart(8)} ms   raw rows ${raw.median.toFixed(1).padStart(8)} ms   (${(raw.median / r.median).toFixed(1)}×)`);
    }
    await wh.close();
    db.close();
  } finally {
    await cluster.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

await main();
