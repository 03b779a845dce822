/**
 * Comment anchors (docs/review.md#comments): the words a reviewer quoted, with some context before
 * and after, and where they sit in another version's text. A stored anchor is never moved; it is
 * placed on each text when read — exactly (the same words, chosen among several by context and
 * position), approximately (the words were edited a little) or not at all (orphaned, shown in the
 * orphaned panel). Offsets are UTF-16 code units, as everywhere in the disclosure engine.
 * Pure: runs in the renderer and the backend.
 */
import search from 'approx-string-match';
import type { Locale } from '../disclosures/types.ts';
import { best, contextAfter, contextBefore, isHigh, isLow, prepare, type Candidate, type Prepared } from './anchor-score.ts';
import { REVIEW_LIMITS, type Anchor, type PlacedAnchor, type PlacedThread, type ReviewThread } from './types.ts';

/** The share of a quote's length that may differ for an approximate placement to count. */
const FUZZY_RATIO = 0.3;
/** At most this many errors are allowed (REVIEW_LIMITS.quote × FUZZY_RATIO). */
const MAX_ERRORS = 600;
/** An edited quote is first looked for this far (at least) around its old place. */
const NEAR = 256;
/** An unedited quote whose context is intact is first looked for this far around its old place. */
const SHIFTED = 4096;
/** Seeds of the wider search: pieces of the quote (and its context) this long, … */
const SEED = 8;
/** … at most this many of them along the quote, … */
const MAX_SEEDS = 16;
/** … each ignored when it occurs more often than this (it says nothing about where the quote went); … */
const MAX_SEED_HITS = 32;
/** … and of the places they point to, only this many (those with the most votes) are searched. */
const MAX_WINDOWS = 8;
/** A fuzzy range is widened to whole words, by at most this many code units on each side. */
const MAX_SNAP = 16;

const ORPHANED: PlacedAnchor = { state: 'orphaned', start: null, end: null };

/**
 * The anchor of the words `text[start, end)` in a version's text, with the context that lets it be
 * found again after edits. Throws a RangeError for a range outside the text, an empty range, or a
 * quote over `REVIEW_LIMITS.quote` (the contract refuses those before; this guards other callers).
 */
export function makeAnchor(text: string, locale: Locale, start: number, end: number): Anchor {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > text.length) {
    throw new RangeError(`makeAnchor: range ${start}–${end} is not inside a text of ${text.length} code units`);
  }
  if (end - start > REVIEW_LIMITS.quote) throw new RangeError(`makeAnchor: a quote may be at most ${REVIEW_LIMITS.quote} code units`);
  return { locale, quote: text.slice(start, end), prefix: contextBefore(text, start), suffix: contextAfter(text, end), start, end };
}

/** Every exact occurrence of the quote. */
function* occurrences(text: string, quote: string): Generator<Candidate> {
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) yield { start: at, end: at + quote.length, errors: 0 };
}

/**
 * The errors an approximate placement may have: FUZZY_RATIO of the quote's length, rounded down —
 * so a quote of one to three code units is only ever placed exactly.
 */
export function fuzzyThreshold(quoteLength: number): number {
  return Math.min(MAX_ERRORS, Math.floor(quoteLength * FUZZY_RATIO));
}

/** Widens a range that would cut a surrogate pair in two. */
function wholePairs(text: string, c: Candidate): Candidate {
  let { start, end } = c;
  if (start > 0 && isLow(text.charCodeAt(start)) && isHigh(text.charCodeAt(start - 1))) start--;
  if (end < text.length && end > 0 && isHigh(text.charCodeAt(end - 1)) && isLow(text.charCodeAt(end))) end++;
  return { start, end, errors: c.errors };
}

/** The best approximate matches of a quote in `text[from, to)`, with offsets into the whole text. */
function searchIn(text: string, quote: string, maxErrors: number, from: number, to: number): Candidate[] {
  const lo = Math.max(0, from);
  const hi = Math.min(text.length, to);
  if (hi - lo < quote.length - maxErrors) return [];
  return search(text.slice(lo, hi), quote, maxErrors).map((m) => ({ start: m.start + lo, end: m.end + lo, errors: m.errors }));
}

