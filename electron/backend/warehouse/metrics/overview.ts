/**
 * The overview over the warehouse: the same cards as metrics/overview.ts, each taken from the
 * warehouse's implementation of its page's metric, for the period and the one of equal length before
 * it; the values and cards made by the SQLite engine's shared code.
 */
import type { CoverageResult, OverviewResult, UrlsResult } from '../../../../shared/metrics/types.ts';
import type { Db } from '../../db/connection.ts';
import { assembleOverview, overviewValues, previousPeriodOf, type OverviewValues } from '../../metrics/overview.ts';
import { toFilter, type FilterInput } from '../../metrics/scope.ts';
import type { Warehouse } from '../client.ts';
import type { WarehouseMetricTable } from './a-types.ts';
import { warehouseOptOutFigures } from './consent.ts';
import { warehouseDataCost } from './datacost.ts';
import { warehouseViolationTotal } from './refusals.ts';
import { resolveWarehouseScope } from './scope.ts';
import { warehouseTopSenders } from './volume.ts';

/** Every card's value for one period, from the pages' metrics (null when the workspace is empty). */
async function valuesFor(queries: WarehouseMetricTable, wh: Warehouse, db: Db, input: FilterInput): Promise<OverviewValues | null> {
  const scope = await resolveWarehouseScope(wh, db, toFilter(input));
  if (!scope.query) return null;
  // The cards need the period's totals only: opt-out without its breakdowns, refusals without a page.
  const [bySender, cost, optOut, coverage, violations, urls] = await Promise.all([
    warehouseTopSenders(wh, scope.query, 100_000),
    warehouseDataCost(wh, db, input, { perRecipient: false }),
    warehouseOptOutFigures(wh, scope.query),
    queries.coverage(wh, db, { ...input }) as Promise<CoverageResult>,
    warehouseViolationTotal(wh, scope.query),
    queries.urls(wh, db, { ...input }) as Promise<UrlsResult>,
  ]);
  return overviewValues({ bySender, cost, optOut, coverage: coverage.coverage, violations, urls });
}

/** Overview: every KPI card for the period and the previous period of equal length. */
export async function warehouseOverview(queries: WarehouseMetricTable, wh: Warehouse, db: Db, input: FilterInput): Promise<OverviewResult> {
  const filter = toFilter(input);
  const scope = await resolveWarehouseScope(wh, db, filter);
  const previousPeriod = previousPeriodOf(scope.period);
  if (!scope.query || previousPeriod === null) {
    return { metric: 'overview', period: scope.period, previousPeriod: null, cards: [] };
  }
  const [current, previous] = await Promise.all([
    valuesFor(queries, wh, db, filter),
    valuesFor(queries, wh, db, { ...filter, ...previousPeriod }),
  ]);
  return assembleOverview(scope.period, previousPeriod, current!, previous);
}
