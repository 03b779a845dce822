/**
 * A metric filter resolved against a ClickHouse workspace: the same resolution as SQLite's
 * (metrics/scope.ts `resolveScopeIn`), with the data's day range read from the warehouse.
 */
import type { MetricFilter } from '../../../../shared/metrics/types.ts';
import type { Db } from '../../db/connection.ts';
import { workspaceTimeZone } from '../../db/workspace-settings.ts';
import { resolveScopeIn, type DayRange, type ResolvedScope } from '../../metrics/scope.ts';
import type { Warehouse } from '../client.ts';

/** The first and last days with any event (notifications, consent or URLs). */
export async function warehouseDayRange(wh: Warehouse): Promise<DayRange> {
  // The messages' days from their daily rollup (a row for every day with a message; far fewer rows
  // than the messages), the consent and URL events' from their own tables.
  const parts = ['nd_r_daily', 'nd_consent', 'nd_urls']
    .map((t) => `SELECT min(day) AS first, max(day) AS last, count() AS n FROM ${wh.table(t)}`)
    .join(' UNION ALL ');
  const rows = await wh.query<{ first: number; last: number; n: number }>(parts);
  let first: number | null = null;
  let last: number | null = null;
  for (const r of rows) {
    if (Number(r.n) === 0) continue;
    first = first === null ? Number(r.first) : Math.min(first, Number(r.first));
    last = last === null ? Number(r.last) : Math.max(last, Number(r.last));
  }
  return { first, last };
}

/** Resolves a filter for a warehouse workspace (its time zone is the local workspace's). */
export async function resolveWarehouseScope(wh: Warehouse, db: Db, filter: MetricFilter): Promise<ResolvedScope> {
  const range = filter.from === null || filter.to === null ? await warehouseDayRange(wh) : { first: null, last: null };
  return resolveScopeIn(workspaceTimeZone(db), filter, range);
}
