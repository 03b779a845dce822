import { z } from 'zod';
import { SURFACES } from './types.ts';

/**
 * The format of the editable rule files (`resources/rules/<locale>.json`), documented in
 * docs/disclosure-rules.md. A policy team edits these without code; `parseRuleSet` validates a
 * file and names the file and the bad field when it is wrong.
 */

const surface = z.enum(SURFACES);
const severity = z.enum(['error', 'warning', 'info']);

/** A regular expression source that must compile (flags are added by the engine: `giu`). */
const regexSource = z.string().min(1).superRefine((value, ctx) => {
  try {
    new RegExp(value, 'giu');
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `not a valid regular expression: ${(error as Error).message}` });
  }
});

/** One pattern: a plain phrase (spaces match any spacing, case ignored) or a regular expression. */
export const patternSchema = z
  .object({
    phrase: z.string().min(1).optional(),
    regex: regexSource.optional(),
    weight: z.number().positive().max(100).default(1),
  })
  .strict()
  .refine((p) => (p.phrase === undefined) !== (p.regex === undefined), {
    message: 'give exactly one of "phrase" or "regex"',
  });

const conceptId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'use lower-case words joined by "-"');

/**
 * A concept: the words that say one idea (a refusal act, a place to do it, an outcome…). `words` are
 * phrases (nouns, fixed wordings); `verbs` are verbs in their dictionary form, matched through their
 * endings (Korean `끄다` → 끄면, 꺼도, 끌 수, 끕니다…; English `turn * off` → turns them off, turned off…);
 * `regex` are regular expressions. A word inside a negation (끌 수 없습니다, cannot be turned off) does
 * not count, unless `negatable` is false (for concepts that are negative themselves: 받을 수 없다, won't get).
 * `extends` borrows another concept's words; `after` keeps only the occurrences followed by a given text.
 */
export const conceptSchema = z
  .object({
    words: z.array(z.string().trim().min(1)).default([]),
    verbs: z.array(z.string().trim().min(1)).default([]),
    regex: z.array(regexSource).default([]),
    negatable: z.boolean().default(true),
    /** False: an occurrence inside quotes or brackets (a button or switch name: 'Use links in search') does not count. */
    quoted: z.boolean().default(true),
    /** Also every word, verb and regex of this other concept (a narrower use of the same words). */
    extends: conceptId.optional(),
    /** Counts only when the text right after the word matches this regex (e.g. a concessive ending: 꺼도, 거부하더라도). */
    after: regexSource.optional(),
    /** What the concept means, for the people who edit the file. */
    note: z.string().optional(),
  })
  .strict()
  .refine((c) => c.words.length + c.verbs.length + c.regex.length > 0 || c.extends !== undefined, { message: 'give at least one word, verb or regex' });

/**
 * One part of a required element: present when, for one of its `match` sets, every concept of the
 * set occurs within `window` consecutive sentences (1 = one sentence, 2 = a sentence and the next),
 * with no `unless` concept in those sentences.
 */
export const partSchema = z
  .object({
    id: z.string().min(1),
    match: z.array(z.array(conceptId).min(1)).min(1).optional(),
    window: z.number().int().min(1).max(5).default(2),
    unless: z.array(conceptId).default([]),
    /** Version 1 files: weighted patterns anywhere in the text, summed against `threshold` (no window, negation or questions). */
    patterns: z.array(patternSchema).min(1).optional(),
    threshold: z.number().positive().default(1),
    /** Shown when the element is partly there but this part is not. */
    message: z.string().min(1),
  })
  .strict()
  .refine((p) => (p.match === undefined) !== (p.patterns === undefined), { message: 'give exactly one of "match" (concepts) or "patterns"' });

/** A required element (rule id from docs/cli.md), per surface. */
export const requirementSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'use lower-case words joined by "-"'),
    /** A short name for checklists (cover page, studio). */
    label: z.string().min(1),
    surfaces: z.array(surface).min(1),
    severity: severity.default('error'),
    /** Every part must match for the element to count as present. */
    parts: z.array(partSchema).min(1),
    message: z.string().min(1),
    /** A sentence to add when missing; keys are surfaces, `default` for the rest. */
    suggestion: z.record(z.string(), z.string().min(1)).refine((s) => 'default' in s, {
      message: 'needs a "default" suggestion',
    }),
    /** The sentence that satisfies it must be visibly emphasised (bold, italic or heading). */
    emphasis: z.boolean().default(false),
  })
  .strict();

export const advertisingSchema = z
  .object({
    surfaces: z.array(surface),
    severity: severity.default('error'),
    patterns: z.array(patternSchema).min(1),
    /** A text that starts with this label is declared advertising (then only prior consent is at issue). */
    labelRegex: regexSource,
    message: z.string().min(1),
    labelledMessage: z.string().min(1),
    suggestion: z.string().min(1),
  })
  .strict();

export const lengthLimitSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    surfaces: z.array(surface).min(1),
    maxChars: z.number().int().positive(),
    severity: severity.default('error'),
    message: z.string().min(1),
  })
  .strict();

export const emphasisSchema = z
  .object({
    severity: severity.default('warning'),
    message: z.string().min(1),
    /** Rendered-preview rule (checked by the studio on the preview): minimum size in points… */
    minPt: z.number().positive().default(9),
    /** …and minimum ratio to the body size, unless bold or coloured. */
    minRatio: z.number().positive().default(1.2),
  })
  .strict();

export const readabilityTargetsSchema = z.record(
  z.string(),
  z.object({ min: z.number().optional(), max: z.number().optional() }).strict(),
);

