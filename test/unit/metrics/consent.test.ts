import { describe, expect, it } from 'vitest';
import { consent, engines, notifications, prng, workspace } from './helpers.ts';

describe.each(engines)('optout (%s)', (engine) => {
  it('divides distinct opted-out recipients by distinct recipients reached by a non-failed message, per bucket', async () => {
    const w = await workspace({ engine });
    await w.load(
      notifications([
        ['a', '2016-03-07T10:00:00+09:00', 'r1', 's1', 'delivered'],
        ['b', '2016-03-07T10:00:00+09:00', 'r2', 's1', 'failed'],
        ['c', '2016-03-08T10:00:00+09:00', 'r3', 's1', 'blocked'],
        ['d', '2016-03-09T10:00:00+09:00', 'r4', 's1', 'fallback_sms'],
        ['e', '2016-03-14T10:00:00+09:00', 'r1', 's1', 'delivered'],
      ]),
    );
    await w.load(
      consent([
        ['x', '2016-03-08T10:00:00+09:00', 'r1', 's1', 'opt_out'],
        ['y', '2016-03-09T10:00:00+09:00', 'r1', '', 'block'],
        ['z', '2016-03-20T10:00:00+09:00', 'r9', 's1', 'opt_in'],
      ]),
    );
    const r = await w.api['metrics:optout']({ by: 'week' });
    expect(r.buckets).toEqual([
      { bucket: '2016-W10', reached: 3, optedOut: 1, rate: 1 / 3 },
      { bucket: '2016-W11', reached: 1, optedOut: 0, rate: 0 },
    ]);
    // Totals are distinct over the whole period: r1 is one recipient, not two.
    expect(r.reached).toBe(3);
    expect(r.optedOut).toBe(1);
  });

  it('gives no rate when nobody was reached', async () => {
    const w = await workspace({ engine });
    await w.load(consent([['x', '2016-03-08T10:00:00+09:00', 'r1', 's1', 'opt_out']]));
    const r = await w.api['metrics:optout']({ by: 'month' });
    expect(r.buckets).toEqual([{ bucket: '2016-03', reached: 0, optedOut: 1, rate: null }]);
  });

  it('with a sender filter counts that sender’s notifications and that sender’s or platform-wide consent events', async () => {
    const w = await workspace({ engine });
    await w.load(
      notifications([
        ['a', '2016-03-07T10:00:00+09:00', 'r1', 's1', 'delivered'],
        ['b', '2016-03-07T10:00:00+09:00', 'r2', 's1', 'delivered'],
        ['c', '2016-03-07T10:00:00+09:00', 'r3', 's2', 'delivered'],
        ['d', '2016-03-07T10:00:00+09:00', 'r4', 's2', 'delivered'],
      ]),
    );
    await w.load(
      consent([
        ['x', '2016-03-08T10:00:00+09:00', 'r1', 's1', 'opt_out'],
        ['y', '2016-03-08T10:00:00+09:00', 'r2', '', 'block'],
        ['z', '2016-03-08T10:00:00+09:00', 'r3', 's2', 'opt_out'],
      ]),
    );
    const s1 = await w.api['metrics:optout']({ senders: ['s1'] });
    expect([s1.reached, s1.optedOut, s1.rate]).toEqual([2, 2, 1]);
    const s2 = await w.api['metrics:optout']({ senders: ['s2'] });
    // r2's platform-wide block counts for s2 too; r1's opt-out of s1 does not.
    expect([s2.reached, s2.optedOut, s2.rate]).toEqual([2, 2, 1]);
    const all = await w.api['metrics:optout']({});
    expect(all.bySender).toEqual([
      { key: 's1', reached: 2, optedOut: 2, rate: 1 },
      { key: 's2', reached: 2, optedOut: 2, rate: 1 },
    ]);
    expect([all.reached, all.optedOut]).toEqual([4, 3]);
  });
});

