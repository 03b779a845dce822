import { DEFAULT_READ_LIMITS, RecordTooLongError } from './limits.ts';

/** Options of a CSV reader beyond its delimiter and record callback. */
export interface CsvReaderOptions {
  /** Longest record in characters (default 1 MiB); see the rules on `CsvReader`. */
  maxRecordChars?: number;
  /** A malformed record: its first line, its raw text (that line) and why. Without it, such records are dropped. */
  onBad?: (line: number, raw: string, reason: string) => void;
}

// Reader states (plain numbers: enums are not erasable syntax).
const FIELD = 0; // at the start of a field
const PLAIN = 1; // inside an unquoted field
const QUOTED = 2; // inside a quoted field
const QUOTE = 3; // just after a quote inside a quoted field: "" or the closing quote
const AFTER_CR = 4; // a record ended with CR: a LF right after it belongs to it
const SKIP = 5; // a malformed record: skipping to the end of its line

/**
 * A streaming RFC 4180 reader: text goes in by chunks, records come out with the line each starts
 * on. Quoted fields may hold the delimiter, doubled quotes and line breaks; CRLF, LF or CR; a
 * missing final newline is fine. Linear time: a chunk is scanned once, whatever the record length.
 *
 * Malformed records are rejects (`onBad`), never merged into their neighbours: a quoted field
 * whose closing quote is followed by anything but the delimiter or a line end, or that is still
 * open at the end of the input or when its record reaches the cap, makes the record a reject
 * with the line it starts on; reading resumes on the next line after that line.
 * A record whose first line alone is longer than the cap throws a RecordTooLongError.
 */
export class CsvReader {
  private readonly delimiter: number;
  private readonly onRecord: (values: string[], line: number) => void;
  private readonly onBad: (line: number, raw: string, reason: string) => void;
  private readonly maxChars: number;
  private state = FIELD;
  private values: string[] = [];
  /** Text of the current field carried over from earlier chunks. */
  private field = '';
  /** Line of the next character, and the line the current record starts on. */
  private line = 1;
  private recordLine = 1;
  /** Raw text of the current record from earlier chunks, and its length. */
  private raw: string[] = [];
  private rawChars = 0;
  /** A CR was the last character counted inside a quoted field (a LF next is the same line break). */
  private quotedCr = false;
  private badReason = '';
  /** Text to read before the next chunk (a rejected record's lines after its first). */
  private queue: string[] = [];

  constructor(delimiter: string, onRecord: (values: string[], line: number) => void, options: CsvReaderOptions = {}) {
    this.delimiter = delimiter.charCodeAt(0);
    this.onRecord = onRecord;
    this.onBad = options.onBad ?? (() => {});
    this.maxChars = options.maxRecordChars ?? DEFAULT_READ_LIMITS.maxRecordChars;
  }

  /** Feeds decoded text; complete records are reported synchronously. */
  push(text: string): void {
    this.queue.push(text);
    this.drain(false);
  }

  /** Ends the input: the last record may lack a final newline. */
  end(): void {
    this.drain(true);
  }

  private drain(final: boolean): void {
    while (this.queue.length > 0) this.scan(this.queue.shift()!);
    if (final) this.finish();
  }

  /** True while a record has started and is not yet complete. */
  private inRecord(): boolean {
    return this.state !== FIELD || this.values.length > 0;
  }

