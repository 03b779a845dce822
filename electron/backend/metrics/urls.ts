import { dayLabel, localDay } from '../../../shared/metrics/calendar.ts';
import { emptyUrls } from '../../../shared/metrics/empty.ts';
import type { HistogramBin, UrlsResult } from '../../../shared/metrics/types.ts';
import type { Db } from '../db/connection.ts';
import { distinctUrls, indexedUrls, urlFirsts } from '../db/metrics-repo.ts';
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
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The host of a URL ('' when unparsable). */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/**
 * URLs (METRICS.md): distinct URLs shared / indexed / served per bucket; the lag from first shared to
 * first indexed for URLs first shared in the period; indexed without notice (first indexed in the
 * period and before the URL-use notice's effective instant; with no notice date every indexed URL counts).
 * Sender and category filters do not apply (URL events have neither).
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
  const noticeMs = urlNoticeAt;
  const lags: number[] = [];
  const withoutNotice: { url: string; firstIndexedAt: string }[] = [];
  let withoutNoticeCount = 0;
  for (const [url, shared, indexed] of urlFirsts(db)) {
    if (shared !== null && indexed !== null && indexed > shared && shared >= q.fromMs && shared < q.toMs) {
      lags.push((indexed - shared) / 3_600_000);
    }
    if (indexed !== null && indexed >= q.fromMs && indexed < q.toMs && (noticeMs === null || indexed < noticeMs)) {
      withoutNoticeCount++;
      if (withoutNotice.length < 100) withoutNotice.push({ url, firstIndexedAt: new Date(indexed).toISOString() });
    }
  }
  withoutNotice.sort((a, b) => (a.firstIndexedAt < b.firstIndexedAt ? -1 : 1));
  const lagHistogram: HistogramBin[] = lagBins.map((b) => ({
    ...b,
    count: lags.filter((h) => h >= b.min && (b.max === null || h < b.max)).length,
  }));
  const domains = new Map<string, number>();
  for (const url of indexedUrls(db, q.fromMs, q.toMs)) {
    const host = hostOf(url);
    domains.set(host, (domains.get(host) ?? 0) + 1);
  }
  const topDomains = [...domains.entries()]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1))
    .slice(0, input.top ?? 10);
  const count = (fromMs: number, toMs: number) => ({
    shared: distinctUrls(db, fromMs, toMs, 'shared'),
    indexed: distinctUrls(db, fromMs, toMs, 'indexed'),
    served: distinctUrls(db, fromMs, toMs, 'served'),
  });
  return {
    metric: 'urls',
    by: filter.by,
    period: scope.period,
    ...count(q.fromMs, q.toMs),
    medianLagHours: median(lags),
    lagCount: lags.length,
    lagHistogram,
    indexedWithoutNotice: withoutNoticeCount,
    urlNoticeDate,
    topDomains,
    indexedWithoutNoticeUrls: withoutNotice,
    buckets: scope.buckets.map((b, i) => {
      const s = scope.bucketScope(i);
      return { bucket: b.label, ...count(s.fromMs, s.toMs) };
    }),
  };
}
