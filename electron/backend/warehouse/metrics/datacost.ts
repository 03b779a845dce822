/**
 * Datacost over the warehouse: the same result as metrics/datacost.ts. Chargeable messages and their
 * known sizes come from the daily rollup (nd_r_daily), distinct recipients from the reach rollup
 * (nd_r_reach), first messages from each pair's (or recipient's) first chargeable message over the
 * whole workspace (nd_firsts), and the per-recipient distribution is computed by ClickHouse (only its bin counts
 * and order statistics come back).
 */
import { emptyDataCost } from '../../../../shared/metrics/empty.ts';
import type { CostModel, DataCostResult } from '../../../../shared/metrics/types.ts';
import type { Db } from '../../db/connection.ts';
import type { QueryScope } from '../../db/metrics-repo.ts';
import {
  assembleDataCost,
  recipientBins,
  recipientDistributionOf,
  type ChargeRow,
  type DataCostRows,
  type FirstRow,
  type RecipientCounts,
  type RecipientDistribution,
} from '../../metrics/datacost.ts';
import { loadCostModel } from '../../metrics/settings.ts';
import { toFilter, type FilterInput, type ResolvedScope } from '../../metrics/scope.ts';
import type { Warehouse } from '../client.ts';
import { sqlInt } from '../sql.ts';
import { bucketStartSql, CHARGEABLE, SHARD_LOCAL, firstsSource, num, scopeWhere } from './a-sql.ts';
import { resolveWarehouseScope } from './scope.ts';

/** Chargeable messages per day and per sender, by network, with known sizes (daily rollup). */
async function chargeableRows(wh: Warehouse, q: QueryScope): Promise<DataCostRows['chargeable']> {
  const sql = (key: string) =>
    `SELECT ${key} AS key, network, sum(n) AS messages, sum(known_n) AS known_messages, sum(known_bytes) AS known_sum
     FROM ${wh.table('nd_r_daily')} WHERE ${CHARGEABLE} AND ${scopeWhere(q)} GROUP BY key, network`;
  type Row = { key: number | string; network: string; messages: number; known_messages: number; known_sum: number };
  const [day, sender] = await Promise.all([wh.query<Row>(sql('day')), wh.query<Row>(sql('sender_id'))]);
  const rows = (list: Row[], asDay: boolean): ChargeRow[] =>
    list.map((r) => ({
      key: asDay ? num(r.key) : String(r.key),
      network: r.network,
      messages: num(r.messages),
      known_messages: num(r.known_messages),
      known_bytes: num(r.known_sum),
    }));
  return { day: rows(day, true), sender: rows(sender, false) };
}

/**
 * First chargeable messages in the scope per day and per sender, by network, from one pass over the
 * pairs' first messages (each first row counted once under its day and once under its sender).
 */
async function firstRows(wh: Warehouse, q: QueryScope, scope: 'pair' | 'recipient'): Promise<DataCostRows['firsts']> {
  const firsts = firstsSource(wh, scope);
  const rows = await wh.query<{ kind: string; key: string; network: string; messages: number; known_messages: number }>(
    `SELECT k.1 AS kind, k.2 AS key, network, count() AS messages, countIf(bytes >= 0) AS known_messages
     FROM ${firsts.from} ARRAY JOIN [('d', toString(day)), ('s', sender_id)] AS k
     WHERE present = 1 AND ${scopeWhere(q)} GROUP BY kind, key, network`,
    firsts.settings,
  );
  const out: DataCostRows['firsts'] = { day: [], sender: [] };
  for (const r of rows) {
    const row: FirstRow = { key: r.kind === 'd' ? Number(r.key) : r.key, network: r.network, messages: num(r.messages), known_messages: num(r.known_messages) };
    (r.kind === 'd' ? out.day : out.sender).push(row);
  }
  return out;
}

