import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  bucketOf,
  bucketStart,
  daysInclusive,
  formatBucketLabel,
  isCivilDate,
  presetRange,
  previousPeriod,
  suggestBucket,
  todayIn,
} from '../../../shared/charts/dates.ts';

describe('civil date helpers', () => {
  it('rejects dates that do not exist', () => {
    expect(isCivilDate('2016-02-29')).toBe(true);
    expect(isCivilDate('2015-02-29')).toBe(false);
    expect(isCivilDate('2016-13-01')).toBe(false);
    expect(() => addDays('2016/01/01', 1)).toThrow(/YYYY-MM-DD/);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2016-12-31', 1)).toBe('2017-01-01');
    expect(addDays('2016-03-01', -1)).toBe('2016-02-29');
  });

  it('clamps the day when adding months', () => {
    expect(addMonths('2016-03-31', -1)).toBe('2016-02-29');
    expect(addMonths('2016-08-31', 1)).toBe('2016-09-30');
  });

  it('counts an inclusive range of one day as one day', () => {
    expect(daysInclusive('2016-01-01', '2016-01-01')).toBe(1);
    expect(daysInclusive('2016-01-01', '2016-12-31')).toBe(366);
  });

  it('finds today in Seoul when UTC is still yesterday', () => {
    // 2016-12-31 20:00 UTC is 2017-01-01 05:00 in Seoul.
    expect(todayIn('Asia/Seoul', Date.UTC(2016, 11, 31, 20))).toBe('2017-01-01');
    expect(todayIn('UTC', Date.UTC(2016, 11, 31, 20))).toBe('2016-12-31');
  });
});

describe('date presets', () => {
  it('ends every bounded preset on the anchor day', () => {
    expect(presetRange('last7', '2016-06-30')).toEqual({ from: '2016-06-24', to: '2016-06-30' });
    expect(presetRange('last30', '2016-06-30')).toEqual({ from: '2016-06-01', to: '2016-06-30' });
    expect(presetRange('last90', '2016-06-30')).toEqual({ from: '2016-04-02', to: '2016-06-30' });
    expect(presetRange('thisMonth', '2016-06-30')).toEqual({ from: '2016-06-01', to: '2016-06-30' });
    expect(presetRange('last6Months', '2016-06-30')).toEqual({ from: '2016-01-01', to: '2016-06-30' });
    expect(presetRange('last365', '2016-06-30')).toEqual({ from: '2015-07-02', to: '2016-06-30' });
    expect(presetRange('all', '2016-06-30')).toEqual({ from: null, to: null });
  });

  it('gives the previous period of equal length just before the range', () => {
    expect(previousPeriod({ from: '2016-06-01', to: '2016-06-30' })).toEqual({ from: '2016-05-02', to: '2016-05-31' });
    expect(previousPeriod({ from: '2016-03-01', to: '2016-03-01' })).toEqual({ from: '2016-02-29', to: '2016-02-29' });
    expect(previousPeriod({ from: null, to: '2016-03-01' })).toBeNull();
  });
});

describe('bucket labels', () => {
  it('labels ISO weeks, including weeks that belong to the previous year', () => {
    expect(bucketOf('2016-03-07', 'week')).toBe('2016-W10');
    expect(bucketOf('2016-01-01', 'week')).toBe('2015-W53');
    expect(bucketOf('2018-12-31', 'week')).toBe('2019-W01');
  });

  it('turns labels back into their first day', () => {
    expect(bucketStart('2016-W10')).toBe('2016-03-07');
    expect(bucketStart('2015-W53')).toBe('2015-12-28');
    expect(bucketStart('2016-03')).toBe('2016-03-01');
    expect(bucketStart('2016-03-09')).toBe('2016-03-09');
    expect(bucketStart('sender-a')).toBeNull();
  });

  it('buckets a date by day, week and month', () => {
    expect(bucketOf('2016-03-09', 'day')).toBe('2016-03-09');
    expect(bucketOf('2016-03-09', 'week')).toBe('2016-W10');
    expect(bucketOf('2016-03-09', 'month')).toBe('2016-03');
  });

  it('suggests coarser buckets for longer ranges', () => {
    expect(suggestBucket(30)).toBe('day');
    expect(suggestBucket(365)).toBe('week');
    expect(suggestBucket(3650)).toBe('month');
  });
});

describe('bucket labels for people', () => {
  it('formats days, weeks and months in Korean and English', () => {
    expect(formatBucketLabel('2016-03-07', 'en')).toBe('Mar 7');
    expect(formatBucketLabel('2016-03-07', 'ko')).toBe('3월 7일');
    expect(formatBucketLabel('2016-W10', 'en')).toBe('W10 (Mar 7)');
    expect(formatBucketLabel('2016-03', 'en')).toBe('Mar 2016');
    expect(formatBucketLabel('2016-03', 'ko')).toBe('2016년 3월');
    expect(formatBucketLabel('2016-03-07', 'en', true)).toBe('Mar 7, 2016');
    expect(formatBucketLabel('other', 'en')).toBe('other');
  });
});