  private scan(s: string): void {
    const d = this.delimiter;
    const n = s.length;
    let i = 0;
    let rawStart = 0;
    while (i < n) {
      const state = this.state;
      if (state === FIELD) {
        const c = s.charCodeAt(i);
        if (c === 34) {
          this.state = QUOTED;
          this.quotedCr = false;
          i++;
        } else if ((c === 10 || c === 13) && this.values.length === 0) {
          // A blank line is not a record.
          this.line++;
          i++;
          if (c === 13) this.state = AFTER_CR;
          rawStart = i;
          this.recordLine = this.line;
        } else this.state = PLAIN;
      } else if (state === PLAIN) {
        let j = i;
        let c = 0;
        while (j < n) {
          c = s.charCodeAt(j);
          if (c === d || c === 10 || c === 13) break;
          j++;
        }
        if (j === n) {
          this.field += s.slice(i, n);
          break;
        }
        this.values.push(this.field === '' ? s.slice(i, j) : this.field + s.slice(i, j));
        this.field = '';
        if (c === d) {
          this.state = FIELD;
          i = j + 1;
        } else {
          i = this.endRecord(s, rawStart, j);
          rawStart = i;
        }
      } else if (state === QUOTED) {
        const q = s.indexOf('"', i);
        const to = q === -1 ? n : q;
        this.countBreaks(s, i, to);
        this.field += s.slice(i, to);
        if (q === -1) break;
        this.state = QUOTE;
        i = q + 1;
      } else if (state === QUOTE) {
        const c = s.charCodeAt(i);
        this.quotedCr = false;
        if (c === 34) {
          this.field += '"';
          this.state = QUOTED;
          i++;
        } else if (c === d) {
          this.values.push(this.field);
          this.field = '';
          this.state = FIELD;
          i++;
        } else if (c === 10 || c === 13) {
          this.values.push(this.field);
          this.field = '';
          i = this.endRecord(s, rawStart, i);
          rawStart = i;
        } else {
          const shown = s.slice(i, i + 1);
          this.reject(s, rawStart, i, `a closing quote is followed by "${shown}" instead of the delimiter or the end of the line`);
          return;
        }
      } else if (state === AFTER_CR) {
        if (s.charCodeAt(i) === 10) i++;
        this.state = FIELD;
        rawStart = i;
      } else {
        // SKIP: the rest of a rejected record's line.
        let j = i;
        while (j < n) {
          const c = s.charCodeAt(j);
          if (c === 10 || c === 13) break;
          j++;
        }
        this.raw.push(s.slice(i, j));
        this.rawChars += j - i;
        if (this.rawChars > this.maxChars) throw new RecordTooLongError(this.recordLine, this.maxChars);
        if (j === n) return;
        this.onBad(this.recordLine, this.raw.join(''), this.badReason);
        this.line = this.recordLine + 1;
        this.startRecord();
        this.state = s.charCodeAt(j) === 13 ? AFTER_CR : FIELD;
        i = j + 1;
        rawStart = i;
      }
    }
    if (this.state === SKIP || !this.inRecord() || this.state === AFTER_CR) return;
    if (rawStart < n) {
      this.raw.push(s.slice(rawStart, n));
      this.rawChars += n - rawStart;
    }
    if (this.rawChars > this.maxChars) this.tooLong('', 0, 0);
  }

  /** Counts line breaks inside a quoted field (CRLF, LF or CR each count once). */
  private countBreaks(s: string, from: number, to: number): void {
    for (let k = from; k < to; k++) {
      const c = s.charCodeAt(k);
      if (c === 10) {
        if (!this.quotedCr) this.line++;
        this.quotedCr = false;
      } else if (c === 13) {
        this.line++;
        this.quotedCr = true;
      } else this.quotedCr = false;
    }
  }

  /** Ends the record at the line break at `at`; returns where the next record starts. */
  private endRecord(s: string, rawStart: number, at: number): number {
    if (this.rawChars + (at - rawStart) > this.maxChars) {
      this.tooLong(s, rawStart, at);
      return s.length;
    }
    const values = this.values;
    const line = this.recordLine;
    this.line++;
    this.startRecord();
    this.state = s.charCodeAt(at) === 13 ? AFTER_CR : FIELD;
    if (!(values.length === 1 && values[0] === '')) this.onRecord(values, line);
    return at + 1;
  }

  private startRecord(): void {
    this.values = [];
    this.field = '';
    if (this.raw.length > 0) this.raw = [];
    this.rawChars = 0;
    this.quotedCr = false;
    this.recordLine = this.line;
  }

