import type { RequirementPart, RequirementRule, RuleSet } from '../rules-schema.ts';
import { splitSentences, type PlainSentence, type PlainText } from '../plain-text.ts';
import type { Locale } from '../types.ts';
import { compileConcept, findConcepts, type CompiledConcept, type ConceptHit } from './concepts.ts';
import { isQuestion } from './negation.ts';
import { compilePattern } from './patterns.ts';

/**
 * Required elements found by meaning: a part of an element is present when all the concepts of one
 * of its `match` sets occur within a window of consecutive sentences (docs/disclosure-rules.md).
 */

/** Where one part was found: the plain range of its sentences and the concept hits used. */
export interface PartEvidence {
  start: number;
  end: number;
  hits: ConceptHit[];
  /** True when every hit used sits inside bold, italic or a heading. */
  emphasised: boolean;
}

/** The verdict on one part of a requirement. */
export interface PartVerdict {
  part: RequirementPart;
  evidence: PartEvidence | null;
}

/** The sentences of a text with the concepts found in each. */
export interface AnalysedText {
  locale: Locale;
  /** `filler`: at most three words and no concept (an interjection between a question and its answer). */
  sentences: (PlainSentence & { question: boolean; filler: boolean; hits: ConceptHit[] })[];
}

const compiledCache = new WeakMap<RuleSet, CompiledConcept[]>();

/** Every concept of a rule set, compiled once per rule set. */
export function compiledConcepts(rules: RuleSet): CompiledConcept[] {
  let c = compiledCache.get(rules);
  if (!c) {
    c = Object.keys(rules.concepts).map((id) => compileConcept(id, rules.concepts, rules.locale));
    compiledCache.set(rules, c);
  }
  return c;
}

/** A spaced middle dot or bar joins two statements on one line (terse settings rows): split there. */
function splitRows(s: PlainSentence): PlainSentence[] {
  const out: PlainSentence[] = [];
  let from = 0;
  for (const m of s.text.matchAll(/\s+[·|]\s+/gu)) {
    out.push({ start: s.start + from, end: s.start + m.index, text: s.text.slice(from, m.index) });
    from = m.index + m[0].length;
  }
  out.push({ start: s.start + from, end: s.end, text: s.text.slice(from) });
  return out.filter((x) => x.text.trim() !== '');
}

/** Splits the plain text into sentences and finds every (non-negated) concept in each. */
export function analyse(plain: PlainText, concepts: readonly CompiledConcept[], locale: Locale): AnalysedText {
  const sentences = splitSentences(plain.text)
    .flatMap(splitRows)
    .map((s) => ({ ...s, question: isQuestion(s.text), filler: false, hits: [] as ConceptHit[] }));
  const hits = findConcepts(plain.text, concepts, locale).sort((a, b) => a.start - b.start);
  let k = 0;
  for (const h of hits) {
    while (k < sentences.length && sentences[k]!.end <= h.start) k++;
    const s = sentences[k];
    if (s && h.start >= s.start) s.hits.push(h);
  }
  for (const s of sentences) s.filler = s.hits.length === 0 && s.text.split(/\s+/u).filter(Boolean).length <= 3 && !s.question;
  return { locale, sentences };
}

function emphasisedRange(plain: PlainText, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (plain.emphasised[i] !== 1 && !/\s/.test(plain.text[i]!)) return false;
  return true;
}

/** One hit per concept of `set`, no two overlapping (one stretch of text is one concept), or null. */
function pickHits(hits: readonly ConceptHit[], set: readonly string[]): ConceptHit[] | null {
  const candidates = set.map((concept) => hits.filter((h) => h.concept === concept));
  if (candidates.some((c) => c.length === 0)) return null;
  const chosen: ConceptHit[] = [];
  let budget = 10_000; // overlaps are rare: give up rather than search a pathological text for long
  const place = (k: number): boolean => {
    if (k === set.length) return true;
    for (const h of candidates[k]!) {
      if (--budget < 0) return false;
      if (chosen.some((c) => h.start < c.end && c.start < h.end)) continue;
      chosen.push(h);
      if (place(k + 1)) return true;
      chosen.pop();
    }
    return false;
  };
  return place(0) ? chosen : null;
}

const patternCache = new WeakMap<RequirementPart, { regex: RegExp; weight: number }[]>();

/**
 * A version 1 part (weighted patterns, no concepts): present when the weights of the patterns found
 * anywhere in the text reach its threshold; the evidence is the sentence of the first one found.
 */
