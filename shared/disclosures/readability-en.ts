import type { PlainText } from './plain-text.ts';
import { splitSentences, toSentenceRange } from './plain-text.ts';
import type { Readability, ReadabilityIndicator } from './types.ts';

/** Words whose syllables the rules below get wrong. */
const SYLLABLE_EXCEPTIONS: Record<string, number> = {
  mobile: 2,
  science: 2,
  create: 2,
  created: 3,
  area: 3,
  idea: 3,
  being: 2,
  every: 3,
  business: 2,
  people: 2,
  naive: 2,
  poem: 2,
  quiet: 2,
  via: 2,
  ok: 2,
  sms: 3,
  url: 3,
  urls: 3,
};

/**
 * Counts English syllables with the usual heuristic: vowel groups, minus a silent final `e`
 * (but `-le` after a consonant is a syllable), `-es` only silent after letters that don't make it
 * a syllable (`charges`, `uses` keep it), `-ed` silent unless after t/d. Numbers count as one.
 */
export function countSyllables(word: string): number {
  const cached = syllableCache.get(word);
  if (cached !== undefined) return cached;
  const n = countSyllablesUncached(word);
  // Words repeat a lot in a text that is re-checked on every keystroke; the cache stays small.
  if (syllableCache.size > 20_000) syllableCache.clear();
  syllableCache.set(word, n);
  return n;
}

const syllableCache = new Map<string, number>();

function countSyllablesUncached(word: string): number {
  const w = word.toLowerCase().replace(/[’']/g, '').replace(/[^a-z]/g, '');
  if (!w) return /\d/.test(word) ? 1 : 0;
  if (SYLLABLE_EXCEPTIONS[w] !== undefined) return SYLLABLE_EXCEPTIONS[w];
  if (w.length <= 3) return 1;
  let s = w;
  if (/[^aeiouy]ed$/.test(s) && !/[td]ed$/.test(s)) s = s.slice(0, -2);
  else if (/[^aeiouy]es$/.test(s) && !/(?:[cgsxz]|sh|ch)es$/.test(s)) s = s.slice(0, -2);
  else if (/[^aeiouy]e$/.test(s) && !/[^aeiouy]le$/.test(s)) s = s.slice(0, -1);
  s = s.replace(/^y/, '');
  const groups = s.match(/[aeiouy]+/g);
  return Math.max(1, groups ? groups.length : 0);
}

const WORD = /[A-Za-z0-9]+(?:['’][A-Za-z]+)*/g;

/** The English words of a text. */
export function englishWords(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Flesch reading ease from counts. */
export function fleschReadingEase(words: number, sentences: number, syllables: number): number {
  return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words);
}

/** Flesch–Kincaid grade level from counts. */
export function fleschKincaidGrade(words: number, sentences: number, syllables: number): number {
  return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Default target bands for English (a rules file may override them). */
export const EN_TARGETS: Record<string, { min?: number; max?: number }> = {
  'flesch-reading-ease': { min: 60 },
  'flesch-kincaid-grade': { max: 8 },
  'avg-sentence-words': { max: 20 },
};

function within(value: number | null, band: { min?: number; max?: number }): boolean {
  if (value === null) return true;
  return (band.min === undefined || value >= band.min) && (band.max === undefined || value <= band.max);
}

/** English readability of a plain text: Flesch reading ease, Flesch–Kincaid grade, sentence length. */
export function readabilityEn(
  plain: PlainText,
  targets: Record<string, { min?: number; max?: number }> = {},
): Readability {
  const bands = { ...EN_TARGETS, ...targets };
  const sentences = splitSentences(plain.text)
    .map((s) => {
      const words = englishWords(s.text);
      return { s, words: words.length, syllables: words.reduce((n, w) => n + countSyllables(w), 0) };
    })
    .filter((x) => x.words > 0);
  const W = sentences.reduce((n, x) => n + x.words, 0);
  const Y = sentences.reduce((n, x) => n + x.syllables, 0);
  const S = sentences.length;
  const fre = W > 0 ? round(fleschReadingEase(W, S, Y)) : null;
  const fk = W > 0 ? round(fleschKincaidGrade(W, S, Y)) : null;
  const avg = S > 0 ? round(W / S) : null;
  const miss = (pred: (x: (typeof sentences)[number]) => boolean) =>
    sentences.filter(pred).map((x) => toSentenceRange(plain, x.s));
  const ind = (id: string, value: number | null, missing: ReturnType<typeof miss>): ReadabilityIndicator => {
    const target = bands[id] ?? {};
    return { id, value, target, ok: within(value, target), sentences: missing };
  };
  const indicators = [
    ind('flesch-reading-ease', fre, miss((x) => !within(fleschReadingEase(x.words, 1, x.syllables), bands['flesch-reading-ease'] ?? {}))),
    ind('flesch-kincaid-grade', fk, miss((x) => !within(fleschKincaidGrade(x.words, 1, x.syllables), bands['flesch-kincaid-grade'] ?? {}))),
    ind('avg-sentence-words', avg, miss((x) => !within(x.words, bands['avg-sentence-words'] ?? {}))),
  ];
  return {
    locale: 'en',
    sentences: S,
    words: W,
    scores: Object.fromEntries(indicators.map((i) => [i.id, i.value])),
    indicators,
  };
}
