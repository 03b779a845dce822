import { checkDisclosure } from '../../../shared/disclosures/check.ts';
import { effectiveElements, effectiveMissing } from '../../../shared/disclosures/overrides.ts';
import type { CheckResult, Disclosure, Locale, Surface } from '../../../shared/disclosures/types.ts';
import type { Db } from '../db/connection.ts';
import { listCheckOverrides } from '../db/check-overrides-repo.ts';
import { loadRuleSet, loadWordLists } from './resources.ts';
import { workspaceVariables } from './variables.ts';

/** The checks of one text with the app's rules and the workspace's variables (as `lint` runs them). */
export function runChecks(db: Db | null, text: string, locale: Locale, surface: Surface): CheckResult {
  return checkDisclosure(text, {
    locale,
    surface,
    rules: loadRuleSet(locale),
    wordLists: loadWordLists(locale),
    variables: workspaceVariables(db).values[locale],
  });
}

/** A disclosure's checklist in effect: per language the elements missing, and the overrides deciding one. */
export interface ChecklistInEffect {
  missing: Record<Locale, string[]>;
  overruled: number;
}

// The list shows every disclosure's checklist: remember each one until its text, surface, rules,
// variables or overrides change (a version bump covers every text and surface edit).
const remembered = new WeakMap<Db, Map<string, ChecklistInEffect>>();
const ruleStamps = new WeakMap<object, number>();
let nextStamp = 1;
const MAX_REMEMBERED = 5000;

function stamp(o: object): number {
  let n = ruleStamps.get(o);
  if (n === undefined) ruleStamps.set(o, (n = nextStamp++));
  return n;
}

/**
 * The checklist of a disclosure in effect: per language, the required elements missing once the
 * reviewers' overrides in force are applied, and how many overrides decide a verdict.
 */
export function checklistInEffect(db: Db, d: Disclosure): ChecklistInEffect {
  const overrides = listCheckOverrides(db, d.id);
  const key = [
    d.id,
    d.version,
    d.surface,
    stamp(loadRuleSet('ko')),
    stamp(loadRuleSet('en')),
    JSON.stringify(workspaceVariables(db).values),
    overrides.map((o) => o.id).join(','),
  ].join('|');
  let cache = remembered.get(db);
  if (!cache) remembered.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit) return hit;
  const missing: Record<Locale, string[]> = { ko: [], en: [] };
  let overruled = 0;
  for (const locale of ['ko', 'en'] as const) {
    const text = locale === 'ko' ? d.koText : d.enText;
    const effective = effectiveElements(runChecks(db, text, locale, d.surface).elements, overrides, locale, text);
    missing[locale] = effectiveMissing(effective);
    overruled += effective.filter((e) => e.override && !e.stale).length;
  }
  if (cache.size >= MAX_REMEMBERED) cache.clear();
  const result = { missing, overruled };
  cache.set(key, result);
  return result;
}

/** The elements missing in effect, as "ko: a, b" / "en: c" (empty when both languages have every element). */
export function effectiveGaps(db: Db, d: Disclosure): string[] {
  const { missing } = checklistInEffect(db, d);
  return (['ko', 'en'] as const).filter((l) => missing[l].length).map((l) => `${l}: ${missing[l].join(', ')}`);
}
