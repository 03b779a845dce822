import { dayLabel, parseDay } from '../../../shared/metrics/calendar.ts';
import type { DataCostResult, MetricPeriod, OverviewCard, OverviewCardId, OverviewResult } from '../../../shared/metrics/types.ts';
import type { Db } from '../db/connection.ts';
import { topSenders, violationTotal } from '../db/metrics-repo.ts';
import { coverageOf, optOutFigures } from './consent.ts';
import { computeDataCost } from './datacost.ts';
import { distinctUrlCounts } from './urls.ts';
import { resolveScope, toFilter, type FilterInput } from './scope.ts';

export type OverviewValues = Record<OverviewCardId, number | null>;

const PAGES: Record<OverviewCardId, OverviewCard['page']> = {
  notifications: 'notifications',
  recipients: 'notifications',
  senders: 'notifications',
  dataBytes: 'datacost',
  chargeLow: 'datacost',
  chargeHigh: 'datacost',
  optOutRate: 'consent',
  coverage: 'consent',
  violations: 'consent',
  urlsShared: 'urls',
  urlsIndexed: 'urls',
};

/** The figures of one period the cards are made of (each engine's implementations of the pages' metrics). */
export interface OverviewFigures {
  /** Notifications per sender in the period (every sender). */
  bySender: { key: string; count: number }[];
  cost: Pick<DataCostResult, 'totalBytes' | 'chargeKrw'>;
  optOut: { reached: number; rate: number | null };
  coverage: number | null;
  violations: number;
  urls: { shared: number; indexed: number };
}

/** Every card's value from one period's figures (both engines). */
export function overviewValues(f: OverviewFigures): OverviewValues {
  return {
    notifications: f.bySender.reduce((s, r) => s + r.count, 0),
    recipients: f.optOut.reached,
    senders: f.bySender.filter((s) => s.count > 0).length,
    dataBytes: f.cost.totalBytes,
    chargeLow: f.cost.chargeKrw.low,
    chargeHigh: f.cost.chargeKrw.high,
    optOutRate: f.optOut.rate,
    coverage: f.coverage,
    violations: f.violations,
    urlsShared: f.urls.shared,
    urlsIndexed: f.urls.indexed,
  };
}

/** The period of equal length just before a resolved period (null when the period is unknown). */
export function previousPeriodOf(period: MetricPeriod): { from: string; to: string } | null {
  if (period.from === null || period.to === null) return null;
  const from = parseDay(period.from);
  const to = parseDay(period.to);
  return { from: dayLabel(from - (to - from + 1)), to: dayLabel(from - 1) };
}

/** The overview result from the current and previous periods' values (both engines). */
export function assembleOverview(
  period: MetricPeriod,
  previousPeriod: { from: string; to: string },
  current: OverviewValues,
  previous: OverviewValues | null,
): OverviewResult {
  const cards = (Object.keys(PAGES) as OverviewCardId[]).map((id): OverviewCard => {
    const value = current[id];
    const prev = previous ? previous[id] : null;
    return { id, value, previous: prev, change: value === null || prev === null ? null : value - prev, page: PAGES[id] };
  });
  return { metric: 'overview', period, previousPeriod, cards };
}

/** Every card's value for one period (the same metric implementations as the pages). */
function valuesFor(db: Db, input: FilterInput): OverviewValues | null {
  const scope = resolveScope(db, toFilter(input));
  if (!scope.query) return null;
  const q = scope.query;
  return overviewValues({
    bySender: topSenders(db, q, 100_000),
    cost: computeDataCost(db, input, { perRecipient: false }),
    optOut: optOutFigures(db, q),
    coverage: coverageOf(db, q).coverage,
    violations: violationTotal(db, q),
    urls: distinctUrlCounts(db, q.fromDay, q.toDay),
  });
}

/** Overview: every KPI card for the period and the previous period of equal length. */
export function computeOverview(db: Db, input: FilterInput): OverviewResult {
  const filter = toFilter(input);
  const scope = resolveScope(db, filter);
  const previousPeriod = previousPeriodOf(scope.period);
  if (!scope.query || previousPeriod === null) {
    return { metric: 'overview', period: scope.period, previousPeriod: null, cards: [] };
  }
  return assembleOverview(scope.period, previousPeriod, valuesFor(db, filter)!, valuesFor(db, { ...filter, ...previousPeriod }));
}
