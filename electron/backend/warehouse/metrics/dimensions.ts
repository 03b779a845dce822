/**
 * The filter pickers' dimensions over the warehouse: the same result as metrics/dimensions.ts, the
 * counts summed by ClickHouse from the daily rollup over all time.
 */
import type { DimensionsResult } from '../../../../shared/metrics/types.ts';
import type { Db } from '../../db/connection.ts';
import { workspaceTimeZone } from '../../db/workspace-settings.ts';
import { assembleDimensions } from '../../metrics/dimensions.ts';
import type { Warehouse } from '../client.ts';
import { num } from './a-sql.ts';
import { warehouseDayRange } from './scope.ts';

type KeyCount = { key: string; count: number };

/** Senders, categories and templates present, with their notification counts: count descending, then key (bytewise, as SQLite). */
export async function warehouseDimensions(wh: Warehouse, db: Db): Promise<DimensionsResult> {
  const t = wh.table('nd_r_daily');
  const group = async (col: 'sender_id' | 'category') =>
    (
      await wh.query<KeyCount>(`SELECT ${col} AS key, sum(n) AS count FROM ${t} GROUP BY ${col} ORDER BY count DESC, key`)
    ).map((r) => ({ key: r.key, count: num(r.count) }));
  const [senders, categories, templates, range] = await Promise.all([
    group('sender_id'),
    group('category'),
    wh.query<KeyCount & { senderId: string }>(
      `SELECT template_id AS key, sender_id AS senderId, sum(n) AS count FROM ${wh.table('nd_r_templates')}
       GROUP BY sender_id, template_id ORDER BY count DESC, key, senderId`,
    ),
    warehouseDayRange(wh),
  ]);
  return assembleDimensions(
    { senders, categories, templates: templates.map((r) => ({ key: r.key, senderId: r.senderId, count: num(r.count) })) },
    range,
    workspaceTimeZone(db),
  );
}
