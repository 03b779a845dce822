/**
 * The per-recipient usage rollup (migration 0009): per (local day, sender, category), for every
 * recipient with a chargeable (sent / delivered) message there, the number of such messages, how
 * many had no byte count, the sum of the known byte counts, and whether the first chargeable message
 * of the pair / of the recipient (docs/metrics.md datacost) is one of the unknown-size ones. The
 * per-recipient distribution of the data-charges page is then a sum over a few thousand stored
 * arrays under any cost model — no scan of the raw messages.
 *
 * A stored set is two BLOBs of n entries sorted by recipient id. `entries`, all a query reads:
 * a header (n and k, uint32 each), the k non-zero known byte sums (float64), then the recipient ids
 * and the unknown-size message counts (uint32 × n each) and flags (uint8 × n: bit 0 the unknown-size
 * pair first, bit 1 the unknown-size recipient first, bit 2 a known byte sum follows in order).
 * `messages` (uint32 × n), read only when merging, says which entries are still alive. Changes are
 * collected as signed deltas and merged into the stored sets by `flush`.
 */
import type { Db } from '../db/connection.ts';
import { bindList, inListSql } from '../db/in-list.ts';
import { ID_CACHE_MAX, SEP } from './keys.ts';
import { reachWriters } from './reach.ts';
import type { RollupStep } from './step.ts';

export const PAIR_FIRST = 1;
export const RECIPIENT_FIRST = 2;
export const HAS_KNOWN = 4;

/** A stored set as a query reads it (views over the blob, or over an aligned copy). */
export interface UsageEntries {
  idx: Uint32Array;
  unknown: Uint32Array;
  flags: Uint8Array;
  /** The non-zero known byte sums, in entry order (one per entry flagged HAS_KNOWN). */
  known: Float64Array;
}

/** Decodes a stored `entries` blob. */
export function decodeUsage(blob: Uint8Array): UsageEntries {
  let buf = blob.buffer as ArrayBuffer;
  let at = blob.byteOffset;
  if (at % 8 !== 0) {
    buf = new ArrayBuffer(blob.byteLength);
    new Uint8Array(buf).set(blob);
    at = 0;
  }
  const [n, k] = new Uint32Array(buf, at, 2) as unknown as [number, number];
  const ids = at + 8 + 8 * k;
  return {
    known: new Float64Array(buf, at + 8, k),
    idx: new Uint32Array(buf, ids, n),
    unknown: new Uint32Array(buf, ids + 4 * n, n),
    flags: new Uint8Array(buf, ids + 8 * n, n),
  };
}

/** A set as merging works on it: every field dense. */
interface UsageSet {
  known: Float64Array;
  idx: Uint32Array;
  messages: Uint32Array;
  unknown: Uint32Array;
  flags: Uint8Array;
}

function allocate(n: number): UsageSet {
  return {
    known: new Float64Array(n),
    idx: new Uint32Array(n),
    messages: new Uint32Array(n),
    unknown: new Uint32Array(n),
    flags: new Uint8Array(n),
  };
}

/** Both stored blobs of a set back as one dense set. */
function decodeFull(entries: Uint8Array, messages: Uint8Array): UsageSet {
  const e = decodeUsage(entries);
  const n = e.idx.length;
  const out = allocate(n);
  out.idx.set(e.idx);
  out.unknown.set(e.unknown);
  const m = new Uint8Array(out.messages.buffer);
  m.set(messages.subarray(0, 4 * n));
  for (let i = 0, kk = 0; i < n; i++) {
    out.flags[i] = e.flags[i]! & (PAIR_FIRST | RECIPIENT_FIRST);
    if (e.flags[i]! & HAS_KNOWN) out.known[i] = e.known[kk++]!;
  }
  return out;
}

/** The first n entries of a dense set as the stored `entries` and `messages` blobs. */
function encode(set: UsageSet, n: number): [Buffer, Buffer] {
  let k = 0;
  for (let i = 0; i < n; i++) if (set.known[i] !== 0) k++;
  const buf = new ArrayBuffer(8 + 8 * k + 9 * n);
  const head = new Uint32Array(buf, 0, 2);
  head[0] = n;
  head[1] = k;
  const known = new Float64Array(buf, 8, k);
  const ids = 8 + 8 * k;
  new Uint32Array(buf, ids, n).set(set.idx.subarray(0, n));
  new Uint32Array(buf, ids + 4 * n, n).set(set.unknown.subarray(0, n));
  const flags = new Uint8Array(buf, ids + 8 * n, n);
  for (let i = 0, kk = 0; i < n; i++) {
    flags[i] = set.flags[i]!;
    if (set.known[i] !== 0) {
      flags[i]! |= HAS_KNOWN;
      known[kk++] = set.known[i]!;
    }
  }
  return [Buffer.from(buf), Buffer.from(set.messages.buffer, set.messages.byteOffset, 4 * n)];
}

