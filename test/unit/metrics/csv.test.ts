import { describe, expect, it } from 'vitest';
import { bucketLabel, bucketsBetween, dayStartUtc, localDay, parseDay } from '../../../shared/metrics/calendar.ts';
import { parse } from 'csv-parse/sync';
import { csvOfRecords, flattenRow, neutraliseCell, toCsv } from '../../../shared/metrics/csv.ts';
import { metricDefinitions } from '../../../shared/metrics/definitions.ts';
import { engines, notifications, workspace } from './helpers.ts';

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

describe.each(engines)('metric CSV exports (%s)', (engine) => {
  it('writes the volume and datacost tables of a period as the pages compute them', async () => {
    const w = await workspace({ engine });
    await w.load(
      notifications([
        ['a', '2016-03-07T10:00:00+09:00', 'r1', '=s1', 'delivered', null, null, 'order', 't1'],
        ['b', '2016-03-08T10:00:00+09:00', 'r1', '=s1', 'delivered', 4096, 'wifi', 'order', 't1'],
        ['c', '2016-03-08T11:00:00+09:00', 'r2', '한빛', 'sent', null, 'cellular', '주문', 't2'],
        ['d', '2016-03-09T11:00:00+09:00', 'r2', '한빛', 'failed'],
      ]),
    );
    const period = { from: '2016-03-07', to: '2016-03-09', by: 'day' } as const;
    const volume = await w.api['metrics:exportCsv']({ ...period, metric: 'volume', table: 'buckets' });
    expect(volume.fileName).toBe('volume-buckets-2016-03-07_2016-03-09.csv');
    expect(volume.rows).toBe(3);
    expect(parse(volume.csv, { bom: true })).toEqual([
      ['bucket', 'total', 'byStatus.delivered', 'stack.delivered', 'firstMessages', 'laterMessages', 'byStatus.sent', 'stack.sent', 'byStatus.failed', 'stack.failed'],
      ['2016-03-07', '1', '1', '1', '1', '0', '', '', '', ''],
      ['2016-03-08', '2', '1', '1', '1', '1', '1', '1', '', ''],
      ['2016-03-09', '1', '', '', '0', '0', '', '', '1', '1'],
    ]);
    const senders = await w.api['metrics:exportCsv']({ ...period, metric: 'volume', table: 'bySender' });
    expect(parse(senders.csv, { bom: true })).toEqual([
      ['key', 'count'],
      ["'=s1", '2'],
      ['한빛', '2'],
    ]);
    const cost = await w.api['metrics:exportCsv']({ ...period, metric: 'datacost', table: 'bySender' });
    const rows = parse(cost.csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.senderId, r.totalBytes, r.chargedBytes, r.firstMessages, r.recipients, r['chargeKrw.low']])).toEqual([
      ["'=s1", '19456', '15360', '1', '1', '0.375'],
      ['한빛', '15360', '15360', '1', '1', '0.375'],
    ]);
    const perRecipient = await w.api['metrics:exportCsv']({ ...period, metric: 'datacost', table: 'perRecipient' });
    expect((parse(perRecipient.csv, { bom: true, columns: true }) as Record<string, string>[]).map((r) => [r.label, r.count])).toEqual([
      ['< 16 KiB', '1'],
      ['16–32 KiB', '1'],
      ['32–64 KiB', '0'],
      ['64–128 KiB', '0'],
      ['128–256 KiB', '0'],
      ['256–512 KiB', '0'],
      ['512 KiB–1 MiB', '0'],
      ['≥ 1 MiB', '0'],
    ]);
  });
});
