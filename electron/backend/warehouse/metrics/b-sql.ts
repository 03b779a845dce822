/**
 * SQL pieces shared by the warehouse's optout, coverage, refusals and URL queries. Every value is
 * written by the escaping functions of ../sql.ts.
 */
import type { QueryScope } from '../../db/metrics-repo.ts';
import { sqlInt, sqlInTuple } from '../sql.ts';

/** The scope's local days, for any table with a `day` column. */
export function daysWhere(q: QueryScope): string {
  return `day BETWEEN ${sqlInt(q.fromDay)} AND ${sqlInt(q.toDay)}`;
}

/**
 * Consent events a sender filter keeps: that sender's and the platform-wide ones (sender_id '');
 * every event without a filter.
 */
export function consentSendersWhere(senders: readonly string[] | null): string {
  return senders === null ? '1' : `(sender_id = '' OR sender_id IN ${sqlInTuple(senders)})`;
}

/** The refusals' opt-out and block actions. */
export const REFUSING = `action IN ('opt_out', 'block')`;

/** A number from a query row (64-bit counts may come back as numbers or strings). */
export function n(v: unknown): number {
  return typeof v === 'number' ? v : Number(v);
}

/**
 * `column`'s value repeated once per element of `array`, to pass to a lambda beside it: 18.16 drops a
 * subquery's column that is only named inside a lambda ("Unknown identifier"), so a lambda takes
 * row values as arrays of its own instead of naming them.
 */
export function eachOf(array: string, column: string): string {
  return `arrayResize([${column}], length(${array}), ${column})`;
}
