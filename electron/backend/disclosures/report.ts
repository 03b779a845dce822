import type { DisclosureRules } from '../../../shared/contract/disclosures.ts';
import { checkDisclosure } from '../../../shared/disclosures/check.ts';
import { parseMarkdown, type DocumentNode } from '../../../shared/disclosures/markdown.ts';
import type { CheckResult, Disclosure, Locale } from '../../../shared/disclosures/types.ts';
import { DEFAULT_TIME_ZONE } from '../../../shared/time-zone.ts';

/** One language of a disclosure, parsed and checked. */
export interface LocaleReport {
  locale: Locale;
  text: string;
  doc: DocumentNode;
  check: CheckResult;
  variables: Record<string, string>;
}

/** Everything an export shows: the disclosure, both languages with their checks, the checklist. */
export interface DisclosureReport {
  disclosure: Disclosure;
  locales: LocaleReport[];
  /** Required elements of the surface with their label and whether each language has them. */
  checklist: { rule: string; label: Record<Locale, string>; present: Record<Locale, boolean> }[];
  /** Each language's names of its rule set's required elements, by rule id (findings are worded with them). */
  ruleLabels: Record<Locale, Record<string, string>>;
  generatedAt: number;
  /** The workspace time zone: dates on exports are calendar dates there. */
  timeZone: string;
}

/** Parses and checks both texts of a disclosure with the given rules and variables. */
export function buildReport(
  disclosure: Disclosure,
  rules: DisclosureRules,
  variables: Record<Locale, Record<string, string>>,
  now = Date.now(),
  timeZone = DEFAULT_TIME_ZONE,
): DisclosureReport {
  const locales = (['ko', 'en'] as const).map((locale): LocaleReport => {
    const text = locale === 'ko' ? disclosure.koText : disclosure.enText;
    const doc = parseMarkdown(text);
    const check = checkDisclosure(text, {
      locale,
      surface: disclosure.surface,
      rules: rules.rules[locale],
      variables: variables[locale],
      wordLists: { hardWords: rules.hardWords[locale], jargon: rules.jargon[locale] },
      doc,
    });
    return { locale, text, doc, check, variables: variables[locale] };
  });
  const ids: string[] = [];
  for (const r of [...rules.rules.ko.requirements, ...rules.rules.en.requirements]) {
    if (r.surfaces.includes(disclosure.surface) && !ids.includes(r.id)) ids.push(r.id);
  }
  const label = (locale: Locale, id: string) =>
    rules.rules[locale].requirements.find((r) => r.id === id && r.surfaces.includes(disclosure.surface))?.label ?? id;
  const checklist = ids.map((rule) => ({
    rule,
    label: { ko: label('ko', rule), en: label('en', rule) },
    present: {
      ko: !locales[0]!.check.missing.includes(rule),
      en: !locales[1]!.check.missing.includes(rule),
    },
  }));
  const labelsOf = (locale: Locale) =>
    Object.fromEntries(rules.rules[locale].requirements.filter((r) => r.surfaces.includes(disclosure.surface)).map((r) => [r.id, r.label]));
  return { disclosure, locales, checklist, ruleLabels: { ko: labelsOf('ko'), en: labelsOf('en') }, generatedAt: now, timeZone };
}

/** Labels of the readability indicators, per locale (cover page, HTML, Markdown). */
export const INDICATOR_LABELS: Record<string, { ko: string; en: string }> = {
  'flesch-reading-ease': { ko: 'Flesch 읽기 쉬움', en: 'Flesch reading ease' },
  'flesch-kincaid-grade': { ko: 'Flesch–Kincaid 학년', en: 'Flesch–Kincaid grade' },
  'avg-sentence-words': { ko: '문장당 평균 단어 수', en: 'Average words per sentence' },
  'avg-sentence-eojeol': { ko: '문장당 평균 어절 수', en: 'Average eojeol per sentence' },
  'long-sentence-share': { ko: '긴 문장 비율', en: 'Share of long sentences' },
  'hard-word-share': { ko: '어려운 낱말 비율', en: 'Share of hard words' },
  'jargon-count': { ko: '전문 용어 수', en: 'Jargon phrases' },
};

/** A target band as text: "≥ 60", "≤ 8", "10–20". */
export function formatBand(band: { min?: number; max?: number }): string {
  if (band.min !== undefined && band.max !== undefined) return `${band.min}–${band.max}`;
  if (band.min !== undefined) return `≥ ${band.min}`;
  if (band.max !== undefined) return `≤ ${band.max}`;
  return '—';
}

/** A date as YYYY-MM-DD in a time zone (default Asia/Seoul). */
export function formatDay(ms: number | null, timeZone = DEFAULT_TIME_ZONE): string {
  if (ms === null) return '—';
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
}

export const SURFACE_LABELS: Record<string, { ko: string; en: string }> = {
  alimtalk: { ko: '알림톡 메시지', en: 'AlimTalk message' },
  'consent-prompt': { ko: '첫 메시지 동의 안내', en: 'First-message prompt' },
  install: { ko: '설치·온보딩 화면', en: 'Install / onboarding screen' },
  settings: { ko: '알림 설정 화면', en: 'Receive-settings screen' },
  terms: { ko: '이용약관 발췌', en: 'Terms of service excerpt' },
  'url-notice': { ko: '대화방 링크 안내', en: 'URL notice' },
};

export const STATUS_LABELS: Record<string, { ko: string; en: string }> = {
  draft: { ko: '초안', en: 'Draft' },
  'in-review': { ko: '검토 중', en: 'In review' },
  approved: { ko: '승인됨', en: 'Approved' },
  published: { ko: '게시됨', en: 'Published' },
  retired: { ko: '사용 중지', en: 'Retired' },
};
