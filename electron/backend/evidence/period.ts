/**
 * The period of an evidence pack: inclusive local dates in the workspace time zone, defaulting to the
 * workspace's first and last event days (today when it holds none); the chart bucketing that keeps a
 * chart to about 60 points; the instant the pack is dated by.
 */
import { isCivilDate } from '../../../shared/charts/dates.ts';
import { userError } from '../../../shared/contract/errors.ts';
import { dayLabel, dayStartUtc, localDay, parseDay } from '../../../shared/metrics/calendar.ts';
import type { Bucketing } from '../../../shared/metrics/types.ts';
import type { Db } from '../db/connection.ts';
import { dataDayRange } from '../db/metrics-repo.ts';

/** A chart holds at most about this many buckets. */
export const MAX_CHART_POINTS = 60;

export interface EvidencePeriod {
  from: string;
  to: string;
  fromDay: number;
  toDay: number;
  /** [fromMs, toMs): the first instant of `from` and of the day after `to`. */
  fromMs: number;
  toMs: number;
  timeZone: string;
  by: Bucketing;
  /** The last second of the period: what the pack is dated by. */
  stampedAt: number;
}

/** Days for a period of up to 60 days, ISO weeks up to about 60 weeks, else months. */
export function bucketingFor(days: number): Bucketing {
  if (days <= MAX_CHART_POINTS) return 'day';
  if (Math.ceil(days / 7) + 1 <= MAX_CHART_POINTS) return 'week';
  return 'month';
}

function checkDate(date: string | undefined): void {
  if (date !== undefined && !isCivilDate(date)) throw userError('bad-input', 'evidence.bad-date', { date });
}

/**
 * Resolves the period: given dates are checked (a real calendar day, from ≤ to); missing ones take the
 * first or last day with data, or today (`now` in the zone) when the workspace holds no events.
 */
export function resolvePeriod(
  db: Db,
  timeZone: string,
  input: { from?: string; to?: string },
  now: () => number = Date.now,
  /** The data's first and last day where the events are not in `db` (a ClickHouse workspace's warehouse). */
  dataRange?: { first: number | null; last: number | null },
): EvidencePeriod {
  checkDate(input.from);
  checkDate(input.to);
  let fromDay = input.from !== undefined ? parseDay(input.from) : null;
  let toDay = input.to !== undefined ? parseDay(input.to) : null;
  if (fromDay === null || toDay === null) {
    const range = dataRange ?? dataDayRange(db);
    const today = localDay(now(), timeZone);
    fromDay ??= range.first ?? Math.min(today, toDay ?? today);
    toDay ??= range.last !== null ? Math.max(range.last, fromDay) : Math.max(today, fromDay);
    // A given `to` before the data's first day (or a given `from` after its last) makes a one-day period there.
    if (input.from === undefined && fromDay > toDay) fromDay = toDay;
  }
  if (toDay < fromDay) throw userError('bad-input', 'evidence.bad-period', { from: dayLabel(fromDay), to: dayLabel(toDay) });
  const fromMs = dayStartUtc(fromDay, timeZone);
  const toMs = dayStartUtc(toDay + 1, timeZone);
  return {
    from: dayLabel(fromDay),
    to: dayLabel(toDay),
    fromDay,
    toDay,
    fromMs,
    toMs,
    timeZone,
    by: bucketingFor(toDay - fromDay + 1),
    stampedAt: toMs - 1000,
  };
}
