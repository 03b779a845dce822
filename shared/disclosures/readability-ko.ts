import type { PlainText } from './plain-text.ts';
import { splitSentences, toSentenceRange } from './plain-text.ts';
import type { WordEntry } from './rules-schema.ts';
import type { Readability, ReadabilityIndicator, SentenceRange } from './types.ts';

/**
 * Korean readability indicators in the spirit of published Korean readability indices (which
 * weigh sentence length in eojeol and the share of difficult, mostly Sino-Korean, vocabulary):
 * average sentence length in eojeol, share of long sentences, share of hard words from a shipped
 * word list, and the number of jargon phrases.
 */

/** Default target bands for Korean (a rules file may override them). */
export const KO_TARGETS: Record<string, { min?: number; max?: number }> = {
  'avg-sentence-eojeol': { max: 12 },
  /** A sentence longer than this many eojeol counts as long. */
  'long-sentence-eojeol': { max: 15 },
  'long-sentence-share': { max: 0.2 },
  'hard-word-share': { max: 0.05 },
  'jargon-count': { max: 0 },
};

/** The eojeol (space-separated words) of a Korean text that hold a letter or digit. */
export function eojeol(text: string): string[] {
  return text.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t));
}

/** Every occurrence of the listed words in `text` (leftmost-longest, no overlaps). */
export function findWords(text: string, list: readonly WordEntry[]): { entry: WordEntry; start: number; end: number }[] {
  const hits: { entry: WordEntry; start: number; end: number }[] = [];
  const lower = text.toLowerCase();
  for (const entry of list) {
    const needle = entry.word.toLowerCase();
    let at = lower.indexOf(needle);
    while (at !== -1) {
      hits.push({ entry, start: at, end: at + needle.length });
      at = lower.indexOf(needle, at + needle.length);
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: typeof hits = [];
  let reach = -1;
  for (const h of hits) {
    if (h.start >= reach) {
      out.push(h);
      reach = h.end;
    }
  }
  return out;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function within(value: number | null, band: { min?: number; max?: number }): boolean {
  if (value === null) return true;
  return (band.min === undefined || value >= band.min) && (band.max === undefined || value <= band.max);
}

/** Korean readability of a plain text. */
export function readabilityKo(
  plain: PlainText,
  lists: { hardWords: readonly WordEntry[]; jargon: readonly WordEntry[] },
  targets: Record<string, { min?: number; max?: number }> = {},
): Readability {
  const bands = { ...KO_TARGETS, ...targets };
  const longLimit = bands['long-sentence-eojeol']?.max ?? 15;
  const sentences = splitSentences(plain.text)
    .map((s) => ({ s, words: eojeol(s.text).length }))
    .filter((x) => x.words > 0);
  const S = sentences.length;
  const W = sentences.reduce((n, x) => n + x.words, 0);
  const hard = findWords(plain.text, lists.hardWords);
  const jargon = findWords(plain.text, lists.jargon);
  const holding = (hits: { start: number }[]): SentenceRange[] =>
    sentences.filter((x) => hits.some((h) => h.start >= x.s.start && h.start < x.s.end)).map((x) => toSentenceRange(plain, x.s));
  const long = sentences.filter((x) => x.words > longLimit);
  const ind = (id: string, value: number | null, missing: SentenceRange[]): ReadabilityIndicator => {
    const target = bands[id] ?? {};
    return { id, value, target, ok: within(value, target), sentences: missing };
  };
  const indicators = [
    ind(
      'avg-sentence-eojeol',
      S > 0 ? round(W / S) : null,
      sentences.filter((x) => !within(x.words, bands['avg-sentence-eojeol'] ?? {})).map((x) => toSentenceRange(plain, x.s)),
    ),
    ind('long-sentence-share', S > 0 ? round(long.length / S) : null, long.map((x) => toSentenceRange(plain, x.s))),
    ind('hard-word-share', W > 0 ? round(hard.length / W) : null, holding(hard)),
    ind('jargon-count', jargon.length, holding(jargon)),
  ];
  return {
    locale: 'ko',
    sentences: S,
    words: W,
    scores: Object.fromEntries(indicators.map((i) => [i.id, i.value])),
    indicators,
  };
}