/** A signed change of one recipient's entry: [messages, unknown-size messages, known bytes, pair firsts, recipient firsts]. */
export type UsageDelta = [number, number, number, number, number];
type Delta = UsageDelta;

/** Merges deltas (sorted by recipient id) into a stored set; entries left without messages are dropped. */
function merge(old: UsageSet | null, ids: Uint32Array, deltas: Delta[]): { set: UsageSet; n: number } {
  const oldN = old ? old.idx.length : 0;
  const out = allocate(oldN + ids.length);
  let i = 0;
  let j = 0;
  let n = 0;
  const put = (idx: number, m: number, u: number, k: number, f: number) => {
    if (m <= 0) return;
    out.idx[n] = idx;
    out.messages[n] = m;
    out.unknown[n] = Math.max(0, u);
    out.known[n] = Math.max(0, k);
    out.flags[n] = f;
    n++;
  };
  const flagsOf = (f: number, d: Delta) => {
    const pair = (f & PAIR_FIRST ? 1 : 0) + d[3];
    const recipient = (f & RECIPIENT_FIRST ? 1 : 0) + d[4];
    return (pair > 0 ? PAIR_FIRST : 0) | (recipient > 0 ? RECIPIENT_FIRST : 0);
  };
  while (i < oldN || j < ids.length) {
    if (j >= ids.length || (i < oldN && old!.idx[i]! < ids[j]!)) {
      put(old!.idx[i]!, old!.messages[i]!, old!.unknown[i]!, old!.known[i]!, old!.flags[i]!);
      i++;
    } else if (i >= oldN || ids[j]! < old!.idx[i]!) {
      const d = deltas[j]!;
      put(ids[j]!, d[0], d[1], d[2], flagsOf(0, d));
      j++;
    } else {
      const d = deltas[j]!;
      put(ids[j]!, old!.messages[i]! + d[0], old!.unknown[i]! + d[1], old!.known[i]! + d[2], flagsOf(old!.flags[i]!, d));
      i++;
      j++;
    }
  }
  return { set: out, n };
}

/** Signed changes to the usage rollup, collected in memory and merged into the stored sets by `flush`. */
export class UsageDeltas {
  private groups = new Map<string, Map<string, Delta>>();

  private entry(day: number, sender: string, category: string, recipient: string): Delta {
    const key = day + SEP + sender + SEP + category;
    let g = this.groups.get(key);
    if (!g) this.groups.set(key, (g = new Map()));
    let d = g.get(recipient);
    if (!d) g.set(recipient, (d = [0, 0, 0, 0, 0]));
    return d;
  }

  /** A chargeable message added (sign 1) or taken away (sign -1). */
  message(day: number, sender: string, category: string, recipient: string, bytes: number | null, sign: number): void {
    const d = this.entry(day, sender, category, recipient);
    d[0] += sign;
    if (bytes === null) d[1] += sign;
    else d[2] += sign * bytes;
  }

  /**
   * A summed change of one entry (a removal's staged rows): messages, unknown-size messages, known
   * bytes, and the net number of unknown-size pair / recipient first messages that became (+) or
   * stopped being (-) first there.
   */
  add(day: number, sender: string, category: string, recipient: string, delta: Readonly<UsageDelta>): void {
    const d = this.entry(day, sender, category, recipient);
    for (let i = 0; i < 5; i++) d[i] += delta[i]!;
  }

  /** A first message (of a pair or of a recipient) that became (1) or stopped being (-1) the first; only unknown sizes matter. */
  first(scope: 'pair' | 'recipient', day: number, sender: string, category: string, recipient: string, bytes: number | null, sign: number): void {
    if (bytes !== null) return;
    this.entry(day, sender, category, recipient)[scope === 'pair' ? 3 : 4] += sign;
  }

  get size(): number {
    return this.groups.size;
  }

