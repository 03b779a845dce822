/**
 * Two versions of a disclosure compared (docs/review.md#compare): the word-level diff of each
 * locale's text and of the title, how each required element changed, which check findings came or
 * went, and whether recipients may need to be asked again — the data charges, how to refuse or
 * what refusing means changed in substance. Reads only what the versions froze (texts and the check
 * results of that moment), so the comparison is the same on every computer and never re-runs checks.
 * Pure: runs in the renderer and the backend.
 */
import { LOCALES, type Locale } from '../disclosures/types.ts';
import { diffWords } from './diff.ts';
import type { DiffPart, DisclosureVersion, ElementChange, VersionComparison } from './types.ts';

/**
 * The elements whose change in substance may oblige the operator to ask recipients again: what
 * receiving costs them, how they refuse, what refusing means (the three facts the 2016 KCC
 * decision turned on).
 */
export const ASK_AGAIN_ELEMENTS: readonly string[] = ['data-charges', 'how-to-refuse', 'refusal-consequences'];

/** A decimal point between digits, kept apart from other punctuation: "1.5 KB" is not "15 KB". */
const DECIMAL_POINT = /(?<=\d)\.(?=\d)/gu;
/** A placeholder for it that no punctuation rule drops (a private-use character). */
const POINT = '\ue000';
/** Markdown list markers at the start of a line: renumbering a list is not a change of substance. */
const LIST_MARKER = /^[ \t]*(?:[-*+]|\d+[.)])[ \t]+/gmu;
/** What substance ignores: punctuation (Markdown's markers among it), symbols other than currency signs, whitespace. */
const NOT_SUBSTANCE = /[\p{P}\p{S}\s]/gu;
const CURRENCY = /\p{Sc}/u;

/**
 * A text reduced to its substance: Unicode NFKC (full-width and compatibility forms folded), lower
 * case, list markers, punctuation, symbols, Markdown markers and whitespace dropped — but currency
 * signs and decimal points between digits kept, so "₩15" is not "$15" and "1.5" is not "15", while
 * "1,000" is "1000". Two sentences that read the same once spacing, bolding and punctuation are set
 * aside have the same substance; a changed amount, word or number does not.
 */
export function substance(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(LIST_MARKER, '')
    .replace(DECIMAL_POINT, POINT)
    .replace(NOT_SUBSTANCE, (c) => (CURRENCY.test(c) ? c : ''));
}

/** A source range, end exclusive. */
interface Range {
  start: number;
  end: number;
}

/**
 * The range of the whole lines a source range touches (null for an empty range: no evidence). An
 * element is judged on its evidence's lines, not the evidence alone: the checks' evidence is the
 * sentence that satisfied it, which can leave out the sentence beside it carrying the rest of the
 * fact ("The first message uses about 15 KB." is evidence; "Each later one uses about 2 KB." on the
 * same line is not).
 */
function lineRange(text: string, range: Range): Range | null {
  if (range.end <= range.start) return null;
  const start = text.lastIndexOf('\n', range.start - 1) + 1;
  const newline = text.indexOf('\n', Math.max(start, range.end - 1));
  return { start, end: newline === -1 ? text.length : newline };
}

/**
 * Where an offset of one text lands in the other, through the text diff: shifted along shared
 * parts; an offset inside a removed (added) part lands where the replacing part starts.
 */
function mapOffset(parts: readonly DiffPart[], offset: number, from: 'before' | 'after'): number {
  let [here, there] = [0, 0];
  const mine = from === 'before' ? 'removed' : 'added';
  for (const p of parts) {
    const n = p.text.length;
    if (p.kind === 'same') {
      if (offset <= here + n) return there + (offset - here);
      here += n;
      there += n;
    } else if (p.kind === mine) {
      if (offset <= here + n) return there;
      here += n;
    } else there += n;
  }
  return there;
}

