import { notificationStatuses } from '../../../shared/domain/canonical.ts';
import { columnsOf, flattenRow, toCsv, type CsvValue } from '../../../shared/metrics/csv.ts';
import type {
  CoverageResult,
  CsvExport,
  DataCostResult,
  MetricName,
  OptOutResult,
  RefusalsResult,
  UrlsResult,
  VolumeResult,
} from '../../../shared/metrics/types.ts';
import type { Db } from '../db/connection.ts';
import { computeCoverage, computeOptOut } from './consent.ts';
import { computeDataCost } from './datacost.ts';
import { computeRefusals } from './refusals.ts';
import type { FilterInput } from './scope.ts';
import { computeUrls } from './urls.ts';
import { computeVolume, inOrder } from './volume.ts';

export type CsvTable = 'buckets' | 'bySender' | 'byCategory' | 'perRecipient' | 'messages' | 'topDomains';

/** The input a CSV table's metric is computed with: the filter, and what only that table needs. */
export function csvInput(metric: MetricName, table: CsvTable, filter: FilterInput): FilterInput & Record<string, unknown> {
  if (metric === 'datacost') return { ...filter, perRecipient: table === 'perRecipient' };
  if (metric === 'refusals') return { ...filter, limit: table === 'messages' ? 1_000_000 : 1 };
  return { ...filter };
}

/** The rows of one CSV table from its metric's result (computed with `csvInput`); both engines. */
export function csvRows(metric: MetricName, table: CsvTable, result: unknown): object[] {
  switch (metric) {
    case 'volume': {
      const r = result as VolumeResult;
      return table === 'bySender' ? r.topSenders : r.buckets;
    }
    case 'datacost': {
      const r = result as DataCostResult;
      return table === 'bySender' ? r.bySender : table === 'perRecipient' ? r.perRecipient : r.buckets;
    }
    case 'optout': {
      const r = result as OptOutResult;
      return table === 'bySender' ? r.bySender : table === 'byCategory' ? r.byCategory : r.buckets;
    }
    case 'coverage': {
      const r = result as CoverageResult;
      return table === 'perRecipient' ? r.timeToOptOut : r.buckets;
    }
    case 'refusals': {
      // Senders by violations (then id) and statuses in the canonical order, whatever order the
      // engine's rows came in.
      const r = result as RefusalsResult;
      if (table === 'messages') return r.messages;
      if (table === 'buckets') return r.buckets.map((b) => ({ ...b, byStatus: inOrder(b.byStatus, notificationStatuses) }));
      return Object.entries(r.bySender)
        .map(([senderId, violations]) => ({ senderId, violations }))
        .sort((a, b) => b.violations - a.violations || (a.senderId < b.senderId ? -1 : a.senderId > b.senderId ? 1 : 0));
    }
    case 'urls': {
      const r = result as UrlsResult;
      return table === 'topDomains' ? r.topDomains : table === 'messages' ? r.indexedWithoutNoticeUrls : r.buckets;
    }
  }
}

/** A table's rows as the CSV export (nested fields flattened; formula injection neutralised); both engines. */
export function csvExportOf(metric: MetricName, table: CsvTable, filter: FilterInput, rows: object[]): CsvExport {
  const flat = rows.map((r) => flattenRow(r as Record<string, unknown>));
  const cols = columnsOf(flat as Record<string, CsvValue>[]);
  const period = [filter.from, filter.to].filter(Boolean).join('_');
  return {
    fileName: `${metric}-${table}${period ? '-' + period : ''}.csv`,
    csv: toCsv(flat, cols),
    rows: flat.length,
  };
}

function resultOf(db: Db, metric: MetricName, input: FilterInput & Record<string, unknown>, urlNoticeAt: number | null): unknown {
  switch (metric) {
    case 'volume':
      return computeVolume(db, input);
    case 'datacost':
      return computeDataCost(db, input, { perRecipient: input.perRecipient !== false });
    case 'optout':
      return computeOptOut(db, input);
    case 'coverage':
      return computeCoverage(db, input);
    case 'refusals':
      return computeRefusals(db, input);
    case 'urls':
      return computeUrls(db, input, urlNoticeAt);
  }
}

/** One metric's table as CSV (the same implementation as the pages; formula injection neutralised). */
export function exportMetricCsv(
  db: Db,
  metric: MetricName,
  table: CsvTable,
  filter: FilterInput,
  urlNoticeAt: number | null,
): CsvExport {
  const result = resultOf(db, metric, csvInput(metric, table, filter), urlNoticeAt);
  return csvExportOf(metric, table, filter, csvRows(metric, table, result));
}
