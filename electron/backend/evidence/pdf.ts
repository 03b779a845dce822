/**
 * The evidence pack's `summary.pdf` (docs/evidence.md): A4, Noto Sans KR embedded (subset), in the
 * summary's language with the other language's labels beside them. A cover page (period, workspace,
 * versions, audit trail), every disclosure in force with a phone-style preview, one page per section
 * of figures, charts and definitions, the cost model and the imports. The same summary always gives
 * the same bytes: the creation date is the summary's `stampedAt` and nothing else depends on the clock.
 */
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { metricDefinitions } from '../../../shared/metrics/definitions.ts';
import type { EvidenceDisclosure, EvidenceLocale, EvidenceSection, EvidenceSummary } from '../../../shared/evidence/types.ts';
import { BOLD, COLORS, REGULAR, withFonts, type Doc } from '../disclosures/export-pdf.ts';
import { STATUS_LABELS, SURFACE_LABELS } from '../disclosures/report.ts';
import { resourcesDir } from '../disclosures/resources.ts';
import { CHART_HEIGHT, drawChart, hasChartData, MIN_CHART_HEIGHT } from './pdf-chart.ts';
import { both, COST_FIELD_LABELS, formatCostValue, formatCount, formatInstant, formatValue, shortHash, WORDS } from './pdf-format.ts';
import { drawPhone, PHONE_WIDTH } from './pdf-phone.ts';
import { ensureSpace, facts, grid, pageBottom, paragraph, type Cell } from './pdf-table.ts';

const MARGIN = 56;
/** What a chart needs below it: its CSV line and a gap. */
const CHART_EXTRA = 36;

function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function heading(doc: Doc, text: string, size = 15): void {
  doc.font(BOLD).fontSize(size).fillColor(COLORS.text).text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.4);
}

function subheading(doc: Doc, text: string): void {
  ensureSpace(doc, 60);
  doc.font(BOLD).fontSize(11).fillColor(COLORS.text).text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
}

function auditLine(s: EvidenceSummary): Cell {
  const lang = s.language;
  if (s.audit.verified) return { text: both(WORDS.verified, lang), color: COLORS.ok, bold: true };
  const problem = s.audit.problem ? ` — ${s.audit.problem}` : '';
  return { text: `${both(WORDS.notVerified, lang)}${problem}`, color: COLORS.bad, bold: true };
}

function cover(doc: Doc, s: EvidenceSummary): void {
  const lang = s.language;
  const { from, to, timeZone } = s.period;
  doc.font(REGULAR).fontSize(9).fillColor(COLORS.muted).text('Notice Desk', MARGIN, doc.y);
  doc.moveDown(0.2);
  heading(doc, both(WORDS.docTitle, lang), 20);
  doc.font(BOLD).fontSize(14).fillColor(COLORS.text).text(s.workspace.name, MARGIN, doc.y, { width: contentWidth(doc) });
  doc.font(REGULAR).fontSize(12).fillColor(COLORS.accent).text(`${from} – ${to}  (${timeZone})`, MARGIN, doc.y);
  doc.fillColor(COLORS.text).moveDown(1.2);

  facts(
    doc,
    [
      [both(WORDS.workspace, lang), s.workspace.name],
      [both(WORDS.period, lang), `${from} – ${to}`],
      [both(WORDS.timeZone, lang), timeZone],
      [both(WORDS.stamped, lang), `${formatInstant(s.stampedAt, timeZone)} (${timeZone})`],
      [both(WORDS.schema, lang), String(s.workspace.schemaVersion)],
      [both(WORDS.app, lang), s.workspace.appVersion],
      [`${both(WORDS.audit, lang)}: ${both(WORDS.auditEntries, lang)}`, formatCount(s.audit.entries, lang)],
      [`${both(WORDS.audit, lang)}: ${both(WORDS.auditHead, lang)}`, { text: s.audit.head || '—', size: 8 }],
      [`${both(WORDS.audit, lang)}: ${both(WORDS.auditState, lang)}`, auditLine(s)],
      [both(WORDS.reviewThreads, lang), formatCount(s.reviewThreads, lang)],
      [both(WORDS.disclosuresInForce, lang), formatCount(s.disclosures.length, lang)],
      [both(WORDS.imports, lang), formatCount(s.imports.length, lang)],
    ],
    190,
  );

  if (s.empty.events) paragraph(doc, both(WORDS.noEvents, lang), { color: COLORS.bad, size: 9.5 });
  if (s.empty.disclosures) paragraph(doc, both(WORDS.noDisclosures, lang), { color: COLORS.bad, size: 9.5 });
  if (s.empty.events || s.empty.disclosures) doc.moveDown(0.8);

  subheading(doc, both(WORDS.contents, lang));
  const contents = [
    both(WORDS.disclosuresInForce, lang),
    ...s.sections.map((sec) => both(sec.title, lang)),
    both(WORDS.costModel, lang),
    both(WORDS.imports, lang),
  ];
  contents.forEach((c, i) => paragraph(doc, `${i + 1}. ${c}`, { size: 9.5 }));
}

