import { describe, expect, it } from 'vitest';
import { engines, notifications, workspace } from './helpers.ts';

describe.each(engines)('volume and calendar buckets (%s)', (engine) => {
  it('buckets by local day in the workspace time zone and labels ISO weeks and months', async () => {
    const w = await workspace({ engine });
    await w.load(
      notifications([
        // 2016-03-06T15:00Z is 2016-03-07 00:00 in Seoul (a Monday: week 10)
        ['a', '2016-03-06T15:00:00Z', 'r1', 's1', 'delivered', null, null, 'order', 't1'],
        ['b', '2016-03-06T14:59:59Z', 'r1', 's1', 'failed', null, null, 'order', 't1'],
        // 2016-01-03 is a Sunday in ISO week 2015-W53
        ['c', '2016-01-03T12:00:00+09:00', 'r2', 's2', 'sent', null, null, 'delivery', 't2'],
      ]),
    );
    const day = await w.api['metrics:volume']({ by: 'day', from: '2016-03-06', to: '2016-03-07' });
    expect(day.buckets.map((b) => [b.bucket, b.total, b.byStatus])).toEqual([
      ['2016-03-06', 1, { failed: 1 }],
      ['2016-03-07', 1, { delivered: 1 }],
    ]);
    const week = await w.api['metrics:volume']({ by: 'week' });
    expect(week.buckets[0]!.bucket).toBe('2015-W53');
    expect(week.buckets.at(-1)!.bucket).toBe('2016-W10');
    expect(week.buckets.at(-2)!.bucket).toBe('2016-W09');
    const month = await w.api['metrics:volume']({ by: 'month' });
    expect(month.buckets.map((b) => [b.bucket, b.total])).toEqual([
      ['2016-01', 1],
      ['2016-02', 0],
      ['2016-03', 2],
    ]);
    expect(month.total).toBe(3);
    expect(month.byStatus).toEqual({ delivered: 1, failed: 1, sent: 1 });
  });

  it('stacks by sender or category, narrows by filters and lists top senders and templates', async () => {
    const w = await workspace({ engine });
    await w.load(
      notifications([
        ['a', '2016-03-07T10:00:00+09:00', 'r1', 's1', 'delivered', null, null, 'order', 't1'],
        ['b', '2016-03-07T11:00:00+09:00', 'r1', 's1', 'delivered', null, null, 'order', 't1'],
        ['c', '2016-03-07T12:00:00+09:00', 'r2', 's2', 'failed', null, null, 'delivery', 't2'],
      ]),
    );
    const bySender = await w.api['metrics:volume']({ stackBy: 'sender' });
    expect(bySender.stackKeys).toEqual(['s1', 's2']);
    expect(bySender.buckets[0]!.stack).toEqual({ s1: 2, s2: 1 });
    expect(bySender.topSenders).toEqual([
      { key: 's1', count: 2 },
      { key: 's2', count: 1 },
    ]);
    expect(bySender.topTemplates.map((t) => [t.key, t.count])).toEqual([
      ['t1', 2],
      ['t2', 1],
    ]);
    expect([bySender.firstMessages, bySender.laterMessages]).toEqual([1, 1]);
    const delivery = await w.api['metrics:volume']({ stackBy: 'category', categories: ['delivery'] });
    expect(delivery.total).toBe(1);
    expect(delivery.buckets[0]!.stack).toEqual({ delivery: 1 });
  });

  it('refuses a period that ends before it starts, naming the dates', async () => {
    const w = await workspace({ engine });
    await expect(w.api['metrics:volume']({ from: '2016-03-08', to: '2016-03-07' })).rejects.toMatchObject({
      code: 'bad-input',
      message: expect.stringContaining('2016-03-07'),
    });
    await expect(w.api['metrics:volume']({ from: '2016-02-30' })).rejects.toMatchObject({ code: 'bad-input' });
  });

  it('lists senders, categories, templates and the date range for the filter pickers', async () => {
    const w = await workspace({ engine });
    expect(await w.api['metrics:dimensions']({})).toMatchObject({ senders: [], firstDate: null, lastDate: null });
    await w.load(
      notifications([
        ['a', '2016-03-07T10:00:00+09:00', 'r1', 's1', 'delivered', null, null, '주문', 't1'],
        ['b', '2016-04-07T10:00:00+09:00', 'r1', 's2', 'delivered'],
      ]),
    );
    const d = await w.api['metrics:dimensions']({});
    expect(d.senders.map((s) => s.key).sort()).toEqual(['s1', 's2']);
    expect(d.categories.map((c) => c.key).sort()).toEqual(['', '주문']);
    expect(d.templates).toEqual([{ key: 't1', senderId: 's1', count: 1 }]);
    expect([d.firstDate, d.lastDate, d.timeZone]).toEqual(['2016-03-07', '2016-04-07', 'Asia/Seoul']);
  });
});

describe('volume time zone (sqlite: a ClickHouse workspace keeps the warehouse\'s zone)', () => {
  it('rebuilds the buckets when the workspace time zone changes', async () => {
    const w = await workspace();
    await w.load(notifications([['a', '2016-03-06T16:00:00Z', 'r1', 's1', 'delivered']]));
    expect((await w.api['metrics:volume']({ by: 'day' })).buckets[0]!.bucket).toBe('2016-03-07');
    await w.api['workspace:setTimeZone']({ timeZone: 'UTC' });
    expect((await w.api['metrics:volume']({ by: 'day' })).buckets[0]!.bucket).toBe('2016-03-06');
    expect((await w.api['metrics:datacost']({})).totalBytes).toBe(15_360);
  });

});

describe('rebuildRollups', () => {
  it('rebuilds, page by page, exactly the rollups the importer kept', async () => {
    const { consent } = await import('./helpers.ts');
    const { rebuildRollups } = await import('../../../electron/backend/rollups/index.ts');
    const w = await workspace();
    await w.load(
      notifications([
        ['a', '2016-03-07T10:00:00+09:00', 'r1', 's1', 'delivered', null, null, 'order', 't1'],
        ['b', '2016-03-08T10:00:00+09:00', 'r1', 's1', 'delivered', 300, 'wifi', 'order', 't1'],
        ['c', '2016-03-09T10:00:00+09:00', 'r2', 's2', 'failed'],
        ['d', '2016-03-10T10:00:00+09:00', 'r2', 's2', 'sent'],
        ['e', '2016-03-11T10:00:00+09:00', 'r3', 's1', 'fallback_sms'],
      ]),
    );
    await w.load(
      consent([
        ['n', '2016-03-01T10:00:00+09:00', 'r1', '', 'notice_shown'],
        ['o', '2016-03-09T10:00:00+09:00', 'r1', 's1', 'opt_out'],
        ['p', '2016-03-10T10:00:00+09:00', 'r2', '', 'block'],
      ]),
    );
    const snapshot = async () =>
      JSON.stringify([
        await w.api['metrics:volume']({ by: 'day' }),
        await w.api['metrics:datacost']({ by: 'day' }),
        await w.api['metrics:optout']({ by: 'day' }),
        await w.api['metrics:coverage']({ by: 'day' }),
      ]);
    const before = await snapshot();
    rebuildRollups(w.db(), undefined, 2);
    expect(await snapshot()).toBe(before);
    expect(before).toContain('"totalBytes":31020'); // 15,360 + 300 (r1, s1) + 15,360 (r2, s2)
  });
});
