import { z } from 'zod';
import type {
  CostModelInfo,
  CoverageResult,
  CsvExport,
  DataCostResult,
  DimensionsResult,
  Marker,
  MarkerAroundResult,
  OptOutResult,
  OverviewResult,
  RefusalsResult,
  SavedFilters,
  UrlsResult,
  VolumeResult,
} from '../metrics/types.ts';
import { call } from './define.ts';

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
export const bucketingSchema = z.enum(['day', 'week', 'month']);

/** The filter shape every metric call takes: from/to inclusive local dates, buckets, senders, categories. */
export const metricFilterShape = {
  from: dateSchema.nullish(),
  to: dateSchema.nullish(),
  by: bucketingSchema.default('month'),
  senders: z.array(z.string()).max(500).default([]),
  categories: z.array(z.string()).max(500).default([]),
};

/** Every cost-model field with its bounds: what the editor may set and what a stored workspace may hold. */
export const costModelFieldsSchema = z.object({
  firstMessageBytes: z.number().int().min(0).max(100_000_000),
  laterMessageBytes: z.number().int().min(0).max(100_000_000),
  firstScope: z.enum(['pair', 'recipient']),
  tariffLowKrwPerKiB: z.number().min(0).max(1_000_000),
  tariffHighKrwPerKiB: z.number().min(0).max(1_000_000),
  cellularShare: z.number().min(0).max(1),
});
const costModelSchema = costModelFieldsSchema.partial().strict();

const savedFiltersSchema = z
  .object({
    preset: z.enum(['all', 'last7', 'last30', 'last90', 'last365', 'custom']),
    from: dateSchema.nullable(),
    to: dateSchema.nullable(),
    by: bucketingSchema,
    senders: z.array(z.string()).max(500),
    categories: z.array(z.string()).max(500),
  })
  .strict();

export const metricNameSchema = z.enum(['volume', 'datacost', 'optout', 'coverage', 'refusals', 'urls']);

export const metricsCalls = {
  /** Notification counts per bucket, by status, stacked by status | category | sender; top senders/templates. */
  'metrics:volume': call<VolumeResult>()(
    z
      .object({
        ...metricFilterShape,
        stackBy: z.enum(['status', 'category', 'sender']).default('status'),
        top: z.number().int().min(1).max(100).default(10),
      })
      .strict(),
  ),
  /** Data the notifications cost their recipients: totals, per bucket, per sender, per-recipient histogram. */
  'metrics:datacost': call<DataCostResult>()(
    z
      .object({
        ...metricFilterShape,
        /** The per-recipient histogram scans the period's raw rows: false skips it (empty bins). */
        perRecipient: z.boolean().default(true),
      })
      .strict(),
  ),
  /** Opt-out rate per bucket, by sender and by category. */
  'metrics:optout': call<OptOutResult>()(z.object(metricFilterShape).strict()),
  /** Notice coverage before the first message: trend, funnel, time from first message to opt-out. */
  'metrics:coverage': call<CoverageResult>()(
    z
      .object({
        ...metricFilterShape,
        /** The funnel's opt-out stage and the time-to-opt-out histogram look up each pair: false skips them. */
        funnel: z.boolean().default(true),
      })
      .strict(),
  ),
  /** Refusals honoured: violations by status / sender / bucket and one page of violating messages. */
  'metrics:refusals': call<RefusalsResult>()(
    z
      .object({
        ...metricFilterShape,
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(100),
      })
      .strict(),
  ),
  /** URLs shared / indexed / served per bucket, sharing→indexing lag, top domains, indexed without notice. */
  'metrics:urls': call<UrlsResult>()(
    z.object({ ...metricFilterShape, top: z.number().int().min(1).max(100).default(10) }).strict(),
  ),
  /** Every KPI card for the filtered period with the previous period of equal length. */
  'metrics:overview': call<OverviewResult>()(z.object(metricFilterShape).strict()),
  /** Senders, categories, templates present and the data's date range (for the filter pickers). */
  'metrics:dimensions': call<DimensionsResult>()(z.object({}).strict()),
  /** The workspace's cost model, its defaults and each default's source. */
  'metrics:getCostModel': call<CostModelInfo>()(z.object({}).strict()),
  /** Changes some cost-model fields (every figure changes at once; nothing is re-imported). */
  'metrics:setCostModel': call<CostModelInfo>()(costModelSchema),
  /** Puts every cost-model field back to its default. */
  'metrics:resetCostModel': call<CostModelInfo>()(z.object({}).strict()),
  /** The filters kept in the workspace. */
  'metrics:getFilters': call<SavedFilters>()(z.object({}).strict()),
  /** Keeps the filters in the workspace (partial update). */
  'metrics:setFilters': call<SavedFilters>()(savedFiltersSchema.partial().strict()),
  /** One metric's table as CSV (formula injection neutralised). */
  'metrics:exportCsv': call<CsvExport>()(
    z
      .object({
        ...metricFilterShape,
        metric: metricNameSchema,
        table: z.enum(['buckets', 'bySender', 'byCategory', 'perRecipient', 'messages', 'topDomains']).default('buckets'),
      })
      .strict(),
  ),
  /** Chart markers: the user's own plus every published disclosure. */
  'markers:list': call<Marker[]>()(z.object({}).strict()),
  /** Adds a user marker (a date and a label). */
  'markers:add': call<Marker>()(z.object({ date: dateSchema, label: z.string().trim().min(1).max(200) }).strict()),
  /** Removes a user marker. */
  'markers:remove': call<null>()(z.object({ id: z.string().min(1) }).strict()),
  /** Opt-out rate and coverage in the N days before and after a date, with the difference. */
  'markers:around': call<MarkerAroundResult>()(
    z
      .object({
        date: dateSchema,
        days: z.number().int().min(1).max(3660).default(30),
        senders: z.array(z.string()).max(500).default([]),
        categories: z.array(z.string()).max(500).default([]),
      })
      .strict(),
  ),
};
