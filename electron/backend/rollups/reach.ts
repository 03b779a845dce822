/**
 * The distinct-recipient rollup (migration 0005): recipient ids as dense integers and, per
 * (kind, day, sender, category), the sorted set of recipients as a uint32 array. The step merges
 * the recipients seen into the stored sets at every flush; the metrics read the sets back.
 */
import { localDay } from '../../../shared/metrics/calendar.ts';
import type { Db } from '../db/connection.ts';
import { bindList, inListSql } from '../db/in-list.ts';
import { ID_CACHE_MAX, SEP } from './keys.ts';
import type { RollupStep } from './step.ts';

export type ReachKind = 'reached' | 'charged' | 'optout';

/** Decodes a stored set. */
export function decodeIds(blob: Buffer): Uint32Array {
  const copy = new Uint8Array(blob.byteLength);
  copy.set(blob);
  return new Uint32Array(copy.buffer);
}

function encodeIds(ids: Uint32Array): Buffer {
  return Buffer.from(ids.buffer, ids.byteOffset, ids.byteLength);
}

/** The union of two sorted id arrays (sorted, unique). */
export function unionSorted(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length || j < b.length) {
    const v = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (n === 0 || out[n - 1] !== v) out[n++] = v;
  }
  return out.slice(0, n);
}

/** Prepared statements for keeping the reach rollup. */
export function reachWriters(db: Db) {
  const getIdx = db.prepare('SELECT idx FROM rollup_recipient_ids WHERE recipient_id = ?').pluck();
  const putIdx = db.prepare('INSERT INTO rollup_recipient_ids (recipient_id, idx) VALUES (?, ?)');
  const maxIdx = db.prepare('SELECT coalesce(max(idx), -1) FROM rollup_recipient_ids').pluck();
  const getSet = db.prepare('SELECT ids FROM rollup_reach_daily WHERE kind = ? AND day = ? AND sender_id = ? AND category = ?').pluck();
  const putSet = db.prepare('INSERT OR REPLACE INTO rollup_reach_daily (kind, day, sender_id, category, ids) VALUES (?, ?, ?, ?, ?)');
  let next: number | null = null;
  return {
    /** The dense id of a recipient (assigned on first sight). */
    idOf(recipient: string): number {
      const found = getIdx.get(recipient) as number | undefined;
      if (found !== undefined) return found;
      next ??= (maxIdx.get() as number) + 1;
      putIdx.run(recipient, next);
      return next++;
    },
    /** Adds ids to one day's set. */
    merge(kind: string, day: number, sender: string, category: string, ids: Uint32Array): void {
      const old = getSet.get(kind, day, sender, category) as Buffer | undefined;
      const sorted = ids.slice().sort();
      putSet.run(kind, day, sender, category, encodeIds(old ? unionSorted(decodeIds(old), sorted) : unionSorted(sorted, new Uint32Array(0))));
    },
  };
}

/** Deletes the sets of some days (before recomputing them). */
export function deleteReachDays(db: Db, days: Iterable<number>): void {
  const del = db.prepare('DELETE FROM rollup_reach_daily WHERE day = ?');
  for (const d of days) del.run(d);
}

/** The number of recipient ids assigned (the size of a bitset over them). */
export function recipientIdCount(db: Db): number {
  return db.prepare('SELECT coalesce(max(idx), -1) + 1 FROM rollup_recipient_ids').pluck().get() as number;
}

/** The stored sets of one kind in a day range, narrowed by senders / categories (null = all). */
export function reachSets(
  db: Db,
  kind: ReachKind,
  fromDay: number,
  toDay: number,
  senders: string[] | null,
  categories: string[] | null,
  withPlatform = false,
): IterableIterator<{ day: number; sender_id: string; category: string; ids: Buffer }> {
  const params: Record<string, string | number> = { kind, fromDay, toDay };
  bindList(params, 's', senders);
  bindList(params, 'c', categories);
  const sender = senders === null ? '1' : `(${inListSql('sender_id', 's', senders)}${withPlatform ? " OR sender_id = ''" : ''})`;
  const category = inListSql('category', 'c', categories);
  return db
    .prepare(
      `SELECT day, sender_id, category, ids FROM rollup_reach_daily
       WHERE kind = @kind AND day BETWEEN @fromDay AND @toDay AND ${sender} AND ${category}`,
    )
    .iterate(params) as IterableIterator<{ day: number; sender_id: string; category: string; ids: Buffer }>;
}

/**
 * The distinct-recipient step: the recipients reached (any status but failed), charged (sent or
 * delivered) and opted out (an opt-out or block; sender '' = platform-wide, no category) per day,
 * sender and category, merged into the stored sets at every flush.
 */
export function reachStep(zone: string): RollupStep {
  let reach = new Map<string, Set<string>>();
  const addReach = (kind: string, day: number, sender: string, category: string, recipient: string) => {
    const key = kind + SEP + day + SEP + sender + SEP + category;
    let set = reach.get(key);
    if (!set) reach.set(key, (set = new Set()));
    set.add(recipient);
  };
  return {
    addNotification(e, day, category) {
      if (e.status === 'failed') return;
      addReach('reached', day, e.senderId, category, e.recipientId);
      if (e.status === 'sent' || e.status === 'delivered') addReach('charged', day, e.senderId, category, e.recipientId);
    },
    addConsent(e) {
      if (e.action === 'opt_out' || e.action === 'block') {
        addReach('optout', localDay(e.occurredAt, zone), e.senderId ?? '', '', e.recipientId);
      }
    },
    flush(ctx) {
      if (reach.size === 0) return;
      const { idCache } = ctx;
      const rw = reachWriters(ctx.db);
      if (idCache.size > ID_CACHE_MAX) idCache.clear();
      for (const [key, recipients] of reach) {
        const [kind, day, sender, category] = key.split(SEP) as [string, string, string, string];
        const ids = new Uint32Array(recipients.size);
        let i = 0;
        for (const r of recipients) {
          let id = idCache.get(r);
          if (id === undefined) idCache.set(r, (id = rw.idOf(r)));
          ids[i++] = id;
        }
        rw.merge(kind, Number(day), sender, category, ids);
      }
      reach = new Map();
    },
  };
}
