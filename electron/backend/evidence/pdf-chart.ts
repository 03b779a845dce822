/**
 * The evidence PDF's charts: vector bar and line charts with a value axis, bucket labels (thinned
 * when there are many) and a legend, drawn with pdfkit from an EvidenceChart's table.
 */
import { binaryTicks, niceTicks, percentAxisMax } from '../../../shared/charts/axis.ts';
import { formatBucketLabel } from '../../../shared/charts/dates.ts';
import { seriesColor } from '../../../shared/charts/palette.ts';
import type { EvidenceChart, EvidenceLocale } from '../../../shared/evidence/types.ts';
import { BOLD, COLORS, REGULAR, type Doc } from '../disclosures/export-pdf.ts';
import { both, formatTick } from './pdf-format.ts';

/** The height a chart takes on the page, title and legend included; a section may shrink its charts to MIN_CHART_HEIGHT to keep them on its page. */
export const CHART_HEIGHT = 195;
export const MIN_CHART_HEIGHT = 150;

const TICK_SIZE = 7;
const LEGEND_SIZE = 8;

/** Whether a chart has anything to draw: at least one bucket with a value other than zero. */
export function hasChartData(chart: EvidenceChart): boolean {
  return chart.rows.some((r) => r.values.some((v) => v !== null && Number.isFinite(v) && v !== 0));
}

function axisTicks(chart: EvidenceChart, max: number): number[] {
  if (chart.unit === 'rate') return niceTicks(0, percentAxisMax(max), 5);
  if (chart.unit === 'bytes') return binaryTicks(max, 5);
  // Whole steps for small counts (no "0.25 notifications").
  if (chart.unit === 'count') return niceTicks(0, Math.max(max, 4), 5);
  return niceTicks(0, max > 0 ? max : 1, 5);
}

/** Lays out the legend's items in rows that fit `width`; returns the rows' items with their x. */
function legendRows(doc: Doc, labels: string[], width: number): { x: number; index: number }[][] {
  doc.font(REGULAR).fontSize(LEGEND_SIZE);
  const rows: { x: number; index: number }[][] = [[]];
  let x = 0;
  labels.forEach((label, index) => {
    const w = 12 + doc.widthOfString(label) + 14;
    if (x > 0 && x + w > width) {
      rows.push([]);
      x = 0;
    }
    rows[rows.length - 1]!.push({ x, index });
    x += w;
  });
  return rows;
}

/**
 * Draws `chart` in the box at (x, y) of `width` × `height`: title, legend, axes, bars or lines.
 * Null values are gaps (no bar; a line breaks there).
 */
