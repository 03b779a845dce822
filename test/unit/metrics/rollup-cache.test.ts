import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/backend/db/connection.ts';
import { groupSums, notificationsDaily, reachColumns } from '../../../electron/backend/metrics/rollup-cache.ts';
import { computeDataCost } from '../../../electron/backend/metrics/datacost.ts';
import { computeOptOut } from '../../../electron/backend/metrics/consent.ts';
import { computeVolume } from '../../../electron/backend/metrics/volume.ts';
import { notifications, prng, workspace } from './helpers.ts';

describe('rollup columns', () => {
  it('are kept by a read-only connection until another connection commits, then reloaded', async () => {
    const w = await workspace();
    await w.load(notifications([['a', '2016-03-07T10:00:00+09:00', 'r1', 's1', 'delivered']]));
    const ro = openDatabase(w.file, { readonly: true });
    try {
      expect(notificationsDaily(ro)).toBe(notificationsDaily(ro));
      expect(reachColumns(ro, 'reached')).toBe(reachColumns(ro, 'reached'));
      expect(computeVolume(ro, {}).total).toBe(1);
      expect(computeOptOut(ro, {}).reached).toBe(1);
      const before = notificationsDaily(ro);
      await w.load(
        notifications([
          ['b', '2016-03-08T10:00:00+09:00', 'r2', 's2', 'delivered', 100],
          ['c', '2016-03-09T10:00:00+09:00', 'r3', 's1', 'failed'],
        ]),
      );
      expect(notificationsDaily(ro)).not.toBe(before);
      expect(computeVolume(ro, {}).total).toBe(3);
      expect(computeOptOut(ro, {}).reached).toBe(2);
      expect(computeDataCost(ro, {}).perRecipient.reduce((s, b) => s + b.count, 0)).toBe(2);
    } finally {
      ro.close();
    }
  });

  it('are read afresh on every call of a writable connection', async () => {
    const w = await workspace();
    await w.load(notifications([['a', '2016-03-07T10:00:00+09:00', 'r1', 's1', 'delivered']]));
    expect(notificationsDaily(w.db())).not.toBe(notificationsDaily(w.db()));
  });

  it('group and filter like SQL over the rollup table', async () => {
    const w = await workspace();
    await w.load(
      notifications([
        ['a', '2016-03-07T10:00:00+09:00', 'r1', 's1', 'delivered', 10, 'wifi', 'order'],
        ['b', '2016-03-07T11:00:00+09:00', 'r2', 's1', 'sent', 20, 'cellular', 'order'],
        ['c', '2016-03-08T10:00:00+09:00', 'r1', 's2', 'failed', null, null, 'news'],
        ['d', '2016-03-09T10:00:00+09:00', 'r3', 's1', 'delivered', 40, 'wifi', ''],
      ]),
    );
    const db = w.db();
    const t = notificationsDaily(db);
    const f = { fromDay: 0, toDay: 100_000, senders: ['s1'], categories: ['order', ''] };
    const g = groupSums(t, f, ['sender_id', 'network'], ['messages', 'known_bytes'], { column: 'status', values: ['sent', 'delivered'] });
    const got = Array.from({ length: g.count }, (_, i) => [t.text.network!.values[t.text.network!.codes[g.row[i]!]!], g.sums[0]![i], g.sums[1]![i]]);
    const want = db
      .prepare(
        `SELECT network, sum(messages), sum(known_bytes) FROM rollup_notifications_daily
         WHERE sender_id = 's1' AND category IN ('order', '') AND status IN ('sent', 'delivered') GROUP BY sender_id, network`,
      )
      .raw()
      .all();
    expect(got.sort()).toEqual(want.sort());
  });
});

describe('per-bucket counts kept by the query worker', () => {
  it('give the figures a writable connection computes from the day sets, for whole and partial buckets', async () => {
    const rnd = prng(17);
    const at = (h: number) => new Date(Date.parse('2016-01-01T00:00:00+09:00') + h * 3_600_000).toISOString();
    const rows = Array.from({ length: 600 }, (_, i) => [
      `n${i}`, at(Math.floor(rnd() * 24 * 120)), `r${Math.floor(rnd() * 40)}`, `s${Math.floor(rnd() * 4)}`,
      ['delivered', 'sent', 'failed'][Math.floor(rnd() * 3)]!, null, null, `k${Math.floor(rnd() * 2)}`,
    ]);
    const w = await workspace();
    await w.load(notifications(rows));
    await w.load(
      ['event_id,occurred_at,recipient_id,sender_id,action']
        .concat(Array.from({ length: 80 }, (_, i) => `c${i},${at(Math.floor(rnd() * 24 * 120))},r${Math.floor(rnd() * 40)},${rnd() < 0.3 ? '' : `s${Math.floor(rnd() * 4)}`},opt_out`))
        .join('\n') + '\n',
    );
    const ro = openDatabase(w.file, { readonly: true });
    try {
      for (const f of [
        { by: 'week' as const },
        { by: 'month' as const },
        { by: 'week' as const, from: '2016-01-13', to: '2016-03-02' },
        { by: 'month' as const, from: '2016-01-20', to: '2016-04-10' },
        { by: 'week' as const, senders: ['s1'] },
        { by: 'week' as const, categories: ['k0'] },
      ]) {
        expect(computeDataCost(ro, f)).toEqual(computeDataCost(w.db(), f));
        expect(computeOptOut(ro, f)).toEqual(computeOptOut(w.db(), f));
      }
    } finally {
      ro.close();
    }
  });
});
