import { describe, expect, it } from 'vitest';
import { bucketLabel, bucketsBetween, dayStartUtc, localDay, parseDay } from '../../../shared/metrics/calendar.ts';
import { parse } from 'csv-parse/sync';
import { csvOfRecords, flattenRow, neutraliseCell, toCsv } from '../../../shared/metrics/csv.ts';
import { metricDefinitions } from '../../../shared/metrics/definitions.ts';

describe('toCsv', () => {
  it('neutralises cells that a spreadsheet would run as formulas', () => {
    for (const bad of ['=HYPERLINK("x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd']) {
      expect(neutraliseCell(bad)).toBe(`'${bad}`);
    }
    for (const bad of ['  =1+1', '\u3000@x', '＝SUM(A1)', '＋1']) expect(neutraliseCell(bad)).toBe(`'${bad}`);
    expect(neutraliseCell('삼성=좋음')).toBe('삼성=좋음');
    expect(neutraliseCell(-5)).toBe('-5');
    expect(neutraliseCell(null)).toBe('');
  });

  it('writes RFC 4180 with a BOM, CRLF and quotes around commas, quotes and line breaks', () => {
    const csv = toCsv([
      { bucket: '2016-W10', sender: '한빛, 마트', note: 'say "hi"\nbye', total: 3 },
      { bucket: '2016-W11', sender: '=cmd|x', note: '', total: -1 },
    ]);
    expect(csv).toBe(
      '\uFEFFbucket,sender,note,total\r\n2016-W10,"한빛, 마트","say ""hi""\nbye",3\r\n2016-W11,\'=cmd|x,,-1\r\n',
    );
  });

  it('guards every cell of every column, header included, and reads back (csv-parse as the oracle) with Korean intact', () => {
    const header = ['파일', '=line', 'column'];
    const rows: (string | number | null)[][] = [
      ['발송결과 2016.csv', 2, '=HYPERLINK("http://x")'],
      ['@evil', -3, null],
      ['줄바꿈\r\n"따옴표", 쉼표', 0, '+cmd'],
    ];
    const csv = csvOfRecords(header, rows);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const back = parse(csv, { bom: true, relax_column_count: false }) as string[][];
    expect(back).toEqual([
      ['파일', "'=line", 'column'],
      ['발송결과 2016.csv', '2', '\'=HYPERLINK("http://x")'],
      ["'@evil", '-3', ''],
      ['줄바꿈\r\n"따옴표", 쉼표', '0', "'+cmd"],
    ]);
    for (const line of back) for (const cell of line) expect(cell).not.toMatch(/^[=+@\t\r]/);
  });

  it('flattens nested records into dotted columns', () => {
    expect(flattenRow({ bucket: 'b', byStatus: { delivered: 2 }, chargeKrw: { low: 1, high: 2 } })).toEqual({
      bucket: 'b',
      'byStatus.delivered': 2,
      'chargeKrw.low': 1,
      'chargeKrw.high': 2,
    });
  });
});

describe('calendar buckets', () => {
  it('labels ISO weeks across year ends and months', () => {
    expect(bucketLabel(parseDay('2016-03-07'), 'week')).toBe('2016-W10');
    expect(bucketsBetween(parseDay('2015-12-28'), parseDay('2016-01-04'), 'week').map((b) => b.label)).toEqual([
      '2015-W53',
      '2016-W01',
    ]);
    expect(bucketsBetween(parseDay('2018-12-31'), parseDay('2018-12-31'), 'week')[0]!.label).toBe('2019-W01');
    expect(bucketsBetween(parseDay('2016-01-31'), parseDay('2016-03-01'), 'month').map((b) => b.label)).toEqual([
      '2016-01',
      '2016-02',
      '2016-03',
    ]);
  });

  it('finds local days and their starts across a daylight-saving change', () => {
    const zone = 'America/New_York';
    // 2016-03-13 is 23 hours long in New York.
    const start = dayStartUtc(parseDay('2016-03-13'), zone);
    const next = dayStartUtc(parseDay('2016-03-14'), zone);
    expect(new Date(start).toISOString()).toBe('2016-03-13T05:00:00.000Z');
    expect(next - start).toBe(23 * 3_600_000);
    expect(localDay(next - 1, zone)).toBe(parseDay('2016-03-13'));
    expect(localDay(Date.parse('2016-03-06T15:00:00Z'), 'Asia/Seoul')).toBe(parseDay('2016-03-07'));
  });

  it('has an English and a Korean definition for every metric', () => {
    for (const d of Object.values(metricDefinitions)) {
      expect(d.text.en.length).toBeGreaterThan(20);
      expect(d.text.ko).toMatch(/[가-힣]/);
    }
  });
});
