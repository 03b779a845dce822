/**
 * Truth: every figure and every chart row of a pack equals the metrics engine's result for the period
 * and an independent computation from the raw rows, written here in plain SQL (docs/metrics.md
 * applied directly). The data: the real demo samples (six months of AlimTalk sends, consent and URL
 * events), with a URL-use notice that took effect mid-period.
 */
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HandlerContext } from '../../../electron/backend/context.ts';
import { inProcessApi } from '../../../electron/backend/dispatch.ts';
import { MemorySettingsStore } from '../../../electron/backend/settings-store.ts';
import { writeEvidencePack, type WrittenPack } from '../../../electron/backend/evidence/pack.ts';
import { importFiles } from '../../../electron/backend/import/import-files.ts';
import { computeCoverage, computeOptOut } from '../../../electron/backend/metrics/consent.ts';
import { computeDataCost } from '../../../electron/backend/metrics/datacost.ts';
import { urlNoticeAt } from '../../../electron/backend/metrics/disclosure-link.ts';
import { computeRefusals } from '../../../electron/backend/metrics/refusals.ts';
import { computeUrls } from '../../../electron/backend/metrics/urls.ts';
import { computeVolume } from '../../../electron/backend/metrics/volume.ts';
import type { Db } from '../../../electron/backend/db/connection.ts';
import { jsonPdf, num, parseCsv, publish, seoul } from './helpers.ts';

const FROM = '2016-02-01';
const TO = '2016-04-30';
const DAY = 86_400_000;
const FROM_MS = seoul(`${FROM}T00:00`);
const TO_MS = seoul('2016-05-01T00:00');
const NOTICE_AT = seoul('2016-03-15T00:00');
const STATUSES = ['sent', 'delivered', 'failed', 'blocked', 'fallback_sms'];

/** Local (Seoul, UTC+9 without DST) day number of an instant column, in SQL. */
const dayOf = (column: string) => `CAST((${column} + 32400000) / 86400000 AS INTEGER)`;