function patternWindows(text: AnalysedText, part: RequirementPart, plain: PlainText): PartEvidence[] {
  let compiled = patternCache.get(part);
  if (!compiled) {
    compiled = part.patterns!.map((p) => ({ regex: compilePattern(p, text.locale), weight: p.weight }));
    patternCache.set(part, compiled);
  }
  let score = 0;
  const found: { start: number; end: number }[] = [];
  for (const p of compiled) {
    p.regex.lastIndex = 0;
    const m = p.regex.exec(plain.text);
    if (!m) continue;
    score += p.weight;
    found.push({ start: m.index, end: m.index + Math.max(1, m[0].length) });
  }
  if (score < part.threshold || found.length === 0) return [];
  const first = found.reduce((a, b) => (b.start < a.start ? b : a));
  const s = text.sentences.find((x) => first.start >= x.start && first.start < x.end) ?? { start: first.start, end: first.end };
  return [{ start: s.start, end: s.end, hits: [], emphasised: emphasisedRange(plain, first.start, first.end) }];
}

/**
 * Every window where a part is present, earliest first. A window [i, j] counts when each concept
 * of a match set occurs in it, its first and last sentences hold one of them (no padding), its
 * last sentence is not a question (a question counts only with an answer after it that says part
 * of it), and no `unless` concept occurs in it.
 */
export function partWindows(text: AnalysedText, part: RequirementPart, plain: PlainText): PartEvidence[] {
  if (part.patterns) return patternWindows(text, part, plain);
  const out: PartEvidence[] = [];
  const s = text.sentences;
  const has = (i: number, set: readonly string[]) => s[i]!.hits.some((h) => set.includes(h.concept));
  for (let i = 0; i < s.length; i++) {
    let size = 0;
    windows: for (let j = i; j < s.length; j++) {
      // A short interjection with no concept ("No.", "That's fine.", "네.") does not take a place in the window.
      if (j === i || !s[j]!.filler) size++;
      if (size > part.window) break;
      if (s[j]!.question) continue;
      for (const set of part.match ?? []) {
        // No padding: the window starts and ends on sentences holding a concept of the set.
        if (!has(i, set) || !has(j, set)) continue;
        const used = pickHits(s.slice(i, j + 1).flatMap((x) => x.hits), set);
        if (!used) continue;
        let blocked = false;
        for (let k = i; k <= j && !blocked; k++) blocked = has(k, part.unless);
        if (blocked) continue;
        out.push({
          start: s[i]!.start,
          end: s[j]!.end,
          hits: used,
          emphasised: used.every((h) => emphasisedRange(plain, h.start, h.end)),
        });
        break windows;
      }
    }
  }
  return out;
}

/**
 * The verdict on each part of a requirement (in the rule's order). Where a part is found in several
 * places, the emphasised place is preferred, then a window inside another (the fewest sentences that
 * say it), then the one nearest the part placed first, then the earliest; the part with the largest concept set is placed first (it is the most specific).
 */
export function judgeRequirement(text: AnalysedText, rule: RequirementRule, plain: PlainText): PartVerdict[] {
  const size = (p: RequirementPart) => Math.max(0, ...(p.match ?? []).map((m) => m.length));
  const order = rule.parts.map((part, index) => ({ part, index })).sort((a, b) => size(b.part) - size(a.part) || a.index - b.index);
  const verdicts: PartVerdict[] = new Array<PartVerdict>(rule.parts.length);
  let anchor: number | null = null;
  for (const { part, index } of order) {
    let best: PartEvidence | null = null;
    for (const w of partWindows(text, part, plain)) {
      if (!best) best = w;
      else if (w.emphasised !== best.emphasised) {
        if (w.emphasised) best = w;
      } else if (w.start >= best.start && w.end <= best.end) best = w;
      else if (anchor !== null && Math.abs(w.start - anchor) < Math.abs(best.start - anchor)) best = w;
    }
    if (best && anchor === null) anchor = best.start;
    verdicts[index] = { part, evidence: best };
  }
  // A part implied by another part found (the refusal act of "refusal act + place", said in a
  // question that the next sentence answers) is found there too.
  for (const v of verdicts) {
    if (v.evidence) continue;
    const by = verdicts.find((o) => o.evidence && (v.part.match ?? []).some((set) => set.every((c) => o.evidence!.hits.some((h) => h.concept === c))));
    if (by) v.evidence = by.evidence;
  }
  return verdicts;
}
