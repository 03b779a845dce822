import { OTHER_KEY } from '../../../shared/charts/series.ts';
import { notificationStatuses, type NotificationStatus } from '../../../shared/domain/canonical.ts';
import type { VolumeBucket, VolumeResult, VolumeStackBy } from '../../../shared/metrics/types.ts';
import { emptyVolume } from '../../../shared/metrics/empty.ts';
import type { Db } from '../db/connection.ts';
import { firstsPerDay, topSenders, topTemplates, volumeByDay } from '../db/metrics-repo.ts';
import { loadCostModel } from './settings.ts';
import { resolveScope, toFilter, type FilterInput, type ResolvedScope } from './scope.ts';

export const STACK_COLUMN = { status: 'status', category: 'category', sender: 'sender_id' } as const;
/** Stack keys beyond this many are folded into "other" (`OTHER_KEY`). */
const MAX_STACK_KEYS = 8;

/**
 * The counts of `o` with their keys in the order of `keys` (then any other key, sorted): the key
 * order of a result — the columns of its CSV export — does not depend on the order of query rows.
 */
export function inOrder<K extends string>(o: Partial<Record<K, number>>, keys: readonly K[]): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  for (const k of (Object.keys(o) as K[]).sort()) if (out[k] === undefined) out[k] = o[k];
  return out;
}

/** What the volume page is assembled from (either engine's queries over the resolved scope). */
export interface VolumeInputs {
  /** Notifications per day, status and stack key. */
  rows: { day: number; status: string; key: string; n: number }[];
  /** First chargeable messages (under the cost model's first scope) per day. */
  firsts: { day: number; n: number }[];
  topSenders: VolumeResult['topSenders'];
  topTemplates: VolumeResult['topTemplates'];
}

/**
 * The volume result of a resolved, non-empty scope from its query rows: buckets, the stack (the
 * largest keys kept, the rest folded into `OTHER_KEY`), first and later chargeable messages.
 * Shared by the SQLite engine and the warehouse (warehouse/metrics/volume.ts).
 */
export function assembleVolume(scope: ResolvedScope, stackBy: VolumeStackBy, inputs: VolumeInputs): VolumeResult {
  const { rows } = inputs;
  const keyTotals = new Map<string, number>();
  for (const r of rows) keyTotals.set(r.key, (keyTotals.get(r.key) ?? 0) + r.n);
  const ranked = [...keyTotals.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
  const kept = new Set(ranked.length > MAX_STACK_KEYS ? ranked.slice(0, MAX_STACK_KEYS - 1) : ranked);
  const stackKeys = ranked.filter((k) => kept.has(k));
  if (kept.size < ranked.length) stackKeys.push(OTHER_KEY);

  const index = new Map(scope.buckets.map((b, i) => [b.label, i]));
  const buckets: VolumeBucket[] = scope.buckets.map((b) => ({
    bucket: b.label,
    total: 0,
    byStatus: {},
    stack: {},
    firstMessages: 0,
    laterMessages: 0,
  }));
  const byStatus: Partial<Record<NotificationStatus, number>> = {};
  let total = 0;
  for (const r of rows) {
    const b = buckets[index.get(scope.label(r.day))!]!;
    const status = r.status as NotificationStatus;
    b.total += r.n;
    b.byStatus[status] = (b.byStatus[status] ?? 0) + r.n;
    const key = kept.has(r.key) ? r.key : OTHER_KEY;
    b.stack[key] = (b.stack[key] ?? 0) + r.n;
    byStatus[status] = (byStatus[status] ?? 0) + r.n;
    total += r.n;
  }
  let firstMessages = 0;
  let chargeable = 0;
  for (const r of inputs.firsts) {
    buckets[index.get(scope.label(r.day))!]!.firstMessages += r.n;
    firstMessages += r.n;
  }
  // Chargeable (sent or delivered) messages come from the same per-day rows as the volume.
  for (const r of rows) {
    if (r.status !== 'sent' && r.status !== 'delivered') continue;
    buckets[index.get(scope.label(r.day))!]!.laterMessages += r.n;
    chargeable += r.n;
  }
  for (const b of buckets) {
    b.laterMessages -= b.firstMessages;
    b.byStatus = inOrder(b.byStatus, notificationStatuses);
    b.stack = inOrder(b.stack, stackKeys) as Record<string, number>;
  }
  return {
    metric: 'volume',
    by: scope.by,
    period: scope.period,
    total,
    byStatus: inOrder(byStatus, notificationStatuses),
    stackBy,
    stackKeys,
    firstMessages,
    laterMessages: chargeable - firstMessages,
    topSenders: inputs.topSenders,
    topTemplates: inputs.topTemplates,
    buckets,
  };
}

/** Volume: notifications per bucket, by status, stacked by status | category | sender; top senders and templates. */
export function computeVolume(
  db: Db,
  input: FilterInput & { stackBy?: VolumeStackBy; top?: number },
): VolumeResult {
  const filter = toFilter(input);
  const stackBy = input.stackBy ?? 'status';
  const top = input.top ?? 10;
  const scope = resolveScope(db, filter);
  if (!scope.query) return { ...emptyVolume(filter.by, scope.zone), stackBy, period: scope.period };
  const q = scope.query;
  const model = loadCostModel(db);
  return assembleVolume(scope, stackBy, {
    rows: volumeByDay(db, q, STACK_COLUMN[stackBy]),
    firsts: firstsPerDay(db, q, model.firstScope),
    topSenders: topSenders(db, q, top),
    topTemplates: topTemplates(db, q, top),
  });
}
