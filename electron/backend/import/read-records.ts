import { userError } from '../../../shared/contract/errors.ts';
import type { ImportEncoding } from '../../../shared/contract/imports.ts';
import { CsvReader } from './csv.ts';
import { createDecoder, detectEncoding, type Encoding } from './decode.ts';
import { JsonArraySplitter } from './json-stream.ts';
import { RecordTooLongError, TooDeepError, type ReadLimits } from './limits.ts';
import { RECORD_ARRAY_KEYS, sampleCsv, sampleObjects, sniffLayout, type Layout } from './sniff.ts';
import type { EntriesSource, EntryPart, Source, StreamSource } from './source.ts';
import type { InputRecord, Sample } from './types.ts';

const HEAD_BYTES = 64 * 1024;
/** Most bytes of a folder or zip read ahead to find the first records (for adapter detection). */
const ENTRIES_HEAD_BYTES = 1 << 20;

/** A source whose format is known, ready to stream its records. */
export interface PreparedSource {
  encoding: Encoding;
  layout: Layout | { format: 'entries' };
  sample: Sample;
  /** CSV header as written (trimmed), or empty. */
  header: string[];
  /** First data rows (CSV) for previews. */
  previewRows: string[][];
  /**
   * Streams every record (the CSV header excluded) to `onRecord`, synchronously per chunk. With
   * `between`, the read waits for it after each chunk (a writer that stores asynchronously, the
   * warehouse's, drains its batch there, so the rows held stay bounded).
   */
  run(onRecord: (record: InputRecord) => void, between?: () => Promise<void>): Promise<void>;
}

/** A reader's error as the user sees it: the file (and entry), the line and the limit or the reason. */
function wordError(error: unknown, file: string, entry: string | null): unknown {
  const where: Record<string, string> = entry === null ? { file } : { file, entry };
  if (error instanceof RecordTooLongError) {
    const params = { ...where, line: error.line, limit: error.limit.toLocaleString('en-US') };
    return userError('too-large', entry === null ? 'imports.record-too-long' : 'imports.entry-record-too-long', params, where);
  }
  if (error instanceof TooDeepError) {
    const params = { ...where, line: error.line, limit: error.limit };
    return userError('too-large', entry === null ? 'imports.too-deep' : 'imports.entry-too-deep', params, where);
  }
  if (error instanceof SyntaxError) return userError('unsupported-format', 'imports.not-json', { file, reason: error.message }, where);
  return error;
}

/** Runs `fn`, rethrowing a reader's error worded for the user. */
function worded<T>(file: string, entry: string | null, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw wordError(error, file, entry);
  }
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
  let headText = decoder.write(headBytes);
  const max = src.limits.maxRecordChars;
  // A first line longer than the head would be taken for a header or a file without records: read
  // on (up to the record cap) until it ends.
  const more = async (): Promise<boolean> => {
    if (done || headText.length > max + HEAD_BYTES) return false;
    const next = await iterator.next();
    if (next.done) done = true;
    else headText += decoder.write(next.value);
    return !done;
  };
  while (!/[\r\n]/.test(headText) && (await more()));
  const layout = sniffLayout(headText, fileName);
  const oneLongLine = !/[\r\n]/.test(headText) && headText.length > max;
  if (oneLongLine && layout.format !== 'json') throw wordError(new RecordTooLongError(1, max), fileName, null);
  let header: string[] = [];
  let previewRows: string[][] = [];
  let objects: Record<string, unknown>[] = [];
  if (layout.format === 'csv') {
    ({ header, rows: previewRows } = sampleCsv(headText, layout.delimiter, 20));
  } else {
    objects = worded(fileName, null, () => sampleObjects(headText, layout, 5, src.limits));
    // The first JSON record may be longer than the head: read on until it ends or passes the cap.
    while (objects.length === 0 && layout.format === 'json' && (await more())) {
      objects = worded(fileName, null, () => sampleObjects(headText, layout, 5, src.limits));
    }
    if (objects.length === 0 && oneLongLine) throw wordError(new RecordTooLongError(1, max), fileName, null);
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
    async run(onRecord, between) {
      const feed = makeFeeder(layout, src.limits, onRecord);
      const push = (text: string) => worded(fileName, null, () => feed.push(text));
      push(headText);
      if (!done) {
        for (;;) {
          if (between) await between();
          const next = await iterator.next();
          if (next.done) break;
          push(decoder.write(next.value));
        }
      }
      push(decoder.end());
      worded(fileName, null, () => feed.end());
    },
  };
}

/** Drops a BOM at the very start of the text fed through it. */
function bomStripper(): (t: string) => string {
  let first = true;
  return (t) => {
    if (first && t.length > 0) {
      first = false;
      return t.charCodeAt(0) === 0xfeff ? t.slice(1) : t;
    }
    return t;
  };
}

