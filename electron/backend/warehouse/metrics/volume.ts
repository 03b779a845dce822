/**
 * Volume over the warehouse: the same result as metrics/volume.ts, its counts summed by ClickHouse
 * from the daily rollup (nd_r_daily) and the first messages from the pairs' first messages (nd_firsts).
 */
import type { VolumeResult, VolumeStackBy } from '../../../../shared/metrics/types.ts';
import { emptyVolume } from '../../../../shared/metrics/empty.ts';
import type { Db } from '../../db/connection.ts';
import { ranked, type QueryScope } from '../../db/metrics-repo.ts';
import { loadCostModel } from '../../metrics/settings.ts';
import { toFilter, type FilterInput } from '../../metrics/scope.ts';
import { assembleVolume, STACK_COLUMN, type VolumeInputs } from '../../metrics/volume.ts';
import type { Warehouse } from '../client.ts';
import { sqlIdent } from '../sql.ts';
import { firstsSource, num, scopeWhere } from './a-sql.ts';
import { resolveWarehouseScope } from './scope.ts';

/** Notifications per sender in the scope, ranked (the overview counts senders from all of them). */
export async function warehouseTopSenders(wh: Warehouse, q: QueryScope, limit: number): Promise<VolumeResult['topSenders']> {
  const rows = await wh.query<{ key: string; count: number }>(
    `SELECT sender_id AS key, sum(n) AS count FROM ${wh.table('nd_r_daily')} WHERE ${scopeWhere(q)} GROUP BY sender_id`,
  );
  return ranked(
    rows.map((r) => ({ key: r.key, count: num(r.count) })),
    limit,
  );
}

/** Notifications per template (of its sender) in the scope, ranked; messages without a template left out. */
async function topTemplates(wh: Warehouse, q: QueryScope, limit: number): Promise<VolumeResult['topTemplates']> {
  const rows = await wh.query<{ key: string; senderId: string; count: number }>(
    `SELECT template_id AS key, sender_id AS senderId, sum(n) AS count FROM ${wh.table('nd_r_templates')}
     WHERE ${scopeWhere(q)} GROUP BY sender_id, template_id`,
  );
  return ranked(
    rows.map((r) => ({ key: r.key, senderId: r.senderId, count: num(r.count) })),
    limit,
  );
}

/** First chargeable messages (pair or recipient scope) per day of the first message, within the scope. */
export async function warehouseFirstsPerDay(wh: Warehouse, q: QueryScope, scope: 'pair' | 'recipient'): Promise<VolumeInputs['firsts']> {
  const firsts = firstsSource(wh, scope);
  const rows = await wh.query<{ day: number; n: number }>(
    `SELECT day, count() AS n FROM ${firsts.from} WHERE present = 1 AND ${scopeWhere(q)} GROUP BY day`,
    firsts.settings,
  );
  return rows.map((r) => ({ day: num(r.day), n: num(r.n) }));
}

/** Volume (docs/metrics.md): notifications per bucket by status and stack key; first and later messages; top senders and templates. */
export async function warehouseVolume(
  wh: Warehouse,
  db: Db,
  input: FilterInput & { stackBy?: VolumeStackBy; top?: number },
): Promise<VolumeResult> {
  const filter = toFilter(input);
  const stackBy = input.stackBy ?? 'status';
  const top = input.top ?? 10;
  const scope = await resolveWarehouseScope(wh, db, filter);
  if (!scope.query) return { ...emptyVolume(filter.by, scope.zone), stackBy, period: scope.period };
  const q = scope.query;
  const model = loadCostModel(db);
  const stack = STACK_COLUMN[stackBy];
  const [rows, firsts, senders, templates] = await Promise.all([
    wh.query<{ day: number; status: string; key: string; messages: number }>(
      `SELECT day, status, ${sqlIdent(stack)} AS key, sum(n) AS messages FROM ${wh.table('nd_r_daily')}
       WHERE ${scopeWhere(q)} GROUP BY day, status, key`,
    ),
    warehouseFirstsPerDay(wh, q, model.firstScope),
    warehouseTopSenders(wh, q, top),
    topTemplates(wh, q, top),
  ]);
  return assembleVolume(scope, stackBy, {
    rows: rows.map((r) => ({ day: num(r.day), status: r.status, key: r.key, n: num(r.messages) })),
    firsts,
    topSenders: senders,
    topTemplates: templates,
  });
}
