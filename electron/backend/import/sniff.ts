import { userError } from '../../../shared/contract/errors.ts';
import { CsvReader, detectDelimiter } from './csv.ts';
import { JsonArraySplitter, type JsonSplitterLimits } from './json-stream.ts';
import { RecordTooLongError, TooDeepError } from './limits.ts';

/** How a text file is laid out. */
export type Layout =
  | { format: 'csv'; delimiter: string }
  | { format: 'ndjson' }
  | { format: 'json' };

/** Keys whose arrays hold the records of a JSON document (Telegram, Twilio list pages, Braze batches). */
export const RECORD_ARRAY_KEYS = ['messages', 'events'];

/** Decides the layout from the first decoded text of a file; refuses binary or empty files. */
export function sniffLayout(head: string, fileName: string): Layout {
  const text = head.replace(/^\uFEFF/, '');
  const start = text.trimStart();
  if (start === '') throw userError('unsupported-format', 'imports.empty', { file: fileName }, { file: fileName });
  let control = 0;
  const probe = text.slice(0, 4096);
  for (let i = 0; i < probe.length; i++) {
    const c = probe.charCodeAt(i);
    if ((c < 9 || (c > 13 && c < 32)) || c === 0xfffd) control++;
  }
  if (control > probe.length / 50) {
    throw userError('unsupported-format', 'imports.binary', { file: fileName }, { file: fileName });
  }
  if (start[0] === '[') return { format: 'json' };
  if (start[0] === '{') {
    const firstLine = start.split(/\r?\n/, 1)[0]!;
    try {
      JSON.parse(firstLine);
      return { format: 'ndjson' };
    } catch {
      return { format: 'json' };
    }
  }
  const headerLine = text.split(/\r?\n|\r/, 1)[0]!;
  return { format: 'csv', delimiter: detectDelimiter(headerLine) };
}

/** The CSV header and first rows from the head of a file. */
export function sampleCsv(head: string, delimiter: string, rows: number): { header: string[]; rows: string[][] } {
  const out: string[][] = [];
  const reader = new CsvReader(delimiter, (values) => {
    if (out.length <= rows) out.push(values);
  });
  reader.push(head.replace(/^\uFEFF/, ''));
  if (out.length === 0) reader.end();
  const [header = [], ...rest] = out;
  return { header: header.map((h) => h.trim()), rows: rest };
}

/** The first JSON objects from the head of a file (errors past the head are ignored). */
export function sampleObjects(head: string, layout: Layout, count: number, limits: JsonSplitterLimits = {}): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const text = head.replace(/^\uFEFF/, '');
  if (layout.format === 'ndjson') {
    for (const line of text.split(/\r?\n/)) {
      if (out.length >= count) break;
      try {
        const v = JSON.parse(line) as unknown;
        if (v && typeof v === 'object' && !Array.isArray(v)) out.push(v as Record<string, unknown>);
      } catch {
        // the last line of the head may be cut
      }
    }
    return out;
  }
  const splitter = new JsonArraySplitter(
    RECORD_ARRAY_KEYS,
    (v) => {
      if (out.length < count && v && typeof v === 'object' && !Array.isArray(v)) out.push(v as Record<string, unknown>);
    },
    limits,
  );
  try {
    splitter.push(text);
  } catch (error) {
    // A malformed tail is reported by the real read; a limit already passed is reported now.
    if (error instanceof RecordTooLongError || error instanceof TooDeepError) throw error;
  }
  return out;
}
