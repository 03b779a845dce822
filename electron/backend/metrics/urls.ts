import { dayLabel, localDay } from '../../../shared/metrics/calendar.ts';
import { emptyUrls } from '../../../shared/metrics/empty.ts';
import type { MetricFilter, UrlsResult } from '../../../shared/metrics/types.ts';
import type { Db } from '../db/connection.ts';
import { decodeIds } from '../rollups/index.ts';
import { urlIdCount, urlIdsByHost, urlLagsHours, urlSetsBetween, urlsFirstIndexed } from '../db/metrics-repo.ts';
import { popcount } from './reach.ts';
import { resolveScope, toFilter, type FilterInput, type ResolvedScope } from './scope.ts';

/** Lag bins, in hours. */
export const lagBins: { label: string; min: number; max: number | null }[] = [
  { label: '< 1 h', min: 0, max: 1 },
  { label: '1–6 h', min: 1, max: 6 },
  { label: '6–24 h', min: 6, max: 24 },
  { label: '1–3 d', min: 24, max: 72 },
  { label: '3–7 d', min: 72, max: 168 },
  { label: '7–30 d', min: 168, max: 720 },
  { label: '≥ 30 d', min: 720, max: null },
];

/** The median of numbers (the mean of the two middle values for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = Float64Array.from(values).sort();
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Distinct URLs shared / indexed / served in a day range (unions of the per-day URL sets). */
export function distinctUrlCounts(db: Db, fromDay: number, toDay: number): { shared: number; indexed: number; served: number } {
  const words = Math.ceil(urlIdCount(db) / 32);
  const sets = new Map<string, Uint32Array>();
  for (const [, action, blob] of urlSetsBetween(db, fromDay, toDay)) {
    let bits = sets.get(action);
    if (!bits) sets.set(action, (bits = new Uint32Array(words)));
    const ids = decodeIds(blob);
    for (let i = 0; i < ids.length; i++) bits[ids[i]! >>> 5]! |= 1 << (ids[i]! & 31);
  }
  const n = (action: string) => {
    const bits = sets.get(action);
    return bits ? popcount(bits) : 0;
  };
  return { shared: n('shared'), indexed: n('indexed'), served: n('served') };
}

/** The figures of a URLs result, as each engine computes them. */
export interface UrlFigures {
  /** Distinct URLs with each action in a bucket (by label), or in the whole period (null). */
  distinct: (bucket: string | null) => { shared: number; indexed: number; served: number };
  /** The lag sample's size, median (hours) and counts per lagBins bin. */
  lagCount: number;
  medianLagHours: number | null;
  lagBinCounts: number[];
  /** URLs indexed without notice: their count and the first 100 in URL order with their first indexed instant. */
  withoutNotice: { count: number; first: [string, number][] };
  /** Distinct URLs indexed in the period per host (at least the top ones; any order). */
  domains: { key: string; count: number }[];
}

/** The URL-use notice's local date in the workspace's time zone (null: none published). */
export function urlNoticeDateOf(urlNoticeAt: number | null, zone: string): string | null {
  return urlNoticeAt === null ? null : dayLabel(localDay(urlNoticeAt, zone));
}

/** The URLs result from its figures (both engines). */
export function assembleUrls(
  filter: MetricFilter,
  scope: ResolvedScope,
  urlNoticeAt: number | null,
  top: number,
  f: UrlFigures,
): UrlsResult {
  const withoutNotice = f.withoutNotice.first.map(([url, at]) => ({ url, firstIndexedAt: new Date(at).toISOString() }));
  withoutNotice.sort((a, b) => (a.firstIndexedAt < b.firstIndexedAt ? -1 : 1));
  const topDomains = f.domains
    .filter((d) => d.count > 0)
    .map(({ key, count }) => ({ key, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1))
    .slice(0, top);
  return {
    metric: 'urls',
    by: filter.by,
    period: scope.period,
    ...f.distinct(null),
    medianLagHours: f.medianLagHours,
    lagCount: f.lagCount,
    lagHistogram: lagBins.map((b, i) => ({ ...b, count: f.lagBinCounts[i]! })),
    indexedWithoutNotice: f.withoutNotice.count,
    urlNoticeDate: urlNoticeDateOf(urlNoticeAt, scope.zone),
    topDomains,
    indexedWithoutNoticeUrls: withoutNotice,
    buckets: scope.buckets.map((b) => ({ bucket: b.label, ...f.distinct(b.label) })),
  };
}

/**
 * URLs (docs/metrics.md): distinct URLs shared / indexed / served per bucket; the lag from first shared to
 * first indexed for URLs first shared in the period; indexed without notice (first indexed in the
 * period and before the URL-use notice's effective instant; with no notice date every indexed URL counts).
 * Sender and category filters do not apply (URL events have neither). Reads the URL rollups only.
 */
export function computeUrls(
  db: Db,
  input: FilterInput & { top?: number },
  urlNoticeAt: number | null,
): UrlsResult {
  const filter = toFilter(input);
  const scope = resolveScope(db, filter);
  if (!scope.query) return { ...emptyUrls(filter.by, scope.zone), period: scope.period, urlNoticeDate: urlNoticeDateOf(urlNoticeAt, scope.zone) };
  const q = scope.query;
  const lags = urlLagsHours(db, q.fromMs, q.toMs);
  // Distinct URLs per bucket and action: unions of the per-day URL sets as bitsets.
  const words = Math.ceil(urlIdCount(db) / 32);
  const sets = new Map<string, Uint32Array>();
  const setOf = (key: string) => {
    let bits = sets.get(key);
    if (!bits) sets.set(key, (bits = new Uint32Array(words)));
    return bits;
  };
  for (const [day, action, blob] of urlSetsBetween(db, q.fromDay, q.toDay)) {
    const bucket = setOf(scope.label(day) + '|' + action);
    const total = setOf('|' + action);
    const ids = decodeIds(blob);
    for (let i = 0; i < ids.length; i++) {
      const w = ids[i]! >>> 5;
      const m = 1 << (ids[i]! & 31);
      bucket[w]! |= m;
      total[w]! |= m;
    }
  }
  const indexedBits = sets.get('|indexed');
  const domains: { key: string; count: number }[] = [];
  if (indexedBits) {
    for (const [host, ids] of urlIdsByHost(db)) {
      let n = 0;
      for (const id of ids.split(',')) {
        const idx = Number(id);
        if (indexedBits[idx >>> 5]! & (1 << (idx & 31))) n++;
      }
      if (n > 0) domains.push({ key: host, count: n });
    }
  }
  const distinct = (prefix: string, action: string) => {
    const bits = sets.get(prefix + '|' + action);
    return bits ? popcount(bits) : 0;
  };
  return assembleUrls(filter, scope, urlNoticeAt, input.top ?? 10, {
    distinct: (bucket) => ({
      shared: distinct(bucket ?? '', 'shared'),
      indexed: distinct(bucket ?? '', 'indexed'),
      served: distinct(bucket ?? '', 'served'),
    }),
    lagCount: lags.length,
    medianLagHours: median(lags),
    lagBinCounts: lagBins.map((b) => lags.filter((h) => h >= b.min && (b.max === null || h < b.max)).length),
    withoutNotice: urlsFirstIndexed(db, q.fromMs, q.toMs, urlNoticeAt, 100),
    domains,
  });
}
