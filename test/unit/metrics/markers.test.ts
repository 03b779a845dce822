import { describe, expect, it } from 'vitest';
import { consent, engines, notifications, workspace } from './helpers.ts';

describe.each(engines)('markers and saved filters (%s)', (engine) => {
  it('keeps user markers per workspace and compares opt-out rate and coverage before and after one', async () => {
    const w = await workspace({ engine });
    await w.load(
      notifications([
        ['a', '2016-03-05T10:00:00+09:00', 'r1', 's1', 'delivered'],
        ['b', '2016-03-06T10:00:00+09:00', 'r2', 's1', 'delivered'],
        ['c', '2016-03-07T10:00:00+09:00', 'r3', 's1', 'delivered'],
        ['d', '2016-03-08T10:00:00+09:00', 'r4', 's1', 'delivered'],
      ]),
    );
    await w.load(
      consent([
        ['n3', '2016-03-07T09:00:00+09:00', 'r3', '', 'notice_shown'],
        ['n4', '2016-03-08T09:00:00+09:00', 'r4', '', 'notice_shown'],
        ['o1', '2016-03-06T12:00:00+09:00', 'r1', 's1', 'opt_out'],
      ]),
    );
    const m = await w.api['markers:add']({ date: '2016-03-07', label: '새 고지문 적용' });
    expect(await w.api['markers:list']({})).toEqual([{ id: m.id, date: '2016-03-07', label: '새 고지문 적용', kind: 'user' }]);
    const around = await w.api['markers:around']({ date: '2016-03-07', days: 2 });
    expect(around.before).toMatchObject({ from: '2016-03-05', to: '2016-03-06', reached: 2, optedOut: 1, rate: 0.5, pairs: 2, covered: 0, coverage: 0 });
    expect(around.after).toMatchObject({ from: '2016-03-07', to: '2016-03-08', reached: 2, optedOut: 0, rate: 0, pairs: 2, covered: 2, coverage: 1 });
    expect(around.difference).toEqual({ rate: -0.5, coverage: 1 });
    await w.api['markers:remove']({ id: m.id });
    expect(await w.api['markers:list']({})).toEqual([]);
    await expect(w.api['markers:remove']({ id: m.id })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('keeps the filters in the workspace', async () => {
    const w = await workspace({ engine });
    expect((await w.api['metrics:getFilters']({})).preset).toBe('all');
    await w.api['metrics:setFilters']({ preset: 'custom', from: '2016-01-01', to: '2016-06-30', senders: ['s1'] });
    expect(await w.api['metrics:getFilters']({})).toEqual({
      preset: 'custom', from: '2016-01-01', to: '2016-06-30', by: 'month', senders: ['s1'], categories: [],
    });
  });
});
