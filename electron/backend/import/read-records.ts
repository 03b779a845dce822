import { AppError } from '../../../shared/contract/errors.ts';
import type { ImportEncoding } from '../../../shared/contract/imports.ts';
import { CsvReader } from './csv.ts';
import { createDecoder, detectEncoding, type Encoding } from './decode.ts';
import { JsonArraySplitter } from './json-stream.ts';
import { RECORD_ARRAY_KEYS, sampleCsv, sampleObjects, sniffLayout, type Layout } from './sniff.ts';
import type { Source, StreamSource, EntriesSource } from './source.ts';
import type { InputRecord, Sample } from './types.ts';

const HEAD_BYTES = 64 * 1024;
const DAY_FILE = /(^|\/)([^/]+)\/\d{4}-\d{2}-\d{2}\.json$/i;

/** A source whose format is known, ready to stream its records. */
export interface PreparedSource {
  encoding: Encoding;
  layout: Layout | { format: 'entries' };
  sample: Sample;
  /** CSV header as written (trimmed), or empty. */
  header: string[];
  /** First data rows (CSV) for previews. */
  previewRows: string[][];
  /** Streams every record (the CSV header excluded) to `onRecord`, synchronously per chunk. */
  run(onRecord: (record: InputRecord) => void): Promise<void>;
}

function syntaxToAppError(error: unknown, fileName: string): never {
  if (error instanceof SyntaxError) {
    throw new AppError('unsupported-format', `${fileName}: not valid JSON — ${error.message}.`, { file: fileName });
  }
  throw error;
}

async function prepareStream(src: StreamSource, fileName: string, override: ImportEncoding): Promise<PreparedSource> {
  const iterator = src.chunks()[Symbol.asyncIterator]();
  const headParts: Uint8Array[] = [];
  let headSize = 0;
  let done = false;
  while (headSize < HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    headParts.push(next.value);
    headSize += next.value.length;
  }
  const headBytes = Buffer.concat(headParts);
  const encoding: Encoding = override === 'auto' ? detectEncoding(headBytes) : override;
  const decoder = createDecoder(encoding);
  const headText = decoder.write(headBytes);
  const layout = sniffLayout(headText, fileName);
  let header: string[] = [];
  let previewRows: string[][] = [];
  let objects: Record<string, unknown>[] = [];
  if (layout.format === 'csv') {
    ({ header, rows: previewRows } = sampleCsv(headText, layout.delimiter, 20));
  } else {
    objects = sampleObjects(headText, layout, 5);
  }
  const sample: Sample = {
    fileName,
    format: layout.format === 'csv' ? 'csv' : 'json',
    header: header.map((h) => h.toLowerCase()),
    objects,
  };
  return {
    encoding,
    layout,
    sample,
    header,
    previewRows,
    async run(onRecord) {
      const feed = makeFeeder(layout, fileName, onRecord);
      feed.push(headText);
      if (!done) {
        for (;;) {
          const next = await iterator.next();
          if (next.done) break;
          feed.push(decoder.write(next.value));
        }
      }
      feed.push(decoder.end());
      feed.end();
    },
  };
}

/** A text parser for one layout that turns chunks into records. */
function makeFeeder(layout: Layout, fileName: string, onRecord: (r: InputRecord) => void): { push(t: string): void; end(): void } {
  let first = true;
  const stripBom = (t: string) => {
    if (first && t.length > 0) {
      first = false;
      return t.charCodeAt(0) === 0xfeff ? t.slice(1) : t;
    }
    return t;
  };
  if (layout.format === 'csv') {
    let headerSeen = false;
    const reader = new CsvReader(layout.delimiter, (values, line) => {
      if (!headerSeen) {
        headerSeen = true;
        return;
      }
      onRecord({ type: 'row', values, line });
    });
    return { push: (t) => reader.push(stripBom(t)), end: () => reader.end() };
  }
  if (layout.format === 'ndjson') {
    let carry = '';
    let line = 0;
    const emitLine = (text: string) => {
      line++;
      const trimmed = text.trim();
      if (trimmed === '') return;
      let value: unknown;
      try {
        value = JSON.parse(trimmed);
      } catch (error) {
        onRecord({ type: 'bad', line, raw: trimmed, reason: `not valid JSON (${(error as Error).message})` });
        return;
      }
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        onRecord({ type: 'bad', line, raw: trimmed, reason: 'expected a JSON object on this line' });
        return;
      }
      onRecord({ type: 'object', value: value as Record<string, unknown>, line, raw: trimmed, entry: null });
    };
    return {
      push(t) {
        const data = carry + stripBom(t);
        let start = 0;
        let nl = data.indexOf('\n', start);
        while (nl !== -1) {
          emitLine(data.slice(start, nl));
          start = nl + 1;
          nl = data.indexOf('\n', start);
        }
        carry = data.slice(start);
      },
      end() {
        if (carry !== '') emitLine(carry);
        carry = '';
      },
    };
  }
  const splitter = new JsonArraySplitter(RECORD_ARRAY_KEYS, (value, line, raw) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return;
    onRecord({ type: 'object', value: value as Record<string, unknown>, line, raw, entry: null });
  });
  return {
    push(t) {
      try {
        splitter.push(stripBom(t));
      } catch (error) {
        syntaxToAppError(error, fileName);
      }
    },
    end() {
      try {
        splitter.end();
      } catch (error) {
        syntaxToAppError(error, fileName);
      }
    },
  };
}

async function prepareEntries(src: EntriesSource, fileName: string): Promise<PreparedSource> {
  const iterator = src.entries()[Symbol.asyncIterator]();
  const pending: { name: string; bytes: Uint8Array }[] = [];
  let objects: Record<string, unknown>[] = [];
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    if (!DAY_FILE.test(next.value.name)) continue;
    pending.push(next.value);
    objects = sampleObjects(new TextDecoder().decode(next.value.bytes), { format: 'json' }, 5);
    if (objects.length > 0) break;
  }
  if (pending.length === 0) {
    throw new AppError(
      'unsupported-format',
      `${fileName}: a folder or zip is read as a Slack export, but it holds no <channel>/<YYYY-MM-DD>.json files.`,
      { file: fileName },
    );
  }
  return {
    encoding: 'utf-8',
    layout: { format: 'entries' },
    sample: { fileName, format: 'json', header: ['(slack-export)'], objects },
    header: [],
    previewRows: [],
    async run(onRecord) {
      const handle = (entry: { name: string; bytes: Uint8Array }) => {
        const splitter = new JsonArraySplitter([], (value, line, raw) => {
          if (value && typeof value === 'object' && !Array.isArray(value)) {
            onRecord({ type: 'object', value: value as Record<string, unknown>, line, raw, entry: entry.name });
          }
        });
        try {
          splitter.push(new TextDecoder().decode(entry.bytes));
          splitter.end();
        } catch (error) {
          onRecord({ type: 'bad', line: 1, raw: entry.name, reason: `${entry.name}: not valid JSON (${(error as Error).message})` });
        }
      };
      for (const entry of pending) handle(entry);
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        if (DAY_FILE.test(next.value.name)) handle(next.value);
      }
    },
  };
}

/** Reads the head of a source: encoding, layout, header and a sample for adapter detection. */
export async function prepareSource(src: Source, fileName: string, encoding: ImportEncoding): Promise<PreparedSource> {
  return src.type === 'stream' ? prepareStream(src, fileName, encoding) : prepareEntries(src, fileName);
}
