/**
 * Before and after a marker over the warehouse: the same result as metrics/markers.ts (its windows
 * and assembly), each window's opt-out and coverage figures from the warehouse's optout and coverage.
 */
import type { MarkerAroundResult, MarkerWindowFigures } from '../../../../shared/metrics/types.ts';
import type { Db } from '../../db/connection.ts';
import { aroundWindows, assembleAround, windowFigures, type AroundInput } from '../../metrics/markers.ts';
import { toFilter, type FilterInput } from '../../metrics/scope.ts';
import type { Warehouse } from '../client.ts';
import { warehouseCoverageOf, warehouseOptOutFigures } from './consent.ts';
import { resolveWarehouseScope } from './scope.ts';

async function figuresOf(wh: Warehouse, db: Db, window: FilterInput): Promise<MarkerWindowFigures> {
  const q = (await resolveWarehouseScope(wh, db, toFilter(window))).query!;
  const [optOut, coverage] = await Promise.all([warehouseOptOutFigures(wh, q), warehouseCoverageOf(wh, q)]);
  return windowFigures(window, optOut, coverage);
}

/** Opt-out rate and coverage over the N days before a date and the date plus N − 1 days after, with the difference. */
export async function warehouseAround(wh: Warehouse, db: Db, input: AroundInput): Promise<MarkerAroundResult> {
  const [before, after] = aroundWindows(input);
  const [b, a] = await Promise.all([figuresOf(wh, db, before), figuresOf(wh, db, after)]);
  return assembleAround(input, b, a);
}