/**
 * Seeds of the wider search: up to MAX_SEEDS pieces SEED long spread along the quote, plus the end
 * of the context before and the start of the context after, each with the offset in the quote it
 * stands for (negative before the quote, past its end after it).
 */
function seeds(anchor: Anchor): { piece: string; offset: number }[] {
  const { quote, prefix, suffix } = anchor;
  const out: { piece: string; offset: number }[] = [];
  const size = Math.min(SEED, quote.length);
  const count = Math.min(MAX_SEEDS, Math.ceil(quote.length / size));
  for (let i = 0; i < count; i++) {
    const offset = count === 1 ? 0 : Math.round(((quote.length - size) * i) / (count - 1));
    out.push({ piece: quote.slice(offset, offset + size), offset });
  }
  if (prefix.length >= SEED) out.push({ piece: prefix.slice(-SEED), offset: -SEED });
  if (suffix.length >= SEED) out.push({ piece: suffix.slice(0, SEED), offset: quote.length });
  return out;
}

/**
 * Windows where an edited quote may have gone: every exact hit of a seed votes for the start of
 * the quote it implies; starts within `maxErrors` of each other make one window; the MAX_WINDOWS
 * windows with the most votes are searched. A quote edited within the threshold keeps most of its
 * eight-code-unit pieces (or its context does), so where it went gets many votes, a chance hit one.
 * A seed too common to tell places apart is skipped.
 */
function seedWindows(text: string, anchor: Anchor, maxErrors: number): [number, number][] {
  const starts: number[] = [];
  for (const { piece, offset } of seeds(anchor)) {
    const hits: number[] = [];
    for (let at = text.indexOf(piece); at !== -1 && hits.length <= MAX_SEED_HITS; at = text.indexOf(piece, at + 1)) hits.push(at - offset);
    if (hits.length <= MAX_SEED_HITS) starts.push(...hits);
  }
  starts.sort((a, b) => a - b);
  const groups: { first: number; last: number; votes: number }[] = [];
  for (const start of starts) {
    const group = groups[groups.length - 1];
    if (group && start - group.first <= maxErrors) {
      group.last = start;
      group.votes++;
    } else groups.push({ first: start, last: start, votes: 1 });
  }
  return groups
    .sort((a, b) => b.votes - a.votes)
    .slice(0, MAX_WINDOWS)
    .map((g) => [g.first - maxErrors, g.last + anchor.quote.length + maxErrors]);
}

/**
 * Approximate candidates: first near the old place (most edits are local, and a short window is
 * cheap) — enough when what is there is a close match (at most half the threshold's errors) —
 * else also in the windows the seeds point to (a moved and edited passage), so a poor match
 * nearby does not win over a good one elsewhere. Only the matches with the fewest errors are
 * kept; context and position choose among them.
 */
function fuzzyCandidates(text: string, p: Prepared): Candidate[] {
  const { quote } = p.anchor;
  const maxErrors = fuzzyThreshold(quote.length);
  if (maxErrors === 0) return [];
  const slack = Math.max(NEAR, quote.length);
  const near = searchIn(text, quote, maxErrors, p.expected - slack, p.expected + quote.length + slack);
  if (near.length > 0 && near[0]!.errors <= maxErrors / 2) return near;
  const found = [...near, ...seedWindows(text, p.anchor, maxErrors).flatMap(([from, to]) => searchIn(text, quote, maxErrors, from, to))];
  const fewest = Math.min(...found.map((c) => c.errors));
  return found.filter((c) => c.errors === fewest);
}

const WORD = /[\p{L}\p{N}\p{M}]/u;
const SPACE = /\s/u;

function isWord(text: string, at: number): boolean {
  return at >= 0 && at < text.length && WORD.test(text[at]!);
}

/**
 * A fuzzy range made to read as the reviewer's selection did: when the quote began (ended) on a
 * word boundary, a range starting (ending) inside a word is widened to the whole word — the
 * approximate search may keep only "ll never share" of "We will never share" — and whitespace the
 * quote did not have at its edges is trimmed. Never by more than MAX_SNAP code units.
 */