function union(a: Range, b: Range): Range {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/**
 * The lines of the older and the newer text that correspond around an element: its evidence lines
 * in either version, each carried into the other text through the diff, widened to whole lines
 * until both sides cover the same passage. Comparing these (not the evidence alone) means an
 * evidence range that merely grew or shrank — the checks took in the next sentence — is no change.
 */
function correspondingLines(parts: readonly DiffPart[], textA: string, textB: string, linesA: Range, linesB: Range): [Range, Range] {
  const toB = (r: Range) => ({ start: mapOffset(parts, r.start, 'before'), end: mapOffset(parts, r.end, 'before') });
  const toA = (r: Range) => ({ start: mapOffset(parts, r.start, 'after'), end: mapOffset(parts, r.end, 'after') });
  let [ra, rb] = [linesA, linesB];
  for (let round = 0; round < 4; round++) {
    const nextA = lineRange(textA, union(ra, toA(rb))) ?? ra;
    const nextB = lineRange(textB, union(rb, toB(nextA))) ?? rb;
    if (nextA.start === ra.start && nextA.end === ra.end && nextB.start === rb.start && nextB.end === rb.end) break;
    [ra, rb] = [nextA, nextB];
  }
  return [ra, rb];
}

function textOf(v: DisclosureVersion, locale: Locale): string {
  return locale === 'ko' ? v.koText : v.enText;
}

/**
 * The evidence reads differently in substance, beyond taking in or leaving out a neighbouring
 * sentence (one contains the other): what the source lines cannot show — a variable's value that
 * changed between the versions' checks.
 */
function evidenceMoved(before: string, after: string): boolean {
  const [a, b] = [substance(before), substance(after)];
  return !a.includes(b) && !b.includes(a);
}

/**
 * One element's verdicts in two versions (either may be missing when the surface or rules
 * changed). Present in both: changed when the corresponding lines around its evidence differ (or
 * the evidence reads differently), in substance when they differ once spacing, punctuation,
 * Markdown markers and list numbering are set aside (or `evidenceMoved`).
 */
function elementChange(id: string, locale: Locale, a: DisclosureVersion, b: DisclosureVersion, parts: readonly DiffPart[]): ElementChange {
  const find = (v: DisclosureVersion) => v.checks[locale].elements.find((e) => e.id === id);
  const [va, vb] = [find(a), find(b)];
  const [textA, textB] = [textOf(a, locale), textOf(b, locale)];
  const [linesA, linesB] = [va?.present ? lineRange(textA, va) : null, vb?.present ? lineRange(textB, vb) : null];
  if (!linesA || !linesB) {
    const [before, after] = [linesA ? textA.slice(linesA.start, linesA.end) : '', linesB ? textB.slice(linesB.start, linesB.end) : ''];
    if (!linesA && !linesB) return { id, locale, change: 'unchanged', substantive: false, before, after };
    return { id, locale, change: linesB ? 'added' : 'removed', substantive: true, before, after };
  }
  const [ra, rb] = correspondingLines(parts, textA, textB, linesA, linesB);
  const [before, after] = [textA.slice(ra.start, ra.end), textB.slice(rb.start, rb.end)];
  if (before === after && va!.text === vb!.text) return { id, locale, change: 'unchanged', substantive: false, before, after };
  return { id, locale, change: 'changed', substantive: substance(before) !== substance(after) || evidenceMoved(va!.text, vb!.text), before, after };
}

/** The element ids of either version, in the newer version's order, then any only the older has. */
function elementIds(a: DisclosureVersion, b: DisclosureVersion, locale: Locale): string[] {
  return [...new Set([...b.checks[locale].elements.map((e) => e.id), ...a.checks[locale].elements.map((e) => e.id)])];
}

type FindingChange = VersionComparison['findings'][number];

type Keyed = { key: string; rule: string; message: string };

/** The items of `xs` left once each is matched with an item of `ys` of the same key (a multiset difference). */
function unmatched(xs: readonly Keyed[], ys: readonly Keyed[]): Keyed[] {
  const left = new Map<string, number>();
  for (const y of ys) left.set(y.key, (left.get(y.key) ?? 0) + 1);
  return xs.filter((x) => {
    const n = left.get(x.key) ?? 0;
    if (n > 0) left.set(x.key, n - 1);
    return n === 0;
  });
}

/**
 * Findings that appeared or went away in one locale, matched by rule and the words they point at
 * (the source text of their range), so a finding that only moved is neither. Repeated findings
 * count: a third jargon hit on the same word appears. Findings of required elements are left out:
 * `elements` reports those (their range is the missing part's sentence, or nothing).
 */
function findingChanges(a: DisclosureVersion, b: DisclosureVersion, locale: Locale): FindingChange[] {
  const elementRules = new Set(elementIds(a, b, locale));
  const keyed = (v: DisclosureVersion): Keyed[] =>
    v.checks[locale].findings
      .filter((f) => !elementRules.has(f.rule))
      .map((f) => ({ key: `${f.rule}\u0000${textOf(v, locale).slice(f.start, f.end)}`, rule: f.rule, message: f.message }));
  const [before, after] = [keyed(a), keyed(b)];
  return [
    ...unmatched(before, after).map((f) => ({ locale, rule: f.rule, message: f.message, change: 'gone' as const })),
    ...unmatched(after, before).map((f) => ({ locale, rule: f.rule, message: f.message, change: 'appeared' as const })),
  ];
}

/** The locale a title is diffed in: Korean when it holds Hangul (word boundaries of Korean text). */
function titleLocale(a: string, b: string): Locale {
  return /[\uac00-\ud7a3]/u.test(a + b) ? 'ko' : 'en';
}

/**
 * Version `a` (older) compared with version `b` (newer) of one disclosure: text and title diffs,
 * element changes per locale (`before`/`after` are the corresponding lines around each element's
 * evidence, as Markdown source; '' where it has none), findings that appeared or went, and the
 * ask-again flag — raised when any of ASK_AGAIN_ELEMENTS was added, removed or changed in
 * substance in either locale. Spacing, punctuation, bolding and list numbering never raise it;
 * an amount, a way to refuse, a consequence does.
 */
export function compareVersions(a: DisclosureVersion, b: DisclosureVersion): VersionComparison {
  const text = { ko: diffWords(a.koText, b.koText, 'ko'), en: diffWords(a.enText, b.enText, 'en') };
  const elements = LOCALES.flatMap((locale) => elementIds(a, b, locale).map((id) => elementChange(id, locale, a, b, text[locale])));
  const askAgainElements = elements.filter((e) => e.substantive && ASK_AGAIN_ELEMENTS.includes(e.id)).map(({ id, locale }) => ({ id, locale }));
  return {
    from: a.number,
    to: b.number,
    text,
    title: diffWords(a.title, b.title, titleLocale(a.title, b.title)),
    elements,
    findings: LOCALES.flatMap((locale) => findingChanges(a, b, locale)),
    askAgain: askAgainElements.length > 0,
    askAgainElements,
  };
}
