/**
 * A streaming RFC 4180 reader: text goes in by chunks, records come out with the line each
 * starts on. Quoted fields may hold the delimiter, doubled quotes and line breaks; CRLF or LF;
 * a missing final newline is fine.
 */
export class CsvReader {
  private readonly delimiter: number;
  private readonly onRecord: (values: string[], line: number) => void;
  private carry = '';
  private line = 1;

  constructor(delimiter: string, onRecord: (values: string[], line: number) => void) {
    this.delimiter = delimiter.charCodeAt(0);
    this.onRecord = onRecord;
  }

  /** Feeds decoded text; complete records are reported synchronously. */
  push(text: string): void {
    const data = this.carry ? this.carry + text : text;
    const consumed = this.parse(data, false);
    this.carry = data.slice(consumed);
  }

  /** Ends the input: the last record may lack a final newline. */
  end(): void {
    if (this.carry.length > 0) {
      const consumed = this.parse(this.carry, true);
      this.carry = this.carry.slice(consumed);
    }
  }

  /** Parses whole records from `data`; returns how many characters were consumed. */
  private parse(data: string, final: boolean): number {
    const d = this.delimiter;
    const n = data.length;
    let start = 0;
    while (start < n) {
      const values: string[] = [];
      const recordLine = this.line;
      let newlines = 0;
      let i = start;
      let complete: boolean;
      for (;;) {
        if (i >= n) {
          if (!final) return start;
          values.push('');
          complete = true;
          break;
        }
        let c = data.charCodeAt(i);
        if (c === 34 /* " */) {
          // Quoted field.
          let j = i + 1;
          let value = '';
          let segment = j;
          for (;;) {
            const q = data.indexOf('"', j);
            if (q === -1) {
              if (!final) return start;
              // Unterminated quote at end of input: take the rest as the value.
              value += data.slice(segment);
              newlines += countNewlines(data, segment, n);
              i = n;
              break;
            }
            if (q + 1 < n && data.charCodeAt(q + 1) === 34) {
              value += data.slice(segment, q + 1);
              newlines += countNewlines(data, segment, q);
              j = q + 2;
              segment = j;
              continue;
            }
            if (q + 1 >= n && !final) return start;
            value += data.slice(segment, q);
            newlines += countNewlines(data, segment, q);
            i = q + 1;
            break;
          }
          // Skip anything between the closing quote and the delimiter (lenient).
          while (i < n) {
            c = data.charCodeAt(i);
            if (c === d || c === 10 || c === 13) break;
            value += data[i];
            i++;
          }
          values.push(value);
        } else {
          let j = i;
          while (j < n) {
            c = data.charCodeAt(j);
            if (c === d || c === 10 || c === 13) break;
            j++;
          }
          if (j >= n && !final) return start;
          values.push(data.slice(i, j));
          i = j;
        }
        if (i >= n) {
          complete = true;
          break;
        }
        c = data.charCodeAt(i);
        if (c === d) {
          i++;
          continue;
        }
        // Line end: CRLF, LF or lone CR.
        if (c === 13) {
          if (i + 1 >= n && !final) return start;
          i += i + 1 < n && data.charCodeAt(i + 1) === 10 ? 2 : 1;
        } else i++;
        newlines++;
        complete = true;
        break;
      }
      if (!complete) return start;
      this.line = recordLine + newlines;
      // A blank line is not a record.
      if (!(values.length === 1 && values[0] === '')) this.onRecord(values, recordLine);
      start = i;
    }
    return start;
  }
}

function countNewlines(data: string, from: number, to: number): number {
  let count = 0;
  let i = data.indexOf('\n', from);
  while (i !== -1 && i < to) {
    count++;
    i = data.indexOf('\n', i + 1);
  }
  return count;
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
