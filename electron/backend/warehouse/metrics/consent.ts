/**
 * Optout and coverage over the warehouse: the same results as metrics/consent.ts, assembled by its
 * shared code (assembleOptOut, assembleCoverage, coverageOfDays). Reached recipients come from the
 * reach rollup (nd_r_reach); opted-out recipients, and their overlap with the reached ones, from one
 * pass over the consent events of the period grouped by recipient (with, for those recipients only,
 * their messages); coverage from each pair's first chargeable message (nd_firsts) joined on each
 * shard to its recipient's notices and opt-outs. Only per-group counts come back.
 */
import { emptyCoverage, emptyOptOut } from '../../../../shared/metrics/empty.ts';
import type { CoverageFigures, CoverageResult, OptOutFigures, OptOutResult } from '../../../../shared/metrics/types.ts';
import type { Db } from '../../db/connection.ts';
import type { CoverageDay, QueryScope } from '../../db/metrics-repo.ts';
import { assembleCoverage, assembleOptOut, coverageOfDays, optOutBins, optOutKeys, type OptOutTable } from '../../metrics/consent.ts';
import { ratio, toFilter, type FilterInput } from '../../metrics/scope.ts';
import type { Warehouse } from '../client.ts';
import { localName } from '../schema.ts';
import { sqlInt, sqlStrings } from '../sql.ts';
import { bucketStartSql, firstsSource, scopeWhere, SHARD_LOCAL } from './a-sql.ts';
import { consentSendersWhere, daysWhere, eachOf, n, REFUSING } from './b-sql.ts';
import type { Bucketing } from '../../../../shared/metrics/types.ts';
import { resolveWarehouseScope } from './scope.ts';

/** Senders and categories present (all time), count descending then key, as the dimensions. */
async function presentKeys(wh: Warehouse): Promise<{ senders: { key: string }[]; categories: { key: string }[] }> {
  const t = wh.table('nd_r_daily');
  const group = (col: string) => wh.query<{ key: string }>(`SELECT ${col} AS key, sum(n) AS count FROM ${t} GROUP BY ${col} ORDER BY count DESC, key`);
  const [senders, categories] = await Promise.all([group('sender_id'), group('category')]);
  return { senders, categories };
}

/** What an opt-out query groups by: buckets (by), and senders and categories when broken down. */
interface OptOutGroups {
  by: Bucketing | null;
  senders: readonly string[];
  breakdown: boolean;
}

/**
 * Distinct recipients reached (any status but failed) in the scope, per group key: 't' (the scope),
 * 'b<bucket start>', 's<sender>', 'c<category>' (reach rollup).
 */
async function reachedCounts(wh: Warehouse, q: QueryScope, groups: OptOutGroups): Promise<Map<string, number>> {
  // Each shard counts its own recipients (none is on two shards) and the outer query adds the shards
  // up: the servers send counts, not the recipient sets, to merge.
  const from = `FROM ${wh.table('nd_r_reach')} WHERE status <> 'failed' AND ${scopeWhere(q)}`;
  const keyed = (key: string) =>
    wh.query<{ k: string; n: number }>(
      `SELECT k, sum(n) AS n FROM (SELECT ${key} AS k, uniqExactMerge(recipients) AS n ${from} GROUP BY k) GROUP BY k`,
      SHARD_LOCAL,
    );
  const queries = [keyed(`'t'`)];
  if (groups.by) queries.push(keyed(`concat('b', toString(${bucketStartSql(groups.by)}))`));
  if (groups.breakdown) queries.push(keyed(`concat('s', sender_id)`), keyed(`concat('c', category)`));
  const out = new Map<string, number>();
  for (const rows of await Promise.all(queries)) for (const r of rows) out.set(r.k, n(r.n));
  return out;
}

/**
 * Opted-out recipients per group key (as reachedCounts'), each with how many of them the same group
 * reached: [opted, opted and reached]. A platform-wide event counts for every sender of
 * `groups.senders`; a category's opted-out recipients are those of 't' whom the category reached.
 */
