import fs from 'node:fs';
import path from 'node:path';
import { JSONParser } from '@streamparser/json';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/contract/errors.ts';
import { formatMessage, isErrorKey } from '../../../shared/contract/messages/index.ts';
import { CsvReader } from '../../../electron/backend/import/csv.ts';
import { JsonArraySplitter } from '../../../electron/backend/import/json-stream.ts';
import { RecordTooLongError, TooDeepError } from '../../../electron/backend/import/limits.ts';
import { prepareSource } from '../../../electron/backend/import/read-records.ts';
import { openSource } from '../../../electron/backend/import/source.ts';
import { tempDir } from '../helpers/tmp.ts';
import { fuzzRuns, Gen } from './fuzz-gen.ts';

// Seeded and reproducible: a failure names its seed; FUZZ_RUNS=… runs more cases (the default keeps CI bounded).
const RUNS = fuzzRuns(3000);

type Out = { records: [number, string[]][]; bad: [number, string][]; error: string | null };

function readCsv(chunks: string[], maxRecordChars?: number): Out {
  const out: Out = { records: [], bad: [], error: null };
  const reader = new CsvReader(',', (values, line) => out.records.push([line, values]), {
    maxRecordChars,
    onBad: (line, _raw, reason) => out.bad.push([line, reason]),
  });
  try {
    for (const c of chunks) reader.push(c);
    reader.end();
  } catch (error) {
    if (!(error instanceof RecordTooLongError)) throw error;
    out.error = error.message;
  }
  return out;
}

/** Line breaks in a text: CRLF, LF and CR each count once. */
function breaks(text: string): number {
  return (text.match(/\r\n|\r|\n/g) ?? []).length;
}

describe('CSV reader fuzz', () => {
  it(`reads ${RUNS} generated valid documents as csv-parse does, whatever the chunks, with each record's first line`, () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const gen = new Gen(seed);
      const { text, records } = gen.csv();
      const ours = readCsv(gen.chunks(text));
      const oracle = parseCsv(text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
      expect(oracle, `seed ${seed}`).toEqual(records);
      expect(ours.records.map(([, v]) => v), `seed ${seed}`).toEqual(records);
      expect(ours.bad, `seed ${seed}`).toEqual([]);
      // Record k starts after the line breaks of the records before it.
      let line = 1;
      const lines = records.map((values) => {
        const at = line;
        line += values.reduce((sum, v) => sum + breaks(v), 0) + 1;
        return at;
      });
      expect(ours.records.map(([l]) => l), `seed ${seed}`).toEqual(lines);
    }
  });

  it(`never crashes, merges or loses lines on ${RUNS} damaged documents, and the chunks never change the result`, () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const gen = new Gen(seed);
      const text = gen.damage(gen.csv().text);
      const cap = gen.pick([undefined, 64, 2000]);
      const whole = readCsv([text], cap);
      const chunked = readCsv(gen.chunks(text), cap);
      expect(chunked, `seed ${seed}`).toEqual(whole);
      const starts = [...whole.records.map(([l]) => l), ...whole.bad.map(([l]) => l)].sort((a, b) => a - b);
      for (let i = 1; i < starts.length; i++) expect(starts[i]! > starts[i - 1]!, `seed ${seed}: lines ${starts.join(',')}`).toBe(true);
      expect(starts.every((l) => l >= 1 && l <= breaks(text) + 1), `seed ${seed}`).toBe(true);
      if (!text.includes('"') && whole.error === null) {
        // Without quotes every non-blank line is one record or one reject: they add up to the rows.
        const rows = text.split(/\r\n|\r|\n/).filter((l) => l !== '').length;
        expect(whole.records.length + whole.bad.length, `seed ${seed}`).toBe(rows);
      }
    }
  });
});

type JsonOut = { values: [number, unknown][]; error: string | null };

function splitJson(chunks: string[], limits = {}): JsonOut {
  const out: JsonOut = { values: [], error: null };
  const s = new JsonArraySplitter(['messages'], (v, line) => out.values.push([line, v]), limits);
  try {
    for (const c of chunks) s.push(c);
    s.end();
  } catch (error) {
    if (!(error instanceof SyntaxError || error instanceof RecordTooLongError || error instanceof TooDeepError)) throw error;
    out.error = error.constructor.name;
  }
  return out;
}

describe('JSON splitter fuzz', () => {
  it(`splits ${RUNS} generated arrays into the elements @streamparser/json and JSON.parse find, whatever the chunks`, () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const gen = new Gen(seed);
      const elements = Array.from({ length: gen.int(8) }, () => gen.object());
      // U+FEFF out: @streamparser/json drops it inside strings (JSON.parse and ours keep it).
      const text = JSON.stringify(elements, null, gen.pick([undefined, 1, '\t'])).replace(/\uFEFF/g, '');
      const oracle: unknown[] = [];
      const parser = new JSONParser({ paths: ['$.*'], keepStack: false });
      parser.onValue = ({ value }) => oracle.push(value);
      parser.write(text);
      const ours = splitJson(gen.chunks(text));
      expect(ours.error, `seed ${seed}`).toBeNull();
      expect(ours.values.map(([, v]) => v), `seed ${seed}`).toEqual(oracle);
      expect(oracle, `seed ${seed}`).toEqual(JSON.parse(text));
    }
  });

  it(`throws only its own errors on ${RUNS} damaged documents, the same whatever the chunks`, () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const gen = new Gen(seed);
      const doc = gen.rand() < 0.5 ? Array.from({ length: gen.int(6) }, () => gen.object()) : { name: 'x', messages: [gen.object(), gen.object()] };
      const text = gen.damage(JSON.stringify(doc));
      const limits = { maxRecordChars: gen.pick([200, 100_000]), maxJsonDepth: gen.pick([8, 128]) };
      const whole = splitJson([text], limits);
      const chunked = splitJson(gen.chunks(text), limits);
      // The same elements; the same error, except that a syntax error inside an element longer than the
      // cap may be found before or after the cap, depending on where the chunks end.
      expect(chunked.values, `seed ${seed}`).toEqual(whole.values);
      if (chunked.error !== 'RecordTooLongError' && whole.error !== 'RecordTooLongError') expect(chunked.error, `seed ${seed}`).toBe(whole.error);
      else expect(chunked.error && whole.error, `seed ${seed}`).toBeTruthy();
    }
  });
});

describe('hostile files end to end (open, sniff, read)', () => {
  const FILES = Math.max(50, Math.floor(RUNS / 6));

  it(`reads ${FILES} damaged, truncated, binary, mixed-encoding, gzip and zip files to records or an AppError naming the file`, async () => {
    const dir = tempDir('nd-fuzz-');
    for (let seed = 1; seed <= FILES; seed++) {
      const gen = new Gen(seed * 7919);
      const { name, bytes } = gen.file();
      const file = path.join(dir, `${seed}-${name}`);
      fs.writeFileSync(file, bytes);
      let records = 0;
      try {
        const prepared = await prepareSource(openSource(file), path.basename(file), 'auto');
        await prepared.run(() => {
          records++;
        });
      } catch (error) {
        expect(error, `seed ${seed}: ${String(error)}`).toBeInstanceOf(AppError);
        const e = error as AppError;
        expect(isErrorKey(e.key), `seed ${seed}: ${e.message}`).toBe(true);
        expect(e.message, `seed ${seed}`).toContain(path.basename(file));
        expect(formatMessage(e.key as never, e.params, 'ko'), `seed ${seed}`).toContain(path.basename(file));
      }
      expect(records).toBeGreaterThanOrEqual(0);
      fs.rmSync(file);
    }
  });
});
