import { dayLabel, parseDay } from '../../../shared/metrics/calendar.ts';
import type { OverviewCard, OverviewCardId, OverviewResult } from '../../../shared/metrics/types.ts';
import type { Db } from '../db/connection.ts';
import { topSenders, violationTotal } from '../db/metrics-repo.ts';
import { coverageOf, optOutFigures } from './consent.ts';
import { computeDataCost } from './datacost.ts';
import { distinctUrlCounts } from './urls.ts';
import { resolveScope, toFilter, type FilterInput } from './scope.ts';

type Values = Record<OverviewCardId, number | null>;

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

/** Every card's value for one period (the same metric implementations as the pages). */
function valuesFor(db: Db, input: FilterInput): Values | null {
  const scope = resolveScope(db, toFilter(input));
  if (!scope.query) return null;
  const q = scope.query;
  const cost = computeDataCost(db, input, { perRecipient: false });
  const bySender = topSenders(db, q, 100_000);
  const senders = bySender.filter((s) => s.count > 0).length;
  const optOut = optOutFigures(db, q);
  const urls = distinctUrlCounts(db, q.fromDay, q.toDay);
  return {
    notifications: bySender.reduce((s, r) => s + r.count, 0),
    recipients: optOut.reached,
    senders,
    dataBytes: cost.totalBytes,
    chargeLow: cost.chargeKrw.low,
    chargeHigh: cost.chargeKrw.high,
    optOutRate: optOut.rate,
    coverage: coverageOf(db, q).coverage,
    violations: violationTotal(db, q),
    urlsShared: urls.shared,
    urlsIndexed: urls.indexed,
  };
}

/** Overview: every KPI card for the period and the previous period of equal length. */
export function computeOverview(db: Db, input: FilterInput): OverviewResult {
  const filter = toFilter(input);
  const scope = resolveScope(db, filter);
  if (!scope.query || scope.period.from === null || scope.period.to === null) {
    return { metric: 'overview', period: scope.period, previousPeriod: null, cards: [] };
  }
  const from = parseDay(scope.period.from);
  const to = parseDay(scope.period.to);
  const previousPeriod = { from: dayLabel(from - (to - from + 1)), to: dayLabel(from - 1) };
  const current = valuesFor(db, filter)!;
  const previous = valuesFor(db, { ...filter, ...previousPeriod });
  const cards = (Object.keys(PAGES) as OverviewCardId[]).map((id): OverviewCard => {
    const value = current[id];
    const prev = previous ? previous[id] : null;
    return { id, value, previous: prev, change: value === null || prev === null ? null : value - prev, page: PAGES[id] };
  });
  return { metric: 'overview', period: scope.period, previousPeriod, cards };
}
