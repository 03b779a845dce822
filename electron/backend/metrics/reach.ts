/**
 * Distinct recipients over any period and filter from the reach rollup: the union of the stored
 * per-day sets, as bitsets over dense recipient ids, one per group (the whole period, each bucket,
 * each sender …). Exact, and it never scans the raw notifications.
 */
import type { Db } from '../db/connection.ts';
import type { QueryScope } from '../db/metrics-repo.ts';
import { nextBucketStart } from '../../../shared/metrics/calendar.ts';
import { allowedCodes, bucketCounts, dayRange, reachColumns } from './rollup-cache.ts';
import type { ResolvedScope } from './scope.ts';
import { decodeIds, reachSets, recipientIdCount, type ReachKind } from '../rollups/index.ts';

/** A set of recipient ids as a bitset. */
export type Bitset = Uint32Array;

/** Bitsets given back by finished queries, reused (zeroed) by the next ones: no allocation and collection per group. */
const pool: Bitset[] = [];
/** The most bitsets kept for reuse (one page's worth: ~24 MB at a million recipients). */
const POOL_MAX = 192;

/** A zeroed bitset of `words` words (from the pool when one of that size is there). */
function newBitset(words: number): Bitset {
  for (let i = pool.length - 1; i >= 0; i--) {
    if (pool[i]!.length !== words) continue;
    const bits = pool[i]!;
    pool[i] = pool[pool.length - 1]!;
    pool.pop();
    return bits.fill(0);
  }
  return new Uint32Array(words);
}

/** Gives the bitsets of finished group maps back to the pool (they must not be used afterwards). */
export function releaseGroups(...maps: Map<string, Bitset>[]): void {
  for (const m of maps) {
    for (const bits of m.values()) if (pool.length < POOL_MAX) pool.push(bits);
    m.clear();
  }
}

/** Set bits per 16-bit value (popcounts by two table lookups per word). */
const BITS16 = new Uint8Array(65_536);
for (let i = 1; i < 65_536; i++) BITS16[i] = (i & 1) + BITS16[i >>> 1]!;

/** The number of set bits. */
export function popcount(bits: Bitset): number {
  let n = 0;
  for (let i = 0; i < bits.length; i++) {
    const v = bits[i]!;
    n += BITS16[v & 0xffff]! + BITS16[v >>> 16]!;
  }
  return n;
}

/** The number of ids in both bitsets. */
export function intersectionCount(a: Bitset, b: Bitset): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i]! & b[i]!;
    n += BITS16[v & 0xffff]! + BITS16[v >>> 16]!;
  }
  return n;
}

export interface ReachRow {
  day: number;
  senderId: string;
  category: string;
}

/**
 * Unions the stored sets of `kind` in the scope into one bitset per group; `groupsOf` names the
 * groups a stored set belongs to. With `withPlatform`, a sender filter keeps platform-wide ('') sets.
 * The sets come from the loaded reach columns (kept by the query worker), or are streamed from
 * SQLite when a kind is too large to keep in memory.
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
  const targets: Bitset[] = [];
  const add = (row: ReachRow, ids: Uint32Array) => {
    targets.length = 0;
    for (const g of groupsOf(row)) {
      let bits = groups.get(g);
      if (!bits) groups.set(g, (bits = newBitset(words)));
      targets.push(bits);
    }
    setBits(targets, ids);
  };
  const categories = options.ignoreCategories ? null : q.categories;
  const cols = reachColumns(db, kind);
  if (!cols) {
    for (const r of reachSets(db, kind, q.fromDay, q.toDay, q.senders, categories, options.withPlatform)) {
      add({ day: r.day, senderId: r.sender_id, category: r.category }, decodeIds(r.ids));
    }
    return groups;
  }
  const [lo, hi] = dayRange(cols.day, q.fromDay, q.toDay);
  const senderOk = allowedCodes(cols.sender, q.senders && options.withPlatform ? [...q.senders, ''] : q.senders);
  const categoryOk = allowedCodes(cols.category, categories);
  for (let r = lo; r < hi; r++) {
    const s = cols.sender.codes[r]!;
    const c = cols.category.codes[r]!;
    if ((senderOk && !senderOk[s]) || (categoryOk && !categoryOk[c])) continue;
    add({ day: cols.day[r]!, senderId: cols.sender.values[s]!, category: cols.category.values[c]! }, cols.ids.subarray(cols.start[r]!, cols.start[r + 1]!));
  }
  return groups;
}

/** Sets the bit of every id in every target set (one pass over the ids). */
function setBits(targets: Bitset[], ids: Uint32Array): void {
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

/**
 * Distinct recipients of the scope's buckets that lie wholly inside its period, by label, when the
 * scope has no sender or category filter and the query worker keeps per-bucket counts (else empty:
 * the caller unions the day sets of every bucket).
 */
export function wholeBucketCounts(db: Db, kind: ReachKind, scope: ResolvedScope): Map<string, number> {
  const out = new Map<string, number>();
  const q = scope.query;
  if (!q || q.senders !== null || q.categories !== null) return out;
  const counts = bucketCounts(db, kind, scope.by);
  if (!counts) return out;
  for (const b of scope.buckets) {
    if (b.start >= q.fromDay && nextBucketStart(b.start, scope.by) - 1 <= q.toDay) out.set(b.label, counts.get(b.start) ?? 0);
  }
  return out;
}

/** Stores under `into` the union of every group whose name starts with `prefix` (nothing when none). */
export function unionInto(groups: Map<string, Bitset>, into: string, prefix: string): void {
  let out: Bitset | null = null;
  for (const [g, bits] of groups) {
    if (!g.startsWith(prefix)) continue;
    out ??= newBitset(bits.length);
    for (let i = 0; i < bits.length; i++) out[i]! |= bits[i]!;
  }
  if (out) groups.set(into, out);
}

/** ORs every group named `prefix` + key into the groups `targetsOf(key)` names (created as needed). */
export function mergeGroups(groups: Map<string, Bitset>, prefix: string, targetsOf: (key: string) => readonly string[]): void {
  const sources = [...groups].filter(([g]) => g.startsWith(prefix));
  for (const [g, bits] of sources) {
    for (const target of targetsOf(g.slice(prefix.length))) {
      let out = groups.get(target);
      if (!out) groups.set(target, (out = newBitset(bits.length)));
      for (let i = 0; i < bits.length; i++) out[i]! |= bits[i]!;
    }
  }
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
