/**
 * URLs over the warehouse: the same result as metrics/urls.ts, assembled by its shared code
 * (assembleUrls). Distinct URLs per bucket and action, the lag sample's size, bins and middle values,
 * the URLs indexed without notice and the hosts of the indexed URLs are computed by ClickHouse from
 * nd_urls (sharded by URL, so a URL's events are on one shard); the URL-use notice's instant comes
 * from the local workspace's disclosures.
 */
import { emptyUrls } from '../../../../shared/metrics/empty.ts';
import type { UrlsResult } from '../../../../shared/metrics/types.ts';
import type { Db } from '../../db/connection.ts';
import type { QueryScope } from '../../db/metrics-repo.ts';
import { toFilter, type FilterInput } from '../../metrics/scope.ts';
import { assembleUrls, lagBins, median, urlNoticeDateOf } from '../../metrics/urls.ts';
import type { Warehouse } from '../client.ts';
import { sqlInt } from '../sql.ts';
import { bucketStartSql } from './a-sql.ts';
import { daysWhere, n } from './b-sql.ts';
import { resolveWarehouseScope } from './scope.ts';

const ACTIONS = `action IN ('shared', 'indexed', 'served')`;

/** Distinct URLs shared / indexed / served in a day range (the overview's URL cards). */
export async function warehouseDistinctUrls(wh: Warehouse, q: QueryScope): Promise<{ shared: number; indexed: number; served: number }> {
  const rows = await wh.query<{ action: string; n: number }>(
    `SELECT action, uniqExact(url) AS n FROM ${wh.table('nd_urls')} WHERE ${daysWhere(q)} AND ${ACTIONS} GROUP BY action`,
  );
  const of = new Map(rows.map((r) => [r.action, n(r.n)]));
  return { shared: of.get('shared') ?? 0, indexed: of.get('indexed') ?? 0, served: of.get('served') ?? 0 };
}

/** Each URL's first shared and first indexed instants over all time (has_* when it has any). */
function firstsSql(wh: Warehouse): string {
  return `SELECT url, minIf(occurred_at, action = 'shared') AS fs, minIf(occurred_at, action = 'indexed') AS fi,
      countIf(action = 'shared') > 0 AS has_shared, countIf(action = 'indexed') > 0 AS has_indexed
    FROM ${wh.table('nd_urls')} WHERE action IN ('shared', 'indexed') GROUP BY url`;
}

/**
 * URLs (docs/metrics.md): distinct URLs shared / indexed / served per bucket; the lag from first shared to
 * first indexed for URLs first shared in the period (and indexed later); indexed without notice (first
 * indexed in the period and before the URL-use notice's effective instant); top hosts of the URLs
 * indexed in the period. Sender and category filters do not apply.
 */
export async function warehouseUrls(wh: Warehouse, db: Db, input: FilterInput & { top?: number }, urlNoticeAt: number | null): Promise<UrlsResult> {
  const filter = toFilter(input);
  const scope = await resolveWarehouseScope(wh, db, filter);
  if (!scope.query) return { ...emptyUrls(filter.by, scope.zone), period: scope.period, urlNoticeDate: urlNoticeDateOf(urlNoticeAt, scope.zone) };
  const q = scope.query;
  const top = input.top ?? 10;
  const urls = wh.table('nd_urls');
  const hours = `(fi - fs) / 3600000.`;
  const bins = lagBins.map(
    (b, i) => `countIf(${hours} >= ${sqlInt(b.min)}${b.max === null ? '' : ` AND ${hours} < ${sqlInt(b.max)}`}) AS bin${i}`,
  );
  const end = urlNoticeAt === null ? q.toMs : Math.min(q.toMs, urlNoticeAt);
  const indexedIn = `has_indexed AND fi >= ${sqlInt(q.fromMs)} AND fi < ${sqlInt(end)}`;
  type LagRow = { lags: number; m1: number; m2: number } & Record<string, number>;
  const [perBucketRows, total, [lag], [count], first, domains] = await Promise.all([
    wh.query<{ b: number; action: string; n: number }>(
      `SELECT ${bucketStartSql(scope.by)} AS b, action, uniqExact(url) AS n FROM ${urls} WHERE ${daysWhere(q)} AND ${ACTIONS} GROUP BY b, action`,
    ),
    warehouseDistinctUrls(wh, q),
    // The sample's middle values (one twice for an odd count), not the sample.
    wh.query<LagRow>(
      `SELECT lags, m1, m2, ${lagBins.map((_, i) => `bin${i}`).join(', ')} FROM (
         SELECT count() AS lags, arraySort(groupArray(fi - fs)) AS sorted, sorted[intDiv(lags + 1, 2)] AS m1, sorted[intDiv(lags, 2) + 1] AS m2,
           ${bins.join(', ')}
         FROM (${firstsSql(wh)}) WHERE has_shared AND has_indexed AND fs >= ${sqlInt(q.fromMs)} AND fs < ${sqlInt(q.toMs)} AND fi > fs)`,
    ),
    wh.query<{ n: number }>(`SELECT count() AS n FROM (${firstsSql(wh)}) WHERE ${indexedIn}`),
    wh.query<{ url: string; fi: number }>(`SELECT url, fi FROM (${firstsSql(wh)}) WHERE ${indexedIn} ORDER BY url LIMIT 100`),
    wh.query<{ key: string; count: number }>(
      `SELECT host AS key, uniqExact(url) AS count FROM ${urls} WHERE ${daysWhere(q)} AND action = 'indexed'
       GROUP BY host ORDER BY count DESC, key LIMIT ${sqlInt(top)}`,
    ),
  ]);
  const perBucket = new Map<string, { shared: number; indexed: number; served: number }>();
  for (const r of perBucketRows) {
    const label = scope.label(n(r.b));
    const v = perBucket.get(label) ?? { shared: 0, indexed: 0, served: 0 };
    v[r.action as 'shared' | 'indexed' | 'served'] = n(r.n);
    perBucket.set(label, v);
  }
  const lagCount = n(lag?.lags ?? 0);
  return assembleUrls(filter, scope, urlNoticeAt, top, {
    distinct: (bucket) => (bucket === null ? total : (perBucket.get(bucket) ?? { shared: 0, indexed: 0, served: 0 })),
    lagCount,
    medianLagHours: lagCount === 0 ? null : median([n(lag!.m1) / 3_600_000, n(lag!.m2) / 3_600_000]),
    lagBinCounts: lagBins.map((_, i) => n(lag?.[`bin${i}`] ?? 0)),
    withoutNotice: { count: n(count?.n ?? 0), first: first.map((r) => [r.url, n(r.fi)]) },
    domains: domains.map((d) => ({ key: d.key, count: n(d.count) })),
  });
}