  /** Merges every collected change into the stored sets (read, merge, write back per group). */
  flush(db: Db, idCache: Map<string, number> = new Map()): void {
    if (this.groups.size === 0) return;
    const rw = reachWriters(db);
    const get = db.prepare('SELECT entries, messages FROM rollup_usage_daily WHERE day = ? AND sender_id = ? AND category = ?').raw();
    const put = db.prepare('INSERT INTO rollup_usage_daily (day, sender_id, category, entries, messages) VALUES (?, ?, ?, ?, ?)');
    // A stored set is rewritten in place (REPLACE would delete and insert it again).
    const update = db.prepare('UPDATE rollup_usage_daily SET entries = ?, messages = ? WHERE day = ? AND sender_id = ? AND category = ?');
    const drop = db.prepare('DELETE FROM rollup_usage_daily WHERE day = ? AND sender_id = ? AND category = ?');
    for (const [key, recipients] of this.groups) {
      const [dayText, sender, category] = key.split(SEP) as [string, string, string];
      const day = Number(dayText);
      const list: [number, Delta][] = [];
      for (const [r, d] of recipients) {
        let id = idCache.get(r);
        if (id === undefined) idCache.set(r, (id = rw.idOf(r)));
        list.push([id, d]);
      }
      list.sort((a, b) => a[0] - b[0]);
      const ids = Uint32Array.from(list, (e) => e[0]);
      const old = get.get(day, sender, category) as [Buffer, Buffer] | undefined;
      const { set, n } = merge(old ? decodeFull(old[0], old[1]) : null, ids, list.map((e) => e[1]));
      if (n === 0) {
        if (old) drop.run(day, sender, category);
      } else if (old) update.run(...encode(set, n), day, sender, category);
      else put.run(day, sender, category, ...encode(set, n));
    }
    this.groups = new Map();
  }
}

/**
 * The usage step: merges `deltas` (shared with the first-message merge, which moves first flags in
 * them) into the stored sets at every flush, after the steps that fill them; with `countMessages`
 * it also adds every chargeable message it is fed.
 */
export function usageStep(deltas: UsageDeltas, countMessages: boolean): RollupStep {
  const flush: RollupStep['flush'] = (ctx) => {
    if (ctx.idCache.size > ID_CACHE_MAX) ctx.idCache.clear();
    deltas.flush(ctx.db, ctx.idCache);
  };
  if (!countMessages) return { flush };
  return {
    addNotification(e, day, category) {
      if (e.status === 'sent' || e.status === 'delivered') deltas.message(day, e.senderId, category, e.recipientId, e.bytes, 1);
    },
    flush,
  };
}

/** The stored sets in a day range, narrowed by senders / categories (null = all). */
export function usageSets(
  db: Db,
  fromDay: number,
  toDay: number,
  senders: string[] | null,
  categories: string[] | null,
): IterableIterator<Buffer> {
  const params: Record<string, string | number> = { fromDay, toDay };
  bindList(params, 's', senders);
  bindList(params, 'c', categories);
  const sender = inListSql('sender_id', 's', senders);
  const category = inListSql('category', 'c', categories);
  return db
    .prepare(`SELECT entries FROM rollup_usage_daily WHERE day BETWEEN @fromDay AND @toDay AND ${sender} AND ${category}`)
    .pluck()
    .iterate(params) as IterableIterator<Buffer>;
}

/**
 * Refills the usage rollup from the raw chargeable messages and the stored first messages (after a
 * rebuild of the other rollups, or when the table is created). Pages through the messages by id.
 */
export function rebuildUsage(db: Db, localDayOf: (ms: number) => number, onProgress?: (done: number) => void): void {
  db.prepare('DELETE FROM rollup_usage_daily').run();
  const deltas = new UsageDeltas();
  const cache = new Map<string, number>();
  const page = db.prepare(
    `SELECT id, sent_at, sender_id, coalesce(category, ''), recipient_id, bytes FROM notifications
     WHERE status IN ('sent', 'delivered') AND id > ? ORDER BY id LIMIT 250000`,
  ).raw();
  let last = 0;
  let done = 0;
  for (;;) {
    const rows = page.all(last) as [number, number, string, string, string, number | null][];
    if (rows.length === 0) break;
    for (const r of rows) deltas.message(localDayOf(r[1]), r[2], r[3], r[4], r[5], 1);
    last = rows[rows.length - 1]![0];
    done += rows.length;
    deltas.flush(db, cache);
    if (cache.size > 2_000_000) cache.clear();
    onProgress?.(done);
  }
  // Then the unknown-size first messages, a page at a time in key order.
  const firsts = db.prepare(
    `SELECT scope, recipient_id, sender_key, day, sender_id, category FROM rollup_first_messages
     WHERE (scope, recipient_id, sender_key) > (?, ?, ?) AND bytes IS NULL ORDER BY scope, recipient_id, sender_key LIMIT 250000`,
  ).raw();
  let key: [string, string, string] = ['', '', ''];
  for (;;) {
    const rows = firsts.all(...key) as ['pair' | 'recipient', string, string, number, string, string][];
    if (rows.length === 0) break;
    for (const f of rows) deltas.first(f[0], f[3], f[4], f[5], f[1], null, 1);
    const end = rows[rows.length - 1]!;
    key = [end[0], end[1], end[2]];
    deltas.flush(db, cache);
    if (cache.size > 2_000_000) cache.clear();
  }
}
