import path from 'node:path';
import PDFDocument from 'pdfkit';
import { findingCounts, findingLine, TEXT_NAMES } from '../../../shared/disclosures/finding-words.ts';
import type { BlockNode, InlineNode } from '../../../shared/disclosures/markdown.ts';
import { formatBand, formatDay, INDICATOR_LABELS, overrideLine, STATUS_LABELS, SURFACE_LABELS, type DisclosureReport } from './report.ts';
import { resourcesDir } from './resources.ts';

/** The names the Noto Sans KR faces are registered under (the evidence PDF registers the same). */
export const REGULAR = 'NoticeDesk-Regular';
export const BOLD = 'NoticeDesk-Bold';
/** The palette of the PDF exports. */
export const COLORS = { text: '#1d1d1f', muted: '#5f6368', accent: '#0b57d0', ok: '#137333', bad: '#b3261e', rule: '#d5d7db' };
const BODY = 10.5;

export type Doc = InstanceType<typeof PDFDocument>;

export interface Run {
  text: string;
  bold: boolean;
  emphasis: boolean;
  link: string | null;
  /** A colour of its own (cover-page findings); else by style. */
  color?: string;
}

/** Markdown inline nodes as styled runs, variables filled from `vars`. */
export function runs(nodes: readonly InlineNode[], vars: Record<string, string>, style: Omit<Run, 'text'>, out: Run[] = []): Run[] {
  for (const n of nodes) {
    if (n.type === 'text') out.push({ ...style, text: n.value });
    else if (n.type === 'break') out.push({ ...style, text: '\n' });
    else if (n.type === 'variable') out.push({ ...style, text: vars[n.name] ?? `{{${n.name}}}` });
    else if (n.type === 'strong') runs(n.children, vars, { ...style, bold: true }, out);
    else if (n.type === 'emphasis') runs(n.children, vars, { ...style, emphasis: true }, out);
    else runs(n.children, vars, { ...style, link: n.href }, out);
  }
  return out;
}

const sameStyle = (a: Run, b: Run) => a.bold === b.bold && a.emphasis === b.emphasis && a.link === b.link && a.color === b.color;

/**
 * Lays runs out into lines that fit `width`, breaking only at spaces. pdfkit follows UAX #14,
 * which lets Korean break between any two syllables; Korean typesetting keeps an eojeol whole
 * (CSS `word-break: keep-all`), so we choose the breaks and pdfkit never needs to.
 */
export function layoutLines(measure: (text: string, bold: boolean) => number, list: readonly Run[], width: number): Run[][] {
  const hardLines: Run[][] = [[]];
  for (const r of list) {
    r.text.split('\n').forEach((part, k) => {
      if (k > 0) hardLines.push([]);
      if (part !== '') hardLines[hardLines.length - 1]!.push({ ...r, text: part });
    });
  }
  const out: Run[][] = [];
  for (const hard of hardLines) {
    let line: Run[] = [];
    let used = 0;
    const push = (r: Run, text: string) => {
      const last = line[line.length - 1];
      if (last && sameStyle(last, r)) last.text += text;
      else line.push({ ...r, text });
    };
    // A word may span runs (a variable, bold then a particle): it is placed as one unit.
    let word: { run: Run; text: string }[] = [];
    const place = (space: { run: Run; text: string } | null) => {
      if (word.length > 0) {
        const w = word.reduce((n, p) => n + measure(p.text, p.run.bold), 0);
        if (line.length > 0 && used + w > width) {
          const last = line[line.length - 1]!;
          last.text = last.text.trimEnd();
          out.push(line.filter((x) => x.text !== ''));
          line = [];
          used = 0;
        }
        for (const p of word) push(p.run, p.text);
        used += w;
        word = [];
      }
      if (space && line.length > 0) {
        push(space.run, space.text);
        used += measure(space.text, space.run.bold);
      }
    };
    for (const r of hard) {
      for (const piece of r.text.match(/\s+|\S+/g) ?? []) {
        if (/^\s/.test(piece)) place({ run: r, text: piece });
        else word.push({ run: r, text: piece });
      }
    }
    place(null);
    out.push(line);
  }
  return out;
}