/** A text parser for one layout that turns chunks into records (throws the readers' own errors). */
function makeFeeder(layout: Layout, limits: ReadLimits, onRecord: (r: InputRecord) => void): { push(t: string): void; end(): void } {
  const stripBom = bomStripper();
  if (layout.format === 'csv') {
    let headerSeen = false;
    const reader = new CsvReader(
      layout.delimiter,
      (values, line) => {
        if (!headerSeen) {
          headerSeen = true;
          return;
        }
        onRecord({ type: 'row', values, line });
      },
      { maxRecordChars: limits.maxRecordChars, onBad: (line, raw, reason) => onRecord({ type: 'bad', line, raw, reason }) },
    );
    return { push: (t) => reader.push(stripBom(t)), end: () => reader.end() };
  }
  if (layout.format === 'ndjson') {
    const lines = ndjsonLines(limits.maxRecordChars, onRecord);
    return { push: (t) => lines.push(stripBom(t)), end: () => lines.end() };
  }
  const splitter = new JsonArraySplitter(
    RECORD_ARRAY_KEYS,
    (value, line, raw) => {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return;
      onRecord({ type: 'object', value: value as Record<string, unknown>, line, raw, entry: null });
    },
    limits,
  );
  return { push: (t) => splitter.push(stripBom(t)), end: () => splitter.end() };
}

/** NDJSON: one object per line, each line at most `maxChars` long; linear in the input. */
function ndjsonLines(maxChars: number, onRecord: (r: InputRecord) => void): { push(t: string): void; end(): void } {
  let parts: string[] = [];
  let partChars = 0;
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
  const take = (piece: string): string => {
    if (partChars + piece.length > maxChars) throw new RecordTooLongError(line + 1, maxChars);
    if (partChars === 0) return piece;
    const whole = parts.join('') + piece;
    parts = [];
    partChars = 0;
    return whole;
  };
  return {
    push(t) {
      let start = 0;
      let nl = t.indexOf('\n');
      while (nl !== -1) {
        emitLine(take(t.slice(start, nl)));
        start = nl + 1;
        nl = t.indexOf('\n', start);
      }
      if (start < t.length) {
        if (partChars + (t.length - start) > maxChars) throw new RecordTooLongError(line + 1, maxChars);
        parts.push(t.slice(start));
        partChars += t.length - start;
      }
    },
    end() {
      if (partChars > 0) emitLine(take(''));
    },
  };
}

/** The records of one day file, fed piece by piece; a malformed day file becomes one reject naming it. */
class DayFileReader {
  private readonly decoder = new TextDecoder('utf-8');
  private readonly splitter: JsonArraySplitter;
  private broken = false;
  readonly name: string;
  private readonly file: string;
  private readonly onRecord: (r: InputRecord) => void;

  constructor(file: string, name: string, limits: ReadLimits, onRecord: (r: InputRecord) => void) {
    this.file = file;
    this.name = name;
    this.onRecord = onRecord;
    this.splitter = new JsonArraySplitter(
      [],
      (value, line, raw) => {
        if (value && typeof value === 'object' && !Array.isArray(value)) {
          onRecord({ type: 'object', value: value as Record<string, unknown>, line, raw, entry: name });
        }
      },
      limits,
    );
  }

  /** Feeds one piece of the day file; `final` ends it. */
  push(data: Uint8Array, final: boolean): void {
    if (this.broken) return;
    this.guard(() => {
      this.splitter.push(this.decoder.decode(data, { stream: !final }));
      if (final) this.splitter.end();
    });
  }

  private guard(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw wordError(error, this.file, this.name);
      this.broken = true;
      this.onRecord({ type: 'bad', line: 1, raw: this.name, reason: `${this.name}: not valid JSON (${error.message})` });
    }
  }
}

async function prepareEntries(src: EntriesSource, fileName: string): Promise<PreparedSource> {
  const iterator = src.parts()[Symbol.asyncIterator]();
  const pending: EntryPart[] = [];
  let pendingBytes = 0;
  let objects: Record<string, unknown>[] = [];
  let head: Uint8Array[] = [];
  let done = false;
  while (pendingBytes < ENTRIES_HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const part = next.value;
    pending.push(part);
    pendingBytes += part.data.length;
    head.push(part.data);
    if (part.final) {
      try {
        objects = sampleObjects(new TextDecoder().decode(Buffer.concat(head)), { format: 'json' }, 5);
      } catch {
        // a limit passed in this day file is reported, naming it, by the real read
      }
      head = [];
      if (objects.length > 0) break;
    }
  }
  if (pending.length === 0) {
    throw userError('unsupported-format', 'imports.no-day-files', { file: fileName }, { file: fileName });
  }
  return {
    encoding: 'utf-8',
    layout: { format: 'entries' },
    sample: { fileName, format: 'json', header: ['(slack-export)'], objects },
    header: [],
    previewRows: [],
    async run(onRecord, between) {
      let reader: DayFileReader | null = null;
      const handle = (part: EntryPart) => {
        if (reader && reader.name !== part.name) reader.push(new Uint8Array(0), true);
        if (!reader || reader.name !== part.name) reader = new DayFileReader(fileName, part.name, src.limits, onRecord);
        reader.push(part.data, part.final);
        if (part.final) reader = null;
      };
      for (const part of pending) handle(part);
      pending.length = 0;
      if (!done) {
        for (;;) {
          if (between) await between();
          const next = await iterator.next();
          if (next.done) break;
          handle(next.value);
        }
      }
      if (reader) (reader as DayFileReader).push(new Uint8Array(0), true);
    },
  };
}

/** Reads the head of a source: encoding, layout, header and a sample for adapter detection. */
export async function prepareSource(src: Source, fileName: string, encoding: ImportEncoding): Promise<PreparedSource> {
  return src.type === 'stream' ? prepareStream(src, fileName, encoding) : prepareEntries(src, fileName);
}