function disclosureFacts(d: EvidenceDisclosure, s: EvidenceSummary): [string, Cell | string][] {
  const lang = s.language;
  const tz = s.period.timeZone;
  const surface = SURFACE_LABELS[d.surface];
  const status = STATUS_LABELS[d.status];
  const by = (who: string | null, at: number | null) => (who === null && at === null ? '—' : `${who ?? '—'} · ${formatInstant(at, tz)}`);
  const files = [d.files.md[lang], d.files.html[lang], d.files.md[lang === 'ko' ? 'en' : 'ko'], d.files.html[lang === 'ko' ? 'en' : 'ko']];
  return [
    [both(WORDS.surface, lang), surface ? both(surface, lang) : d.surface],
    [both(WORDS.status, lang), status ? both(status, lang) : d.status],
    [both(WORDS.version, lang), d.version === null ? '—' : `v${d.version}`],
    [both(WORDS.versionHash, lang), { text: d.versionSha256 ?? '—', size: 8 }],
    [both(WORDS.effective, lang), `${d.effectiveDay} (${formatInstant(d.effectiveAt, tz)})`],
    [both(WORDS.retired, lang), d.retiredAt === null ? both(WORDS.stillInForce, lang) : `${d.retiredDay ?? '—'} (${formatInstant(d.retiredAt, tz)})`],
    [both(WORDS.approved, lang), by(d.approvedBy, d.approvedAt)],
    [both(WORDS.published, lang), by(d.publishedBy, d.publishedAt)],
    [both(WORDS.texts, lang), { text: files.join('\n'), size: 8 }],
  ];
}

function disclosures(doc: Doc, s: EvidenceSummary): void {
  const lang = s.language;
  doc.addPage();
  heading(doc, both(WORDS.disclosuresInForce, lang));
  if (s.disclosures.length === 0) {
    paragraph(doc, both(WORDS.noDisclosures, lang), { size: 10 });
    return;
  }
  const sender = (d: EvidenceDisclosure) => d.variables['sender_name'] ?? d.variables['service_name'] ?? s.workspace.name;
  s.disclosures.forEach((d, i) => {
    if (i > 0) doc.addPage();
    subheading(doc, `${i + 1}. ${d.title}`);
    facts(doc, disclosureFacts(d, s), 150);
    const y = doc.y + 4;
    const x = doc.page.margins.left;
    const { height: h, cut } = drawPhone(doc, d, lang, sender(d), x, y, pageBottom(doc) - y);
    const capX = x + PHONE_WIDTH + 18;
    doc.y = y;
    paragraph(doc, both(WORDS.preview, lang), { bold: true, size: 9.5, x: capX });
    const caption =
      lang === 'ko'
        ? `게시된 ${d.version === null ? '판' : `v${d.version}`}의 한국어 본문을 휴대폰 화면처럼 그린 것입니다. 변수는 워크스페이스 값으로 채웠습니다. 전체 본문: ${d.files.md.ko}`
        : `The English text of the published ${d.version === null ? 'version' : `v${d.version}`}, drawn as a phone would show it, with the workspace's variable values filled in. Full text: ${d.files.md.en}`;
    paragraph(doc, caption, { size: 8.5, color: COLORS.muted, x: capX });
    if (cut) {
      doc.moveDown(0.5);
      paragraph(doc, both(WORDS.previewCut, lang), { size: 8.5, color: COLORS.bad, x: capX });
    }
    doc.x = x;
    doc.y = y + h + 10;
  });
}