/** Writes runs at `x` from `doc.y`, wrapped to `width` by `layoutLines` (an eojeol is never split). */
export function writeRuns(doc: Doc, list: Run[], options: { size: number; x: number; width: number }): void {
  const measure = (text: string, bold: boolean) => doc.font(bold ? BOLD : REGULAR).fontSize(options.size).widthOfString(text);
  // A point of slack so pdfkit's own wrapping never disagrees with ours by a rounding error.
  for (const line of layoutLines(measure, list, options.width - 1)) {
    if (line.length === 0) {
      doc.font(REGULAR).fontSize(options.size).text(' ', options.x, doc.y, { width: options.width, lineGap: 3 });
      continue;
    }
    line.forEach((r, i) => {
      doc
        .font(r.bold ? BOLD : REGULAR)
        .fontSize(options.size)
        .fillColor(r.color ?? (r.link || r.emphasis ? COLORS.accent : COLORS.text));
      const opts: PDFKit.Mixins.TextOptions = { continued: i < line.length - 1, lineGap: 3, underline: Boolean(r.link) };
      if (r.link) opts.link = r.link;
      if (i === 0) doc.text(r.text, options.x, doc.y, { ...opts, width: options.width });
      else doc.text(r.text, opts);
    });
  }
  doc.fillColor(COLORS.text);
}

function writeBlock(doc: Doc, block: BlockNode, vars: Record<string, string>): void {
  const plain = { bold: false, emphasis: false, link: null };
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  if (block.type === 'heading') {
    doc.moveDown(0.4);
    writeRuns(doc, runs(block.children, vars, { ...plain, bold: true }), { size: [16, 14, 12][block.level - 1]!, x: left, width });
    doc.moveDown(0.3);
  } else if (block.type === 'paragraph') {
    writeRuns(doc, runs(block.children, vars, plain), { size: BODY, x: left, width });
    doc.moveDown(0.6);
  } else {
    block.items.forEach((item, i) => {
      const marker = block.ordered ? `${i + 1}.` : '•';
      const y = doc.y;
      doc.font(REGULAR).fontSize(BODY).fillColor(COLORS.text).text(marker, left, y, { width: 18 });
      doc.y = y;
      writeRuns(doc, runs(item.children, vars, plain), { size: BODY, x: left + 20, width: width - 20 });
      doc.moveDown(0.2);
    });
    doc.x = left;
    doc.moveDown(0.4);
  }
}

/** A bordered table with a shaded header row; a row that does not fit starts a new page. */
export function table(doc: Doc, headers: string[], rows: { cells: string[]; colors?: (string | null)[] }[], widths: number[]): void {
  const left = doc.page.margins.left;
  const drawRow = (cells: string[], bold: boolean, colors: (string | null)[] = []) => {
    doc.font(bold ? BOLD : REGULAR).fontSize(9.5);
    const heights = cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 10 }));
    const h = Math.max(...heights) + 8;
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      if (bold) doc.rect(x, y, widths[i]!, h).fillAndStroke('#f4f5f7', COLORS.rule);
      else doc.rect(x, y, widths[i]!, h).stroke(COLORS.rule);
      doc.fillColor(colors[i] ?? COLORS.text).font(bold || colors[i] ? BOLD : REGULAR).text(c, x + 5, y + 4, { width: widths[i]! - 10 });
      x += widths[i]!;
    });
    doc.fillColor(COLORS.text);
    doc.x = left;
    doc.y = y + h;
  };
  doc.lineWidth(0.6);
  drawRow(headers, true);
  for (const r of rows) drawRow(r.cells, false, r.colors);
  doc.moveDown(0.8);
}

