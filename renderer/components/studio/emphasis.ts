import { isVisiblyEmphasised } from '../../../shared/disclosures/emphasis.ts';

/**
 * The emphasis rule, checked on the rendered preview: the sentences about data charges and about
 * refusing must be visibly emphasised — at least `minPt` points AND `minRatio` × the body size,
 * or bold or a different colour. This module measures the DOM; the rule itself is the engine's.
 */

/** The computed style facts the rule compares. */
export interface TextStyle {
  fontSizePx: number;
  fontWeight: number;
  color: string;
}

export interface EmphasisRule {
  minPt: number;
  minRatio: number;
}

/** CSS px → typographic points (96 px = 72 pt). */
export function pxToPt(px: number): number {
  return (px * 72) / 96;
}

/** Why a run counts as emphasised (or `null` when it does not). */
export type EmphasisReason = 'size' | 'bold' | 'colour' | null;

/**
 * Compares one text run's style with the body's, by the engine's one definition of the rule
 * (`isVisiblyEmphasised`: bold or coloured, or ≥ minPt and ≥ minRatio × body). Pure: unit-tested.
 */
export function emphasisOf(run: TextStyle, body: TextStyle, rule: EmphasisRule): EmphasisReason {
  const bold = run.fontWeight >= 600 && run.fontWeight > body.fontWeight;
  const coloured = normaliseColor(run.color) !== normaliseColor(body.color);
  const rendered = { sentencePt: pxToPt(run.fontSizePx), bodyPt: pxToPt(body.fontSizePx), bold, coloured };
  if (!isVisiblyEmphasised(rendered, rule)) return null;
  return bold ? 'bold' : coloured ? 'colour' : 'size';
}

function normaliseColor(c: string): string {
  return c.replace(/\s+/g, '').toLowerCase();
}

/** A measured run: how many characters of the sentence it shows, and its style. */
export interface MeasuredRun {
  chars: number;
  style: TextStyle;
}

/** The verdict for one sentence. */
export interface SentenceEmphasis {
  emphasised: boolean;
  /** Share of the sentence's characters shown emphasised (0–1). */
  share: number;
  /** The largest run size in points and the body size in points (for the message). */
  sizePt: number;
  bodyPt: number;
}

/**
 * A sentence is emphasised when at least `minShare` (default 80%) of its visible characters are in
 * emphasised runs — a single bold word in a long sentence does not make the sentence stand out.
 */
export function sentenceEmphasis(runs: readonly MeasuredRun[], body: TextStyle, rule: EmphasisRule, minShare = 0.8): SentenceEmphasis {
  const total = runs.reduce((n, r) => n + r.chars, 0);
  const emphasised = runs.reduce((n, r) => n + (emphasisOf(r.style, body, rule) ? r.chars : 0), 0);
  const share = total > 0 ? emphasised / total : 0;
  const sizePx = runs.reduce((m, r) => Math.max(m, r.style.fontSizePx), 0);
  return {
    emphasised: total > 0 && share >= minShare - 1e-9,
    share,
    sizePt: Math.round(pxToPt(sizePx) * 10) / 10,
    bodyPt: Math.round(pxToPt(body.fontSizePx) * 10) / 10,
  };
}

/** Parses a computed font-weight (`700`, `bold`, `normal`). */
export function parseWeight(value: string): number {
  if (value === 'bold' || value === 'bolder') return 700;
  if (value === 'normal' || value === '' || value === 'lighter') return 400;
  const n = Number.parseFloat(value);
  return Number.isFinite(n) ? n : 400;
}

/** Reads the style of an element as the rule sees it. */
export function styleOf(el: Element): TextStyle {
  const cs = getComputedStyle(el);
  return { fontSizePx: Number.parseFloat(cs.fontSize) || 0, fontWeight: parseWeight(cs.fontWeight), color: cs.color };
}

/**
 * Measures a sentence (source range [start, end)) on a rendered preview root: every text run
 * (`.pv-t[data-start][data-end]`) overlapping the range counts with the characters it overlaps.
 * Returns null when the preview shows none of it.
 */
export function measureSentence(root: Element, start: number, end: number, rule: EmphasisRule): SentenceEmphasis | null {
  const body = root.querySelector('.pv-md');
  if (!body) return null;
  const runs: MeasuredRun[] = [];
  for (const el of Array.from(body.querySelectorAll('.pv-t[data-start][data-end]'))) {
    const s = Number(el.getAttribute('data-start'));
    const e = Number(el.getAttribute('data-end'));
    const overlap = Math.min(e, end) - Math.max(s, start);
    if (overlap <= 0) continue;
    // Variables show a value of another length than their source: weight by visible characters.
    const visible = el.classList.contains('pv-var') ? (el.textContent ?? '').length : overlap;
    runs.push({ chars: visible, style: styleOf(el) });
  }
  if (runs.length === 0) return null;
  const paragraph = body.querySelector('p') ?? body;
  return sentenceEmphasis(runs, styleOf(paragraph), rule);
}
