/**
 * SQL pieces shared by the warehouse's volume, datacost and overview queries: the scope's WHERE
 * clause, a day's bucket start, and where each pair's (or recipient's) first chargeable message is
 * read. Every value is written by the escaping functions of ../sql.ts.
 */
import type { ClickHouseSettings } from '@clickhouse/client';
import type { Bucketing } from '../../../../shared/metrics/types.ts';
import type { QueryScope } from '../../db/metrics-repo.ts';
import type { Warehouse } from '../client.ts';
import { FIRST_ORDER, FIRSTS_SETTINGS } from '../firsts.ts';
import { sqlInt, sqlInTuple } from '../sql.ts';

export { CHARGEABLE } from '../firsts.ts';

/** The scope's period (local day numbers) and sender and category filters, for a table with those columns. */
export function scopeWhere(q: QueryScope): string {
  const parts = [`day BETWEEN ${sqlInt(q.fromDay)} AND ${sqlInt(q.toDay)}`];
  if (q.senders !== null) parts.push(`sender_id IN ${sqlInTuple(q.senders)}`);
  if (q.categories !== null) parts.push(`category IN ${sqlInTuple(q.categories)}`);
  return parts.join(' AND ');
}

/**
 * The first day number of the bucket holding `day` (as shared/metrics/calendar.ts `bucketStart`):
 * ISO weeks start on Monday (1970-01-01, day 0, was a Thursday); months by the calendar.
 */
export function bucketStartSql(by: Bucketing, day = 'day'): string {
  if (by === 'day') return day;
  if (by === 'week') return `(${day} - ((${day} + 3) % 7 + 7) % 7)`;
  return `toInt32(toUInt16(toStartOfMonth(addDays(toDate('1970-01-01'), ${day}))))`;
}

/** Where a query reads first chargeable messages from, and the settings to read them with. */
export interface FirstsSource {
  /**
   * A FROM item with recipient_id, sender_id, day, category, network, bytes, sent_at and present: in
   * pair scope `nd_firsts` itself (FINAL), so that the caller's WHERE and GROUP BY run on each shard;
   * in recipient scope each recipient's first of its pairs' firsts, grouped on each shard.
   */
  from: string;
  settings: ClickHouseSettings;
}

/**
 * The first chargeable messages over the whole workspace, per (recipient, sender) pair or per
 * recipient, from `nd_firsts` (kept by every import and delete: ../firsts.ts). The caller's WHERE
 * must include `present = 1`.
 */
export function firstsSource(wh: Warehouse, scope: 'pair' | 'recipient'): FirstsSource {
  const t = `${wh.table('nd_firsts')} FINAL`;
  if (scope === 'pair') return { from: t, settings: { optimize_move_to_prewhere: 0 } };
  return {
    from: `(SELECT recipient_id, f.1 AS sender_id, f.2 AS day, f.3 AS category, f.4 AS network, f.5 AS bytes, f.6 AS sent_at, toUInt8(1) AS present
      FROM (SELECT recipient_id, argMin((sender_id, day, category, network, bytes, sent_at), ${FIRST_ORDER}) AS f
            FROM ${t} WHERE present = 1 GROUP BY recipient_id))`,
    settings: FIRSTS_SETTINGS,
  };
}

/**
 * The settings of a query whose grouping over a Distributed table each shard can finish alone:
 * every shard sends back finished rows instead of partial states (argMin, uniqExact sets) for the
 * server to merge — 2–4× faster on two shards. Exact only where no group spans shards: events are
 * sharded by recipient and the rollups are filled on each shard from its own events, so all of a
 * pair's (or a recipient's) rows are on one shard, and per-shard distinct recipient counts add up.
 * The query must group per pair or recipient, or sum the shards' counts in an outer query.
 * One server ignores it.
 */
export const SHARD_LOCAL: ClickHouseSettings = { distributed_group_by_no_merge: '1' };

/** A number from a query row (counts may come back as numbers or, for 64-bit sums, strings). */
export function num(v: unknown): number {
  return typeof v === 'number' ? v : Number(v);
}
