import { randomUUID } from 'node:crypto';
import { costModelFieldsSchema } from '../../../shared/contract/metrics.ts';
import { resolveCostModel } from '../../../shared/metrics/cost-model.ts';
import type { CostModel, Marker, SavedFilters } from '../../../shared/metrics/types.ts';
import type { Db } from '../db/connection.ts';
import { deleteMeta, getMeta, setMeta } from '../db/meta-repo.ts';

const COST_MODEL = 'metrics.costModel';
const FILTERS = 'metrics.filters';
const MARKERS = 'metrics.markers';

/**
 * The stored cost-model fields that are valid (each checked against its bounds); anything else —
 * a field a workspace edited elsewhere holds as text, NaN or out of range — falls back to its default.
 */
function storedCostModel(db: Db): Partial<CostModel> {
  const raw = getMeta<unknown>(db, COST_MODEL, null);
  const out: Record<string, unknown> = {};
  if (typeof raw !== 'object' || raw === null) return out;
  for (const [field, schema] of Object.entries(costModelFieldsSchema.shape)) {
    const parsed = schema.safeParse((raw as Record<string, unknown>)[field]);
    if (parsed.success) out[field] = parsed.data;
  }
  return out as Partial<CostModel>;
}

/** The workspace's cost model (its valid stored fields over the defaults): the one way the backend reads it. */
export function loadCostModel(db: Db): CostModel {
  return resolveCostModel(storedCostModel(db));
}

/** Stores some cost-model fields (the rest keep their values). */
export function saveCostModel(db: Db, patch: Partial<CostModel>): CostModel {
  const stored = storedCostModel(db);
  const next = { ...stored, ...patch };
  setMeta(db, COST_MODEL, next);
  return resolveCostModel(next);
}

/** Puts the cost model back to its defaults. */
export function resetCostModel(db: Db): CostModel {
  deleteMeta(db, COST_MODEL);
  return resolveCostModel(null);
}

export const defaultFilters: SavedFilters = { preset: 'all', from: null, to: null, by: 'month', senders: [], categories: [] };

/** The filters kept in the workspace. */
export function loadFilters(db: Db): SavedFilters {
  return { ...defaultFilters, ...getMeta<Partial<SavedFilters>>(db, FILTERS, {}) };
}

/** Keeps some filter fields in the workspace. */
export function saveFilters(db: Db, patch: Partial<SavedFilters>): SavedFilters {
  const next = { ...loadFilters(db), ...patch };
  setMeta(db, FILTERS, next);
  return next;
}

/** The user's own markers, by date. */
export function loadUserMarkers(db: Db): Marker[] {
  return getMeta<Marker[]>(db, MARKERS, []).map((m) => ({ ...m, kind: 'user' as const }));
}

/** Adds a user marker. */
export function addUserMarker(db: Db, date: string, label: string): Marker {
  const marker: Marker = { id: randomUUID(), date, label, kind: 'user' };
  const all = [...loadUserMarkers(db), marker].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  setMeta(db, MARKERS, all);
  return marker;
}

/** Removes a user marker; false when there was none with that id. */
export function removeUserMarker(db: Db, id: string): boolean {
  const all = loadUserMarkers(db);
  const rest = all.filter((m) => m.id !== id);
  if (rest.length === all.length) return false;
  setMeta(db, MARKERS, rest);
  return true;
}