  /** The record passed the cap: a reject when it spans lines (an unclosed quote), else an error. */
  private tooLong(s: string, rawStart: number, at: number): void {
    const raw = this.raw.join('') + s.slice(rawStart, at);
    const brk = raw.search(/[\r\n]/);
    if (brk === -1 || brk > this.maxChars) throw new RecordTooLongError(this.recordLine, this.maxChars);
    this.reject(s, rawStart, at, '');
  }

  /**
   * Rejects the current record at `at` in `s`: its first line is reported, and reading resumes
   * on the line after it (the record's later lines are read again, then the rest of `s`).
   */
  private reject(s: string, rawStart: number, at: number, reason: string): void {
    const raw = this.raw.join('') + s.slice(rawStart, at);
    const rest = s.slice(at);
    const brk = raw.search(/[\r\n]/);
    // Past the cap, the cap is the reason, whatever was found after it (as where a chunk ends may decide).
    if (raw.length > this.maxChars || reason === '') reason = `a quoted field opened on this line is not closed within ${this.maxChars} characters`;
    if (brk === -1) {
      // Still on the record's first line: skip to its end (a line longer than the cap is still an error).
      if (raw.length > this.maxChars) throw new RecordTooLongError(this.recordLine, this.maxChars);
      this.raw = [raw];
      this.rawChars = raw.length;
      this.badReason = reason;
      this.state = SKIP;
      this.values = [];
      this.field = '';
      if (rest !== '') this.queue.unshift(rest);
      return;
    }
    // A first line longer than the cap is too long whatever happens after it (as a chunk ending there would find).
    if (brk > this.maxChars) throw new RecordTooLongError(this.recordLine, this.maxChars);
    this.onBad(this.recordLine, raw.slice(0, brk), reason);
    this.line = this.recordLine + 1;
    this.startRecord();
    const crlf = raw.charCodeAt(brk) === 13 && raw.charCodeAt(brk + 1) === 10;
    const again = raw.slice(brk + (crlf ? 2 : 1));
    this.state = raw.charCodeAt(brk) === 13 && brk + 1 === raw.length ? AFTER_CR : FIELD;
    if (rest !== '') this.queue.unshift(rest);
    if (again !== '') this.queue.unshift(again);
  }

  /** The end of the input: completes or rejects the last record. */
  private finish(): void {
    for (;;) {
      const state = this.state;
      if (state === QUOTED) {
        this.reject('', 0, 0, 'a quoted field opened on this line is never closed');
        this.drain(false);
        continue;
      }
      if (state === SKIP) {
        this.onBad(this.recordLine, this.raw.join(''), this.badReason);
        this.line = this.recordLine + 1;
        this.startRecord();
        this.state = FIELD;
        return;
      }
      if (state === PLAIN || state === QUOTE || (state === FIELD && this.values.length > 0)) {
        this.values.push(this.field);
        this.field = '';
      }
      if (this.values.length > 0) {
        if (this.rawChars > this.maxChars) throw new RecordTooLongError(this.recordLine, this.maxChars);
        const values = this.values;
        const line = this.recordLine;
        this.startRecord();
        if (!(values.length === 1 && values[0] === '')) this.onRecord(values, line);
      }
      this.state = FIELD;
      return;
    }
  }
}

/** Picks the delimiter of a header line: the most frequent of tab, comma and semicolon outside quotes. */
export function detectDelimiter(headerLine: string): string {
  const counts: Record<string, number> = { ',': 0, '\t': 0, ';': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch]!++;
  }
  let best = ',';
  for (const k of ['\t', ';', ',']) if (counts[k]! > counts[best]!) best = k;
  return best;
}

/** Writes one record back as CSV text (for rejects and exports). */
export function formatCsvRecord(values: readonly (string | number | null | undefined)[], delimiter = ','): string {
  return values
    .map((v) => {
      const text = v === null || v === undefined ? '' : String(v);
      return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(delimiter);
}
