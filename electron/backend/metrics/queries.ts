/**
 * The metric queries by name, as plain functions of (connection, input): what the handlers run,
 * either in-process or in the query worker.
 */
import type { Db } from '../db/connection.ts';
import { computeCoverage, computeOptOut } from './consent.ts';
import { exportMetricCsv, type CsvTable } from './csv-export.ts';
import { computeDataCost } from './datacost.ts';
import { computeDimensions } from './dimensions.ts';
import { urlNoticeAt } from './disclosure-link.ts';
import { computeAround } from './markers.ts';
import { computeOverview } from './overview.ts';
import { computeRefusals } from './refusals.ts';
import { computeUrls } from './urls.ts';
import { computeVolume } from './volume.ts';
import type { MetricName } from '../../../shared/metrics/types.ts';

type AnyInput = Record<string, unknown>;

export const metricQueries = {
  volume: (db: Db, input: AnyInput) => computeVolume(db, input),
  datacost: (db: Db, input: AnyInput) => computeDataCost(db, input, { perRecipient: input.perRecipient !== false }),
  optout: (db: Db, input: AnyInput) => computeOptOut(db, input),
  coverage: (db: Db, input: AnyInput) => computeCoverage(db, input),
  refusals: (db: Db, input: AnyInput) => computeRefusals(db, input),
  urls: (db: Db, input: AnyInput) => computeUrls(db, input, urlNoticeAt(db)),
  overview: (db: Db, input: AnyInput) => computeOverview(db, input),
  dimensions: (db: Db) => computeDimensions(db),
  around: (db: Db, input: AnyInput) => computeAround(db, input as unknown as Parameters<typeof computeAround>[1]),
  exportCsv: (db: Db, input: AnyInput) =>
    exportMetricCsv(db, input.metric as MetricName, input.table as CsvTable, input, urlNoticeAt(db)),
} satisfies Record<string, (db: Db, input: AnyInput) => unknown>;

export type MetricQueryName = keyof typeof metricQueries;
export type MetricQueryResult<K extends MetricQueryName> = ReturnType<(typeof metricQueries)[K]>;
