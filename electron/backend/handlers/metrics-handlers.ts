import { userError } from '../../../shared/contract/errors.ts';
import type { metricsCalls } from '../../../shared/contract/metrics.ts';
import { describeCostModel } from '../../../shared/metrics/cost-model.ts';
import { disclosureMarkers } from '../metrics/disclosure-link.ts';
import type { MetricQueryName } from '../metrics/queries.ts';
import { runMetricQuery } from '../metrics/query-pool.ts';
import {
  addUserMarker,
  loadCostModel,
  loadFilters,
  loadUserMarkers,
  removeUserMarker,
  resetCostModel,
  saveCostModel,
  saveFilters,
} from '../metrics/settings.ts';
import { workspaceTimeZone } from '../db/workspace-settings.ts';
import type { HandlerContext } from '../context.ts';
import type { HandlersFor } from './types.ts';
import { warehouseMetricQueries } from '../warehouse/metrics/index.ts';
import { sessionWarehouse } from '../warehouse/session.ts';

/**
 * A ClickHouse workspace's queries go to the warehouse; a local one's heavy queries go to the query
 * worker when a UI thread must stay free (not for the CLI or tests).
 */
function q<K extends MetricQueryName>(ctx: HandlerContext, name: K, input: object) {
  const session = ctx.workspace();
  const wh = sessionWarehouse(session, { secrets: ctx.host.secrets });
  if (wh) return warehouseMetricQueries[name](wh, session.db, input as Record<string, unknown>);
  return runMetricQuery(session, ctx.host.transport !== 'in-process', name, input as Record<string, unknown>);
}

/** The metrics calls: every figure comes from electron/backend/metrics (one implementation). */
export const metricsHandlers: HandlersFor<keyof typeof metricsCalls> = {
  'metrics:volume': (input, ctx) => q(ctx, 'volume', input),
  'metrics:datacost': (input, ctx) => q(ctx, 'datacost', input),
  'metrics:optout': (input, ctx) => q(ctx, 'optout', input),
  'metrics:coverage': (input, ctx) => q(ctx, 'coverage', input),
  'metrics:refusals': (input, ctx) => q(ctx, 'refusals', input),
  'metrics:urls': (input, ctx) => q(ctx, 'urls', input),
  'metrics:overview': (input, ctx) => q(ctx, 'overview', input),
  'metrics:dimensions': (input, ctx) => q(ctx, 'dimensions', input),
  'metrics:getCostModel': (_input, ctx) => describeCostModel(loadCostModel(ctx.workspace().db)),
  'metrics:setCostModel': (input, ctx) => {
    const model = saveCostModel(ctx.workspace().db, input);
    ctx.host.emit('data:changed', { reason: 'costModel' });
    return describeCostModel(model);
  },
  'metrics:resetCostModel': (_input, ctx) => {
    const model = resetCostModel(ctx.workspace().db);
    ctx.host.emit('data:changed', { reason: 'costModel' });
    return describeCostModel(model);
  },
  'metrics:getFilters': (_input, ctx) => loadFilters(ctx.workspace().db),
  'metrics:setFilters': (input, ctx) => saveFilters(ctx.workspace().db, input),
  'metrics:exportCsv': (input, ctx) => q(ctx, 'exportCsv', input),
  'markers:list': (_input, ctx) => {
    const session = ctx.workspace();
    return [...loadUserMarkers(session.db), ...disclosureMarkers(session.db, workspaceTimeZone(session.db))].sort((a, b) =>
      a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
    );
  },
  'markers:add': (input, ctx) => addUserMarker(ctx.workspace().db, input.date, input.label),
  'markers:remove': (input, ctx) => {
    if (!removeUserMarker(ctx.workspace().db, input.id)) {
      throw userError('not-found', 'metrics.marker-missing', { id: input.id });
    }
    return null;
  },
  'markers:around': (input, ctx) => q(ctx, 'around', input),
};
