import { describe, expect, it } from 'vitest';
import { renderDisclosureHtml } from '../../../electron/backend/disclosures/export-html.ts';
import { renderDisclosureMarkdown } from '../../../electron/backend/disclosures/export-md.ts';
import { buildReport } from '../../../electron/backend/disclosures/report.ts';
import { findingCounts, findingLine, ruleName } from '../../../shared/disclosures/finding-words.ts';
import type { Disclosure } from '../../../shared/disclosures/types.ts';
import { variableValues } from '../../../shared/disclosures/variables.ts';
import { shipped } from './helpers.ts';

function disclosure(koText: string, enText: string): Disclosure {
  return { id: 1, title: '배송 안내', surface: 'alimtalk', status: 'draft', koText, enText, createdAt: 0, updatedAt: 0, publishedAt: null, effectiveAt: null, version: 1, derivedFrom: null, history: [] };
}

const report = () =>
  buildReport(
    disclosure('특가 상품 배송 안내입니다. {{no_such_value}}', 'Your order ships today. {{no_such_value}}'),
    shipped,
    { ko: variableValues('ko'), en: variableValues('en') },
  );

describe('disclosure exports word their findings for people', () => {
  it('in HTML: no "[ko]" tag, no rule id, each language’s findings in that language', () => {
    const html = renderDisclosureHtml(report());
    const findings = html.slice(html.indexOf('<h3'), html.indexOf('읽기 쉬움 / Readability'));
    expect(findings).not.toMatch(/\[(ko|en)\]/);
    expect(findings).not.toMatch(/\b(advertising|unknown-variable|service-description|data-charges|how-to-refuse)\b/);
    expect(findings).toContain('한국어 본문: 오류');
    expect(findings).toContain('광고성 표현');
    expect(findings).toContain('알 수 없는 변수');
    expect(findings).toContain('English text:');
    expect(findings).toContain('Unknown variable');
    expect(findings).toMatch(/<b>오류<\/b> · 서비스 설명|<b>오류<\/b> · 데이터 요금/);
    expect(findings).not.toMatch(/<b>(error|warning)<\/b>/);
  });

  it('in Markdown: a findings section per language, and no raw surface id or locale code', () => {
    const md = renderDisclosureMarkdown(report());
    expect(md).toContain('## 지적 사항 / Findings');
    expect(md).toContain('### 한국어 본문');
    expect(md).toContain('### English text');
    expect(md).not.toMatch(/`alimtalk`|\| ko \||\| en \||\bunknown-variable\b|\[ko\]/);
  });

  it('names rules, severities and counts in the text’s language', () => {
    expect(ruleName('advertising', 'ko')).toBe('광고성 표현');
    expect(ruleName('unknown-variable', 'en')).toBe('Unknown variable');
    expect(ruleName('data-charges', 'ko', { 'data-charges': '데이터 요금과 그 크기' })).toBe('데이터 요금과 그 크기');
    expect(ruleName('sms-length', 'ko')).toBe('글자 수 제한');
    expect(ruleName('team-rule', 'en')).toBe('Team rule');
    expect(findingLine({ rule: 'advertising', severity: 'error', message: "'특가'는 광고성 표현입니다.", start: 0, end: 2 }, 'ko')).toBe("오류 · 광고성 표현: '특가'는 광고성 표현입니다.");
    const one = [{ rule: 'x', severity: 'error' as const, message: '', start: 0, end: 0 }];
    expect(findingCounts(one, 'en')).toBe('1 error, 0 warnings');
    expect(findingCounts(one, 'ko')).toBe('오류 1건, 경고 0건');
    expect(findingCounts([], 'ko')).toBe('지적 사항 없음');
  });
});