function definitions(doc: Doc, sec: EvidenceSection, lang: EvidenceLocale): void {
  for (const id of sec.definitions) {
    const def = metricDefinitions[id];
    ensureSpace(doc, 50);
    paragraph(doc, both(def.title, lang), { bold: true, size: 8.5 });
    paragraph(doc, def.text[lang], { size: 8.5, color: COLORS.muted });
    doc.moveDown(0.4);
  }
}

function section(doc: Doc, sec: EvidenceSection, s: EvidenceSummary, first: boolean): void {
  const lang = s.language;
  if (s.empty.events) {
    // Nothing to chart: the sections follow one another instead of leaving pages nearly blank.
    if (first) doc.addPage();
    else {
      doc.moveDown(1.2);
      ensureSpace(doc, 220);
    }
  } else doc.addPage();
  heading(doc, both(sec.title, lang));
  if (s.empty.events) {
    paragraph(doc, both(WORDS.noEventsShort, lang), { size: 9, color: COLORS.bad });
    doc.moveDown(0.5);
  }
  const w = contentWidth(doc);
  grid(
    doc,
    [both(WORDS.figure, lang), both(WORDS.value, lang)],
    sec.figures.map((f) => [both(f.label, lang), { text: formatValue(f.value, f.unit, lang), bold: true }]),
    [w - 170, 170],
    9,
  );
  if (sec.definitions.length > 0) {
    doc.font(BOLD).fontSize(9).fillColor(COLORS.text).text(both(WORDS.definitions, lang), doc.page.margins.left, doc.y);
    doc.moveDown(0.2);
    definitions(doc, sec, lang);
  }
  const csvs = [...new Set(sec.figures.map((f) => f.csv))];
  if (csvs.length) paragraph(doc, `CSV: ${csvs.join(', ')}`, { size: 8.5, color: COLORS.accent });
  doc.moveDown(0.8);

  // Charts shrink (down to MIN_CHART_HEIGHT) when that keeps the section on its page.
  const drawable = (c: EvidenceSection['charts'][number]) => !s.empty.events && hasChartData(c);
  const drawn = sec.charts.filter(drawable).length;
  const room = pageBottom(doc) - doc.y - drawn * CHART_EXTRA - (sec.charts.length - drawn) * 60;
  const height = drawn > 0 && room < drawn * CHART_HEIGHT && room >= drawn * MIN_CHART_HEIGHT ? Math.floor(room / drawn) : CHART_HEIGHT;
  for (const chart of sec.charts) {
    if (!drawable(chart)) {
      ensureSpace(doc, 50);
      paragraph(doc, both(chart.title, lang), { bold: true, size: 9.5 });
      paragraph(doc, both(WORDS.noChartData, lang), { size: 9, color: COLORS.muted });
      paragraph(doc, `CSV: ${chart.csv}`, { size: 8.5, color: COLORS.accent });
      doc.moveDown(0.8);
      continue;
    }
    ensureSpace(doc, height + 20);
    const y = doc.y;
    drawChart(doc, chart, lang, doc.page.margins.left, y, w, height);
    doc.x = doc.page.margins.left;
    doc.y = y + height + 4;
    paragraph(doc, `CSV: ${chart.csv}`, { size: 8.5, color: COLORS.accent });
    doc.moveDown(1);
  }
}

function costModel(doc: Doc, s: EvidenceSummary): void {
  const lang = s.language;
  if (s.empty.events) {
    doc.moveDown(1.2);
    ensureSpace(doc, 330);
  } else doc.addPage();
  heading(doc, both(WORDS.costModel, lang));
  grid(
    doc,
    [both(WORDS.field, lang), both(WORDS.value, lang), both(WORDS.defaultValue, lang), both(WORDS.source, lang)],
    s.costModel.fields.map((f) => [
      both(COST_FIELD_LABELS[f.field], lang, '\n'),
      f.isDefault
        ? { text: formatCostValue(f.field, f.value, lang), bold: true }
        : { text: `${formatCostValue(f.field, f.value, lang)}\n(${WORDS.notDefault[lang]})`, bold: true, color: COLORS.accent },
      formatCostValue(f.field, f.defaultValue, lang),
      f.source[lang],
    ]),
    [110, 95, 95, contentWidth(doc) - 300],
  );
}

