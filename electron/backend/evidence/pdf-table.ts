/**
 * Tables of the evidence PDF. Cells are laid out with `layoutLines` (a Korean eojeol is never split,
 * unlike pdfkit's own wrapping); a table that runs past the page continues on the next with its
 * header repeated, and a row is never split.
 */
import { BOLD, COLORS, layoutLines, REGULAR, writeRuns, type Doc, type Run } from '../disclosures/export-pdf.ts';

/** A cell: its text, and optionally bold, a colour, a smaller size. */
export interface Cell {
  text: string;
  bold?: boolean;
  color?: string;
  size?: number;
}

const PAD_X = 5;
const PAD_Y = 4;
const LINE_GAP = 3;

/** The bottom of the writable area of the current page. */
export function pageBottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page unless `height` points still fit below `doc.y`. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > pageBottom(doc)) doc.addPage();
}

const asCell = (c: Cell | string): Cell => (typeof c === 'string' ? { text: c } : c);

function cellRun(c: Cell): Run {
  const run: Run = { text: c.text, bold: Boolean(c.bold), emphasis: false, link: null };
  if (c.color) run.color = c.color;
  return run;
}

/**
 * Splits every word wider than `width` (a file name, a hash) into pieces that fit, preferring to cut
 * after `-`, `_`, `.` or `/`, so that `layoutLines` never meets a word it cannot place.
 */
export function breakLongWords(text: string, measure: (text: string) => number, width: number): string {
  return text.replace(/\S+/g, (word) => {
    if (measure(word) <= width) return word;
    const pieces: string[] = [];
    let rest = word;
    while (rest !== '' && measure(rest) > width) {
      const chars = Array.from(rest);
      let fit = 1;
      while (fit < chars.length && measure(chars.slice(0, fit + 1).join('')) <= width) fit++;
      let cut = fit;
      for (let i = fit; i > fit / 2; i--) {
        if (/[-_./]/.test(chars[i - 1]!)) {
          cut = i;
          break;
        }
      }
      pieces.push(chars.slice(0, cut).join(''));
      rest = chars.slice(cut).join('');
    }
    if (rest !== '') pieces.push(rest);
    return pieces.join('\n');
  });
}

function cellLines(doc: Doc, c: Cell, width: number, size: number): Run[][] {
  const measure = (text: string, bold: boolean) => doc.font(bold ? BOLD : REGULAR).fontSize(c.size ?? size).widthOfString(text);
  const inner = width - PAD_X * 2 - 1;
  const run = cellRun(c);
  run.text = breakLongWords(run.text, (t) => measure(t, run.bold), inner);
  return layoutLines(measure, [run], inner);
}

function cellHeight(doc: Doc, c: Cell, width: number, size: number): number {
  const lh = doc.font(REGULAR).fontSize(c.size ?? size).currentLineHeight(true) + LINE_GAP;
  return cellLines(doc, c, width, size).length * lh - LINE_GAP;
}

function drawCell(doc: Doc, c: Cell, x: number, y: number, width: number, size: number): void {
  doc.y = y;
  for (const line of cellLines(doc, c, width, size)) writeRuns(doc, line, { size: c.size ?? size, x: x + PAD_X, width: width - PAD_X * 2 });
}

/** The height a row of cells takes. */
function rowHeight(doc: Doc, cells: Cell[], widths: number[], size: number): number {
  return Math.max(...cells.map((c, i) => cellHeight(doc, c, widths[i]!, size))) + PAD_Y * 2;
}

/**
 * A bordered table at the left margin: a shaded header row, then the rows. A row that does not fit
 * starts a new page, where the header is drawn again.
 */
export function grid(doc: Doc, headers: string[], rows: (Cell | string)[][], widths: number[], size = 8.5): void {
  const left = doc.page.margins.left;
  const head = headers.map((h): Cell => ({ text: h, bold: true }));
  const drawRow = (cells: Cell[], header: boolean) => {
    const h = rowHeight(doc, cells, widths, size);
    const y = doc.y;
    let x = left;
    doc.lineWidth(0.6);
    cells.forEach((c, i) => {
      if (header) doc.rect(x, y, widths[i]!, h).fillAndStroke('#f4f5f7', COLORS.rule);
      else doc.rect(x, y, widths[i]!, h).stroke(COLORS.rule);
      drawCell(doc, c, x, y + PAD_Y, widths[i]!, size);
      x += widths[i]!;
    });
    doc.x = left;
    doc.y = y + h;
  };
  const headH = rowHeight(doc, head, widths, size);
  ensureSpace(doc, headH + (rows[0] ? rowHeight(doc, rows[0].map(asCell), widths, size) : 0));
  drawRow(head, true);
  for (const r of rows) {
    const cells = r.map(asCell);
    if (doc.y + rowHeight(doc, cells, widths, size) > pageBottom(doc)) {
      doc.addPage();
      drawRow(head, true);
    }
    drawRow(cells, false);
  }
  doc.fillColor(COLORS.text);
  doc.moveDown(0.8);
}

/**
 * A list of label–value pairs: the label muted on the left, the value beside it, a hairline between
 * rows. Rows are never split across pages.
 */
export function facts(doc: Doc, rows: [string, Cell | string][], labelWidth: number, size = 9): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  for (const [label, value] of rows) {
    const l: Cell = { text: label, color: COLORS.muted, size: size - 0.5 };
    const v = asCell(value);
    const h = Math.max(cellHeight(doc, l, labelWidth, size), cellHeight(doc, v, width - labelWidth, size)) + PAD_Y * 2;
    ensureSpace(doc, h);
    const y = doc.y;
    drawCell(doc, l, left - PAD_X, y + PAD_Y, labelWidth, size);
    drawCell(doc, v, left + labelWidth - PAD_X, y + PAD_Y, width - labelWidth + PAD_X, size);
    doc.moveTo(left, y + h).lineTo(left + width, y + h).lineWidth(0.4).stroke(COLORS.rule);
    doc.x = left;
    doc.y = y + h;
  }
  doc.fillColor(COLORS.text);
  doc.moveDown(0.6);
}

/** A paragraph at the left margin over the full width, wrapped by `layoutLines`. */
export function paragraph(doc: Doc, text: string, options: { size?: number; color?: string; bold?: boolean; x?: number } = {}): void {
  const left = options.x ?? doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const run: Run = { text, bold: Boolean(options.bold), emphasis: false, link: null };
  if (options.color) run.color = options.color;
  writeRuns(doc, [run], { size: options.size ?? 9, x: left, width });
  doc.x = doc.page.margins.left;
}
