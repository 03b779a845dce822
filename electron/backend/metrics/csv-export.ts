import { columnsOf, flattenRow, toCsv, type CsvValue } from '../../../shared/metrics/csv.ts';
import type { CsvExport, MetricName } from '../../../shared/metrics/types.ts';
import type { Db } from '../db/connection.ts';
import { computeCoverage, computeOptOut } from './consent.ts';
import { computeDataCost } from './datacost.ts';
import { computeRefusals } from './refusals.ts';
import type { FilterInput } from './scope.ts';
import { computeUrls } from './urls.ts';
import { computeVolume } from './volume.ts';

export type CsvTable = 'buckets' | 'bySender' | 'byCategory' | 'perRecipient' | 'messages' | 'topDomains';

function rowsOf(db: Db, metric: MetricName, table: CsvTable, filter: FilterInput, urlNoticeAt: number | null): object[] {
  switch (metric) {
    case 'volume': {
      const r = computeVolume(db, filter);
      return table === 'bySender' ? r.topSenders : r.buckets;
    }
    case 'datacost': {
      const r = computeDataCost(db, filter, { perRecipient: table === 'perRecipient' });
      return table === 'bySender' ? r.bySender : table === 'perRecipient' ? r.perRecipient : r.buckets;
    }
    case 'optout': {
      const r = computeOptOut(db, filter);
      return table === 'bySender' ? r.bySender : table === 'byCategory' ? r.byCategory : r.buckets;
    }
    case 'coverage': {
      const r = computeCoverage(db, filter);
      return table === 'perRecipient' ? r.timeToOptOut : r.buckets;
    }
    case 'refusals': {
      if (table === 'messages') return computeRefusals(db, { ...filter, limit: 1_000_000 }).messages;
      const r = computeRefusals(db, { ...filter, limit: 1 });
      return table === 'bySender' ? Object.entries(r.bySender).map(([senderId, violations]) => ({ senderId, violations })) : r.buckets;
    }
    case 'urls': {
      const r = computeUrls(db, filter, urlNoticeAt);
      return table === 'topDomains' ? r.topDomains : table === 'messages' ? r.indexedWithoutNoticeUrls : r.buckets;
    }
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
  const rows = rowsOf(db, metric, table, filter, urlNoticeAt).map((r) => flattenRow(r as Record<string, unknown>));
  const cols = columnsOf(rows as Record<string, CsvValue>[]);
  const period = [filter.from, filter.to].filter(Boolean).join('_');
  return {
    fileName: `${metric}-${table}${period ? '-' + period : ''}.csv`,
    csv: toCsv(rows, cols),
    rows: rows.length,
  };
}
