/**
 * The warehouse's metric queries by name, as the metrics that combine others (overview, CSV exports)
 * receive them from index.ts (which holds them; importing it back would be a cycle).
 */
import type { MetricName } from '../../../../shared/metrics/types.ts';
import type { Db } from '../../db/connection.ts';
import type { Warehouse } from '../client.ts';

export type WarehouseMetricTable = Record<MetricName, (wh: Warehouse, db: Db, input: Record<string, unknown>) => Promise<unknown>>;
