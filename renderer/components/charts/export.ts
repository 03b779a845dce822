import { buildExportSvg, type LegendItem } from '../../../shared/charts/svg-export.ts';
import type { ChartTheme } from './chart-theme.ts';

/** Presentation properties copied from computed style so the file looks like the screen without CSS. */
const INLINE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

/**
 * The inner markup of a rendered chart's <svg>, every element's computed presentation inlined and
 * the font family replaced by one that names Korean fonts (an SVG file has no page CSS).
 */
export function inlineChartMarkup(svg: SVGSVGElement, fontFamily: string): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const copies = [clone, ...Array.from(clone.querySelectorAll('*'))];
  originals.forEach((original, i) => {
    const copy = copies[i];
    if (!copy) return;
    const computed = getComputedStyle(original);
    const parts: string[] = [];
    for (const prop of INLINE_PROPS) {
      const value = computed.getPropertyValue(prop);
      if (value && value !== 'normal' && value !== 'auto') parts.push(`${prop}:${value}`);
    }
    if (original.tagName.toLowerCase() === 'text' || original.tagName.toLowerCase() === 'tspan') {
      parts.push(`font-family:${fontFamily}`);
    }
    copy.removeAttribute('class');
    copy.removeAttribute('tabindex');
    if (parts.length) copy.setAttribute('style', parts.join(';'));
  });
  // Focus rings and the recharts tooltip cursor are screen-only.
  clone.querySelectorAll('.recharts-tooltip-cursor, [data-export="skip"]').forEach((n) => n.remove());
  return clone.innerHTML;
}

export interface ChartExportInput {
  svg: SVGSVGElement;
  title: string;
  subtitle?: string;
  legend: readonly LegendItem[];
  theme: ChartTheme;
}

/** The exported SVG document of a chart (title, chart, legend; colours and fonts inlined). */
export function chartToSvg(input: ChartExportInput): { svg: string; width: number; height: number } {
  const t0 = performance.now();
  try {
    return chartToSvgTimed(input);
  } finally {
    performance.measure('chart-export:svg', { start: t0 });
  }
}

function chartToSvgTimed(input: ChartExportInput): { svg: string; width: number; height: number } {
  const rect = input.svg.getBoundingClientRect();
  const width = Math.round(rect.width || Number(input.svg.getAttribute('width')) || 640);
  const height = Math.round(rect.height || Number(input.svg.getAttribute('height')) || 320);
  return buildExportSvg({
    chartMarkup: inlineChartMarkup(input.svg, input.theme.fontFamily),
    chartWidth: width,
    chartHeight: height,
    title: input.title,
    subtitle: input.subtitle,
    legend: input.legend,
    fontFamily: input.theme.fontFamily,
    background: input.theme.surface,
    textColor: input.theme.text,
    mutedColor: input.theme.muted,
  });
}

/**
 * The canvas as a PNG blob, encoded at once. Not `canvas.toBlob`: Chromium encodes a toBlob PNG in
 * idle periods and, on a page that is never idle (a dashboard re-rendering, an animation), waits
 * for its 1 s start and 5 s completion timeouts — the 6.9 s exports. toDataURL encodes the same PNG
 * synchronously in tens of milliseconds.
 */
export function encodePng(canvas: HTMLCanvasElement): Blob {
  const url = canvas.toDataURL('image/png');
  if (!url.startsWith('data:image/png;base64,')) throw new Error('The PNG could not be encoded.');
  const text = atob(url.slice(url.indexOf(',') + 1));
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return new Blob([bytes], { type: 'image/png' });
}

/** Draws an SVG document onto a canvas (at `scale` × for sharp text) and returns it as a PNG blob. */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.decoding = 'sync';
    const t0 = performance.now();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The chart image could not be drawn.'));
      image.src = url;
    });
    performance.measure('chart-export:png-load', { start: t0 });
    const t1 = performance.now();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This window cannot draw images (no 2D canvas).');
    ctx.scale(scale, scale);
    ctx.drawImage(image, 0, 0, width, height);
    performance.measure('chart-export:png-draw', { start: t1 });
    const t2 = performance.now();
    const blob = encodePng(canvas);
    performance.measure('chart-export:png-encode', { start: t2 });
    return blob;
  } finally {
    URL.revokeObjectURL(url);
  }
}