function snapToWords(text: string, anchor: Anchor, c: Candidate): Candidate {
  const { quote, prefix, suffix } = anchor;
  let { start, end } = c;
  if (!SPACE.test(quote[0]!)) while (start < end - 1 && SPACE.test(text[start]!)) start++;
  if (!SPACE.test(quote[quote.length - 1]!)) while (end > start + 1 && SPACE.test(text[end - 1]!)) end--;
  const wordStart = isWord(quote, 0) && !isWord(prefix, prefix.length - 1);
  for (let n = 0; wordStart && n < MAX_SNAP && isWord(text, start - 1) && isWord(text, start); n++) start--;
  const wordEnd = isWord(quote, quote.length - 1) && !isWord(suffix, 0);
  for (let n = 0; wordEnd && n < MAX_SNAP && isWord(text, end) && isWord(text, end - 1); n++) end++;
  return { start, end, errors: c.errors };
}

/**
 * The usual case after edits elsewhere: the quote with its whole context, moved by up to SHIFTED
 * code units. No occurrence farther away can score better (context is already perfect, position
 * only worse), so the whole text need not be scanned.
 */
function shiftedOnly(text: string, anchor: Anchor): PlacedAnchor | null {
  const { quote, prefix, suffix } = anchor;
  const from = Math.max(0, anchor.start - SHIFTED);
  const window = text.slice(from, Math.min(text.length, anchor.end + SHIFTED));
  let found: number | null = null;
  for (let i = window.indexOf(quote); i !== -1; i = window.indexOf(quote, i + 1)) {
    const at = from + i;
    if (found !== null && at - anchor.start > Math.abs(found - anchor.start)) break;
    const intact = contextBefore(text, at) === prefix && contextAfter(text, at + quote.length) === suffix;
    if (intact && (found === null || Math.abs(at - anchor.start) < Math.abs(found - anchor.start))) found = at;
  }
  return found === null ? null : { state: 'exact', start: found, end: found + quote.length };
}

/**
 * Where an anchor lands in a (possibly edited) text of the same locale:
 * 1. `exact` — the quote itself: at its old range with the same context (the usual case, immediate),
 *    else the occurrence whose context and position agree best (a moved paragraph, duplicates);
 * 2. `fuzzy` — no exact occurrence, but a range within `fuzzyThreshold` errors of the quote (Myers'
 *    approximate search), the best by errors, context and position;
 * 3. `orphaned` — neither (the words were deleted or rewritten); start = end = null.
 * Placed ranges never cut a surrogate pair. Each anchor is placed on its own: a few hundred on a
 * 100,000-character text take a few milliseconds when their words are still there.
 */
export function placeAnchor(text: string, anchor: Anchor): PlacedAnchor {
  const { quote } = anchor;
  if (quote.length === 0 || text.length === 0) return ORPHANED;
  if (
    text.startsWith(quote, anchor.start) &&
    contextBefore(text, anchor.start) === anchor.prefix &&
    contextAfter(text, anchor.end) === anchor.suffix
  ) {
    return { state: 'exact', start: anchor.start, end: anchor.end };
  }
  const shifted = shiftedOnly(text, anchor);
  if (shifted) return shifted;
  const p = prepare(text, anchor);
  const exact = best(text, p, occurrences(text, quote));
  if (exact) return { state: 'exact', start: exact.start, end: exact.end };
  const fuzzy = best(text, p, fuzzyCandidates(text, p));
  if (!fuzzy || fuzzy.errors > fuzzyThreshold(quote.length)) return ORPHANED;
  const whole = wholePairs(text, snapToWords(text, anchor, fuzzy));
  return { state: 'fuzzy', start: whole.start, end: whole.end };
}

/**
 * Threads placed on one version: each anchor on the text of its own locale. The review view shows
 * them beside that version, and the orphaned ones in their own panel.
 */
export function placeThreads(texts: Record<Locale, string>, threads: readonly ReviewThread[]): PlacedThread[] {
  return threads.map((t) => ({ ...t, placed: placeAnchor(texts[t.anchor.locale], t.anchor) }));
}
