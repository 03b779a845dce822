/**
 * Distinct recipients over any period and filter from the reach rollup: the union of the stored
 * per-day sets, as bitsets over dense recipient ids, one per group (the whole period, each bucket,
 * each sender …). Exact, and it never scans the raw notifications.
 */
import type { Db } from '../db/connection.ts';
import type { QueryScope } from '../db/metrics-repo.ts';
import { decodeIds, reachSets, recipientIdCount, type ReachKind } from '../db/reach-repo.ts';

/** A set of recipient ids as a bitset. */
export type Bitset = Uint32Array;

/** The number of set bits. */
export function popcount(bits: Bitset): number {
  let n = 0;
  for (let i = 0; i < bits.length; i++) {
    let v = bits[i]!;
    if (v === 0) continue;
    v = v - ((v >>> 1) & 0x55555555);
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    n += (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
  }
  return n;
}

/** The intersection of two bitsets (a new bitset). */
export function intersect(a: Bitset, b: Bitset): Bitset {
  const out = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! & b[i]!;
  return out;
}

export interface ReachRow {
  day: number;
  senderId: string;
  category: string;
}

/**
 * Unions the stored sets of `kind` in the scope into one bitset per group; `groupsOf` names the
 * groups a stored set belongs to. With `withPlatform`, a sender filter keeps platform-wide ('') sets.
 */
export function unionByGroup(
  db: Db,
  kind: ReachKind,
  q: QueryScope,
  groupsOf: (row: ReachRow) => readonly string[],
  options: { withPlatform?: boolean; ignoreCategories?: boolean } = {},
): Map<string, Bitset> {
  const words = Math.ceil(recipientIdCount(db) / 32);
  const groups = new Map<string, Bitset>();
  const rows = reachSets(db, kind, q.fromDay, q.toDay, q.senders, options.ignoreCategories ? null : q.categories, options.withPlatform);
  const targets: Bitset[] = [];
  for (const r of rows) {
    const ids = decodeIds(r.ids);
    targets.length = 0;
    for (const g of groupsOf({ day: r.day, senderId: r.sender_id, category: r.category })) {
      let bits = groups.get(g);
      if (!bits) groups.set(g, (bits = new Uint32Array(words)));
      targets.push(bits);
    }
    // One pass over the ids, setting the bit in every target set.
    const k = targets.length;
    const a = targets[0];
    const b = targets[1];
    const c = targets[2];
    if (k === 1) for (let i = 0; i < ids.length; i++) a![ids[i]! >>> 5]! |= 1 << (ids[i]! & 31);
    else if (k === 2)
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        const w = id >>> 5;
        const m = 1 << (id & 31);
        a![w]! |= m;
        b![w]! |= m;
      }
    else if (k === 3)
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        const w = id >>> 5;
        const m = 1 << (id & 31);
        a![w]! |= m;
        b![w]! |= m;
        c![w]! |= m;
      }
    else
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        const w = id >>> 5;
        const m = 1 << (id & 31);
        for (let t = 0; t < k; t++) targets[t]![w]! |= m;
      }
  }
  return groups;
}

/** Stores under `into` the union of every group whose name starts with `prefix` (nothing when none). */
export function unionInto(groups: Map<string, Bitset>, into: string, prefix: string): void {
  let out: Bitset | null = null;
  for (const [g, bits] of groups) {
    if (!g.startsWith(prefix)) continue;
    out ??= new Uint32Array(bits.length);
    for (let i = 0; i < bits.length; i++) out[i]! |= bits[i]!;
  }
  if (out) groups.set(into, out);
}

/** Popcounts of every group (missing groups count 0). */
export function countsOf(groups: Map<string, Bitset>): (group: string) => number {
  const cache = new Map<string, number>();
  return (g) => {
    let n = cache.get(g);
    if (n === undefined) {
      const bits = groups.get(g);
      cache.set(g, (n = bits ? popcount(bits) : 0));
    }
    return n;
  };
}
