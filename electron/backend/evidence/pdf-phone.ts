/**
 * The phone-style preview of a disclosure in the evidence PDF: a rounded phone frame, a chat screen
 * and a message bubble holding the title and the text in the PDF's language (bold runs kept,
 * variables filled). Pure vector drawing from the Markdown source, so the same text always draws the
 * same way.
 */
import { parseMarkdown } from '../../../shared/disclosures/markdown.ts';
import type { EvidenceDisclosure, EvidenceLocale } from '../../../shared/evidence/types.ts';
import { BOLD, COLORS, layoutLines, REGULAR, runs, writeRuns, type Doc, type Run } from '../disclosures/export-pdf.ts';
import { SURFACE_LABELS } from '../disclosures/report.ts';

/** The phone's width on the page. */
export const PHONE_WIDTH = 220;

const FRAME = 8;
const TEXT_SIZE = 7.5;
const TITLE_SIZE = 8.5;
const LINE_GAP = 3;
const BUBBLE_X = 30;
const BUBBLE_PAD = 8;
const PHONE = { frame: '#202124', screen: '#b2c7da', bubble: '#ffffff', band: '#fee500', bar: '#9fb5c9' };

type Line = { runs: Run[]; gapBefore: number };

const plain = { bold: false, emphasis: false, link: null };

function lineHeight(doc: Doc, size: number): number {
  return doc.font(REGULAR).fontSize(size).currentLineHeight(true) + LINE_GAP;
}

/** The text's lines as they fit the bubble: headings bold, list items with a bullet, a gap between blocks. */
function textLines(doc: Doc, source: string, vars: Record<string, string>, width: number): Line[] {
  const measure = (text: string, bold: boolean) => doc.font(bold ? BOLD : REGULAR).fontSize(TEXT_SIZE).widthOfString(text);
  const out: Line[] = [];
  const add = (list: Run[], gap: number) => {
    layoutLines(measure, list, width - 1).forEach((line, i) => out.push({ runs: line, gapBefore: i === 0 && out.length > 0 ? gap : 0 }));
  };
  for (const block of parseMarkdown(source).children) {
    if (block.type === 'heading') add(runs(block.children, vars, { ...plain, bold: true }), 5);
    else if (block.type === 'paragraph') add(runs(block.children, vars, plain), 5);
    else block.items.forEach((item, i) => add([{ ...plain, text: block.ordered ? `${i + 1}. ` : '• ' }, ...runs(item.children, vars, plain)], i === 0 ? 5 : 1));
  }
  return out;
}

/**
 * Draws the preview of `d` with its top-left corner at (x, y), no taller than `maxHeight`; a text too
 * long for that is cut with "…" (the full text is in the pack's files). Returns the height drawn and
 * whether the text was cut.
 */
export function drawPhone(doc: Doc, d: EvidenceDisclosure, lang: EvidenceLocale, sender: string, x: number, y: number, maxHeight: number): { height: number; cut: boolean } {
  const screenX = x + FRAME;
  const screenW = PHONE_WIDTH - FRAME * 2;
  const bubbleX = screenX + BUBBLE_X;
  const bubbleW = screenW - BUBBLE_X - 12;
  const innerW = bubbleW - BUBBLE_PAD * 2;

  const titleMeasure = (text: string, bold: boolean) => doc.font(bold ? BOLD : REGULAR).fontSize(TITLE_SIZE).widthOfString(text);
  const titleLines = layoutLines(titleMeasure, [{ ...plain, bold: true, text: d.title }], innerW - 1);
  const titleLH = lineHeight(doc, TITLE_SIZE);
  const textLH = lineHeight(doc, TEXT_SIZE);
  let lines = textLines(doc, d.texts[lang], d.variables, innerW);

  const header = 46; // status bar and chat header
  const above = header + 22; // sender name above the bubble
  const bandH = titleLines.length * titleLH + BUBBLE_PAD * 2 - LINE_GAP;
  const bodyH = (list: Line[]) => list.reduce((h, l) => h + textLH + l.gapBefore, 0);
  const fixed = FRAME * 2 + above + bandH + BUBBLE_PAD * 2 + 30;
  let cut = false;
  while (lines.length > 0 && fixed + bodyH(lines) > maxHeight) {
    lines = lines.slice(0, -1);
    cut = true;
  }
  if (cut) lines.push({ runs: [{ ...plain, text: '…' }], gapBefore: 0 });
  const bubbleH = bandH + BUBBLE_PAD * 2 + bodyH(lines) - LINE_GAP;
  const height = Math.max(fixed + bodyH(lines), 260);

  doc.save();
  // Frame, screen, speaker slot and home indicator.
  doc.roundedRect(x, y, PHONE_WIDTH, height, 26).fill(PHONE.frame);
  doc.roundedRect(screenX, y + FRAME, screenW, height - FRAME * 2, 19).fill(PHONE.screen);
  doc.roundedRect(x + PHONE_WIDTH / 2 - 22, y + FRAME + 4, 44, 7, 3.5).fill(PHONE.frame);
  doc.roundedRect(x + PHONE_WIDTH / 2 - 30, y + height - FRAME - 9, 60, 3, 1.5).fill('#53565c');

  // Chat header: the surface as the room's name.
  doc.rect(screenX, y + FRAME + 18, screenW, 24).fill(PHONE.bar);
  const surface = SURFACE_LABELS[d.surface]?.[lang] ?? d.surface;
  doc.font(BOLD).fontSize(8).fillColor(COLORS.text).text(surface, screenX + 10, y + FRAME + 24, { width: screenW - 20, lineBreak: false });

  // The sender: an avatar with its initial and its name.
  const top = y + FRAME + header;
  doc.roundedRect(screenX + 6, top, 20, 20, 7).fill('#6f8fe6');
  const initial = Array.from(sender.trim())[0] ?? '·';
  doc.font(BOLD).fontSize(9).fillColor('#ffffff').text(initial, screenX + 6, top + 4, { width: 20, align: 'center', lineBreak: false });
  doc.font(REGULAR).fontSize(7).fillColor(COLORS.text).text(sender, bubbleX, top, { width: bubbleW, lineBreak: false });

  // The bubble: a yellow band with the title, the text below.
  const by = top + 12;
  doc.roundedRect(bubbleX, by, bubbleW, bubbleH, 7).fill(PHONE.bubble);
  doc.save();
  doc.roundedRect(bubbleX, by, bubbleW, bubbleH, 7).clip();
  doc.rect(bubbleX, by, bubbleW, bandH).fill(PHONE.band);
  doc.restore();
  doc.y = by + BUBBLE_PAD;
  for (const line of titleLines) writeRuns(doc, line, { size: TITLE_SIZE, x: bubbleX + BUBBLE_PAD, width: innerW });
  doc.y = by + bandH + BUBBLE_PAD;
  for (const line of lines) {
    doc.y += line.gapBefore;
    if (line.runs.length === 0) doc.y += textLH;
    else writeRuns(doc, line.runs, { size: TEXT_SIZE, x: bubbleX + BUBBLE_PAD, width: innerW });
  }
  doc.restore();
  doc.fillColor(COLORS.text);
  return { height, cut };
}
