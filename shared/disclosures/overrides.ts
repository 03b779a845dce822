/**
 * A reviewer's overrule of a required-element verdict, and the pure merge of the engine's verdicts
 * with the overrides in force: the "effective" verdict the checklist, the status gate and the
 * exports use. Pure data: no DOM, no node:.
 */
import type { ElementVerdict, Locale } from './types.ts';

/** "present, here" on an element the engine misses; "not sufficient, because …" on one it finds. */
export const OVERRIDE_VERDICTS = ['present', 'insufficient'] as const;
export type OverrideVerdict = (typeof OVERRIDE_VERDICTS)[number];

/** Input limits, shared by the contract (zod), the renderer's fields and the tests. */
export const OVERRIDE_LIMITS = { reason: 1000, reviewer: 100, quote: 2000, element: 64 } as const;

/** The sentence an override rests on: a source range of the text and the words it held then. */
export interface OverrideEvidence {
  start: number;
  end: number;
  quote: string;
}

/** One stored override (withdrawn ones are kept, with who withdrew them and when). */
export interface CheckOverride {
  id: number;
  disclosureId: number;
  locale: Locale;
  /** The required element's id (e.g. `data-charges`). */
  element: string;
  verdict: OverrideVerdict;
  /**
   * For `present`: the range the reviewer chose. For `insufficient`: the sentence the engine took
   * as evidence, which the reviewer judged not enough.
   */
  evidence: OverrideEvidence;
  reason: string;
  reviewer: string;
  createdAt: number;
  /** The disclosure's `version` counter when the override was made. */
  version: number;
  /** SHA-256 (hex) of that locale's text when the override was made. */
  textSha256: string;
  /** What the engine said then. */
  enginePresent: boolean;
  withdrawnAt: number | null;
  withdrawnBy: string | null;
}

/** One required element as the checklist shows it: the engine's verdict, the override, the result. */
export interface EffectiveElement {
  id: string;
  /** The engine's own verdict and evidence (always shown, also when overruled). */
  engine: ElementVerdict;
  /** The override in force for this element, if any (stale or not). */
  override: CheckOverride | null;
  /** True when the override's quote no longer occurs in the text: the engine's verdict applies again. */
  stale: boolean;
  /** The verdict that counts: the override's, unless there is none or it is stale. */
  present: boolean;
  /** The range to show and highlight: the override's (where its quote now is) or the engine's. */
  evidence: { start: number; end: number; text: string } | null;
}

/**
 * Where an override's quote is in the text now: its own range when the words there are unchanged,
 * else the occurrence nearest to it, else null (the quote is gone: the override is stale).
 */
export function locateQuote(text: string, evidence: OverrideEvidence): { start: number; end: number } | null {
  if (evidence.quote === '') return null;
  if (text.slice(evidence.start, evidence.end) === evidence.quote) return { start: evidence.start, end: evidence.end };
  let best: number | null = null;
  for (let at = text.indexOf(evidence.quote); at !== -1; at = text.indexOf(evidence.quote, at + 1)) {
    if (best === null || Math.abs(at - evidence.start) < Math.abs(best - evidence.start)) best = at;
  }
  return best === null ? null : { start: best, end: best + evidence.quote.length };
}

/**
 * Merges the engine's verdicts on one text with the overrides in force for that locale. Withdrawn
 * overrides and those of another locale are ignored; of several for one element the newest wins.
 */
export function effectiveElements(
  elements: readonly ElementVerdict[],
  overrides: readonly CheckOverride[],
  locale: Locale,
  text: string,
): EffectiveElement[] {
  const active = activeOverrides(overrides, locale);
  return elements.map((engine): EffectiveElement => {
    const override = active.get(engine.id) ?? null;
    const engineEvidence = engine.present ? { start: engine.start, end: engine.end, text: engine.text } : null;
    if (!override) return { id: engine.id, engine, override: null, stale: false, present: engine.present, evidence: engineEvidence };
    const at = locateQuote(text, override.evidence);
    if (!at) return { id: engine.id, engine, override, stale: true, present: engine.present, evidence: engineEvidence };
    return {
      id: engine.id,
      engine,
      override,
      stale: false,
      present: override.verdict === 'present',
      evidence: { ...at, text: override.evidence.quote },
    };
  });
}

/** The ids of the required elements missing once the overrides in force are applied. */
export function effectiveMissing(effective: readonly EffectiveElement[]): string[] {
  return effective.filter((e) => !e.present).map((e) => e.id);
}

/** The newest override not withdrawn, per element, for one locale. */
export function activeOverrides(overrides: readonly CheckOverride[], locale: Locale): Map<string, CheckOverride> {
  const out = new Map<string, CheckOverride>();
  for (const o of overrides) {
    if (o.locale !== locale || o.withdrawnAt !== null) continue;
    const seen = out.get(o.element);
    if (!seen || o.createdAt > seen.createdAt || (o.createdAt === seen.createdAt && o.id > seen.id)) out.set(o.element, o);
  }
  return out;
}

/** A quote shortened for a checklist line: whitespace collapsed, at most `max` characters. */
export function shortQuote(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
