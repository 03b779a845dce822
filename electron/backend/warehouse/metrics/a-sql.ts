/**
 * SQL pieces shared by the warehouse's volume, datacost and overview queries: the scope's WHERE
 * clause, a day's bucket start, and each pair's (or recipient's) first chargeable message. Every value
 * is written by the escaping functions of ../sql.ts.
 */
import type { ClickHouseSettings } from '@clickhouse/client';
import type { Bucketing } from '../../../../shared/metrics/types.ts';
import type { QueryScope } from '../../db/metrics-repo.ts';
import type { Warehouse } from '../client.ts';
import { sqlInt, sqlInTuple } from '../sql.ts';

/** Statuses of chargeable messages (docs/metrics.md, datacost). */
export const CHARGEABLE = `status IN ('sent', 'delivered')`;

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

/**
 * The order of "first" (docs/metrics.md, datacost): sent time, then event id as text (an absent id is
 * '' and so comes first), then import order.
 */
const FIRST_ORDER = '(sent_at, event_id, seq, row_no)';

/**
 * One row per (recipient, sender) pair — or per recipient — with its first chargeable message over
 * the whole workspace: recipient_id, sender_id, day, category, network, bytes (-1 unknown).
 * Events are sharded by recipient, so each pair's candidates merge from one shard.
 */
export function firstsSql(wh: Warehouse, scope: 'pair' | 'recipient'): string {
  const t = wh.table('nd_notifications');
  if (scope === 'pair') {
    return `SELECT recipient_id, sender_id, f.1 AS day, f.2 AS category, f.3 AS network, f.4 AS bytes
      FROM (SELECT recipient_id, sender_id, argMin((day, category, network, bytes), ${FIRST_ORDER}) AS f
            FROM ${t} WHERE ${CHARGEABLE} GROUP BY recipient_id, sender_id)`;
  }
  return `SELECT recipient_id, f.1 AS sender_id, f.2 AS day, f.3 AS category, f.4 AS network, f.5 AS bytes
    FROM (SELECT recipient_id, argMin((sender_id, day, category, network, bytes), ${FIRST_ORDER}) AS f
          FROM ${t} WHERE ${CHARGEABLE} GROUP BY recipient_id)`;
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
