/**
 * SQL pieces shared by the warehouse's volume, datacost and overview queries: the scope's WHERE
 * clause, a day's bucket start, and each pair's (or recipient's) first chargeable message. Every value
 * is written by the escaping functions of ../sql.ts.
 */
import type { Bucketing } from '../../../../shared/metrics/types.ts';
import type { QueryScope } from '../../db/metrics-repo.ts';
import type { Warehouse } from '../client.ts';
import { sqlInt, sqlString } from '../sql.ts';

/** Statuses of chargeable messages (docs/metrics.md, datacost). */
export const CHARGEABLE = `status IN ('sent', 'delivered')`;

/** `('a', 'b')`: the right side of an IN (18.16 takes a tuple there, not an array). */
function inList(values: readonly string[]): string {
  return `(${values.map(sqlString).join(', ')})`;
}

/** The scope's period (local day numbers) and sender and category filters, for a table with those columns. */
export function scopeWhere(q: QueryScope): string {
  const parts = [`day BETWEEN ${sqlInt(q.fromDay)} AND ${sqlInt(q.toDay)}`];
  if (q.senders !== null) parts.push(`sender_id IN ${inList(q.senders)}`);
  if (q.categories !== null) parts.push(`category IN ${inList(q.categories)}`);
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

/** A number from a query row (counts may come back as numbers or, for 64-bit sums, strings). */
export function num(v: unknown): number {
  return typeof v === 'number' ? v : Number(v);
}
