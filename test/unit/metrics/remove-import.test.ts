import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/backend/db/connection.ts';
import { deleteImport } from '../../../electron/backend/import/manage.ts';
import { decodeIds, decodeUsage, HAS_KNOWN, rebuildRollups } from '../../../electron/backend/rollups/index.ts';
import { consent, notifications, prng, workspace } from './helpers.ts';

/**
 * Every rollup and stored violation, in a stable order. Recipient sets and usage entries are read by
 * recipient name (a rebuild numbers recipients afresh); usage entries with their message counts.
 */
function snapshot(db: Db) {
  const tables = [
    'rollup_notifications_daily', 'rollup_templates_daily', 'rollup_dimensions', 'rollup_first_messages', 'rollup_first_daily',
    'rollup_notice_first', 'rollup_coverage_daily', 'rollup_consent_daily', 'rollup_urls_daily', 'violations', 'rollup_violations_daily',
  ];
  const out: Record<string, unknown> = Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3`).raw().all()]));
  const names = new Map(db.prepare('SELECT idx, recipient_id FROM rollup_recipient_ids').raw().all() as [number, string][]);
  const reach = db.prepare('SELECT kind, day, sender_id, category, ids FROM rollup_reach_daily ORDER BY 1, 2, 3, 4').raw().all() as [string, number, string, string, Buffer][];
  out.reach = reach.map(([kind, day, sender, category, ids]) => [kind, day, sender, category, [...decodeIds(ids)].map((i) => names.get(i)).sort()]);
  const usage = db.prepare('SELECT day, sender_id, category, entries, messages FROM rollup_usage_daily ORDER BY 1, 2, 3').raw().all() as [number, string, string, Buffer, Buffer][];
  out.usage = usage.map(([day, sender, category, blob, counts]) => {
    const u = decodeUsage(blob);
    const messages = new Uint32Array(new Uint8Array(counts).slice().buffer, 0, u.idx.length);
    let k = 0;
    const entries = [...u.idx].map((idx, i) => [names.get(idx), messages[i], u.unknown[i], u.flags[i], u.flags[i]! & HAS_KNOWN ? u.known[k++] : 0]);
    return [day, sender, category, entries.sort((a, b) => String(a[0]).localeCompare(String(b[0])))];
  });
  return out;
}

/** What a rebuild from the raw rows makes of the workspace as it is now (on a copy, so the workspace goes on as it was kept). */
function rebuilt(db: Db, dir: string, n: number) {
  const file = path.join(dir, `rebuilt-${n}.sqlite`);
  db.exec(`VACUUM INTO '${file}'`);
  const copy = openDatabase(file);
  try {
    rebuildRollups(copy);
    return snapshot(copy);
  } finally {
    copy.close();
  }
}

const at = (m: number) => new Date(Date.parse('2016-03-01T00:00:00+09:00') + m * 60_000).toISOString();
const HOUR = 60;
const DAY = 24 * HOUR;

describe('removing an import', () => {
  it('recomputes only what it decided, and every rollup equals a rebuild', async () => {
    const w = await workspace();
    const db = w.db();
    const base = await w.load(
      notifications([
        // r1/s1: the next first after the removed import's is here, a day later (another day's counts and coverage).
        ['a1', at(DAY + 10), 'r1', 's1', 'delivered', null, 'cellular', 'k1'],
        // r2/s1: untouched by the removed import's messages, but its notice and opt-out come from the removed consent.
        ['a2', at(2 * HOUR), 'r2', 's1', 'delivered', 2048, 'cellular', 'k1'],
        // r3: the recipient's first moves to another sender when the removed import goes.
        ['a3', at(3 * DAY), 'r3', 's2', 'delivered', null, 'wifi', 'k2'],
        // r4/s1: equal sent times, no event ids — the next first is the earlier stored one.
        ['', at(5 * DAY), 'r4', 's1', 'delivered', 100, 'cellular', 'k1', 't1'],
        // r5/s1: equal sent times, event ids that JavaScript and SQLite order differently.
        ['e\uFF61', at(6 * DAY), 'r5', 's1', 'delivered', null, 'cellular', 'k1'],
        ['e\u{1F600}', at(6 * DAY), 'r5', 's1', 'delivered', null, 'cellular', 'k2'],
        // r6: reached on the same day by a blocked message only: stays reached, leaves charged.
        ['a6', at(7 * DAY + 5), 'r6', 's1', 'blocked', null, 'cellular', 'k1'],
      ]),
    );
    const later = await w.load(notifications([['', at(5 * DAY), 'r4', 's1', 'delivered', 200, 'cellular', 'k1', 't2']]));
    const removed = await w.load(
      notifications([
        ['b1', at(10), 'r1', 's1', 'delivered', null, 'cellular', 'k1'],
        ['b3', at(HOUR), 'r3', 's9', 'sent', 2048, 'cellular', 'k1'],
        ['b4', at(4 * DAY), 'r4', 's1', 'delivered', null, 'cellular', 'k1'],
        ['b5', at(6 * DAY - 1), 'r5', 's1', 'delivered', 2048, 'cellular', 'k1'],
        ['b6', at(7 * DAY + 9), 'r6', 's1', 'delivered', null, 'cellular', 'k1'],
        // Only in this import: the pair and recipient go, and their sets.
        ['b7', at(8 * DAY), 'r7', 's1', 'delivered', null, 'cellular', 'k1'],
        // A duplicate of a row the first import stored: not the removed import's row.
        ['a2', at(2 * HOUR), 'r2', 's1', 'delivered', 2048, 'cellular', 'k1'],
      ]),
    );
    expect(removed.duplicates).toBe(1);
    const notices = await w.load(
      consent([
        ['n1', at(HOUR), 'r2', 's1', 'notice_shown'],
        ['n2', at(HOUR), 'r2', '', 'notice_shown'],
        ['o1', at(3 * HOUR), 'r2', 's1', 'opt_out'],
        ['o2', at(9 * DAY), 'r6', '', 'block'],
      ]),
    );
    const kept = await w.load(
      consent([
        ['m1', at(5 * HOUR), 'r2', '', 'notice_shown'],
        ['p1', at(2 * DAY), 'r2', 's1', 'opt_out'],
        ['p2', at(9 * DAY + 60), 'r6', 's1', 'opt_out'],
        // The same day as the removed block of r6 (platform-wide): r6 stays in that day's opted-out set.
        ['p3', at(9 * DAY + 120), 'r6', '', 'opt_out'],
        ['p4', at(9 * DAY + 120), 'r2', '', 'block'],
      ]),
    );
    expect([base, later, kept].every((r) => r.error === null)).toBe(true);
    const firstOf = (scope: string, recipient: string, sender: string) =>
      db.prepare('SELECT event_id, sent_at, bytes, notice_at, optout_at FROM rollup_first_messages WHERE scope = ? AND recipient_id = ? AND sender_key = ?')
        .get(scope, recipient, sender) as { event_id: string | null; sent_at: number; bytes: number | null; notice_at: number | null; optout_at: number | null } | undefined;

    deleteImport(db, removed.importId!, { rows: 2, reachRows: 3 });
    expect(snapshot(db)).toEqual(rebuilt(db, w.dir, 1));
    expect(firstOf('pair', 'r1', 's1')?.event_id).toBe('a1');
    expect(firstOf('recipient', 'r3', '')?.event_id).toBe('a3');
    expect(firstOf('pair', 'r5', 's1')?.event_id).toBe('e\u{1F600}');
    expect(firstOf('pair', 'r7', 's1')).toBeUndefined();
    expect(firstOf('pair', 'r4', 's1')?.bytes).toBe(100);

    deleteImport(db, notices.importId!, { rows: 2, reachRows: 3 });
    expect(snapshot(db)).toEqual(rebuilt(db, w.dir, 2));
    const r2 = firstOf('pair', 'r2', 's1')!;
    expect(r2.event_id).toBe('a2');
    expect(r2.notice_at).toBe(Date.parse(at(5 * HOUR)));
    expect(r2.optout_at).toBe(Date.parse(at(2 * DAY)));

    deleteImport(db, base.importId!, { rows: 2, reachRows: 3 });
    expect(snapshot(db)).toEqual(rebuilt(db, w.dir, 3));
    // The only first message left is the later import's tie.
    expect(firstOf('pair', 'r4', 's1')?.bytes).toBe(200);
  });

  it('equals a rebuild after every removal, in any order, with notices, opt-outs, blocks, ties and duplicates across imports', async () => {
    const rnd = prng(77);
    const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
    // Hours over three weeks, bunched so pairs meet on the same days and instants.
    const when = () => at(Math.floor(rnd() ** 2 * 21 * 24) * HOUR + pick([0, 0, 30]));
    const pool: (string | number | null)[][] = [];
    const message = (i: number) => {
      // Some rows without event ids (ties broken by insertion order), some repeated in a later file (duplicates).
      if (pool.length > 0 && rnd() < 0.1) return pool[Math.floor(rnd() * pool.length)]!;
      const row = [rnd() < 0.3 ? '' : `n${i}`, when(), `r${Math.floor(rnd() * 12)}`, `s${Math.floor(rnd() * 3)}`,
        pick(['delivered', 'delivered', 'sent', 'failed', 'blocked']), rnd() < 0.3 ? null : pick([512, 2048]),
        pick(['cellular', 'wifi', 'unknown']), `k${Math.floor(rnd() * 2)}`, `t${Math.floor(rnd() * 2)}`];
      pool.push(row);
      return row;
    };
    const event = (i: number) => [`c${i}`, when(), `r${Math.floor(rnd() * 12)}`, rnd() < 0.4 ? '' : `s${Math.floor(rnd() * 3)}`,
      pick(['notice_shown', 'notice_shown', 'opt_out', 'block', 'opt_in'])];
    const w = await workspace();
    const db = w.db();
    const ids: number[] = [];
    let n = 0;
    for (let f = 0; f < 7; f++) {
      const text = f % 3 === 1
        ? consent(Array.from({ length: 25 }, () => event(n++)))
        : notifications(Array.from({ length: 60 }, () => message(n++)));
      const r = await w.load(text);
      ids.push(r.importId!);
    }
    expect(db.prepare('SELECT sum(duplicates) FROM imports').pluck().get()).toBeGreaterThan(0);
    let step = 0;
    while (ids.length > 0) {
      const [id] = ids.splice(Math.floor(rnd() * ids.length), 1);
      deleteImport(db, id!, { rows: 1 + Math.floor(rnd() * 5), reachRows: 1 + Math.floor(rnd() * 5) });
      expect(snapshot(db), `after removing import ${id}`).toEqual(rebuilt(db, w.dir, ++step));
    }
    expect(db.prepare('SELECT count(*) FROM rollup_first_messages').pluck().get()).toBe(0);
  });
});
