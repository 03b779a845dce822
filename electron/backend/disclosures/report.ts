import type { DisclosureRules } from '../../../shared/contract/disclosures.ts';
import { checkDisclosure } from '../../../shared/disclosures/check.ts';
import { parseMarkdown, type DocumentNode } from '../../../shared/disclosures/markdown.ts';
import { effectiveElements, type CheckOverride, type EffectiveElement } from '../../../shared/disclosures/overrides.ts';
import type { CheckResult, Disclosure, Locale } from '../../../shared/disclosures/types.ts';
import { DEFAULT_TIME_ZONE } from '../../../shared/time-zone.ts';

/** One language of a disclosure, parsed and checked. */
export interface LocaleReport {
  locale: Locale;
  text: string;
  doc: DocumentNode;
  check: CheckResult;
  variables: Record<string, string>;
  /** The checks' verdicts merged with the reviewers' overrides in force. */
  effective: EffectiveElement[];
}

/** A reviewer's override in force, numbered as the checklist refers to it (†1, †2…). */
export interface ReportOverride {
  n: number;
  override: CheckOverride;
  /** The element's name in both languages. */
  label: Record<Locale, string>;
  /** Its quote no longer occurs in the text: the checks' own verdict counts again. */
  stale: boolean;
}

/** Everything an export shows: the disclosure, both languages with their checks, the checklist. */
export interface DisclosureReport {
  disclosure: Disclosure;
  locales: LocaleReport[];
  /**
   * Required elements of the surface with their label and whether each language has them once the
   * overrides in force are applied (`present`), what the checks alone said (`engine`), and the
   * number of the override that decided it, if any (`override`, into `overrides`).
   */
  checklist: {
    rule: string;
    label: Record<Locale, string>;
    present: Record<Locale, boolean>;
    engine: Record<Locale, boolean>;
    override: Record<Locale, number | null>;
  }[];
  /** The reviewers' overrides in force (withdrawn ones are left out), in checklist order. */
  overrides: ReportOverride[];
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
  overrides: readonly CheckOverride[] = [],
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
    const effective = effectiveElements(check.elements, overrides, locale, text);
    // An element a reviewer ruled present is not listed again as a missing-element finding (the
    // override's line keeps the checks' own verdict), as in the studio.
    const ruled = new Set(effective.filter((e) => e.present && !e.engine.present).map((e) => e.id));
    const shown = ruled.size ? { ...check, findings: check.findings.filter((f) => !ruled.has(f.rule)) } : check;
    return { locale, text, doc, check: shown, variables: variables[locale], effective };
  });
  const ids: string[] = [];
  for (const r of [...rules.rules.ko.requirements, ...rules.rules.en.requirements]) {
    if (r.surfaces.includes(disclosure.surface) && !ids.includes(r.id)) ids.push(r.id);
  }
  const label = (locale: Locale, id: string) =>
    rules.rules[locale].requirements.find((r) => r.id === id && r.surfaces.includes(disclosure.surface))?.label ?? id;
  const listed: ReportOverride[] = [];
  const checklist = ids.map((rule) => {
    const entry = (l: LocaleReport) => l.effective.find((e) => e.id === rule);
    const labels = { ko: label('ko', rule), en: label('en', rule) };
    const number = (l: LocaleReport): number | null => {
      const e = entry(l);
      if (!e?.override) return null;
      listed.push({ n: listed.length + 1, override: e.override, label: labels, stale: e.stale });
      return e.stale ? null : listed.length;
    };
    return {
      rule,
      label: labels,
      present: { ko: entry(locales[0]!)?.present ?? false, en: entry(locales[1]!)?.present ?? false },
      engine: { ko: !locales[0]!.check.missing.includes(rule), en: !locales[1]!.check.missing.includes(rule) },
      override: { ko: number(locales[0]!), en: number(locales[1]!) },
    };
  });
  const labelsOf = (locale: Locale) =>
    Object.fromEntries(rules.rules[locale].requirements.filter((r) => r.surfaces.includes(disclosure.surface)).map((r) => [r.id, r.label]));
  return { disclosure, locales, checklist, overrides: listed, ruleLabels: { ko: labelsOf('ko'), en: labelsOf('en') }, generatedAt: now, timeZone };
}

/** A checklist cell: the verdict that counts, and the override that decided it (e.g. "✓ †1"). */
export function checklistMark(c: DisclosureReport['checklist'][number], locale: Locale): string {
  const mark = c.present[locale] ? '✓' : '✗';
  const n = c.override[locale];
  return n === null ? mark : `${mark} †${n}`;
}

/** One override as a line of an export, in both languages (the reader may read either). */
export function overrideLine(o: ReportOverride, timeZone: string): string {
  const v = o.override;
  const verdict =
    v.verdict === 'present' ? '있음으로 판정 / ruled present' : '충분하지 않음으로 판정 / ruled not sufficient';
  const engine = v.enginePresent ? '점검: 있음 / checks: present' : '점검: 없음 / checks: missing';
  const stale = o.stale ? ' — 근거 문구가 본문에 없음(점검 결과 적용) / STALE: the quoted words are no longer in the text, the checks’ verdict applies' : '';
  return (
    `†${o.n} ${v.locale === 'ko' ? '한국어' : 'English'} · ${o.label.ko} / ${o.label.en}: ${verdict} (${engine}). ` +
    `“${v.evidence.quote.replace(/\s+/g, ' ').trim()}” — ${v.reason} — ${v.reviewer}, ${formatDay(v.createdAt, timeZone)}, ` +
    `v${v.version}, SHA-256 ${v.textSha256.slice(0, 16)}…${stale}`
  );
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
  'changes-requested': { ko: '수정 요청됨', en: 'Changes requested' },
  approved: { ko: '승인됨', en: 'Approved' },
  published: { ko: '게시됨', en: 'Published' },
  retired: { ko: '사용 중지', en: 'Retired' },
};
