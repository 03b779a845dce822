import { checkDisclosure } from '../../../shared/disclosures/check.ts';
import type { CheckResult, Locale, Surface } from '../../../shared/disclosures/types.ts';
import { loadDisclosureRules } from '../../../electron/backend/disclosures/resources.ts';

/** The shipped rules and word lists (resources/), loaded once. */
export const shipped = loadDisclosureRules();

/** Checks a text with the shipped rules, the default variables and the shipped word lists. */
export function check(text: string, locale: Locale, surface: Surface = 'alimtalk'): CheckResult {
  return checkDisclosure(text, {
    locale,
    surface,
    rules: shipped.rules[locale],
    wordLists: { hardWords: shipped.hardWords[locale], jargon: shipped.jargon[locale] },
  });
}

/** The rule ids of the error findings. */
export function errorRules(result: CheckResult): string[] {
  return result.findings.filter((f) => f.severity === 'error').map((f) => f.rule);
}
