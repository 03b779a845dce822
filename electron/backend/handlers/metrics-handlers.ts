import { AppError } from '../../../shared/contract/errors.ts';
import type { metricsCalls } from '../../../shared/contract/metrics.ts';
import { describeCostModel } from '../../../shared/metrics/cost-model.ts';
import { computeCoverage, computeOptOut } from '../metrics/consent.ts';
import { exportMetricCsv } from '../metrics/csv-export.ts';
import { computeDataCost } from '../metrics/datacost.ts';
import { computeDimensions } from '../metrics/dimensions.ts';
import { disclosureMarkers, urlNoticeAt } from '../metrics/disclosure-link.ts';
import { computeAround } from '../metrics/markers.ts';
import { computeOverview } from '../metrics/overview.ts';
import { computeRefusals } from '../metrics/refusals.ts';
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
import { computeUrls } from '../metrics/urls.ts';
import { computeVolume } from '../metrics/volume.ts';
import { workspaceTimeZone } from '../workspace.ts';
import type { HandlersFor } from './types.ts';

/** The metrics calls: every figure comes from electron/backend/metrics (one implementation). */
export const metricsHandlers: HandlersFor<keyof typeof metricsCalls> = {
  'metrics:volume': (input, ctx) => computeVolume(ctx.workspace().db, input),
  'metrics:datacost': (input, ctx) => computeDataCost(ctx.workspace().db, input),
  'metrics:optout': (input, ctx) => computeOptOut(ctx.workspace().db, input),
  'metrics:coverage': (input, ctx) => computeCoverage(ctx.workspace().db, input),
  'metrics:refusals': (input, ctx) => computeRefusals(ctx.workspace().db, input),
  'metrics:urls': (input, ctx) => {
    const db = ctx.workspace().db;
    return computeUrls(db, input, urlNoticeAt(db));
  },
  'metrics:overview': (input, ctx) => computeOverview(ctx.workspace().db, input),
  'metrics:dimensions': (_input, ctx) => computeDimensions(ctx.workspace().db),
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
  'metrics:exportCsv': (input, ctx) => {
    const db = ctx.workspace().db;
    return exportMetricCsv(db, input.metric, input.table, input, urlNoticeAt(db));
  },
  'markers:list': (_input, ctx) => {
    const session = ctx.workspace();
    return [...loadUserMarkers(session.db), ...disclosureMarkers(session.db, workspaceTimeZone(session))].sort((a, b) =>
      a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
    );
  },
  'markers:add': (input, ctx) => addUserMarker(ctx.workspace().db, input.date, input.label),
  'markers:remove': (input, ctx) => {
    if (!removeUserMarker(ctx.workspace().db, input.id)) {
      throw new AppError('not-found', `No marker with id ${input.id} (disclosure markers cannot be removed here).`);
    }
    return null;
  },
  'markers:around': (input, ctx) => computeAround(ctx.workspace().db, input),
};
