import { describe, expect, it } from 'vitest';
import { consent, engines, notifications, urls, workspace } from './helpers.ts';

describe.each(engines)('overview (%s)', (engine) => {
  it('shows every KPI card with the previous period of equal length', async () => {
    const w = await workspace({ engine });
    await w.load(
      notifications([
        ['a', '2016-03-01T10:00:00+09:00', 'r1', 's1', 'delivered'],
        ['b', '2016-03-03T10:00:00+09:00', 'r1', 's1', 'delivered'],
        ['c', '2016-03-04T10:00:00+09:00', 'r2', 's2', 'delivered'],
      ]),
    );
    const r = await w.api['metrics:overview']({ from: '2016-03-03', to: '2016-03-04' });
    expect(r.previousPeriod).toEqual({ from: '2016-03-01', to: '2016-03-02' });
    const card = (id: string) => r.cards.find((c) => c.id === id)!;
    expect(card('notifications')).toMatchObject({ value: 2, previous: 1, change: 1, page: 'notifications' });
    expect(card('dataBytes')).toMatchObject({ value: 2_048 + 15_360, previous: 15_360 });
    expect(card('senders')).toMatchObject({ value: 2, previous: 1 });
    expect(card('optOutRate')).toMatchObject({ value: 0, previous: 0, change: 0 });
    expect(r.cards).toHaveLength(11);
  });

  it('takes each card from its page: consent, refusals and URLs included, filters applied', async () => {
    const w = await workspace({ engine });
    await w.load(
      notifications([
        ['a', '2016-03-01T10:00:00+09:00', 'r1', 's1', 'delivered'],
        ['b', '2016-03-03T10:00:00+09:00', 'r1', 's1', 'delivered'],
        ['c', '2016-03-04T10:00:00+09:00', 'r2', 's2', 'delivered', 1000, 'cellular'],
        ['d', '2016-03-04T11:00:00+09:00', 'r3', 's2', 'failed'],
        ['e', '2016-03-04T12:00:00+09:00', 'r1', 's2', 'sent'],
      ]),
    );
    await w.load(
      consent([
        ['n1', '2016-02-28T10:00:00+09:00', 'r1', '', 'notice_shown'],
        ['o1', '2016-03-02T10:00:00+09:00', 'r1', 's2', 'opt_out'],
        ['o2', '2016-03-03T12:00:00+09:00', 'r2', 's1', 'block'],
      ]),
    );
    await w.load(
      urls([
        ['u1', '2016-03-01T10:00:00+09:00', 'https://x.example/a', 'shared'],
        ['u2', '2016-03-03T10:00:00+09:00', 'https://x.example/a', 'indexed'],
        ['u3', '2016-03-04T10:00:00+09:00', 'https://y.example/b', 'shared'],
        ['u4', '2016-03-04T11:00:00+09:00', 'https://y.example/b', 'indexed'],
      ]),
    );
    const values = async (input: object) =>
      Object.fromEntries((await w.api['metrics:overview'](input)).cards.map((c) => [c.id, [c.value, c.previous]]));
    expect(await values({ from: '2016-03-03', to: '2016-03-04' })).toEqual({
      notifications: [4, 1],
      recipients: [2, 1],
      senders: [2, 1],
      dataBytes: [2_048 + 1_000 + 15_360, 15_360],
      // 18,408 bytes = 17.9765625 KiB × 0.025 and × 0.5 KRW, rounded to a millionth of a won.
      chargeLow: [0.449414, 0.375],
      chargeHigh: [8.988281, 7.5],
      optOutRate: [0.5, 1],
      coverage: [0.5, 1],
      violations: [1, 0],
      urlsShared: [1, 1],
      urlsIndexed: [2, 0],
    });
    expect(await values({ from: '2016-03-03', to: '2016-03-04', senders: ['s2'] })).toMatchObject({
      notifications: [3, 0],
      senders: [1, 0],
      dataBytes: [1_000 + 15_360, 0],
      violations: [1, 0],
      urlsIndexed: [2, 0],
    });
  });
});
