import { describe, expect, it } from 'vitest';
import { computeUrls, median } from '../../../electron/backend/metrics/urls.ts';
import { engines, urls, workspace, type Engine } from './helpers.ts';

const U = (n: number) => `https://blog.example.com/post/${n}`;

async function loaded(engine: Engine = 'sqlite') {
  const w = await workspace({ engine });
  await w.load(
    urls([
      // lags from first shared to first indexed: 1 h, 2 h, 4 h, 10 h → median (2 + 4) / 2 = 3 h
      ['a1', '2016-01-04T00:00:00Z', U(1), 'shared'],
      ['a2', '2016-01-04T01:00:00Z', U(1), 'indexed'],
      ['a3', '2016-01-04T05:00:00Z', U(1), 'indexed'],
      ['b1', '2016-01-04T00:00:00Z', U(2), 'shared'],
      ['b0', '2016-01-04T01:00:00Z', U(2), 'shared'],
      ['b2', '2016-01-04T02:00:00Z', U(2), 'indexed'],
      ['c1', '2016-01-05T00:00:00Z', U(3), 'shared'],
      ['c2', '2016-01-05T04:00:00Z', U(3), 'indexed'],
      ['d1', '2016-01-05T00:00:00Z', U(4), 'shared'],
      ['d2', '2016-01-05T10:00:00Z', U(4), 'indexed'],
      ['d3', '2016-01-06T10:00:00Z', U(4), 'served'],
      // indexed before it was shared: no lag
      ['e1', '2016-02-10T00:00:00Z', 'https://shop.example.org/x', 'indexed'],
      ['e2', '2016-02-11T00:00:00Z', 'https://shop.example.org/x', 'shared'],
      // crawled only
      ['f1', '2016-02-11T00:00:00Z', 'https://other.example.net/', 'crawled'],
    ]),
  );
  return w;
}

describe('urls', () => {
  it('takes the median lag of an even count as the mean of the two middle values', () => {
    expect(median([10, 1, 4, 2])).toBe(3);
    expect(median([5])).toBe(5);
    expect(median([])).toBeNull();
  });

  it('counts only URLs first indexed before the URL-use notice date once one is published', async () => {
    const w = await loaded();
    const notice = Date.parse('2016-01-05T00:00:00+09:00'); // 2016-01-04T15:00Z
    const r = computeUrls(w.db(), { by: 'month' }, notice);
    expect(r.urlNoticeDate).toBe('2016-01-05');
    // U(1) and U(2) were first indexed on 4 January (UTC 01:00, 02:00): before the notice.
    expect(r.indexedWithoutNotice).toBe(2);
    expect(r.indexedWithoutNoticeUrls.map((u) => u.url)).toEqual([U(1), U(2)]);
  });
});

describe.each(engines)('urls (%s)', (engine) => {
  it('counts distinct shared, indexed and served URLs per bucket and the median hours from first shared to first indexed', async () => {
    const w = await loaded(engine);
    const r = await w.api['metrics:urls']({ by: 'month' });
    expect([r.shared, r.indexed, r.served]).toEqual([5, 5, 1]);
    expect(r.buckets).toEqual([
      { bucket: '2016-01', shared: 4, indexed: 4, served: 1 },
      { bucket: '2016-02', shared: 1, indexed: 1, served: 0 },
    ]);
    expect(r.medianLagHours).toBe(3);
    expect(r.lagCount).toBe(4);
    expect(r.topDomains).toEqual([
      { key: 'blog.example.com', count: 4 },
      { key: 'shop.example.org', count: 1 },
    ]);
  });

  it('counts every indexed URL as indexed without notice when no URL-use notice was published', async () => {
    const w = await loaded(engine);
    const r = await w.api['metrics:urls']({});
    expect(r.urlNoticeDate).toBeNull();
    expect(r.indexedWithoutNotice).toBe(5);
  });
});

describe.each(engines)('urls with a published URL-use disclosure (%s)', (engine) => {
  it('takes the notice date from the first published URL-use disclosure and shows it as a chart marker', async () => {
    const w = await loaded(engine);
    const d = await w.api['disclosures:create']({ surface: 'url-notice', title: 'URL 이용 고지' });
    for (const status of ['in-review', 'approved'] as const) await w.api['disclosures:setStatus']({ id: d.id, status, actor: 'Reviewer' });
    await w.api['disclosures:setStatus']({ id: d.id, status: 'published', effectiveAt: Date.parse('2016-01-05T00:00:00+09:00'), actor: 'Reviewer' });
    const r = await w.api['metrics:urls']({});
    expect(r.urlNoticeDate).toBe('2016-01-05');
    // U(1) and U(2) were first indexed on 4 January (UTC 01:00, 02:00): before the notice.
    expect(r.indexedWithoutNotice).toBe(2);
    expect(r.indexedWithoutNoticeUrls).toEqual([
      { url: U(1), firstIndexedAt: '2016-01-04T01:00:00.000Z' },
      { url: U(2), firstIndexedAt: '2016-01-04T02:00:00.000Z' },
    ]);
    // Lags of 1 h, 2 h, 4 h and 10 h.
    expect(r.lagHistogram.map((b) => b.count)).toEqual([0, 3, 1, 0, 0, 0, 0]);
    const markers = await w.api['markers:list']({});
    expect(markers).toEqual([{ id: `disclosure-${d.id}`, date: '2016-01-05', label: 'URL 이용 고지', kind: 'disclosure' }]);
  });
});
