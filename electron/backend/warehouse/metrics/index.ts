/**
 * The metric queries of a ClickHouse workspace, by the same names and with the same results as the
 * SQLite engine's `metricQueries` (metrics/queries.ts): the pages, the CLI and the CSV exports do not
 * know which engine answered. Each is tested against the same known answers on both engines.
 */
import type { Db } from '../../db/connection.ts';
import type { MetricQueryName, MetricQueryResult } from '../../metrics/queries.ts';
import { urlNoticeAt } from '../../metrics/disclosure-link.ts';
import type { AroundInput } from '../../metrics/markers.ts';
import type { Warehouse } from '../client.ts';
import { warehouseCoverage, warehouseOptOut } from './consent.ts';
import { warehouseExportCsv } from './csv.ts';
import { warehouseDataCost } from './datacost.ts';
import { warehouseDimensions } from './dimensions.ts';
import { warehouseAround } from './markers.ts';
import { warehouseOverview } from './overview.ts';
import { warehouseRefusals } from './refusals.ts';
import { warehouseUrls } from './urls.ts';
import { warehouseVolume } from './volume.ts';

type AnyInput = Record<string, unknown>;
export type WarehouseQuery<K extends MetricQueryName> = (wh: Warehouse, db: Db, input: AnyInput) => Promise<MetricQueryResult<K>>;

export const warehouseMetricQueries: { [K in MetricQueryName]: WarehouseQuery<K> } = {
  volume: (wh, db, input) => warehouseVolume(wh, db, input),
  datacost: (wh, db, input) => warehouseDataCost(wh, db, input, { perRecipient: input.perRecipient !== false }),
  optout: (wh, db, input) => warehouseOptOut(wh, db, input),
  coverage: (wh, db, input) => warehouseCoverage(wh, db, input),
  refusals: (wh, db, input) => warehouseRefusals(wh, db, input),
  urls: (wh, db, input) => warehouseUrls(wh, db, input, urlNoticeAt(db)),
  overview: (wh, db, input) => warehouseOverview(warehouseMetricQueries, wh, db, input),
  dimensions: (wh, db) => warehouseDimensions(wh, db),
  around: (wh, db, input) => warehouseAround(wh, db, input as unknown as AroundInput),
  exportCsv: (wh, db, input) => warehouseExportCsv(warehouseMetricQueries, wh, db, input),
};