function imports(doc: Doc, s: EvidenceSummary): void {
  const lang = s.language;
  ensureSpace(doc, 160);
  doc.moveDown(0.5);
  heading(doc, both(WORDS.imports, lang));
  if (s.imports.length === 0) {
    paragraph(doc, both(WORDS.noImports, lang), { size: 10 });
    return;
  }
  const tz = s.period.timeZone;
  const n = (v: number) => formatCount(v, lang);
  const rows = (im: EvidenceSummary['imports'][number]) =>
    lang === 'ko'
      ? `읽음 ${n(im.rowsRead)}\n가져옴 ${n(im.imported)}\n중복 ${n(im.duplicates)}\n거부 ${n(im.rejected)}`
      : `read ${n(im.rowsRead)}\nimported ${n(im.imported)}\nduplicate ${n(im.duplicates)}\nrejected ${n(im.rejected)}`;
  grid(
    doc,
    ['#', `${both(WORDS.file, lang)} · SHA-256`, both(WORDS.size, lang), both(WORDS.adapter, lang), both(WORDS.rows, lang), both(WORDS.importedAt, lang)],
    s.imports.map((im) => [
      String(im.id),
      { text: `${im.fileName}\nSHA-256 ${shortHash(im.sha256)}` },
      formatValue(im.sizeBytes, 'bytes', lang).replace(/ \(.*\)$/, ''),
      `${im.adapter}\n${im.kind}`,
      rows(im),
      formatInstant(im.importedAt, tz),
    ]),
    [20, 160, 52, 80, 96, contentWidth(doc) - 408],
    8,
  );
  // The full hashes, to compare with the files themselves; kept on one page with their heading.
  ensureSpace(doc, 75 + s.imports.length * 14);
  subheading(doc, both(WORDS.fullHashes, lang));
  for (const im of s.imports) paragraph(doc, `#${im.id}  ${im.sha256}  ${im.fileName}`, { size: 7.5 });
  doc.moveDown(0.5);
  paragraph(doc, lang === 'ko' ? '가져온 파일 전체 목록: imports.csv' : 'Every import in full: imports.csv', { size: 8.5, color: COLORS.accent });
}

/** A footer on every page: "Notice Desk evidence · from–to · n / N". */
function footers(doc: Doc, s: EvidenceSummary): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { left, bottom } = doc.page.margins;
    const width = contentWidth(doc);
    const y = doc.page.height - bottom + 18;
    // Writing inside the bottom margin must not start a new page.
    doc.page.margins.bottom = 0;
    doc.font(REGULAR).fontSize(8).fillColor(COLORS.muted);
    doc.text(`${WORDS.footer[s.language]} · ${s.period.from}–${s.period.to} · ${i + 1} / ${range.count}`, left, y, {
      width,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}

/** The evidence summary as an A4 PDF with the Korean fonts embedded; byte-identical for the same summary. */
export function renderEvidencePdf(summary: EvidenceSummary, fontsDir = path.join(resourcesDir(), 'fonts')): Promise<Buffer> {
  const stamp = new Date(summary.stampedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    lang: summary.language === 'ko' ? 'ko-KR' : 'en-US',
    displayTitle: true,
    bufferPages: true,
    info: {
      Title: `${both(WORDS.docTitle, summary.language)} · ${summary.workspace.name} · ${summary.period.from}–${summary.period.to}`,
      Author: 'Notice Desk',
      Creator: `Notice Desk ${summary.workspace.appVersion}`,
      Producer: 'Notice Desk (PDFKit)',
      Subject: 'Notice Desk evidence',
      CreationDate: stamp,
      ModDate: stamp,
    },
  });
  const done = withFonts(doc, fontsDir);
  cover(doc, summary);
  disclosures(doc, summary);
  summary.sections.forEach((sec, i) => section(doc, sec, summary, i === 0));
  costModel(doc, summary);
  imports(doc, summary);
  footers(doc, summary);
  doc.end();
  return done;
}
