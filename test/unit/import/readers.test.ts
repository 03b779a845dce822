import { describe, expect, it } from 'vitest';
import { CsvReader, detectDelimiter, formatCsvRecord } from '../../../electron/backend/import/csv.ts';
import { detectEncoding } from '../../../electron/backend/import/decode.ts';
import { JsonArraySplitter } from '../../../electron/backend/import/json-stream.ts';
import { normaliseTimestamp, parseTimestamp, rfc2822ToIso } from '../../../electron/backend/import/time.ts';

function readCsv(chunks: string[]): { values: string[]; line: number }[] {
  const out: { values: string[]; line: number }[] = [];
  const r = new CsvReader(',', (values, line) => out.push({ values, line }));
  for (const c of chunks) r.push(c);
  r.end();
  return out;
}

describe('the CSV reader', () => {
  const text = 'a,b,c\r\n1,"x, y",3\r\n2,"line\nbreak ""q""",4\n5,,6';
  const expected = [
    { values: ['a', 'b', 'c'], line: 1 },
    { values: ['1', 'x, y', '3'], line: 2 },
    { values: ['2', 'line\nbreak "q"', '4'], line: 3 },
    { values: ['5', '', '6'], line: 5 },
  ];

  it('reads quoted commas, doubled quotes, line breaks in quotes, CRLF and a missing final newline', () => {
    expect(readCsv([text])).toEqual(expected);
  });

  it('gives the same records whatever the chunk boundaries are', () => {
    for (let size = 1; size <= 7; size++) {
      const chunks: string[] = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
      expect(readCsv(chunks)).toEqual(expected);
    }
  });

  it('skips blank lines and picks tab or semicolon delimiters from the header', () => {
    expect(readCsv(['a,b\n\n1,2\n'])).toEqual([{ values: ['a', 'b'], line: 1 }, { values: ['1', '2'], line: 3 }]);
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('a;b;"c,d"')).toBe(';');
  });

  it('writes records back with quoting', () => {
    expect(formatCsvRecord(['a', 'b,c', 'd"e', null])).toBe('a,"b,c","d""e",');
  });
});

describe('the JSON splitter', () => {
  it('yields each object of a top-level array with its starting line, across chunks', () => {
    const out: [unknown, number][] = [];
    const s = new JsonArraySplitter([], (v, line) => out.push([v, line]));
    const text = '[\n {"a": "x]{"},\n {"b": [1, {"c": 2}]}\n]';
    for (const ch of text) s.push(ch);
    s.end();
    expect(out).toEqual([[{ a: 'x]{' }, 2], [{ b: [1, { c: 2 }] }, 3]]);
  });

  it('yields the elements of a "messages" array inside a document and refuses a cut document', () => {
    const out: unknown[] = [];
    const s = new JsonArraySplitter(['messages'], (v) => out.push(v));
    s.push('{"name": "x", "other": [{"no": 1}], "messages": [{"id": 1}, {"id": 2}]}');
    s.end();
    expect(out).toEqual([{ id: 1 }, { id: 2 }]);
    const cut = new JsonArraySplitter([], () => {});
    cut.push('[{"a": 1}, {"b"');
    expect(() => cut.end()).toThrow(/ends early/);
  });
});

describe('timestamps', () => {
  it('reads offsets, Z, local times in the import zone, epoch seconds and milliseconds', () => {
    expect(parseTimestamp('2016-03-07T10:00:00+09:00', 'UTC')).toEqual({ utc: Date.UTC(2016, 2, 7, 1), zoneAssumed: false });
    expect(parseTimestamp('2016-03-07T01:00:00Z', 'Asia/Seoul')).toEqual({ utc: Date.UTC(2016, 2, 7, 1), zoneAssumed: false });
    expect(parseTimestamp('2016-03-07 10:00', 'Asia/Seoul')).toEqual({ utc: Date.UTC(2016, 2, 7, 1), zoneAssumed: true });
    expect(parseTimestamp('2016-03-07 10:00:00.250', 'Asia/Seoul')?.utc).toBe(Date.UTC(2016, 2, 7, 1, 0, 0, 250));
    expect(parseTimestamp('1457312400', 'Asia/Seoul')).toEqual({ utc: 1457312400000, zoneAssumed: false });
    expect(parseTimestamp('1457312400123', 'Asia/Seoul')?.utc).toBe(1457312400123);
  });

  it('applies daylight saving time in zones that have it', () => {
    expect(parseTimestamp('2016-07-01 12:00', 'America/New_York')?.utc).toBe(Date.UTC(2016, 6, 1, 16));
    expect(parseTimestamp('2016-01-01 12:00', 'America/New_York')?.utc).toBe(Date.UTC(2016, 0, 1, 17));
  });

  it('refuses text, impossible dates and 11- or 12-digit numbers', () => {
    for (const bad of ['yesterday', '2016-02-30 10:00', '2016-13-01', '12345678901', '']) {
      expect(parseTimestamp(bad, 'UTC')).toBeNull();
    }
  });

  it('converts RFC 2822 dates and the column mapper layouts', () => {
    expect(rfc2822ToIso('Thu, 30 Jul 2015 20:12:31 +0000')).toBe('2015-07-30T20:12:31+00:00');
    expect(normaliseTimestamp('2016/03/07 9:05:00', 'YYYY/MM/DD HH:mm:ss')).toBe('2016-03-07 09:05:00');
    expect(normaliseTimestamp('07/03/2016 21:00', 'DD/MM/YYYY HH:mm:ss')).toBe('2016-03-07 21:00:00');
    expect(normaliseTimestamp('20160307090500', 'YYYYMMDDHHmmss')).toBe('2016-03-07 09:05:00');
    expect(normaliseTimestamp('2016. 3. 7. 오후 3:05:00', 'YYYY.MM.DD HH:mm:ss')).toBe('2016-03-07 15:05:00');
  });
});

describe('encoding detection', () => {
  it('reads BOMs, UTF-16 without BOM, valid UTF-8 and falls back to CP949', () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('utf-8');
    expect(detectEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0]))).toBe('utf-16le');
    expect(detectEncoding(new Uint8Array([0xfe, 0xff, 0, 0x61]))).toBe('utf-16be');
    expect(detectEncoding(Buffer.from('a,b\n1,2\n', 'utf16le'))).toBe('utf-16le');
    expect(detectEncoding(Buffer.from('수신자', 'utf8'))).toBe('utf-8');
    expect(detectEncoding(new Uint8Array([0xbc, 0xf6, 0xbd, 0xc5]))).toBe('cp949');
  });
});
