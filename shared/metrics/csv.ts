/**
 * The one CSV writer of the app: metric tables, chart data, rejected rows — every CSV a user saves
 * goes through `toCsv` or `csvOfRecords`, so every one has a BOM, RFC 4180 quoting, CRLF and the
 * formula guard on every cell.
 */

/** A CSV cell value. */
export type CsvValue = string | number | boolean | null | undefined;

/**
 * Neutralises a cell a spreadsheet would read as a formula: text beginning with `=`, `+`, `-`, `@`,
 * a tab or a carriage return — also after leading spaces, which some spreadsheets skip — gets a
 * leading apostrophe. Numbers are written as numbers (a negative number is data, not a formula).
 */
export function neutraliseCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return /^[ \u00a0\u3000]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/.test(value) ? `'${value}` : value;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV of a table: the header from `columns` (or the first row's keys), CRLF line ends,
 * a UTF-8 BOM so Korean text opens correctly in Excel, every text cell neutralised against formula
 * injection.
 */
export function toCsv(rows: readonly Record<string, CsvValue>[], columns?: readonly string[], bom = true): string {
  const header = columns ?? (rows.length > 0 ? Object.keys(rows[0]!) : []);
  return csvOfRecords(header, (function* () {
    for (const row of rows) yield header.map((h) => row[h]);
  })(), bom);
}

/** The same CSV from a header and rows given as arrays (e.g. streamed from the database). */
export function csvOfRecords(header: readonly string[], rows: Iterable<readonly CsvValue[]>, bom = true): string {
  const lines = [header.map((h) => quote(neutraliseCell(h))).join(',')];
  for (const row of rows) lines.push(row.map((cell) => quote(neutraliseCell(cell))).join(','));
  return (bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}

/** Flattens nested records one level (`byStatus.delivered`) so any metric table becomes CSV rows. */
export function flattenRow(row: Record<string, unknown>): Record<string, CsvValue> {
  const out: Record<string, CsvValue> = {};
  for (const [key, value] of Object.entries(row)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [inner, v] of Object.entries(value as Record<string, unknown>)) {
        out[`${key}.${inner}`] = isCell(v) ? v : JSON.stringify(v);
      }
    } else {
      out[key] = isCell(value) ? value : JSON.stringify(value);
    }
  }
  return out;
}

function isCell(value: unknown): value is CsvValue {
  return value === null || value === undefined || ['string', 'number', 'boolean'].includes(typeof value);
}

/** The union of the keys of every row, in first-seen order (rows of a table may differ in keys). */
export function columnsOf(rows: readonly Record<string, CsvValue>[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}
