import { describe, expect, it } from 'vitest';
import { bucketingFor, resolvePeriod } from '../../../electron/backend/evidence/period.ts';
import { notifications, workspace } from './helpers.ts';

describe('the period of an evidence pack', () => {
  it('buckets by day up to 60 days, by week up to about 60 weeks, by month beyond', () => {
    expect([1, 60, 61, 413, 414, 366 * 3].map(bucketingFor)).toEqual(['day', 'day', 'week', 'week', 'month', 'month']);
  });

  it('defaults to the first and last day with events, in the workspace time zone, dated by its last second', async () => {
    const w = await workspace();
    // 23:30 in Seoul on 29 Feb is still 29 Feb there (14:30 UTC).
    await w.load(notifications([['a', '2016-02-29T23:30:00+09:00', 'r1', 's1', 'delivered'], ['b', '2016-03-02T00:10:00+09:00', 'r1', 's1', 'delivered']]));
    const p = resolvePeriod(w.db(), 'Asia/Seoul', {});
    expect(p).toMatchObject({ from: '2016-02-29', to: '2016-03-02', by: 'day', timeZone: 'Asia/Seoul' });
    expect(p.fromMs).toBe(Date.parse('2016-02-29T00:00:00+09:00'));
    expect(p.toMs).toBe(Date.parse('2016-03-03T00:00:00+09:00'));
    expect(p.stampedAt).toBe(Date.parse('2016-03-02T23:59:59+09:00'));
    // One end given: the other still comes from the data, never before the given one.
    expect(resolvePeriod(w.db(), 'Asia/Seoul', { from: '2016-03-01' })).toMatchObject({ from: '2016-03-01', to: '2016-03-02' });
    expect(resolvePeriod(w.db(), 'Asia/Seoul', { to: '2016-01-31' })).toMatchObject({ from: '2016-01-31', to: '2016-01-31' });
    expect(resolvePeriod(w.db(), 'Asia/Seoul', { from: '2016-06-01' })).toMatchObject({ from: '2016-06-01', to: '2016-06-01' });
  });
});
