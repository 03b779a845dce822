import { findingLine, TEXT_NAMES } from '../../../shared/disclosures/finding-words.ts';
import { checklistMark, formatBand, formatDay, INDICATOR_LABELS, overrideLine, STATUS_LABELS, SURFACE_LABELS, type DisclosureReport } from './report.ts';

/** Escapes Markdown syntax in a value put into Markdown (variables, titles). */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!|<>~])/g, '\\$1');
}

/** The text with every known variable filled in (values escaped so they stay plain text). */
function fillVariables(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{\s*([A-Za-z0-9_.-]*)\s*\}\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? escapeMarkdown(values[name]!) : whole,
  );
}

/** The disclosure as a Markdown document: metadata, checklist, readability, both texts. */
export function renderDisclosureMarkdown(report: DisclosureReport): string {
  const d = report.disclosure;
  const lines: string[] = [
    `# ${escapeMarkdown(d.title)}`,
    '',
    `- 표면 / Surface: ${SURFACE_LABELS[d.surface]?.ko} / ${SURFACE_LABELS[d.surface]?.en ?? d.surface}`,
    `- 상태 / Status: ${STATUS_LABELS[d.status]?.ko} / ${STATUS_LABELS[d.status]?.en}, v${d.version}`,
    `- 시행일 / Effective: ${formatDay(d.effectiveAt, report.timeZone)}`,
    `- 생성 / Generated: ${formatDay(report.generatedAt, report.timeZone)}`,
    '',
    '## 점검 결과 / Checklist',
    '',
    '| 필수 항목 / Required element | 한국어 | English |',
    '| --- | --- | --- |',
    ...report.checklist.map(
      (c) => `| ${escapeMarkdown(c.label.ko)} / ${escapeMarkdown(c.label.en)} | ${checklistMark(c, 'ko')} | ${checklistMark(c, 'en')} |`,
    ),
    '',
    ...(report.overrides.length
      ? ['### 검토자 판정 / Reviewer overrides', '', ...report.overrides.map((o) => `- ${escapeMarkdown(overrideLine(o, report.timeZone))}`), '']
      : []),
    '## 읽기 쉬움 / Readability',
    '',
    '| 본문 / Text | 지표 / Indicator | 값 / Value | 목표 / Target | |',
    '| --- | --- | --- | --- | --- |',
    ...report.locales.flatMap((l) =>
      l.check.readability.indicators.map(
        (i) =>
          `| ${TEXT_NAMES[l.locale]} | ${INDICATOR_LABELS[i.id]?.[l.locale] ?? i.id} | ${i.value ?? '—'} | ${formatBand(i.target)} | ${i.ok ? '✓' : '✗'} |`,
      ),
    ),
    '',
  ];
  const withFindings = report.locales.filter((l) => l.check.findings.length > 0);
  if (withFindings.length) lines.push('## 지적 사항 / Findings', '');
  for (const l of withFindings) {
    lines.push(`### ${TEXT_NAMES[l.locale]}`, '', ...l.check.findings.map((f) => `- ${escapeMarkdown(findingLine(f, l.locale, report.ruleLabels[l.locale]))}`), '');
  }
  for (const l of report.locales) {
    lines.push(`## ${l.locale === 'ko' ? '한국어' : 'English'}`, '', fillVariables(l.text, l.variables).trim(), '');
  }
  return lines.join('\n');
}