describe.each(engines)('coverage (%s)', (engine) => {
  it('counts a pair covered when a notice for that sender or platform-wide was shown at or before its first message', async () => {
    const w = await workspace({ engine });
    await w.load(
      notifications([
        ['a', '2016-03-07T10:00:00+09:00', 'r1', 's1', 'delivered'],
        ['b', '2016-03-07T10:00:00+09:00', 'r2', 's1', 'delivered'],
        ['c', '2016-03-07T10:00:00+09:00', 'r3', 's1', 'delivered'],
        ['d', '2016-03-07T10:00:00+09:00', 'r4', 's1', 'delivered'],
        ['e', '2016-03-08T10:00:00+09:00', 'r4', 's1', 'delivered'],
        ['f', '2016-03-07T09:00:00+09:00', 'r5', 's1', 'failed'],
      ]),
    );
    await w.load(
      consent([
        ['n1', '2016-03-07T10:00:00+09:00', 'r1', 's1', 'notice_shown'], // exactly at: covered
        ['n2', '2016-03-01T10:00:00+09:00', 'r2', '', 'notice_shown'], // platform-wide: covered
        ['n3', '2016-03-01T10:00:00+09:00', 'r3', 's2', 'notice_shown'], // another sender: not
        ['n4', '2016-03-07T10:00:00.001+09:00', 'r4', 's1', 'notice_shown'], // 1 ms late: not
      ]),
    );
    const r = await w.api['metrics:coverage']({ by: 'day', from: '2016-03-07', to: '2016-03-08' });
    expect([r.pairs, r.covered, r.uncovered, r.coverage]).toEqual([4, 2, 2, 0.5]);
    expect(r.buckets).toEqual([
      { bucket: '2016-03-07', pairs: 4, covered: 2, uncovered: 2, coverage: 0.5 },
      { bucket: '2016-03-08', pairs: 0, covered: 0, uncovered: 0, coverage: null },
    ]);
    // r3 was shown s2's notice only, so three pairs had a notice for s1 or platform-wide.
    expect(r.funnel.firstMessage).toBe(4);
    expect(r.funnel.noticeShown).toBe(3);
  });

  it('picks up a notice imported after the messages', async () => {
    const w = await workspace({ engine });
    await w.load(notifications([['a', '2016-03-07T10:00:00+09:00', 'r1', 's1', 'delivered']]));
    expect((await w.api['metrics:coverage']({})).covered).toBe(0);
    await w.load(consent([['n', '2016-03-06T10:00:00+09:00', 'r1', '', 'notice_shown']]));
    expect((await w.api['metrics:coverage']({})).covered).toBe(1);
  });

  it('measures the time from the first message to the opt-out in the funnel and its histogram', async () => {
    const w = await workspace({ engine });
    await w.load(
      notifications([
        ['a', '2016-03-07T10:00:00+09:00', 'r1', 's1', 'delivered'],
        ['b', '2016-03-07T10:00:00+09:00', 'r2', 's1', 'delivered'],
      ]),
    );
    await w.load(
      consent([
        ['n1', '2016-03-07T09:00:00+09:00', 'r1', 's1', 'notice_shown'],
        ['n2', '2016-03-07T09:00:00+09:00', 'r2', 's1', 'notice_shown'],
        ['o1', '2016-03-07T12:00:00+09:00', 'r1', 's1', 'opt_out'],
        ['o2', '2016-03-06T12:00:00+09:00', 'r2', 's1', 'opt_out'], // before the first message: not counted
      ]),
    );
    const r = await w.api['metrics:coverage']({});
    expect(r.funnel).toEqual({ firstMessage: 2, noticeShown: 2, optedOut: 1 });
    expect(r.timeToOptOut.find((b) => b.count === 1)?.label).toBe('1–24 h');
  });
});

describe('distinct recipients under removal', () => {
  it('recomputes the reached and opted-out sets of the days an import touched when it is removed', async () => {
    const w = await workspace();
    await w.load(notifications([['a', '2016-03-07T10:00:00+09:00', 'r1', 's1', 'delivered']]));
    const second = await w.load(notifications([['b', '2016-03-07T11:00:00+09:00', 'r2', 's1', 'delivered']]));
    const third = await w.load(consent([['x', '2016-03-07T12:00:00+09:00', 'r1', 's1', 'opt_out']]));
    expect((await w.api['metrics:optout']({})).buckets[0]).toMatchObject({ reached: 2, optedOut: 1 });
    expect((await w.api['metrics:coverage']({})).pairs).toBe(2);
    const { removeImportFromRollups } = await import('../../../electron/backend/rollups/index.ts');
    const db = w.db();
    for (const id of [second.importId!, third.importId!]) {
      db.transaction(() => {
        removeImportFromRollups(db, id);
        for (const t of ['notifications', 'consent', 'urls']) db.prepare(`DELETE FROM ${t} WHERE import_id = ?`).run(id);
        db.prepare('DELETE FROM imports WHERE id = ?').run(id);
      })();
    }
    expect((await w.api['metrics:optout']({})).buckets[0]).toMatchObject({ reached: 1, optedOut: 0 });
    expect((await w.api['metrics:datacost']({})).recipients).toBe(1);
    expect((await w.api['metrics:coverage']({})).pairs).toBe(1);
  });
});

type Row = string[];

/**
 * The funnel's opted-out pairs per time-to-opt-out bin, from the rows imported (docs/metrics.md
 * coverage pairs): notifications [event_id, sent_at, recipient, sender, status], consent
 * [event_id, occurred_at, recipient, sender ('' = platform-wide), action].
 */
