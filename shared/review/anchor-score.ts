/**
 * Scoring where a comment anchor might land (`anchor.ts` finds the candidates): how alike the quote,
 * the context before and after, and the position are, the context compared by edit distance over
 * its nearest 8, 16 and 32 code units (Myers' bit-vector algorithm). Also the context an anchor keeps,
 * never cut inside a surrogate pair. Pure: runs in the renderer and the backend.
 */
import { REVIEW_LIMITS, type Anchor } from './types.ts';

/** Context is compared over its nearest 8, 16 and 32 code units: the words right next to a quote count most. */
const SCALES = [8, 16, 32] as const;
/** At most this many candidate places are scored in full (the rest are ranked by a cheap look first). */
const MAX_SCORED = 32;
/** Weights of a candidate's score: how well the quote, the context before and after, and the position agree. */
const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;

/** A UTF-16 high surrogate. */
export function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** A UTF-16 low surrogate. */
export function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Up to `REVIEW_LIMITS.context` code units before `at`, not starting in the middle of a surrogate pair. */
export function contextBefore(text: string, at: number): string {
  let from = Math.max(0, at - REVIEW_LIMITS.context);
  if (from > 0 && from < at && isLow(text.charCodeAt(from)) && isHigh(text.charCodeAt(from - 1))) from++;
  return text.slice(from, at);
}

/** Up to `REVIEW_LIMITS.context` code units after `at`, not ending in the middle of a surrogate pair. */
export function contextAfter(text: string, at: number): string {
  let to = Math.min(text.length, at + REVIEW_LIMITS.context);
  if (to > at && to < text.length && isHigh(text.charCodeAt(to - 1)) && isLow(text.charCodeAt(to))) to--;
  return text.slice(at, to);
}

/** Bit masks of where each code unit occurs in a pattern of at most 32 code units (Myers' Peq). */
export function patternMasks(pattern: string): Map<number, number> {
  const masks = new Map<number, number>();
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    masks.set(c, (masks.get(c) ?? 0) | (1 << i));
  }
  return masks;
}

/**
 * Levenshtein distance between a pattern of at most 32 code units (its masks given) and a text, by
 * Myers' bit-vector algorithm (Hyyrö's formulation): one pass over the text, a few bit operations
 * per code unit. Context similarity is computed for many candidates, so it must be this cheap.
 */
export function distance32(pattern: string, masks: Map<number, number>, text: string): number {
  const m = pattern.length;
  if (m === 0) return text.length;
  const last = 1 << (m - 1);
  let pv = -1;
  let mv = 0;
  let score = m;
  for (let j = 0; j < text.length; j++) {
    const eq = masks.get(text.charCodeAt(j)) ?? 0;
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & last) score++;
    else if (mh & last) score--;
    ph = (ph << 1) | 1;
    mh = mh << 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
  }
  return score;
}

/** One side's context at one scale: the anchor's nearest code units and their masks. */
interface Scale {
  size: number;
  pattern: string;
  masks: Map<number, number>;
}

/** An anchor made ready for scoring candidates: the context masks computed once. */
export interface Prepared {
  anchor: Anchor;
  before: Scale[];
  after: Scale[];
  /** Where the quote is first looked for: its old start, within the text. */
  expected: number;
}

function scales(context: string, side: 'before' | 'after'): Scale[] {
  return SCALES.map((size) => {
    const pattern = side === 'before' ? context.slice(-size) : context.slice(0, size);
    return { size, pattern, masks: patternMasks(pattern) };
  });
}

/** An anchor made ready to score candidates on `text`. */
export function prepare(text: string, anchor: Anchor): Prepared {
  return { anchor, before: scales(anchor.prefix, 'before'), after: scales(anchor.suffix, 'after'), expected: Math.min(anchor.start, text.length) };
}

/**
 * How alike a candidate's context is to the anchor's, from 0 to 1: the mean of the similarities
 * (1 − edit distance / length) over the nearest 8, 16 and 32 code units, so the words right next to
 * the quote weigh most. A context cut short by the start or end of the text only matches another so cut.
 */
function contextScore(sides: Scale[], window: string, side: 'before' | 'after'): number {
  let total = 0;
  for (const { size, pattern, masks } of sides) {
    const near = side === 'before' ? window.slice(-size) : window.slice(0, size);
    const longest = Math.max(pattern.length, near.length);
    total += longest === 0 ? 1 : 1 - distance32(pattern, masks, near) / longest;
  }
  return total / sides.length;
}

/**
 * A candidate range's score: the quote's agreement (1 for an exact occurrence), the context's and
 * the nearness to the old position. Context outweighs position, so a moved paragraph is followed
 * and, of two equal occurrences, the one with the reviewer's neighbouring words wins.
 */
function score(text: string, p: Prepared, start: number, end: number, errors: number): number {
  const quote = 1 - errors / Math.max(1, p.anchor.quote.length);
  const prefix = contextScore(p.before, contextBefore(text, start), 'before');
  const suffix = contextScore(p.after, contextAfter(text, end), 'after');
  const position = 1 - Math.abs(start - p.anchor.start) / Math.max(1, text.length);
  return WEIGHT.quote * quote + WEIGHT.prefix * prefix + WEIGHT.suffix * suffix + WEIGHT.position * position;
}

/** How many code units before `at` agree with the end of the anchor's prefix (a cheap first look). */
function sharedBefore(text: string, at: number, prefix: string): number {
  let n = 0;
  while (n < prefix.length && n < at && text.charCodeAt(at - 1 - n) === prefix.charCodeAt(prefix.length - 1 - n)) n++;
  return n;
}

/** How many code units from `at` agree with the start of the anchor's suffix. */
function sharedAfter(text: string, at: number, suffix: string): number {
  let n = 0;
  while (n < suffix.length && at + n < text.length && text.charCodeAt(at + n) === suffix.charCodeAt(n)) n++;
  return n;
}

/** A range where the quote may be, with the edits it differs by. */
export interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/**
 * Keeps the MAX_SCORED candidates that look best at a glance: how many code units right next to
 * them agree with the context, then nearness. A short, common quote occurs thousands of times in a
 * long text; only the few kept are scored in full, which keeps placing hundreds of anchors fast.
 */
class Shortlist {
  readonly kept: { c: Candidate; rough: number }[] = [];
  private readonly text: string;
  private readonly anchor: Anchor;

  constructor(text: string, anchor: Anchor) {
    this.text = text;
    this.anchor = anchor;
  }

  add(c: Candidate): void {
    const { text, anchor } = this;
    const rough =
      sharedBefore(text, c.start, anchor.prefix) + sharedAfter(text, c.end, anchor.suffix) - Math.abs(c.start - anchor.start) / (text.length + 1);
    const kept = this.kept;
    if (kept.length === MAX_SCORED && rough <= kept[kept.length - 1]!.rough) return;
    let i = kept.length;
    while (i > 0 && kept[i - 1]!.rough < rough) i--;
    kept.splice(i, 0, { c, rough });
    if (kept.length > MAX_SCORED) kept.pop();
  }
}

/** The candidate with the best full score, or null when there is none. */
export function best(text: string, p: Prepared, candidates: Iterable<Candidate>): Candidate | null {
  const list = new Shortlist(text, p.anchor);
  for (const c of candidates) list.add(c);
  let winner: Candidate | null = null;
  let top = -Infinity;
  for (const { c } of list.kept) {
    const s = score(text, p, c.start, c.end, c.errors);
    if (s > top) [winner, top] = [c, s];
  }
  return winner;
}
