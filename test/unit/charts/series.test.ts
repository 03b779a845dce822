import { describe, expect, it } from 'vitest';
import { histogram, OTHER_KEY, pivotBuckets, rankCounts, snapToRow, topKeys, trend } from '../../../shared/charts/series.ts';

describe('pivoting breakdowns into chart rows', () => {
  it('gives one column per series and fills missing values with zero', () => {
    const { rows, keys } = pivotBuckets([
      { bucket: '2016-01', values: { delivered: 10, failed: 2 } },
      { bucket: '2016-02', values: { delivered: 4 } },
    ]);
    expect(keys).toEqual(['delivered', 'failed']);
    expect(rows).toEqual([
      { label: '2016-01', delivered: 10, failed: 2 },
      { label: '2016-02', delivered: 4, failed: 0 },
    ]);
  });

  it('folds the smallest series into "other" without losing any count', () => {
    const { rows, keys } = pivotBuckets(
      [
        { bucket: 'a', values: { s1: 50, s2: 40, s3: 3, s4: 2 } },
        { bucket: 'b', values: { s1: 5, s4: 1 } },
      ],
      3,
    );
    expect(keys).toEqual(['s1', 's2', OTHER_KEY]);
    expect(rows[0]).toEqual({ label: 'a', s1: 50, s2: 40, [OTHER_KEY]: 5 });
    expect(rows[1]).toEqual({ label: 'b', s1: 5, s2: 0, [OTHER_KEY]: 1 });
  });

  it('ranks counts largest first with ties broken by name', () => {
    expect(topKeys({ b: 2, a: 2, c: 9 }, 2)).toEqual(['c', 'a']);
    expect(rankCounts({ x: 1, y: 5, z: 3 }, 2)).toEqual([
      { label: 'y', value: 5 },
      { label: 'z', value: 3 },
      { label: OTHER_KEY, value: 1 },
    ]);
  });
});

describe('trend against the previous period', () => {
  it('gives the difference and the relative change', () => {
    expect(trend(120, 100)).toEqual({ delta: 20, ratio: 0.2 });
    expect(trend(5, 0)).toEqual({ delta: 5, ratio: null });
    expect(trend(null, 3)).toEqual({ delta: null, ratio: null });
  });
});

describe('histogram', () => {
  it('bins values into equal-width bins with the maximum in the last bin', () => {
    const bins = histogram([0, 1, 2, 3, 4, 5, 6, 7, 8, 10], 5);
    expect(bins.map((b) => b.count)).toEqual([2, 2, 2, 2, 2]);
    expect(bins[4]).toMatchObject({ from: 8, to: 10 });
  });

  it('puts identical values into one bin and ignores non-finite values', () => {
    expect(histogram([3, 3, NaN, 3], 4)).toEqual([{ from: 3, to: 3, count: 3 }]);
    expect(histogram([], 4)).toEqual([]);
  });
});

describe('placing a marker on downsampled rows', () => {
  const rows = [{ label: '2016-01-01', labelEnd: '2016-01-03' }, { label: '2016-01-04', labelEnd: '2016-01-06' }];

  it('finds the merged row that holds the date', () => {
    expect(snapToRow(rows, '2016-01-02')).toBe('2016-01-01');
    expect(snapToRow(rows, '2016-01-06')).toBe('2016-01-04');
  });

  it('gives null for a date outside the chart', () => {
    expect(snapToRow(rows, '2015-12-31')).toBeNull();
    expect(snapToRow(rows, '2016-01-07')).toBeNull();
    expect(snapToRow([], '2016-01-07')).toBeNull();
  });
});
