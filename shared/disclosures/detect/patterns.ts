import type { RulePattern } from '../rules-schema.ts';
import type { Locale } from '../types.ts';

/** Weighted patterns: the advertising wording, and the parts of version 1 rule files. */

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A pattern as a global, case-insensitive, Unicode regex (phrases: any spacing; English: whole words). */
export function compilePattern(p: RulePattern, locale: Locale): RegExp {
  if (p.regex !== undefined) return new RegExp(p.regex, 'giu');
  const words = p.phrase!.trim().split(/\s+/).map(escapeRegex);
  const body = words.join(locale === 'ko' ? '\\s*' : '[\\s-]+');
  return new RegExp(locale === 'en' ? `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])` : body, 'giu');
}
