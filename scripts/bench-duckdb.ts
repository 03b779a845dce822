/**
 * The DuckDB side of `npm run bench:metrics`: the same aggregates over the same raw rows. DuckDB's
 * SQLite extension cannot be downloaded offline, so the raw rows are exported once to CSV and loaded
 * into a cached DuckDB file.
 */
import fs from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { openDatabase } from '../electron/backend/db/connection.ts';

const KST = `INTERVAL 9 HOUR`;

/** Exports one SQLite table's columns to CSV (raw values; NULL as empty). */
function exportCsv(sqliteFile: string, table: string, columns: string[], out: string): void {
  const db = openDatabase(sqliteFile, { readonly: true });
  const fd = fs.openSync(out, 'w');
  let buf: string[] = [columns.join(',')];
  const esc = (v: unknown) => (v === null ? '' : typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v));
  for (const row of db.prepare(`SELECT ${columns.join(',')} FROM ${table}`).raw().iterate() as IterableIterator<unknown[]>) {
    buf.push(row.map(esc).join(','));
    if (buf.length >= 100_000) {
      fs.writeSync(fd, buf.join('\n') + '\n');
      buf = [];
    }
  }
  fs.writeSync(fd, buf.join('\n') + '\n');
  fs.closeSync(fd);
  db.close();
}

async function load(sqliteFile: string, duckFile: string): Promise<void> {
  const tmp = duckFile + '.tmp';
  fs.rmSync(tmp, { force: true });
  const inst = await DuckDBInstance.create(tmp);
  const c = await inst.connect();
  const tables: [string, string[], string][] = [
    ['notifications', ['id', 'sent_at', 'recipient_id', 'sender_id', 'template_id', 'category', 'status', 'bytes', 'network'],
      'id BIGINT, sent_at BIGINT, recipient_id VARCHAR, sender_id VARCHAR, template_id VARCHAR, category VARCHAR, status VARCHAR, bytes BIGINT, network VARCHAR'],
    ['consent', ['id', 'occurred_at', 'recipient_id', 'sender_id', 'action'],
      'id BIGINT, occurred_at BIGINT, recipient_id VARCHAR, sender_id VARCHAR, action VARCHAR'],
    ['urls', ['id', 'occurred_at', 'url', 'action'], 'id BIGINT, occurred_at BIGINT, url VARCHAR, action VARCHAR'],
  ];
  for (const [table, cols, schema] of tables) {
    const csv = `${duckFile}.${table}.csv`;
    process.stderr.write(`  exporting ${table} for DuckDB…\n`);
    exportCsv(sqliteFile, table, cols, csv);
    await c.run(`CREATE TABLE ${table} (${schema})`);
    await c.run(`COPY ${table} FROM '${csv}' (HEADER, NULLSTR '')`);
    fs.rmSync(csv);
  }
  c.closeSync();
  inst.closeSync();
  fs.renameSync(tmp, duckFile);
}