async function optedCounts(wh: Warehouse, q: QueryScope, groups: OptOutGroups): Promise<Map<string, [number, number]>> {
  const optWhere = `${daysWhere(q)} AND ${REFUSING} AND ${consentSendersWhere(q.senders)}`;
  const consent = wh.table('nd_consent');
  const senderKeys = groups.breakdown ? groups.senders : [];
  const optKeys = ["'t'"];
  if (groups.by) optKeys.push(`concat('b', toString(${bucketStartSql(groups.by)}))`);
  if (senderKeys.length > 0) optKeys.push(`if(sender_id = '', 'p', concat('s', sender_id))`);
  // A recipient's reached keys from one row per recipient (each shard groups its own recipients), not
  // one row per message and key: the buckets, senders and categories that reached them, made keys after.
  const reachKeys = ["['t']"];
  if (groups.by) reachKeys.push(`arrayMap(b -> concat('b', toString(b)), groupUniqArray(${bucketStartSql(groups.by)}))`);
  if (groups.breakdown) {
    reachKeys.push(`arrayMap(s -> concat('s', s), groupUniqArray(sender_id))`, `arrayMap(c -> concat('c', c), groupUniqArray(category))`);
  }
  const everySender = senderKeys.length > 0 ? sqlStrings(senderKeys.map((k) => 's' + k)) : 'emptyArrayString()';
  const rows = await wh.query<{ k: string; opted: number; both: number }>(
    // Per recipient, the keys they opted out under and those of them that also reached them (one hashed
    // intersection, not a linear has() per key), then one row per key and kind.
    `SELECT kk.1 AS k, countIf(kk.2 = 0) AS opted, countIf(kk.2 = 1) AS both FROM (
       SELECT arrayDistinct(all_os) AS os_keys, arrayIntersect(os_keys, rs) AS both_keys FROM (
       SELECT rs, arrayConcat(os, if(has(os, 'p'), ${everySender}, emptyArrayString()),
                  if(has(os, 't'), arrayFilter(x -> substring(x, 1, 1) = 'c', rs), emptyArrayString())) AS all_os
       FROM (
         SELECT recipient_id, anyIf(reached, side = 0) AS rs, groupUniqArrayIf(g, side = 1) AS os FROM (
           SELECT recipient_id, toUInt8(0) AS side, '' AS g, arrayConcat(${reachKeys.join(', ')}) AS reached
           FROM ${wh.table('nd_notifications')}
           WHERE status <> 'failed' AND ${scopeWhere(q)} AND recipient_id GLOBAL IN (SELECT recipient_id FROM ${consent} WHERE ${optWhere})
           GROUP BY recipient_id
           UNION ALL
           SELECT recipient_id, toUInt8(1) AS side, arrayJoin(arrayFilter(x -> x <> '', [${optKeys.join(', ')}])) AS g, emptyArrayString() AS reached
           FROM ${consent} WHERE ${optWhere}
         ) GROUP BY recipient_id
       )
       )
     ) ARRAY JOIN arrayConcat(arrayMap(o -> (o, toUInt8(0)), os_keys), arrayMap(b -> (b, toUInt8(1)), both_keys)) AS kk
     WHERE k <> 'p' GROUP BY k`,
    SHARD_LOCAL,
  );
  return new Map(rows.map((r) => [r.k, [n(r.opted), n(r.both)]]));
}

/** The opt-out figures of each group from the two counts (docs/metrics.md: the category filter narrows). */
async function optOutCounts(wh: Warehouse, q: QueryScope, groups: OptOutGroups) {
  const [reached, opted] = await Promise.all([reachedCounts(wh, q, groups), optedCounts(wh, q, groups)]);
  const narrowed = q.categories !== null;
  return (key: string): OptOutFigures => {
    const r = reached.get(key) ?? 0;
    const [all, both] = opted.get(key) ?? [0, 0];
    const o = narrowed || key.startsWith('c') ? both : all;
    return { reached: r, optedOut: o, rate: ratio(o, r) };
  };
}

/** Opt-out figures of one bound scope (markers; the overview reads the whole result). */
export async function warehouseOptOutFigures(wh: Warehouse, q: QueryScope): Promise<OptOutFigures> {
  return (await optOutCounts(wh, q, { by: null, senders: [], breakdown: false }))('t');
}

/** Optout (docs/metrics.md): reached, opted out and rate per bucket, by sender and by category. */
export async function warehouseOptOut(wh: Warehouse, db: Db, input: FilterInput): Promise<OptOutResult> {
  const filter = toFilter(input);
  const scope = await resolveWarehouseScope(wh, db, filter);
  if (!scope.query) return { ...emptyOptOut(filter.by, scope.zone), period: scope.period };
  const keys = optOutKeys(filter, await presentKeys(wh));
  const figures = await optOutCounts(wh, scope.query, { by: scope.by, senders: keys.senders, breakdown: true });
  const startOf = new Map(scope.buckets.map((b) => [b.label, b.start]));
  const table: OptOutTable = {
    total: figures('t'),
    bucket: (label) => figures('b' + String(startOf.get(label))),
    sender: (k) => figures('s' + k),
    category: (k) => figures('c' + k),
  };
  return assembleOptOut(filter, scope, keys, table);
}

