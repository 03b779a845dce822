import type { metricsCalls } from '../../../shared/contract/metrics.ts';
import { describeCostModel, defaultCostModel } from '../../../shared/metrics/cost-model.ts';
import {
  emptyCoverage,
  emptyDataCost,
  emptyOptOut,
  emptyRefusals,
  emptyUrls,
  emptyVolume,
} from '../../../shared/metrics/empty.ts';
import type { HandlersFor } from './types.ts';

/** STUB (being replaced by the real engine): correctly shaped empty results. */
export const metricsHandlers: HandlersFor<keyof typeof metricsCalls> = {
  'metrics:volume': (input, ctx) => (ctx.workspace(), { ...emptyVolume(input.by), stackBy: input.stackBy }),
  'metrics:datacost': (input, ctx) => (ctx.workspace(), emptyDataCost(input.by)),
  'metrics:optout': (input, ctx) => (ctx.workspace(), emptyOptOut(input.by)),
  'metrics:coverage': (input, ctx) => (ctx.workspace(), emptyCoverage(input.by)),
  'metrics:refusals': (input, ctx) => (ctx.workspace(), emptyRefusals(input.by)),
  'metrics:urls': (input, ctx) => (ctx.workspace(), emptyUrls(input.by)),
  'metrics:overview': (_input, ctx) => (
    ctx.workspace(),
    { metric: 'overview', period: { from: null, to: null, by: 'month', timeZone: 'Asia/Seoul' }, previousPeriod: null, cards: [] }
  ),
  'metrics:dimensions': (_input, ctx) => (
    ctx.workspace(),
    { senders: [], categories: [], templates: [], firstDate: null, lastDate: null, timeZone: 'Asia/Seoul' }
  ),
  'metrics:getCostModel': (_input, ctx) => (ctx.workspace(), describeCostModel(defaultCostModel)),
  'metrics:setCostModel': (_input, ctx) => (ctx.workspace(), describeCostModel(defaultCostModel)),
  'metrics:resetCostModel': (_input, ctx) => (ctx.workspace(), describeCostModel(defaultCostModel)),
  'metrics:getFilters': (_input, ctx) => (
    ctx.workspace(),
    { preset: 'all', from: null, to: null, by: 'month', senders: [], categories: [] }
  ),
  'metrics:setFilters': (_input, ctx) => (
    ctx.workspace(),
    { preset: 'all', from: null, to: null, by: 'month', senders: [], categories: [] }
  ),
  'metrics:exportCsv': (input, ctx) => (ctx.workspace(), { fileName: `${input.metric}.csv`, csv: '\uFEFF\r\n', rows: 0 }),
  'markers:list': (_input, ctx) => (ctx.workspace(), []),
  'markers:add': (input, ctx) => (ctx.workspace(), { id: 'stub', date: input.date, label: input.label, kind: 'user' }),
  'markers:remove': (_input, ctx) => (ctx.workspace(), null),
  'markers:around': (input, ctx) => {
    ctx.workspace();
    const side = { from: input.date, to: input.date, reached: 0, optedOut: 0, rate: null, pairs: 0, covered: 0, uncovered: 0, coverage: null };
    return { date: input.date, days: input.days, before: side, after: side, difference: { rate: null, coverage: null } };
  },
};
