import { dayLabel, localDay } from '../../../shared/metrics/calendar.ts';
import { emptyUrls } from '../../../shared/metrics/empty.ts';
import type { HistogramBin, UrlsResult } from '../../../shared/metrics/types.ts';
import type { Db } from '../db/connection.ts';
import { decodeIds } from '../rollups/index.ts';
import { urlIdCount, urlIdsByHost, urlLagsHours, urlSetsBetween, urlsFirstIndexed } from '../db/metrics-repo.ts';
import { popcount } from './reach.ts';
import { resolveScope, toFilter, type FilterInput } from './scope.ts';

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
  const urlNoticeDate = urlNoticeAt === null ? null : dayLabel(localDay(urlNoticeAt, scope.zone));
  if (!scope.query) return { ...emptyUrls(filter.by, scope.zone), period: scope.period, urlNoticeDate };
  const q = scope.query;
  const lags = urlLagsHours(db, q.fromMs, q.toMs);
  const firstIndexed = urlsFirstIndexed(db, q.fromMs, q.toMs, urlNoticeAt, 100);
  const withoutNoticeCount = firstIndexed.count;
  const withoutNotice = firstIndexed.first.map(([url, at]) => ({ url, firstIndexedAt: new Date(at).toISOString() }));
  withoutNotice.sort((a, b) => (a.firstIndexedAt < b.firstIndexedAt ? -1 : 1));
  const lagHistogram: HistogramBin[] = lagBins.map((b) => ({
    ...b,
    count: lags.filter((h) => h >= b.min && (b.max === null || h < b.max)).length,
  }));
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
  const domains = new Map<string, number>();
  if (indexedBits) {
    for (const [host, ids] of urlIdsByHost(db)) {
      let n = 0;
      for (const id of ids.split(',')) {
        const idx = Number(id);
        if (indexedBits[idx >>> 5]! & (1 << (idx & 31))) n++;
      }
      if (n > 0) domains.set(host, n);
    }
  }
  const topDomains = [...domains.entries()]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1))
    .slice(0, input.top ?? 10);
  const distinct = (prefix: string, action: string) => {
    const bits = sets.get(prefix + '|' + action);
    return bits ? popcount(bits) : 0;
  };
  const count = (prefix: string) => ({
    shared: distinct(prefix, 'shared'),
    indexed: distinct(prefix, 'indexed'),
    served: distinct(prefix, 'served'),
  });
  return {
    metric: 'urls',
    by: filter.by,
    period: scope.period,
    ...count(''),
    medianLagHours: median(lags),
    lagCount: lags.length,
    lagHistogram,
    indexedWithoutNotice: withoutNoticeCount,
    urlNoticeDate,
    topDomains,
    indexedWithoutNoticeUrls: withoutNotice,
    buckets: scope.buckets.map((b) => ({ bucket: b.label, ...count(b.label) })),
  };
}
