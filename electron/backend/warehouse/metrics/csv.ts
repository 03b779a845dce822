/**
 * CSV exports of a ClickHouse workspace: the same tables as metrics/csv-export.ts, each computed by
 * the warehouse's own metric query with the same input and written by the same shared code.
 */
import type { CsvExport, MetricName } from '../../../../shared/metrics/types.ts';
import type { Db } from '../../db/connection.ts';
import { csvExportOf, csvInput, csvRows, type CsvTable } from '../../metrics/csv-export.ts';
import type { FilterInput } from '../../metrics/scope.ts';
import type { Warehouse } from '../client.ts';
import type { WarehouseMetricTable } from './a-types.ts';

/** One metric's table as CSV, from the warehouse's query of that metric. */
export async function warehouseExportCsv(
  queries: WarehouseMetricTable,
  wh: Warehouse,
  db: Db,
  input: FilterInput & { metric?: unknown; table?: unknown },
): Promise<CsvExport> {
  const metric = input.metric as MetricName;
  const table = input.table as CsvTable;
  const result = await queries[metric](wh, db, csvInput(metric, table, input));
  return csvExportOf(metric, table, input, csvRows(metric, table, result));
}
