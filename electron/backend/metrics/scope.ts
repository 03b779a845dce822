import {
  bucketLabeller,
  bucketsBetween,
  dayLabel,
  dayStartUtc,
  parseDay,
} from '../../../shared/metrics/calendar.ts';
import { AppError, userError } from '../../../shared/contract/errors.ts';
import type { Bucketing, MetricFilter, MetricPeriod } from '../../../shared/metrics/types.ts';
import type { Db } from '../db/connection.ts';
import { dataDayRange, type QueryScope } from '../db/metrics-repo.ts';
import { workspaceTimeZone } from '../db/workspace-settings.ts';

/** A filter resolved against a workspace: days, instants, buckets and the bound query scope. */
export interface ResolvedScope {
  zone: string;
  by: Bucketing;
  period: MetricPeriod;
  /** Null when the workspace holds no events (every metric is then empty). */
  query: QueryScope | null;
  buckets: { label: string; start: number }[];
  /** The bucket label of a local day number. */
  label: (day: number) => string;
  /** The bound scope of one bucket (clipped to the period). */
  bucketScope: (index: number) => QueryScope;
}

/** The filter as the contract parses it (optional fields may be missing). */
export interface FilterInput {
  from?: string | null;
  to?: string | null;
  by?: Bucketing;
  senders?: string[];
  categories?: string[];
}

/** Fills a filter input's defaults. */
export function toFilter(input: FilterInput): MetricFilter {
  return {
    from: input.from ?? null,
    to: input.to ?? null,
    by: input.by ?? 'month',
    senders: input.senders ?? [],
    categories: input.categories ?? [],
  };
}

function day(date: string, field: string): number {
  try {
    return parseDay(date);
  } catch {
    throw userError('bad-input', 'metrics.bad-date', { field, date }, { field });
  }
}

/** Resolves a filter: missing dates default to the data's first and last days. */
export function resolveScope(db: Db, filter: MetricFilter): ResolvedScope {
  const range = filter.from === null || filter.to === null ? dataDayRange(db) : { first: null, last: null };
  return resolveScopeIn(workspaceTimeZone(db), filter, range);
}

/** The first and last days with data (null when there is none). */
export interface DayRange {
  first: number | null;
  last: number | null;
}

/**
 * Resolves a filter in a time zone, given the data's day range (needed only when `from` or `to` is
 * missing): the one resolution both engines use (the warehouse reads its range from ClickHouse).
 */
export function resolveScopeIn(zone: string, filter: MetricFilter, range: DayRange): ResolvedScope {
  const by = filter.by;
  const fromDay = filter.from !== null ? day(filter.from, 'from') : range.first;
  const toDay = filter.to !== null ? day(filter.to, 'to') : range.last;
  const label = bucketLabeller(by);
  if (fromDay === null || toDay === null) {
    return {
      zone,
      by,
      period: { from: filter.from, to: filter.to, by, timeZone: zone },
      query: null,
      buckets: [],
      label,
      bucketScope: () => {
        throw new AppError('internal', 'No period.');
      },
    };
  }
  if (toDay < fromDay) {
    throw userError('bad-input', 'metrics.period-reversed', { from: dayLabel(fromDay), to: dayLabel(toDay) });
  }
  const senders = filter.senders.length > 0 ? filter.senders : null;
  const categories = filter.categories.length > 0 ? filter.categories : null;
  const make = (a: number, b: number): QueryScope => ({
    fromDay: a,
    toDay: b,
    fromMs: dayStartUtc(a, zone),
    toMs: dayStartUtc(b + 1, zone),
    senders,
    categories,
  });
  const buckets = bucketsBetween(fromDay, toDay, by);
  return {
    zone,
    by,
    period: { from: dayLabel(fromDay), to: dayLabel(toDay), by, timeZone: zone },
    query: make(fromDay, toDay),
    buckets,
    label,
    bucketScope: (i) => {
      const start = Math.max(buckets[i]!.start, fromDay);
      const end = i + 1 < buckets.length ? buckets[i + 1]!.start - 1 : toDay;
      return make(start, Math.min(end, toDay));
    },
  };
}

/** a / b, or null when b is 0. */
export function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}