function referenceLags(notificationRows: Row[], consentRows: Row[]): number[] {
  const msgs = notificationRows
    .filter((m) => m[4] === 'sent' || m[4] === 'delivered')
    .map(([event_id, at, recipient_id, sender_id]) => ({ event_id: event_id!, sent_at: Date.parse(at!), recipient_id: recipient_id!, sender_id: sender_id! }));
  const events = consentRows.map(([, at, recipient_id, sender_id, action]) => ({
    occurred_at: Date.parse(at!),
    recipient_id: recipient_id!,
    sender_id: sender_id === '' ? null : sender_id!,
    action: action!,
  }));
  const firsts = new Map<string, (typeof msgs)[number]>();
  for (const m of msgs) {
    const key = `${m.recipient_id}|${m.sender_id}`;
    const f = firsts.get(key);
    if (!f || m.sent_at < f.sent_at || (m.sent_at === f.sent_at && m.event_id < f.event_id)) firsts.set(key, m);
  }
  const bins = [0, 0, 0, 0, 0, 0];
  const edges = [1, 24, 168, 720, 2160].map((h) => h * 3_600_000);
  for (const f of firsts.values()) {
    const mine = events.filter((c) => c.recipient_id === f.recipient_id && (c.sender_id === null || c.sender_id === f.sender_id));
    if (!mine.some((c) => c.action === 'notice_shown')) continue;
    const outs = mine.filter((c) => (c.action === 'opt_out' || c.action === 'block') && c.occurred_at >= f.sent_at).map((c) => c.occurred_at);
    if (outs.length === 0) continue;
    const lag = Math.min(...outs) - f.sent_at;
    bins[edges.filter((e) => lag >= e).length]!++;
  }
  return bins;
}

describe.each(engines)('time to opt-out (%s)', (engine) => {
  it('matches the definition whatever the order of imports and deletions (and a rebuild)', async () => {
    const rnd = prng(5);
    const at = (h: number) => new Date(Date.parse('2016-01-01T00:00:00+09:00') + h * 3_600_000).toISOString();
    const hour = () => Math.floor(rnd() ** 3 * 24 * 200);
    const batch = (kind: 'n' | 'c', k: number) => {
      const rows: string[][] = [];
      for (let i = 0; i < 50; i++) {
        const r = `r${Math.floor(rnd() * 6)}`;
        const s = `s${Math.floor(rnd() * 3)}`;
        if (kind === 'n') rows.push([`n${k}-${i}`, at(hour()), r, s, rnd() < 0.8 ? 'delivered' : 'failed']);
        else rows.push([`c${k}-${i}`, at(hour()), r, rnd() < 0.3 ? '' : s, ['notice_shown', 'opt_out', 'block', 'opt_in'][Math.floor(rnd() * 4)]!]);
      }
      return rows;
    };
    const w = await workspace({ engine });
    const loaded: { kind: 'n' | 'c'; rows: Row[] }[] = [];
    const check = async () => {
      const want = referenceLags(
        loaded.filter((b) => b.kind === 'n').flatMap((b) => b.rows),
        loaded.filter((b) => b.kind === 'c').flatMap((b) => b.rows),
      );
      const r = await w.api['metrics:coverage']({});
      expect(r.timeToOptOut.map((b) => b.count)).toEqual(want);
      expect(r.funnel.optedOut).toBe(want.reduce((s, n) => s + n, 0));
      return want;
    };
    const ids: number[] = [];
    for (const [k, kind] of (['c', 'n', 'c', 'n', 'c'] as const).entries()) {
      const rows = batch(kind, k);
      ids.push((await w.load(kind === 'n' ? notifications(rows) : consent(rows))).importId!);
      loaded.push({ kind, rows });
      await check();
    }
    expect((await check()).reduce((s, n) => s + n, 0)).toBeGreaterThan(3);
    await w.api['imports:delete']({ id: ids[2]! });
    loaded[2]!.rows = [];
    await check();
    await w.api['imports:delete']({ id: ids[1]! });
    loaded[1]!.rows = [];
    const before = await check();
    if (engine === 'sqlite') {
      const { rebuildRollups } = await import('../../../electron/backend/rollups/index.ts');
      rebuildRollups(w.db());
      expect(await check()).toEqual(before);
    }
  });
});