export const ruleSetSchema = z
  .object({
    locale: z.enum(['ko', 'en']),
    version: z.number().int().positive(),
    /** Concept id → its words; the parts of the requirements name them. */
    concepts: z.record(conceptId, conceptSchema).default({}),
    requirements: z.array(requirementSchema).min(1),
    advertising: advertisingSchema,
    limits: z.array(lengthLimitSchema).default([]),
    emphasis: emphasisSchema,
    unknownVariable: z.object({ severity: severity.default('error'), message: z.string().min(1) }).strict(),
    jargon: z.object({ severity: severity.default('warning'), message: z.string().min(1) }).strict(),
    readability: readabilityTargetsSchema,
  })
  .strict();

export type RulePattern = z.output<typeof patternSchema>;
export type Concept = z.output<typeof conceptSchema>;
export type RequirementPart = z.output<typeof partSchema>;
export type RequirementRule = z.output<typeof requirementSchema>;
export type RuleSet = z.output<typeof ruleSetSchema>;
/** A rule set as written in the JSON file (defaults not yet applied). */
export type RuleSetInput = z.input<typeof ruleSetSchema>;

/** A rules or word-list file that failed validation: names the file and each bad field. */
export class RulesFileError extends Error {
  readonly file: string;
  readonly problems: { path: string; message: string }[];
  constructor(file: string, problems: { path: string; message: string }[]) {
    super(
      `${file}: ${problems.length === 1 ? 'invalid field' : `${problems.length} invalid fields`}\n` +
        problems.map((p) => `  ${p.path || '(root)'}: ${p.message}`).join('\n'),
    );
    this.name = 'RulesFileError';
    this.file = file;
    this.problems = problems;
  }
}

/** Formats a zod issue path like `requirements[2].parts[0].patterns[1].regex`. */
function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

/** Validates a parsed rules file; throws RulesFileError naming `file` and the bad fields. */
export function parseRuleSet(json: unknown, file: string): RuleSet {
  const result = ruleSetSchema.safeParse(json);
  if (!result.success) {
    throw new RulesFileError(
      file,
      result.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
    );
  }
  const ids = new Set<string>();
  const problems: { path: string; message: string }[] = [];
  const { concepts, locale } = result.data;
  for (const [id, c] of Object.entries(concepts)) {
    c.verbs.forEach((v, k) => {
      if (locale === 'ko' && !/다$/u.test(v)) problems.push({ path: `concepts.${id}.verbs[${k}]`, message: `"${v}": write a Korean verb in its dictionary form, ending in 다 (끄다, 거부하다)` });
    });
  }
  const known = (name: string) => Object.prototype.hasOwnProperty.call(concepts, name);
  for (const [id, c] of Object.entries(concepts)) {
    const seen = new Set([id]);
    let next = c.extends;
    while (next !== undefined) {
      if (!known(next)) {
        problems.push({ path: `concepts.${id}.extends`, message: `no concept "${next}" in "concepts"` });
        break;
      }
      if (seen.has(next)) {
        problems.push({ path: `concepts.${id}.extends`, message: `"${id}" extends itself through "${next}"` });
        break;
      }
      seen.add(next);
      next = concepts[next]!.extends;
    }
  }
  result.data.requirements.forEach((r, i) => {
    r.parts.forEach((part, j) => {
      (part.match ?? []).forEach((set, k) =>
        set.forEach((name, l) => {
          if (!known(name)) problems.push({ path: `requirements[${i}].parts[${j}].match[${k}][${l}]`, message: `no concept "${name}" in "concepts"` });
        }),
      );
      part.unless.forEach((name, l) => {
        if (!known(name)) problems.push({ path: `requirements[${i}].parts[${j}].unless[${l}]`, message: `no concept "${name}" in "concepts"` });
      });
    });
    for (const s of r.surfaces) {
      const key = `${r.id}@${s}`;
      if (ids.has(key)) problems.push({ path: `requirements[${i}].surfaces`, message: `"${r.id}" is already required on ${s}` });
      ids.add(key);
    }
  });
  if (problems.length) throw new RulesFileError(file, problems);
  return result.data;
}

/** Parses a rules file's text (JSON) with errors naming the file, line and column. */
export function parseRuleSetText(text: string, file: string): RuleSet {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const pos = /position (\d+)/.exec(message);
    let where = '';
    if (pos) {
      const before = text.slice(0, Number(pos[1]));
      const line = before.split('\n').length;
      where = ` (line ${line}, column ${Number(pos[1]) - before.lastIndexOf('\n')})`;
    }
    throw new RulesFileError(file, [{ path: '', message: `not valid JSON${where}: ${message}` }]);
  }
  return parseRuleSet(json, file);
}

/** One word-list entry: a hard word or jargon phrase and a plainer alternative. */
export interface WordEntry {
  word: string;
  plain: string;
}

/**
 * Parses a word list: one `word<TAB>plain alternative` (or `word | plain`) per line; `#` starts a
 * comment; blank lines are skipped. Throws RulesFileError naming the file and line.
 */
export function parseWordList(text: string, file: string): WordEntry[] {
  const out: WordEntry[] = [];
  const problems: { path: string; message: string }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/^\uFEFF/, '').trim();
    if (!line || line.startsWith('#')) return;
    const parts = line.includes('\t') ? line.split('\t') : line.split('|');
    const word = parts[0]?.trim() ?? '';
    const plain = parts.slice(1).join(' ').trim();
    if (!word || !plain) {
      problems.push({ path: `line ${i + 1}`, message: 'expected "word<TAB>plain alternative" (or "word | plain alternative")' });
      return;
    }
    out.push({ word, plain });
  });
  if (problems.length) throw new RulesFileError(file, problems);
  return out;
}
