import { parseMarkdown, type DocumentNode, type InlineNode } from './markdown.ts';
import { sourceRange, splitSentences, toPlainText, type PlainText } from './plain-text.ts';
import { readabilityEn } from './readability-en.ts';
import { findWords, readabilityKo } from './readability-ko.ts';
import type { RuleSet, WordEntry } from './rules-schema.ts';
import type { CheckResult, ElementVerdict, Finding, Locale, SatisfiedElement, Severity, Surface } from './types.ts';
import { variableValues } from './variables.ts';
import { resolveParticles } from '../ko-particles.ts';
import { analyse, compiledConcepts, judgeRequirement } from './detect/elements.ts';
import { compilePattern } from './detect/patterns.ts';

/** What a check needs besides the text. */
export interface CheckOptions {
  locale: Locale;
  surface: Surface;
  rules: RuleSet;
  /** Variable values (default: the docs/metrics.md cost model defaults for the locale). */
  variables?: Record<string, string>;
  /** Word lists for readability and jargon findings (default: none). */
  wordLists?: { hardWords: readonly WordEntry[]; jargon: readonly WordEntry[] };
  /** A parsed document of `text`, when the caller already has one (the studio re-uses its AST). */
  doc?: DocumentNode;
}

interface CompiledPattern {
  regex: RegExp;
  weight: number;
}
interface Compiled {
  advertising: CompiledPattern[];
  label: RegExp;
}

const cache = new WeakMap<RuleSet, Compiled>();

function compile(rules: RuleSet): Compiled {
  const hit = cache.get(rules);
  if (hit) return hit;
  const c: Compiled = {
    advertising: rules.advertising.patterns.map((p) => ({ regex: compilePattern(p, rules.locale), weight: p.weight })),
    label: new RegExp(rules.advertising.labelRegex, 'u'),
  };
  cache.set(rules, c);
  return c;
}

function fill(message: string, vars: Record<string, string | number>): string {
  // A Korean rule message places a quoted word before a particle pair: "'{word}'은(는)".
  return resolveParticles(message.replace(/\{(\w+)\}/g, (whole, key: string) => (key in vars ? String(vars[key]) : whole)));
}

function collectVariables(nodes: readonly InlineNode[], out: { name: string; start: number; end: number }[]): void {
  for (const n of nodes) {
    if (n.type === 'variable') out.push({ name: n.name, start: n.start, end: n.end });
    else if (n.type === 'strong' || n.type === 'emphasis' || n.type === 'link') collectVariables(n.children, out);
  }
}

/** Every `{{variable}}` node of a document with its source range. */
export function documentVariables(doc: DocumentNode): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = [];
  for (const b of doc.children) {
    if (b.type === 'list') b.items.forEach((item) => collectVariables(item.children, out));
    else collectVariables(b.children, out);
  }
  return out;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

function sentenceAround(plain: PlainText, at: number): { start: number; end: number } {
  const s = splitSentences(plain.text).find((x) => at >= x.start && at < x.end);
  return s ? sourceRange(plain, s.start, s.end) : sourceRange(plain, at, at + 1);
}

/**
 * Checks a disclosure text (Markdown subset with `{{variables}}`) against a rule set: required
 * elements for the surface, advertising wording, length limits, emphasis of key sentences,
 * unknown variables, jargon — and its readability. Pure and fast enough to run on every keystroke.
 */