/** Lag bin edges in ms (consent.ts optOutBins, in hours). */
const LAG_EDGES_MS = optOutBins.map((b) => b.min * 3_600_000);

/**
 * Coverage counts per day of a pair's first message, for the pairs whose first chargeable message
 * (over the whole workspace) is in the scope: covered when its recipient's first notice (that sender's
 * or platform-wide) is at or before it, noticed when there is one at all, opted out (of the noticed)
 * with the first opt-out or block of that sender or platform-wide at or after it, by lag bin.
 */
export async function warehouseCoverageByDay(wh: Warehouse, q: QueryScope): Promise<CoverageDay[]> {
  const each = (column: string) => eachOf('evs', column);
  const firsts = firstsSource(wh, 'pair');
  const lagBins = LAG_EDGES_MS.map((lo, i) => {
    const hi = LAG_EDGES_MS[i + 1];
    return `countIf(o AND lag >= ${sqlInt(lo)}${hi === undefined ? '' : ` AND lag < ${sqlInt(hi)}`}) AS lag${i}`;
  });
  // One level: the pairs' firsts (a Distributed table on a cluster) joined to the consent events of
  // the shard's own local table, so that each shard joins and counts its own recipients (consent is
  // sharded by recipient too) and only per-day counts come back.
  const consentLocal = wh.table(localName('nd_consent', wh.config));
  const rows = await wh.query<Record<string, number>>(
    `WITH
       arrayMap(e -> e.1, arrayFilter((e, s) -> e.2 = 'notice_shown' AND (e.3 = '' OR e.3 = s), evs, ${each('sender_id')})) AS notices,
       notEmpty(notices) AS has_notice, arrayReduce('min', notices) AS notice_at,
       arrayMap(e -> e.1, arrayFilter((e, s, t) -> e.2 <> 'notice_shown' AND e.1 >= t AND (e.3 = '' OR e.3 = s), evs, ${each('sender_id')}, ${each('sent_at')})) AS refusals,
       has_notice AND notEmpty(refusals) AS o, arrayReduce('min', refusals) - sent_at AS lag
     SELECT day, count() AS pairs, countIf(has_notice AND notice_at <= sent_at) AS covered, countIf(has_notice) AS noticed,
            countIf(o) AS opted, ${lagBins.join(', ')}
     FROM ${firsts.from}
     ALL LEFT JOIN (
       SELECT recipient_id, groupArray((occurred_at, action, sender_id)) AS evs FROM ${consentLocal}
       WHERE action IN ('notice_shown', 'opt_out', 'block') AND ${consentSendersWhere(q.senders)} GROUP BY recipient_id
     ) AS events USING recipient_id
     WHERE present = 1 AND ${scopeWhere(q)}
     GROUP BY day`,
    firsts.settings,
  );
  return rows.map((r) => ({
    day: n(r.day),
    pairs: n(r.pairs),
    covered: n(r.covered),
    noticed: n(r.noticed),
    opted: n(r.opted),
    lags: [n(r.lag0), n(r.lag1), n(r.lag2), n(r.lag3), n(r.lag4), n(r.lag5)],
  }));
}

/** Coverage figures of one bound scope (markers). */
export async function warehouseCoverageOf(wh: Warehouse, q: QueryScope): Promise<CoverageFigures> {
  return coverageOfDays(await warehouseCoverageByDay(wh, q));
}

/** Coverage (docs/metrics.md) per bucket of the first message, with the funnel and time to opt-out. */
export async function warehouseCoverage(wh: Warehouse, db: Db, input: FilterInput & { funnel?: boolean }): Promise<CoverageResult> {
  const filter = toFilter(input);
  const scope = await resolveWarehouseScope(wh, db, filter);
  if (!scope.query) return { ...emptyCoverage(filter.by, scope.zone), period: scope.period };
  return assembleCoverage(filter, scope, await warehouseCoverageByDay(wh, scope.query), input.funnel);
}