/** The DuckDB queries computing the same figures as each timed page query (over raw rows). */
function queries(): Record<string, string> {
  const ts = (col: string) => `(to_timestamp(${col} / 1000) + ${KST})`;
  const firsts = `SELECT recipient_id, sender_id, sent_at, bytes, network FROM (
      SELECT *, row_number() OVER (PARTITION BY recipient_id, sender_id ORDER BY sent_at, id) AS k
      FROM notifications WHERE status IN ('sent','delivered')) WHERE k = 1`;
  const recentN = `sent_at >= epoch_ms(TIMESTAMP '2016-10-02 15:00:00') AND sent_at < epoch_ms(TIMESTAMP '2016-12-31 15:00:00')`;
  const recentC = recentN.replaceAll('sent_at', 'occurred_at');
  return {
    'metrics:volume (2 years, weekly, by status)': `SELECT date_trunc('week', ${ts('sent_at')}) w, status, count(*) FROM notifications GROUP BY 1, 2`,
    'metrics:volume (stack by sender, 1 sender)': `SELECT date_trunc('week', ${ts('sent_at')}) w, status, count(*) FROM notifications WHERE sender_id = 'sender-3' GROUP BY 1, 2`,
    'metrics:datacost (2 years, weekly)': `WITH f AS (${firsts}), n AS (
        SELECT n.*, f.sent_at IS NOT NULL AS first FROM notifications n LEFT JOIN f USING (recipient_id, sender_id, sent_at)
        WHERE n.status IN ('sent','delivered'))
      SELECT date_trunc('week', ${ts('sent_at')}) w, count(*), sum(coalesce(bytes, CASE WHEN first THEN 15360 ELSE 2048 END)),
             count(DISTINCT recipient_id) FROM n GROUP BY 1`,
    'metrics:datacost (last 90 days)': `WITH f AS (${firsts}), n AS (
        SELECT n.*, f.sent_at IS NOT NULL AS first FROM notifications n LEFT JOIN f USING (recipient_id, sender_id, sent_at)
        WHERE n.status IN ('sent','delivered') AND ${recentN.replaceAll('sent_at', 'n.sent_at')})
      SELECT date_trunc('week', ${ts('sent_at')}) w, count(*), sum(coalesce(bytes, CASE WHEN first THEN 15360 ELSE 2048 END)),
             count(DISTINCT recipient_id) FROM n GROUP BY 1`,
    'metrics:optout (2 years, weekly, by sender/category)': `SELECT a.w, a.reached, b.opted FROM
        (SELECT date_trunc('week', ${ts('sent_at')}) w, count(DISTINCT recipient_id) reached FROM notifications WHERE status <> 'failed' GROUP BY 1) a
        LEFT JOIN (SELECT date_trunc('week', ${ts('occurred_at')}) w, count(DISTINCT recipient_id) opted FROM consent WHERE action IN ('opt_out','block') GROUP BY 1) b USING (w)`,
    'metrics:datacost per-recipient histogram (90 days)': `WITH f AS (${firsts}), n AS (
        SELECT n.*, f.sent_at IS NOT NULL AS first FROM notifications n LEFT JOIN f USING (recipient_id, sender_id, sent_at)
        WHERE n.status IN ('sent','delivered') AND ${recentN.replaceAll('sent_at', 'n.sent_at')})
      SELECT recipient_id, sum(coalesce(bytes, CASE WHEN first THEN 15360 ELSE 2048 END)) FROM n GROUP BY 1`,
    'metrics:optout (last 90 days, weekly)': `SELECT a.w, a.reached, b.opted FROM
        (SELECT date_trunc('week', ${ts('sent_at')}) w, count(DISTINCT recipient_id) reached FROM notifications WHERE status <> 'failed' AND ${recentN} GROUP BY 1) a
        LEFT JOIN (SELECT date_trunc('week', ${ts('occurred_at')}) w, count(DISTINCT recipient_id) opted FROM consent WHERE action IN ('opt_out','block') AND ${recentC} GROUP BY 1) b USING (w)`,
    'metrics:coverage (2 years, weekly)': `WITH f AS (${firsts}), nt AS (SELECT recipient_id, sender_id, min(occurred_at) AS first_at FROM consent WHERE action = 'notice_shown' GROUP BY 1, 2)
      SELECT date_trunc('week', ${ts('f.sent_at')}) w, count(*), count(*) FILTER (WHERE EXISTS (
        SELECT 1 FROM nt WHERE nt.recipient_id = f.recipient_id AND (nt.sender_id = f.sender_id OR nt.sender_id IS NULL) AND nt.first_at <= f.sent_at))
      FROM f GROUP BY 1`,
    'metrics:refusals (last 90 days, first page)': `WITH c AS (SELECT * FROM consent WHERE action IN ('opt_in','opt_out','block','unblock')),
      n AS (SELECT * FROM notifications WHERE status <> 'failed' AND ${recentN}),
      j AS (SELECT n.id, (SELECT c.action FROM c WHERE c.recipient_id = n.recipient_id AND c.occurred_at < n.sent_at
              AND (c.sender_id IS NULL OR c.sender_id = n.sender_id) ORDER BY c.occurred_at DESC, c.id DESC LIMIT 1) AS latest FROM n)
      SELECT count(*) FROM j WHERE latest IN ('opt_out','block')`,
    'metrics:urls (2 years, weekly)': `SELECT date_trunc('week', ${ts('occurred_at')}) w, action, count(DISTINCT url) FROM urls WHERE action IN ('shared','indexed','served') GROUP BY 1, 2`,
  };
}

async function timed(c: DuckDBConnection, sql: string, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await c.runAndReadAll(sql);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times.length % 2 ? times[times.length >> 1]! : (times[times.length / 2 - 1]! + times[times.length / 2]!) / 2;
}

/** Runs the DuckDB side and prints Notice Desk / DuckDB ratios beside each page query. */
export async function duckComparisons(
  sqliteFile: string,
  duckFile: string,
  results: { page: string; query: string; ms: number }[],
  runs: number,
): Promise<void> {
  if (!fs.existsSync(duckFile)) await load(sqliteFile, duckFile);
  const inst = await DuckDBInstance.create(duckFile, { access_mode: 'READ_ONLY' });
  const c = await inst.connect();
  const q = queries();
  console.log('\nDuckDB over the same raw rows (median ms; ratio = Notice Desk / DuckDB, < 1 means Notice Desk is faster):');
  for (const r of results) {
    const sql = q[r.query];
    if (!sql) continue;
    const duck = await timed(c, sql, Math.min(runs, 3));
    console.log(`${r.page.padEnd(14)} ${r.query.padEnd(48)} ${r.ms.toFixed(1).padStart(9)} ms  DuckDB ${duck.toFixed(1).padStart(9)} ms  ratio ${(r.ms / duck).toFixed(2)}`);
  }
  c.closeSync();
  inst.closeSync();
}