/** ISO week label of a day number, written out here rather than taken from the engine's calendar. */
function isoWeek(day: number): string {
  const date = new Date(day * DAY);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date((day - weekday + 3) * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

const fromDay = Math.round((FROM_MS + 9 * 3_600_000) / DAY);
const toDay = fromDay + 89;
/** The period's weeks, in order. */
const WEEKS = [...new Set(Array.from({ length: toDay - fromDay + 1 }, (_, i) => isoWeek(fromDay + i)))];

let pack: WrittenPack;
let db: Db;
let figures: Map<string, number | null>;
let charts: Map<string, Record<string, string>[]>;

// One workspace for every test here (the shared helpers close theirs after each test).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'evidence-truth-'));
const ctx = new HandlerContext({ transport: 'in-process', settings: new MemorySettingsStore(), emit: () => {} });
afterAll(async () => {
  await ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

beforeAll(async () => {
  const api = inProcessApi(ctx);
  await api['workspace:create']({ path: path.join(dir, 'demo.sqlite') });
  const w = { api, db: () => ctx.workspace().db };
  const demo = path.resolve('resources/demo');
  const files = ['alimtalk-nhn-2016h1.csv.gz', 'consent-2016h1.csv.gz', 'urls-2016h1.csv.gz'].map((f) => path.join(demo, f));
  for (const r of await importFiles(w.db(), files)) expect(r.error ?? null).toBeNull();
  await publish(w.api, w.db, {
    surface: 'url-notice',
    submittedAt: NOTICE_AT - 3 * DAY,
    approvedAt: NOTICE_AT - 2 * DAY,
    publishedAt: NOTICE_AT - DAY,
    effectiveAt: NOTICE_AT,
  });
  db = w.db();
  const out = path.join(dir, 'pack');
  pack = await writeEvidencePack(db, { out, from: FROM, to: TO, language: 'ko', renderPdf: jsonPdf });
  figures = new Map(parseCsv(fs.readFileSync(path.join(out, 'figures.csv'), 'utf8')).map((r) => [r.id!, num(r.value)]));
  charts = new Map(pack.files.filter((f) => f.path.startsWith('charts/')).map((f) => [f.path, parseCsv(fs.readFileSync(path.join(out, f.path), 'utf8'))]));
  // An index for the independent queries only (after the pack was written).
  db.exec('CREATE INDEX IF NOT EXISTS truth_consent ON consent(recipient_id, occurred_at)');
}, 120_000);

const one = (sql: string, ...params: unknown[]) => Object.values(db.prepare(sql).get(...params) as Record<string, unknown>)[0] as number;
const rows = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];

/** Chargeable messages over the whole workspace with their pair's order (1 = the pair's first). */
const CHARGEABLE = `SELECT n.*, ROW_NUMBER() OVER (PARTITION BY recipient_id, sender_id ORDER BY sent_at, event_id, id) AS nth
  FROM notifications n WHERE status IN ('sent', 'delivered')`;
/** Each pair's first chargeable message, and whether the notice was shown (sender or platform-wide) at or before it. */
const PAIRS = `SELECT p.*, EXISTS(SELECT 1 FROM consent c WHERE c.recipient_id = p.recipient_id AND c.action = 'notice_shown'
    AND (c.sender_id IS NULL OR c.sender_id = '' OR c.sender_id = p.sender_id) AND c.occurred_at <= p.first) AS covered
  FROM (SELECT recipient_id, sender_id, min(sent_at) AS first FROM notifications WHERE status IN ('sent', 'delivered') GROUP BY 1, 2) p
  WHERE p.first >= ? AND p.first < ?`;
/** Messages (not failed) sent when the latest refusal-relevant consent event strictly before them was an opt-out or block. */
const VIOLATIONS = `SELECT n.* FROM notifications n WHERE n.status <> 'failed' AND n.sent_at >= ? AND n.sent_at < ?
  AND (SELECT c.action FROM consent c WHERE c.recipient_id = n.recipient_id AND (c.sender_id IS NULL OR c.sender_id = '' OR c.sender_id = n.sender_id)
       AND c.action IN ('opt_in', 'opt_out', 'block', 'unblock') AND c.occurred_at < n.sent_at ORDER BY c.occurred_at DESC, c.id DESC LIMIT 1) IN ('opt_out', 'block')`;
const FIRSTS = `SELECT url, min(CASE WHEN action = 'shared' THEN occurred_at END) AS shared, min(CASE WHEN action = 'indexed' THEN occurred_at END) AS indexed FROM urls GROUP BY url`;

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The independent value of every figure of figures.csv. */
function fromRawRows(): Record<string, number | null> {
  const period = [FROM_MS, TO_MS];
  const reached = one(`SELECT count(DISTINCT recipient_id) FROM notifications WHERE status <> 'failed' AND sent_at >= ? AND sent_at < ?`, ...period);
  const optedOut = one(`SELECT count(DISTINCT recipient_id) FROM consent WHERE action IN ('opt_out', 'block') AND occurred_at >= ? AND occurred_at < ?`, ...period);
  const pairs = rows<{ covered: number }>(PAIRS, ...period);
  const covered = pairs.filter((p) => p.covered).length;
  const cost = db
    .prepare(
      `SELECT sum(size) AS total, sum(CASE WHEN network <> 'wifi' THEN size ELSE 0 END) AS charged, count(*) AS messages,
              sum(nth = 1) AS firsts, sum(bytes IS NULL) AS estimated, count(DISTINCT recipient_id) AS recipients
         FROM (SELECT *, coalesce(bytes, CASE WHEN nth = 1 THEN 15360 ELSE 2048 END) AS size FROM (${CHARGEABLE})) WHERE sent_at >= ? AND sent_at < ?`,
    )
    .get(...period) as { total: number; charged: number; messages: number; firsts: number; estimated: number; recipients: number };
  const violations = rows<{ status: string }>(VIOLATIONS, ...period);
  const firsts = rows<{ url: string; shared: number | null; indexed: number | null }>(FIRSTS);
  const lags = firsts.filter((u) => u.shared !== null && u.shared >= FROM_MS && u.shared < TO_MS && u.indexed !== null && u.indexed > u.shared);
  const out: Record<string, number | null> = {
    'coverage.pairs': pairs.length,
    'coverage.covered': covered,
    'coverage.uncovered': pairs.length - covered,
    'coverage.coverage': covered / pairs.length,
    'optout.reached': reached,
    'optout.optedOut': optedOut,
    'optout.rate': optedOut / reached,
    'volume.notifications': one('SELECT count(*) FROM notifications WHERE sent_at >= ? AND sent_at < ?', ...period),
    'volume.recipients': reached,
    'datacost.totalBytes': cost.total,
    'datacost.chargedBytes': cost.charged,
    'datacost.chargeableMessages': cost.messages,
    'datacost.firstMessages': cost.firsts,
    'datacost.estimatedMessages': cost.estimated,
    'datacost.recipients': cost.recipients,
    'datacost.chargeLow': Math.round((cost.charged / 1024) * 0.025 * 1e6) / 1e6,
    'datacost.chargeHigh': Math.round((cost.charged / 1024) * 0.5 * 1e6) / 1e6,
    'refusals.violations': violations.length,
    'urls.shared': one(`SELECT count(DISTINCT url) FROM urls WHERE action = 'shared' AND occurred_at >= ? AND occurred_at < ?`, ...period),
    'urls.indexed': one(`SELECT count(DISTINCT url) FROM urls WHERE action = 'indexed' AND occurred_at >= ? AND occurred_at < ?`, ...period),
    'urls.indexedWithoutNotice': firsts.filter((u) => u.indexed !== null && u.indexed >= FROM_MS && u.indexed < TO_MS && u.indexed < NOTICE_AT).length,
    'urls.medianLagHours': median(lags.map((u) => (u.indexed! - u.shared!) / 3_600_000)),
    'urls.lagCount': lags.length,
  };
  for (const s of STATUSES) {
    out[`volume.status.${s}`] = one('SELECT count(*) FROM notifications WHERE status = ? AND sent_at >= ? AND sent_at < ?', s, ...period);
    if (s !== 'failed') out[`refusals.status.${s}`] = violations.filter((v) => v.status === s).length;
  }
  return out;
}

describe('the figures of an evidence pack (demo samples, 2016-02-01 to 2016-04-30)', () => {
  it('are the metrics engine’s, figure for figure', () => {
    const filter = { from: FROM, to: TO, by: 'week' as const };
    const coverage = computeCoverage(db, filter);
    const optout = computeOptOut(db, filter);
    const volume = computeVolume(db, filter);
    const cost = computeDataCost(db, filter);
    const refusals = computeRefusals(db, filter);
    const urls = computeUrls(db, filter, urlNoticeAt(db));
    const engine: Record<string, number | null> = {
      'coverage.pairs': coverage.pairs,
      'coverage.covered': coverage.covered,
      'coverage.uncovered': coverage.uncovered,
      'coverage.coverage': coverage.coverage,
      'optout.reached': optout.reached,
      'optout.optedOut': optout.optedOut,
      'optout.rate': optout.rate,
      'volume.notifications': volume.total,
      'volume.recipients': optout.reached,
      'datacost.totalBytes': cost.totalBytes,
      'datacost.chargedBytes': cost.chargedBytes,
      'datacost.chargeableMessages': cost.chargeableMessages,
      'datacost.firstMessages': cost.firstMessages,
      'datacost.estimatedMessages': cost.estimatedMessages,
      'datacost.recipients': cost.recipients,
      'datacost.chargeLow': cost.chargeKrw.low,
      'datacost.chargeHigh': cost.chargeKrw.high,
      'refusals.violations': refusals.violations,
      'urls.shared': urls.shared,
      'urls.indexed': urls.indexed,
      'urls.indexedWithoutNotice': urls.indexedWithoutNotice,
      'urls.medianLagHours': urls.medianLagHours,
      'urls.lagCount': urls.lagCount,
    };
    for (const s of STATUSES) {
      engine[`volume.status.${s}`] = volume.byStatus[s as keyof typeof volume.byStatus] ?? 0;
      if (s !== 'failed') engine[`refusals.status.${s}`] = refusals.byStatus[s as keyof typeof refusals.byStatus] ?? 0;
    }
    const inPack = Object.fromEntries([...figures].filter(([id]) => id !== 'urls.urlNoticeDate'));
    expect(inPack).toEqual(engine);
    expect(pack.summary.urlNoticeDate).toBe('2016-03-15');
    expect(pack.summary.bucketing).toBe('week');
  });

  it('equal an independent computation from the raw rows (known answers: nothing is zero by accident)', () => {
    const truth = fromRawRows();
    expect([...figures.keys()].filter((k) => k !== 'urls.urlNoticeDate').sort()).toEqual(Object.keys(truth).sort());
    for (const [id, expected] of Object.entries(truth)) {
      const actual = figures.get(id);
      if (expected === null || Number.isInteger(expected)) expect(actual, id).toBe(expected);
      else expect(actual, id).toBeCloseTo(expected, 6);
    }
    // The data makes every figure mean something.
    for (const id of ['coverage.covered', 'coverage.uncovered', 'optout.optedOut', 'refusals.violations', 'urls.indexedWithoutNotice', 'urls.lagCount']) {
      expect(truth[id], id).toBeGreaterThan(0);
    }
    expect(truth['urls.indexedWithoutNotice']).toBeLessThan(truth['urls.indexed']!);
  });

  it('chart by chart, bucket by bucket, equal the raw rows too', () => {
    const label = (day: number) => isoWeek(day);
    const zero = () => new Map(WEEKS.map((w) => [w, 0]));
    const period = [FROM_MS, TO_MS];
    // Volume by status.
    const volume = Object.fromEntries(STATUSES.map((s) => [s, zero()]));
    for (const r of rows<{ d: number; status: string; n: number }>(`SELECT ${dayOf('sent_at')} AS d, status, count(*) AS n FROM notifications WHERE sent_at >= ? AND sent_at < ? GROUP BY 1, 2`, ...period)) {
      volume[r.status]!.set(label(r.d), volume[r.status]!.get(label(r.d))! + r.n);
    }
    expect(charts.get('charts/volume.csv')).toEqual(WEEKS.map((w) => ({ bucket: w, ...Object.fromEntries(STATUSES.map((s) => [s, String(volume[s]!.get(w))])) })));
    // Coverage of first messages by the bucket of the first message.
    const covered = zero();
    const uncovered = zero();
    for (const p of rows<{ first: number; covered: number }>(PAIRS, ...period)) {
      const w = label(Math.floor((p.first + 32_400_000) / DAY));
      (p.covered ? covered : uncovered).set(w, (p.covered ? covered : uncovered).get(w)! + 1);
    }
    expect(charts.get('charts/coverage.csv')).toEqual(WEEKS.map((w) => ({ bucket: w, covered: String(covered.get(w)), uncovered: String(uncovered.get(w)) })));
    // Opt-out rate: distinct recipients per week.
    const reached = new Map(WEEKS.map((w) => [w, new Set<string>()]));
    const opted = new Map(WEEKS.map((w) => [w, new Set<string>()]));
    for (const r of rows<{ d: number; r: string }>(`SELECT ${dayOf('sent_at')} AS d, recipient_id AS r FROM notifications WHERE status <> 'failed' AND sent_at >= ? AND sent_at < ?`, ...period)) reached.get(label(r.d))!.add(r.r);
    for (const r of rows<{ d: number; r: string }>(`SELECT ${dayOf('occurred_at')} AS d, recipient_id AS r FROM consent WHERE action IN ('opt_out', 'block') AND occurred_at >= ? AND occurred_at < ?`, ...period)) opted.get(label(r.d))!.add(r.r);
    const rates = charts.get('charts/optout-rate.csv')!;
    expect(rates.map((r) => r.bucket)).toEqual(WEEKS);
    rates.forEach((r, i) => {
      const w = WEEKS[i]!;
      const n = reached.get(w)!.size;
      if (n === 0) expect(r.rate).toBe('');
      else expect(Number(r.rate), w).toBeCloseTo(opted.get(w)!.size / n, 12);
    });
    // Data volume and charges per week.
    const bytes = rows<{ d: number; total: number; charged: number }>(
      `SELECT ${dayOf('sent_at')} AS d, sum(size) AS total, sum(CASE WHEN network <> 'wifi' THEN size ELSE 0 END) AS charged
         FROM (SELECT *, coalesce(bytes, CASE WHEN nth = 1 THEN 15360 ELSE 2048 END) AS size FROM (${CHARGEABLE})) WHERE sent_at >= ? AND sent_at < ? GROUP BY 1`,
      ...period,
    );
    const total = zero();
    const charged = zero();
    for (const b of bytes) {
      total.set(label(b.d), total.get(label(b.d))! + b.total);
      charged.set(label(b.d), charged.get(label(b.d))! + b.charged);
    }
    expect(charts.get('charts/datacost-bytes.csv')).toEqual(WEEKS.map((w) => ({ bucket: w, totalBytes: String(total.get(w)), chargedBytes: String(charged.get(w)) })));
    charts.get('charts/datacost-charge.csv')!.forEach((r, i) => {
      const c = charged.get(WEEKS[i]!)!;
      expect(Number(r.chargeLow)).toBeCloseTo((c / 1024) * 0.025, 6);
      expect(Number(r.chargeHigh)).toBeCloseTo((c / 1024) * 0.5, 6);
    });
    // Violations by status per week.
    const refused = Object.fromEntries(STATUSES.filter((s) => s !== 'failed').map((s) => [s, zero()]));
    for (const v of rows<{ sent_at: number; status: string }>(VIOLATIONS, ...period)) {
      const w = label(Math.floor((v.sent_at + 32_400_000) / DAY));
      refused[v.status]!.set(w, refused[v.status]!.get(w)! + 1);
    }
    expect(charts.get('charts/refusals.csv')).toEqual(WEEKS.map((w) => ({ bucket: w, ...Object.fromEntries(Object.entries(refused).map(([s, m]) => [s, String(m.get(w))])) })));
    // Distinct URLs shared and indexed per week.
    const urlWeeks = (action: string) => {
      const m = new Map(WEEKS.map((w) => [w, new Set<string>()]));
      for (const r of rows<{ d: number; url: string }>(`SELECT ${dayOf('occurred_at')} AS d, url FROM urls WHERE action = ? AND occurred_at >= ? AND occurred_at < ?`, action, ...period)) m.get(label(r.d))!.add(r.url);
      return m;
    };
    const shared = urlWeeks('shared');
    const indexed = urlWeeks('indexed');
    expect(charts.get('charts/urls.csv')).toEqual(WEEKS.map((w) => ({ bucket: w, shared: String(shared.get(w)!.size), indexed: String(indexed.get(w)!.size) })));
  });

  it('every chart CSV is the engine’s per-bucket table', () => {
    const filter = { from: FROM, to: TO, by: 'week' as const };
    const byBucket = <T extends { bucket: string }>(xs: T[], f: (x: T) => (number | null)[]) => xs.map((x) => [x.bucket, ...f(x).map((v) => (v === null ? '' : String(v)))]);
    const asRows = (p: string) => charts.get(p)!.map((r) => Object.values(r));
    expect(asRows('charts/coverage.csv')).toEqual(byBucket(computeCoverage(db, filter).buckets, (b) => [b.covered, b.uncovered]));
    expect(asRows('charts/optout-rate.csv')).toEqual(byBucket(computeOptOut(db, filter).buckets, (b) => [b.rate]));
    expect(asRows('charts/volume.csv')).toEqual(byBucket(computeVolume(db, filter).buckets, (b) => STATUSES.map((s) => b.byStatus[s as 'sent'] ?? 0)));
    const cost = computeDataCost(db, filter).buckets;
    expect(asRows('charts/datacost-bytes.csv')).toEqual(byBucket(cost, (b) => [b.totalBytes, b.chargedBytes]));
    expect(asRows('charts/datacost-charge.csv')).toEqual(byBucket(cost, (b) => [b.chargeKrw.low, b.chargeKrw.high]));
    expect(asRows('charts/refusals.csv')).toEqual(byBucket(computeRefusals(db, filter).buckets, (b) => STATUSES.filter((s) => s !== 'failed').map((s) => b.byStatus[s as 'sent'] ?? 0)));
    expect(asRows('charts/urls.csv')).toEqual(byBucket(computeUrls(db, filter, urlNoticeAt(db)).buckets, (b) => [b.shared, b.indexed]));
  });
});
