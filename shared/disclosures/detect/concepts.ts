import type { Concept } from '../rules-schema.ts';
import type { Locale } from '../types.ts';
import { koreanVerbPattern } from './ko-verbs.ts';
import { isNegated } from './negation.ts';

/**
 * Concepts of the rule files compiled to one regular expression each, and found in a text as hits
 * (plain-text ranges), negated ones left out.
 */

/** One occurrence of a concept in the plain text. */
export interface ConceptHit {
  concept: string;
  start: number;
  end: number;
}

/** A concept ready to run. */
export interface CompiledConcept {
  id: string;
  regex: RegExp;
  negatable: boolean;
  /** The occurrence counts only when the text after it matches. */
  after: RegExp | null;
  /** False: occurrences inside quotes or brackets do not count. */
  quoted: boolean;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** English forms of a verb: base, -s/-es, -ed/-d, -ing (with e dropped or the last consonant doubled), y → ies/ied. */
export function englishVerbForms(verb: string): string[] {
  const v = verb.toLowerCase();
  const forms = new Set([v, `${v}s`, `${v}es`, `${v}ed`, `${v}ing`]);
  if (v.endsWith('e')) forms.add(`${v}d`).add(`${v.slice(0, -1)}ing`);
  if (/[^aeiou]y$/.test(v)) forms.add(`${v.slice(0, -1)}ies`).add(`${v.slice(0, -1)}ied`);
  if (/[^aeiou][aeiou][bdglmnprt]$/.test(v)) forms.add(`${v}${v.slice(-1)}ed`).add(`${v}${v.slice(-1)}ing`);
  return [...forms].sort((a, b) => b.length - a.length);
}

/** Words joined by any spacing; `*` stands for up to three words (English) or two (Korean). */
function joinWords(words: readonly string[], locale: Locale): string {
  let out = '';
  words.forEach((w, i) => {
    if (w === '*') {
      out += locale === 'en' ? "(?:[\\s-]+(?!to\\b)[\\p{L}\\p{N}'’-]+){0,3}?" : '(?:\\s*[^\\s.!?]+){0,2}?';
      return;
    }
    if (i > 0) out += locale === 'en' ? '[\\s-]+' : '\\s*';
    out += escape(w);
  });
  return out;
}

/** An English phrase (matched as whole words by the caller); its last word may take a plural -s/-es. */
function englishWord(phrase: string): string {
  const words = phrase.split(/\s+/);
  const last = words[words.length - 1]!;
  const plural = /^[\p{L}]+$/u.test(last) ? '(?:s|es)?' : '';
  return `${joinWords(words, 'en')}${plural}`;
}

/** An English verb phrase (matched as whole words by the caller): the first word in any of its forms, the rest as written. */
function englishVerb(phrase: string): string {
  const [first, ...rest] = phrase.split(/\s+/);
  const head = `(?:${englishVerbForms(first!).map(escape).join('|')})`;
  const tail = rest.length ? (rest[0] === '*' ? '' : '[\\s-]+') + joinWords(rest, 'en') : '';
  return `${head}${tail}`;
}

/** Compiles one concept of a rule file (with the concepts it extends) to a global, case-insensitive, Unicode regex. */
export function compileConcept(id: string, concepts: Readonly<Record<string, Concept>>, locale: Locale): CompiledConcept {
  const words: string[] = [];
  const alts: string[] = [];
  const own = concepts[id]!;
  const seen = new Set<string>();
  for (let name: string | undefined = id; name !== undefined && !seen.has(name); name = concepts[name]?.extends) {
    seen.add(name);
    const concept = concepts[name];
    if (!concept) break;
    for (const w of concept.words) (locale === 'en' ? words : alts).push(locale === 'en' ? englishWord(w) : joinWords(w.split(/\s+/), 'ko'));
    for (const v of concept.verbs) (locale === 'en' ? words : alts).push(locale === 'en' ? englishVerb(v) : koreanVerbPattern(v));
    for (const r of concept.regex) alts.push(`(?:${r})`);
  }
  // English words and verbs share one whole-word fence (one lookbehind per position, not per word).
  if (words.length) alts.unshift(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?![\\p{L}\\p{N}])`);
  return {
    id,
    regex: new RegExp(alts.join('|'), 'giu'),
    negatable: own.negatable,
    quoted: own.quoted,
    after: own.after === undefined ? null : new RegExp(own.after, 'iu'),
  };
}

const PAIRS: Record<string, string> = { "'": "'", '"': '"', '‘': '’', '“': '”', '「': '」', '『': '』', '[': ']', '<': '>', '《': '》', '〈': '〉' };

/** Quote marks that stand alone (an apostrophe between Latin letters, as in "don't", is not one). */
function quoteMarks(s: string, mark: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === mark && !(/[A-Za-z]/.test(s[i - 1] ?? '') && /[A-Za-z]/.test(s[i + 1] ?? ''))) n++;
  }
  return n;
}

/** True when text[start, end) sits inside a pair of quotes or brackets on its line. */
export function isQuoted(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  const before = text.slice(lineStart, start);
  const after = text.slice(end, lineEnd === -1 ? text.length : lineEnd);
  for (const [open, close] of Object.entries(PAIRS)) {
    if (open === close) {
      if (quoteMarks(before, open) % 2 === 1 && quoteMarks(after, close) > 0) return true;
      continue;
    }
    const o = before.lastIndexOf(open);
    if (o !== -1 && before.lastIndexOf(close) < o && after.includes(close)) return true;
  }
  return false;
}

/** Every non-negated occurrence of every concept in `text` (the plain text as read). */
export function findConcepts(text: string, concepts: readonly CompiledConcept[], locale: Locale): ConceptHit[] {
  const hits: ConceptHit[] = [];
  for (const c of concepts) {
    // Overlapping occurrences too: "switch to turn them off" holds "turn them off".
    c.regex.lastIndex = 0;
    for (let m = c.regex.exec(text); m; m = c.regex.exec(text)) {
      c.regex.lastIndex = m.index + 1;
      if (m[0].length === 0) continue;
      const start = m.index;
      const end = start + m[0].length;
      if (c.after && !c.after.test(text.slice(end, end + 40))) continue;
      if (c.negatable && isNegated(text, start, end, locale)) continue;
      if (!c.quoted && isQuoted(text, start, end)) continue;
      hits.push({ concept: c.id, start, end });
    }
  }
  return hits;
}
