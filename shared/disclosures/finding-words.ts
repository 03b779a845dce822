/**
 * Findings worded for people, in the language of the text they are about: the rule's name instead of
 * its id ("광고성 표현", not "advertising"), the severity as a word, counts as a sentence. Exports use
 * these so no raw id or "[ko]" tag reaches a reader.
 */
import type { Finding, Locale, Severity } from './types.ts';

/** Names of the rules that are not required elements (those are named by the rule set's labels). */
const RULE_NAMES: Record<string, Record<Locale, string>> = {
  advertising: { ko: '광고성 표현', en: 'Advertising wording' },
  jargon: { ko: '전문 용어', en: 'Jargon' },
  emphasis: { ko: '강조 부족', en: 'Not emphasised' },
  'unknown-variable': { ko: '알 수 없는 변수', en: 'Unknown variable' },
  'alimtalk-length': { ko: '알림톡 글자 수 제한', en: 'AlimTalk length limit' },
};

const SEVERITY: Record<Severity, Record<Locale, string>> = {
  error: { ko: '오류', en: 'Error' },
  warning: { ko: '경고', en: 'Warning' },
  info: { ko: '참고', en: 'Note' },
};

/** What a language's part of an export is called in that language. */
export const TEXT_NAMES: Record<Locale, string> = { ko: '한국어 본문', en: 'English text' };

/**
 * The name of a finding's rule in `locale`: a required element's label from `labels` (the rule set),
 * else a known rule's name, else a length limit's, else the id made readable ("some-rule" → "Some rule").
 */
export function ruleName(rule: string, locale: Locale, labels: Readonly<Record<string, string>> = {}): string {
  const label = labels[rule] ?? RULE_NAMES[rule]?.[locale];
  if (label) return label;
  if (rule.endsWith('-length')) return locale === 'ko' ? '글자 수 제한' : 'Length limit';
  const words = rule.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A severity as a word in `locale`. */
export function severityName(severity: Severity, locale: Locale): string {
  return SEVERITY[severity][locale];
}

/** One finding as a line: "오류 · 광고성 표현: '특가'는 광고성 표현입니다…". */
export function findingLine(finding: Finding, locale: Locale, labels: Readonly<Record<string, string>> = {}): string {
  return `${severityName(finding.severity, locale)} · ${ruleName(finding.rule, locale, labels)}: ${finding.message}`;
}

/** How many errors and warnings, as a phrase: "오류 2건, 경고 1건" / "2 errors, 1 warning" ("지적 사항 없음" / "no findings"). */
export function findingCounts(findings: readonly Finding[], locale: Locale): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  if (errors + warnings === 0) return locale === 'ko' ? '지적 사항 없음' : 'no findings';
  if (locale === 'ko') return `오류 ${errors}건, 경고 ${warnings}건`;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