function cover(doc: Doc, report: DisclosureReport): void {
  const d = report.disclosure;
  const left = doc.page.margins.left;
  doc.font(BOLD).fontSize(20).fillColor(COLORS.text).text(d.title, left, doc.y);
  doc.moveDown(0.3);
  doc.font(REGULAR).fontSize(9.5).fillColor(COLORS.muted);
  doc.text(`${SURFACE_LABELS[d.surface]?.ko} / ${SURFACE_LABELS[d.surface]?.en}  ·  ${STATUS_LABELS[d.status]?.ko} / ${STATUS_LABELS[d.status]?.en}  ·  v${d.version}`);
  doc.text(`시행일 / Effective: ${formatDay(d.effectiveAt, report.timeZone)}   ·   생성 / Generated: ${formatDay(report.generatedAt, report.timeZone)}   ·   Notice Desk`);
  doc.fillColor(COLORS.text).moveDown(1);

  doc.font(BOLD).fontSize(13).text('필수 항목 점검 / Required elements');
  doc.moveDown(0.4);
  table(
    doc,
    ['항목 / Element', '한국어', 'English'],
    report.checklist.map((c) => ({
      cells: [
        `${c.label.ko}\n${c.label.en}`,
        `${c.present.ko ? '✓ 있음' : '× 없음'}${c.override.ko === null ? '' : ` †${c.override.ko}`}`,
        `${c.present.en ? '✓ present' : '× missing'}${c.override.en === null ? '' : ` †${c.override.en}`}`,
      ],
      colors: [null, c.present.ko ? COLORS.ok : COLORS.bad, c.present.en ? COLORS.ok : COLORS.bad],
    })),
    [243, 120, 120],
  );

  const left0 = doc.page.margins.left;
  if (report.overrides.length) {
    doc.font(BOLD).fontSize(11).fillColor(COLORS.text).text('검토자 판정 / Reviewer overrides', left0, doc.y);
    doc.moveDown(0.3);
    const w = doc.page.width - left0 - doc.page.margins.right;
    for (const o of report.overrides) {
      writeRuns(doc, [{ text: overrideLine(o, report.timeZone), bold: false, emphasis: false, link: null, color: o.stale ? COLORS.muted : COLORS.text }], { size: 9, x: left0, width: w });
    }
    doc.fillColor(COLORS.text).moveDown(1);
  }

  const counts = report.locales.map((l) => `${TEXT_NAMES[l.locale]}: ${findingCounts(l.check.findings, l.locale)}`);
  const width = doc.page.width - left - doc.page.margins.right;
  const line = (text: string, color: string, x = left) =>
    writeRuns(doc, [{ text, bold: false, emphasis: false, link: null, color }], { size: 9.5, x, width: width - (x - left) });
  line(`지적 사항 / Findings — ${counts.join('   ·   ')}`, COLORS.text);
  for (const l of report.locales) {
    const shown = l.check.findings.slice(0, 8);
    for (const f of shown) line(findingLine(f, l.locale, report.ruleLabels[l.locale]), f.severity === 'error' ? COLORS.bad : COLORS.muted, left + 10);
    const more = l.check.findings.length - shown.length;
    if (more > 0) line(l.locale === 'ko' ? `… 한국어 본문의 지적 사항 ${more}건 더` : `… ${more} more in the English text`, COLORS.muted, left + 10);
  }
  doc.fillColor(COLORS.text).moveDown(1);

  doc.font(BOLD).fontSize(13).text('읽기 쉬움 / Readability');
  doc.moveDown(0.4);
  table(
    doc,
    ['언어 / Language', '지표 / Indicator', '값 / Value', '목표 / Target', ''],
    report.locales.flatMap((l) =>
      l.check.readability.indicators.map((i) => ({
        cells: [l.locale === 'ko' ? '한국어' : 'English', INDICATOR_LABELS[i.id]?.[l.locale] ?? i.id, i.value === null ? '—' : String(i.value), formatBand(i.target), i.ok ? '✓' : '×'],
        colors: [null, null, null, null, i.ok ? COLORS.ok : COLORS.bad],
      })),
    ),
    [80, 183, 70, 100, 50],
  );
}

/** A footer on every page: title, version, page n / N. */
function footers(doc: Doc, report: DisclosureReport): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { left, right, bottom } = doc.page.margins;
    const width = doc.page.width - left - right;
    const y = doc.page.height - bottom + 18;
    // Writing inside the bottom margin must not start a new page.
    doc.page.margins.bottom = 0;
    doc.font(REGULAR).fontSize(8).fillColor(COLORS.muted);
    doc.text(`${report.disclosure.title} · v${report.disclosure.version} · Notice Desk`, left, y, { width: width - 60, lineBreak: false });
    doc.text(`${i + 1} / ${range.count}`, left + width - 60, y, { width: 60, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

/**
 * Registers the bundled Noto Sans KR faces (REGULAR, BOLD; embedded as subsets) on a new document and
 * gathers its bytes: the promise resolves with the whole file once `doc.end()` has been called.
 */
export function withFonts(doc: Doc, fontsDir: string): Promise<Buffer> {
  doc.registerFont(REGULAR, path.join(fontsDir, 'NotoSansKR-Regular.otf'));
  doc.registerFont(BOLD, path.join(fontsDir, 'NotoSansKR-Bold.otf'));
  const chunks: Buffer[] = [];
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** The disclosure as an A4 PDF with the Korean fonts embedded (subset): cover page, then both texts. */
export function renderDisclosurePdf(report: DisclosureReport, fontsDir = path.join(resourcesDir(), 'fonts')): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    lang: 'ko-KR',
    displayTitle: true,
    bufferPages: true,
    info: { Title: report.disclosure.title, Author: 'Notice Desk', Creator: 'Notice Desk', Subject: report.disclosure.surface },
  });
  const done = withFonts(doc, fontsDir);
  cover(doc, report);
  for (const l of report.locales) {
    doc.addPage();
    doc.font(BOLD).fontSize(11).fillColor(COLORS.muted).text(l.locale === 'ko' ? '한국어' : 'English');
    doc.fillColor(COLORS.text).moveDown(0.5);
    if (l.doc.children.length === 0) doc.font(REGULAR).fontSize(BODY).fillColor(COLORS.muted).text(l.locale === 'ko' ? '(비어 있음)' : '(empty)');
    for (const block of l.doc.children) writeBlock(doc, block, l.variables);
  }
  footers(doc, report);
  doc.end();
  return done;
}