export function drawChart(doc: Doc, chart: EvidenceChart, lang: EvidenceLocale, x: number, y: number, width: number, height = CHART_HEIGHT): void {
  doc.save();
  doc.font(BOLD).fontSize(10).fillColor(COLORS.text).text(both(chart.title, lang), x, y, { width, lineBreak: false });
  let top = y + 17;

  const labels = chart.series.map((s) => both(s.label, lang));
  const rows = legendRows(doc, labels, width);
  doc.font(REGULAR).fontSize(LEGEND_SIZE);
  for (const row of rows) {
    for (const item of row) {
      const color = seriesColor(item.index);
      if (chart.kind === 'lines') doc.moveTo(x + item.x, top + 4.5).lineTo(x + item.x + 10, top + 4.5).lineWidth(2).stroke(color);
      else doc.rect(x + item.x + 1, top + 1, 8, 8).fill(color);
      doc.fillColor(COLORS.text).text(labels[item.index]!, x + item.x + 13, top, { lineBreak: false });
    }
    top += 12;
  }
  top += 10;

  const values = chart.rows.flatMap((r) => r.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const max = values.length ? Math.max(0, ...values) : 0;
  const ticks = axisTicks(chart, max);
  const axisMax = ticks[ticks.length - 1]! > 0 ? ticks[ticks.length - 1]! : 1;
  const tickLabels = ticks.map((t) => formatTick(t, chart.unit, lang, axisMax));
  doc.font(REGULAR).fontSize(TICK_SIZE);
  const axisWidth = Math.max(...tickLabels.map((t) => doc.widthOfString(t))) + 6;

  const plotX = x + axisWidth;
  const plotW = width - axisWidth;
  const bottom = y + height - 16;
  const plotH = bottom - top;
  const yOf = (v: number) => bottom - (Math.min(v, axisMax) / axisMax) * plotH;

  // Grid and value axis.
  doc.lineWidth(0.4);
  ticks.forEach((t, i) => {
    const ty = yOf(t);
    doc.moveTo(plotX, ty).lineTo(plotX + plotW, ty).stroke(i === 0 ? COLORS.muted : COLORS.rule);
    doc.fillColor(COLORS.muted).text(tickLabels[i]!, x, ty - 4, { width: axisWidth - 4, align: 'right', lineBreak: false });
  });

  const n = chart.rows.length;
  const slot = n > 0 ? plotW / n : plotW;
  if (chart.kind === 'bars') {
    const groups = Math.max(chart.series.length, 1);
    const barW = Math.max((slot * 0.8) / groups, 0.5);
    chart.rows.forEach((row, i) => {
      row.values.forEach((v, s) => {
        if (v === null || !Number.isFinite(v) || v <= 0) return;
        const bx = plotX + slot * i + slot * 0.1 + barW * s;
        doc.rect(bx, yOf(v), barW, bottom - yOf(v)).fill(seriesColor(s));
      });
    });
    // Each bar's value above it, when every value fits over its bar (few buckets): paper has no tooltip.
    doc.font(REGULAR).fontSize(6);
    const valueLabels = chart.rows.map((row) => row.values.map((v) => (v === null || !Number.isFinite(v) ? '' : formatTick(v, chart.unit, lang, axisMax))));
    if (valueLabels.every((row) => row.every((l) => doc.widthOfString(l) <= barW + 2))) {
      chart.rows.forEach((row, i) => {
        row.values.forEach((v, s) => {
          // With several series, a row of "0 0 0" under every bucket says nothing the axis does not.
          if (v === null || !Number.isFinite(v) || (v === 0 && chart.series.length > 1)) return;
          const bx = plotX + slot * i + slot * 0.1 + barW * s;
          doc.fillColor(COLORS.muted).text(valueLabels[i]![s]!, bx - 2, yOf(v) - 8, { width: barW + 4, align: 'center', lineBreak: false });
        });
      });
    }
  } else {
    chart.series.forEach((_, s) => {
      const color = seriesColor(s);
      let drawing = false;
      chart.rows.forEach((row, i) => {
        const v = row.values[s];
        const px = plotX + slot * (i + 0.5);
        if (v === null || v === undefined || !Number.isFinite(v)) {
          drawing = false;
          return;
        }
        if (drawing) doc.lineTo(px, yOf(v));
        else doc.moveTo(px, yOf(v));
        drawing = true;
      });
      doc.lineWidth(1.4).lineJoin('round').stroke(color);
      if (n <= 40) {
        chart.rows.forEach((row, i) => {
          const v = row.values[s];
          if (v !== null && v !== undefined && Number.isFinite(v)) doc.circle(plotX + slot * (i + 0.5), yOf(v), 1.6).fill(color);
        });
      }
    });
    // Few points of one or two series: each value above its point; when two points are close, the
    // lower one's value goes below it (or is left to the CSV when there is no room).
    doc.font(REGULAR).fontSize(6);
    const fits = chart.rows.every((row) => row.values.every((v) => v === null || !Number.isFinite(v) || doc.widthOfString(formatTick(v, chart.unit, lang, axisMax)) <= slot - 2));
    if (n <= 12 && chart.series.length <= 2 && fits) {
      chart.rows.forEach((row, i) => {
        row.values.forEach((v, s) => {
          if (v === null || !Number.isFinite(v)) return;
          const w = row.values[1 - s];
          const close = w !== null && w !== undefined && Number.isFinite(w) && Math.abs(yOf(v) - yOf(w)) < 10;
          const lower = close && (v < w! || (v === w && s === 1));
          if (lower && yOf(v) + 11 > bottom) return;
          const ly = lower ? yOf(v) + 4 : yOf(v) - 9;
          doc.fillColor(COLORS.muted).text(formatTick(v, chart.unit, lang, axisMax), plotX + slot * i, ly, { width: slot, align: 'center', lineBreak: false });
        });
      });
    }
  }

  // Bucket labels, thinned so that they never overlap.
  doc.font(REGULAR).fontSize(TICK_SIZE).fillColor(COLORS.muted);
  const bucketLabels = chart.rows.map((r) => formatBucketLabel(r.bucket, lang));
  const widest = Math.max(0, ...bucketLabels.map((l) => doc.widthOfString(l)));
  const step = Math.max(1, Math.ceil((widest + 14) / slot));
  bucketLabels.forEach((label, i) => {
    if (i % step !== 0) return;
    const cx = plotX + slot * (i + 0.5);
    doc.moveTo(cx, bottom).lineTo(cx, bottom + 2).lineWidth(0.4).stroke(COLORS.muted);
    const w = Math.max(widest + 8, slot);
    const lx = Math.min(Math.max(cx - w / 2, x), x + width - w);
    doc.fillColor(COLORS.muted).text(label, lx, bottom + 4, { width: w, align: 'center', lineBreak: false });
  });
  doc.restore();
  doc.fillColor(COLORS.text);
}