export function checkDisclosure(text: string, options: CheckOptions): CheckResult {
  const { locale, surface, rules } = options;
  const variables = options.variables ?? variableValues(locale);
  const lists = options.wordLists ?? { hardWords: [], jargon: [] };
  const compiled = compile(rules);
  const doc = options.doc ?? parseMarkdown(text);
  const plain = toPlainText(doc, variables);
  const findings: Finding[] = [];
  const missing: string[] = [];
  const satisfied: SatisfiedElement[] = [];
  const elements: ElementVerdict[] = [];
  const add = (rule: string, severity: Severity, message: string, range: { start: number; end: number }, suggestion?: string) =>
    findings.push(suggestion === undefined ? { rule, severity, message, ...range } : { rule, severity, message, ...range, suggestion });

  const analysed = analyse(plain, compiledConcepts(rules), locale);
  for (const rule of rules.requirements) {
    if (!rule.surfaces.includes(surface)) continue;
    const suggestion = rule.suggestion[surface] ?? rule.suggestion['default']!;
    const parts = judgeRequirement(analysed, rule, plain);
    const found = parts.filter((p) => p.evidence !== null).map((p) => p.evidence!);
    if (found.length === parts.length) {
      const start = Math.min(...found.map((e) => e.start));
      const end = Math.max(...found.map((e) => e.end));
      const emphasised = found.every((e) => e.emphasised);
      const range = sourceRange(plain, start, end);
      satisfied.push({ rule: rule.id, ...range, emphasised });
      elements.push({ id: rule.id, present: true, ...range, text: plain.text.slice(start, end) });
      if (rule.emphasis && !emphasised) {
        const first = found.find((e) => !e.emphasised)!;
        add('emphasis', rules.emphasis.severity, fill(rules.emphasis.message, { rule: rule.id }), sentenceAround(plain, first.start));
      }
      continue;
    }
    missing.push(rule.id);
    if (found.length === 0) {
      elements.push({ id: rule.id, present: false, start: 0, end: 0, text: '' });
      add(rule.id, rule.severity, rule.message, { start: 0, end: 0 }, suggestion);
    } else {
      const partial = sentenceAround(plain, found[0]!.start);
      const lacking = parts.find((p) => p.evidence === null)!;
      elements.push({ id: rule.id, present: false, ...sourceRange(plain, found[0]!.start, found[0]!.end), text: plain.text.slice(found[0]!.start, found[0]!.end) });
      add(rule.id, rule.severity, lacking.part.message, partial, suggestion);
    }
  }

  if (rules.advertising.surfaces.includes(surface)) {
    const labelled = compiled.label.test(plain.text.trimStart());
    for (const p of compiled.advertising) {
      p.regex.lastIndex = 0;
      for (const m of plain.text.matchAll(p.regex)) {
        const range = sourceRange(plain, m.index, m.index + Math.max(1, m[0].length));
        if (labelled) add('advertising', 'warning', fill(rules.advertising.labelledMessage, { word: m[0] }), range);
        else add('advertising', rules.advertising.severity, fill(rules.advertising.message, { word: m[0] }), range, rules.advertising.suggestion);
      }
    }
  }

  for (const limit of rules.limits) {
    if (!limit.surfaces.includes(surface)) continue;
    const length = [...plain.text].length;
    if (length > limit.maxChars) {
      const cut = plain.text.length - (length - limit.maxChars);
      add(limit.id, limit.severity, fill(limit.message, { max: limit.maxChars, count: length }), sourceRange(plain, cut, plain.text.length));
    }
  }

  for (const v of documentVariables(doc)) {
    if (Object.prototype.hasOwnProperty.call(variables, v.name)) continue;
    const names = Object.keys(variables);
    const lower = v.name.toLowerCase();
    const closest = names
      .map((n) => ({ n, d: v.name && (n.includes(lower) || lower.includes(n)) ? 0 : editDistance(lower, n) }))
      .sort((a, b) => a.d - b.d)[0];
    add(
      'unknown-variable',
      rules.unknownVariable.severity,
      fill(rules.unknownVariable.message, { name: v.name }),
      v,
      closest && closest.d <= Math.max(2, Math.floor(v.name.length / 3)) ? `{{${closest.n}}}` : undefined,
    );
  }

  for (const hit of findWords(plain.text, lists.jargon)) {
    add('jargon', rules.jargon.severity, fill(rules.jargon.message, { word: hit.entry.word, plain: hit.entry.plain }), sourceRange(plain, hit.start, hit.end), hit.entry.plain);
  }

  const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  findings.sort((a, b) => a.start - b.start || order[a.severity] - order[b.severity]);
  const readability = locale === 'ko' ? readabilityKo(plain, lists, rules.readability) : readabilityEn(plain, rules.readability);
  return { findings, missing, elements, readability, satisfied };
}

/** True when a result needs attention (an error finding or a missing element) — lint exits 1. */
export function needsAttention(result: Pick<CheckResult, 'findings' | 'missing'>): boolean {
  return result.missing.length > 0 || result.findings.some((f) => f.severity === 'error');
}