describe.each(engines)('opt-out by sender and category with many (sender, category) pairs (%s)', (engine) => {
  it('counts the same as the raw rows, whether sets are merged from pairs or grouped directly', async () => {
    const rnd = prng(9);
    const at = (h: number) => new Date(Date.parse('2016-03-01T00:00:00+09:00') + h * 3_600_000).toISOString();
    const rows: string[][] = [];
    const events: string[][] = [];
    for (let i = 0; i < 400; i++) {
      // 24 senders × 3 categories: more pairs than the merge-from-pairs limit (64).
      rows.push([`n${i}`, at(Math.floor(rnd() * 24 * 20)), `r${Math.floor(rnd() * 30)}`, `s${Math.floor(rnd() * 24)}`, 'delivered', '', '', `k${Math.floor(rnd() * 3)}`]);
    }
    for (let i = 0; i < 60; i++) events.push([`c${i}`, at(Math.floor(rnd() * 24 * 20)), `r${Math.floor(rnd() * 30)}`, rnd() < 0.3 ? '' : `s${Math.floor(rnd() * 24)}`, 'opt_out']);
    /** Distinct reached and opted-out recipients of a sender or a category, from the rows imported. */
    const reference = (kept: string[][], column: 'sender' | 'category', key: string) => {
      const of = kept.filter((r) => r[4] !== 'failed' && (column === 'sender' ? r[3] : r[7]) === key).map((r) => r[2]);
      const reachedSet = new Set(of);
      const refusing = events.filter((e) => e[4] === 'opt_out' || e[4] === 'block');
      const opted =
        column === 'sender'
          ? new Set(refusing.filter((e) => e[3] === key || e[3] === '').map((e) => e[2]))
          : new Set(refusing.filter((e) => reachedSet.has(e[2])).map((e) => e[2]));
      return { reached: reachedSet.size, optedOut: opted.size };
    };
    for (const pairs of ['few', 'many'] as const) {
      const w = await workspace({ engine });
      // 'few' keeps only three senders (nine pairs); 'many' keeps all 72 pairs.
      const kept = pairs === 'few' ? rows.filter((r) => ['s0', 's1', 's2'].includes(r[3]!)) : rows;
      await w.load(notifications(kept));
      await w.load(consent(events));
      const r = await w.api['metrics:optout']({ by: 'week' });
      for (const s of r.bySender) expect({ reached: s.reached, optedOut: s.optedOut }).toEqual(reference(kept, 'sender', s.key));
      for (const c of r.byCategory) expect({ reached: c.reached, optedOut: c.optedOut }).toEqual(reference(kept, 'category', c.key));
      expect(r.bySender.length).toBe(pairs === 'few' ? 3 : 24);
    }
  });
});

describe('coverage rollup kept at import', () => {
  it('equals a rebuild from scratch after every import and deletion, with notices and opt-outs on the exact bounds', async () => {
    const rnd = prng(11);
    const base = Date.parse('2016-01-01T00:00:00+09:00');
    const at = (h: number) => new Date(base + h * 3_600_000).toISOString();
    // A grid of hours on which a notice at the very hour of a first message, and opt-outs exactly
    // 1 h, 24 h, 7 d, 30 d and 90 d after one, are common.
    const grid = [0, 1, 24, 168, 720, 2160];
    const hour = () => grid[Math.floor(rnd() * grid.length)]! + grid[Math.floor(rnd() * 3)]!;
    const batch = (kind: 'n' | 'c', k: number) => {
      const rows: string[][] = [];
      for (let i = 0; i < 60; i++) {
        const r = `r${Math.floor(rnd() * 8)}`;
        const s = `s${Math.floor(rnd() * 2)}`;
        if (kind === 'n') rows.push([`n${k}-${i}`, at(hour()), r, s, rnd() < 0.85 ? 'delivered' : 'failed', '', '', `k${Math.floor(rnd() * 2)}`]);
        else rows.push([`c${k}-${i}`, at(hour()), r, rnd() < 0.3 ? '' : s, ['notice_shown', 'notice_shown', 'opt_out', 'block'][Math.floor(rnd() * 4)]!]);
      }
      return kind === 'n' ? notifications(rows) : consent(rows);
    };
    const { rebuildRollups } = await import('../../../electron/backend/rollups/index.ts');
    const w = await workspace();
    const snapshot = () => w.db().prepare('SELECT * FROM rollup_coverage_daily ORDER BY day, sender_id, category').all();
    const check = () => {
      const kept = snapshot();
      rebuildRollups(w.db());
      expect(kept).toEqual(snapshot());
      return kept as { pairs: number; covered: number; opted: number; lag_1h: number; lag_1d: number }[];
    };
    const ids: number[] = [];
    for (const [k, kind] of (['c', 'n', 'n', 'c', 'n', 'c'] as const).entries()) {
      ids.push((await w.load(batch(kind, k))).importId!);
      check();
    }
    const rows = check();
    // The bounds were hit: covered pairs, and opt-outs in the first two lag bins.
    expect(rows.reduce((s, r) => s + r.covered, 0)).toBeGreaterThan(0);
    expect(rows.reduce((s, r) => s + r.lag_1h + r.lag_1d, 0)).toBeGreaterThan(0);
    for (const id of [ids[1]!, ids[3]!]) {
      await w.api['imports:delete']({ id });
      check();
    }
  });
});
