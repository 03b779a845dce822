/**
 * Building a self-contained SVG file of a chart: the chart's own SVG markup, its title, and a legend
 * drawn as SVG (so the legend and colours travel with the file), with the font family and colours
 * inlined (an SVG opened on its own has no page CSS — and Korean needs a CJK font named explicitly).
 */

/** Escapes text for SVG/XML text nodes and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export interface LegendItem {
  label: string;
  color: string;
  /** Draw as a dashed line (markers) instead of a swatch. */
  dashed?: boolean;
}

export interface ExportSvgInput {
  /** The chart's inner SVG markup (children of its root <svg>), with styles already inlined. */
  chartMarkup: string;
  chartWidth: number;
  chartHeight: number;
  title: string;
  subtitle?: string;
  legend: readonly LegendItem[];
  fontFamily: string;
  background: string;
  textColor: string;
  mutedColor: string;
}

const PAD = 16;
const TITLE_H = 28;
const SUB_H = 18;
const LEGEND_ROW_H = 20;

/** Rough text width for legend layout (CJK glyphs are about twice a Latin glyph's width). */
export function estimateTextWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const ch of text) units += /[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(ch) ? 1 : 0.58;
  return units * fontSize;
}

/** Lays legend items out in rows that fit `width`; returns positions and the total height. */
export function layoutLegend(items: readonly LegendItem[], width: number, fontSize = 12): { x: number; y: number; item: LegendItem }[][] {
  const rows: { x: number; y: number; item: LegendItem }[][] = [];
  let row: { x: number; y: number; item: LegendItem }[] = [];
  let x = 0;
  for (const item of items) {
    const w = 18 + estimateTextWidth(item.label, fontSize) + 16;
    if (x > 0 && x + w > width) {
      rows.push(row);
      row = [];
      x = 0;
    }
    row.push({ x, y: rows.length * LEGEND_ROW_H, item });
    x += w;
  }
  if (row.length) rows.push(row);
  return rows;
}

/** The complete SVG document text of an exported chart, with a width and height in pixels. */
export function buildExportSvg(input: ExportSvgInput): { svg: string; width: number; height: number } {
  const width = Math.ceil(input.chartWidth + PAD * 2);
  const legendRows = layoutLegend(input.legend, input.chartWidth);
  const headH = TITLE_H + (input.subtitle ? SUB_H : 0);
  const legendH = legendRows.length * LEGEND_ROW_H;
  const height = Math.ceil(PAD + headH + input.chartHeight + (legendH ? 8 + legendH : 0) + PAD);
  const font = escapeXml(input.fontFamily);
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${font}">`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="${escapeXml(input.background)}"/>`,
    `<text x="${PAD}" y="${PAD + 18}" font-size="16" font-weight="600" fill="${escapeXml(input.textColor)}">${escapeXml(input.title)}</text>`,
  );
  if (input.subtitle) {
    parts.push(`<text x="${PAD}" y="${PAD + TITLE_H + 12}" font-size="12" fill="${escapeXml(input.mutedColor)}">${escapeXml(input.subtitle)}</text>`);
  }
  parts.push(
    `<g transform="translate(${PAD} ${PAD + headH})"><svg width="${input.chartWidth}" height="${input.chartHeight}" viewBox="0 0 ${input.chartWidth} ${input.chartHeight}" overflow="visible">${input.chartMarkup}</svg></g>`,
  );
  const legendTop = PAD + headH + input.chartHeight + 8;
  parts.push(`<g class="legend" transform="translate(${PAD} ${legendTop})">`);
  for (const row of legendRows) {
    for (const { x, y, item } of row) {
      const color = escapeXml(item.color);
      parts.push(
        item.dashed
          ? `<line x1="${x}" y1="${y + 8}" x2="${x + 12}" y2="${y + 8}" stroke="${color}" stroke-width="2" stroke-dasharray="3 2"/>`
          : `<rect x="${x}" y="${y + 2}" width="12" height="12" rx="2" fill="${color}"/>`,
        `<text x="${x + 18}" y="${y + 12}" font-size="12" fill="${escapeXml(input.textColor)}">${escapeXml(item.label)}</text>`,
      );
    }
  }
  parts.push('</g></svg>');
  return { svg: parts.join(''), width, height };
}

/** A file name for an export: the chart's id, the period and the extension, safe on every OS. */
export function exportFileName(base: string, period: string, ext: 'png' | 'svg' | 'csv'): string {
  const safe = `${base}-${period}`.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
  return `${safe || 'chart'}.${ext}`;
}

/** True when bytes start with the 8-byte PNG signature. */
export function hasPngSignature(bytes: Uint8Array): boolean {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  return bytes.length >= 8 && sig.every((b, i) => bytes[i] === b);
}