/** Distinct recipients of chargeable messages in the period, per bucket and per sender (reach rollup). */
async function recipientCounts(wh: Warehouse, scope: ResolvedScope, q: QueryScope): Promise<RecipientCounts> {
  // Each shard counts its own recipients (none is on two shards); the outer query adds the shards up.
  const counted = (key: string) =>
    `SELECT ${key ? 'key, ' : ''}sum(n) AS n FROM (
       SELECT ${key ? `${key} AS key, ` : ''}uniqExactMerge(recipients) AS n
       FROM ${wh.table('nd_r_reach')} WHERE ${CHARGEABLE} AND ${scopeWhere(q)}${key ? ' GROUP BY key' : ''}
     )${key ? ' GROUP BY key' : ''}`;
  const [total, buckets, senders] = await Promise.all([
    wh.query<{ n: number }>(counted(''), SHARD_LOCAL),
    wh.query<{ key: number; n: number }>(counted(bucketStartSql(scope.by)), SHARD_LOCAL),
    wh.query<{ key: string; n: number }>(counted('sender_id'), SHARD_LOCAL),
  ]);
  const byBucket = new Map(buckets.map((r) => [scope.label(num(r.key)), num(r.n)]));
  const bySender = new Map(senders.map((r) => [r.key, num(r.n)]));
  return {
    total: num(total[0]?.n ?? 0),
    bucket: (label) => byBucket.get(label) ?? 0,
    sender: (senderId) => bySender.get(senderId) ?? 0,
  };
}

/**
 * Each recipient's bytes of chargeable messages in the scope (known sizes as given, unknown ones at
 * the later size, plus the first-message extra for each unknown-size first message in the scope),
 * summarised by ClickHouse: the bin counts of `recipientBins`, n, sum, max and the order statistics.
 */
async function recipientDistribution(wh: Warehouse, q: QueryScope, model: CostModel): Promise<RecipientDistribution> {
  const later = sqlInt(model.laterMessageBytes);
  const extra = sqlInt(model.firstMessageBytes - model.laterMessageBytes);
  const firsts = firstsSource(wh, model.firstScope);
  const bins = recipientBins
    .map((b, i) => {
      const cond = i === 0 ? `t < ${sqlInt(b.max!)}` : b.max === null ? `t >= ${sqlInt(b.min)}` : `t >= ${sqlInt(b.min)} AND t < ${sqlInt(b.max)}`;
      return `countIf(${cond}) AS b${i}`;
    })
    .join(', ');
  const [r] = await wh.query<Record<string, number>>(
    `SELECT n, total, top, ${recipientBins.map((_, i) => `b${i}`).join(', ')},
       s[intDiv(n - 1, 2) + 1] AS low_mid, s[intDiv(n - 1, 2) + 2] AS next_mid, s[least(n - 1, toUInt64(ceil(0.9 * n)) - 1) + 1] AS p90
     FROM (
       SELECT count() AS n, sum(t) AS total, max(t) AS top, ${bins}, arraySort(groupArray(t)) AS s
       FROM (
         SELECT recipient_id, sum(v) AS t FROM (
           SELECT recipient_id, toInt64(if(bytes >= 0, bytes, ${later})) AS v
           FROM ${wh.table('nd_notifications')} WHERE ${CHARGEABLE} AND ${scopeWhere(q)}
           UNION ALL
           SELECT recipient_id, toInt64(${extra}) AS v FROM ${firsts.from} WHERE present = 1 AND bytes < 0 AND ${scopeWhere(q)}
         ) GROUP BY recipient_id
       )
     )`,
    { ...SHARD_LOCAL, ...firsts.settings },
  );
  const n = num(r?.n ?? 0);
  const counts = recipientBins.map((_, i) => num(r?.[`b${i}`] ?? 0));
  if (n === 0) return recipientDistributionOf(counts, 0, 0, 0, null);
  const lowMid = num(r!.low_mid);
  return recipientDistributionOf(counts, n, num(r!.total), num(r!.top), {
    lowMid,
    highMid: n % 2 === 0 ? num(r!.next_mid) : lowMid,
    p90: num(r!.p90),
  });
}

/** Datacost (docs/metrics.md): bytes, chargeable and first messages, recipients, the charge range and the per-recipient distribution. */
export async function warehouseDataCost(
  wh: Warehouse,
  db: Db,
  input: FilterInput,
  options: { perRecipient?: boolean } = {},
): Promise<DataCostResult> {
  const filter = toFilter(input);
  const scope = await resolveWarehouseScope(wh, db, filter);
  const model = loadCostModel(db);
  if (!scope.query) return { ...emptyDataCost(filter.by, scope.zone), costModel: model, period: scope.period };
  const q = scope.query;
  const [chargeable, firsts, recipients, dist] = await Promise.all([
    chargeableRows(wh, q),
    firstRows(wh, q, model.firstScope),
    recipientCounts(wh, scope, q),
    options.perRecipient === false ? null : recipientDistribution(wh, q, model),
  ]);
  const result = assembleDataCost(scope, model, { chargeable, firsts }, recipients);
  return dist ? { ...result, perRecipient: dist.bins, perRecipientStats: dist.stats } : result;
}
