import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDisclosureRules } from '../../../electron/backend/disclosures/resources.ts';
import { visibleFindings } from '../../../renderer/components/studio/ChecksPanel.tsx';
import { emphasisTargets } from '../../../renderer/components/studio/emphasis-targets.ts';
import { AlimtalkPreview, LockScreenPreview } from '../../../renderer/components/previews/surfaces.tsx';
import { countChars } from '../../../renderer/components/previews/limits.ts';
import { checkDisclosure } from '../../../shared/disclosures/check.ts';
import { parseMarkdown } from '../../../shared/disclosures/markdown.ts';
import { variableValues } from '../../../shared/disclosures/variables.ts';

afterEach(cleanup);

const rules = loadDisclosureRules();
const settings = { width: 360, theme: 'light' as const, fontScale: 1 };

function check(text: string, locale: 'ko' | 'en') {
  const doc = parseMarkdown(text);
  const variables = variableValues(locale);
  const result = checkDisclosure(text, { locale, surface: 'alimtalk', rules: rules.rules[locale], doc, variables });
  return { doc, variables, result };
}

describe('which sentences must be emphasised', () => {
  it('picks the whole Korean data-charge and refusal sentences, not only the matched words', () => {
    const text = '예시몰에서 배송 소식을 알림톡으로 보내 드립니다.\n\n알림톡을 받으면 데이터 요금이 들 수 있습니다. 처음 메시지는 약 15KB입니다.\n\n원하지 않으면 설정에서 알림을 끌 수 있습니다. 알림을 꺼도 서비스는 그대로 이용할 수 있습니다.';
    const { doc, variables, result } = check(text, 'ko');
    const targets = emphasisTargets(doc, variables, result, rules.rules.ko);
    expect(targets.map((t) => t.rule).sort()).toEqual(['data-charges', 'how-to-refuse']);
    const data = targets.find((t) => t.rule === 'data-charges')!;
    expect(text.slice(data.start, data.end)).toBe('알림톡을 받으면 데이터 요금이 들 수 있습니다. 처음 메시지는 약 15KB입니다.');
  });

  it('replaces the engine’s markup-based emphasis finding by the rendered-preview verdicts', () => {
    const { result } = check('We send you order updates by AlimTalk. Data charges may apply: about 15 KB per message. To stop them, turn them off in Settings. You can still use the service.', 'en');
    expect(result.findings.some((f) => f.rule === 'emphasis')).toBe(true);
    const shown = visibleFindings(
      result,
      [{ rule: 'data-charges', start: 39, end: 80, text: '', emphasised: false, sizePt: 11.3, bodyPt: 11.3 }],
      () => 'not emphasised on the preview',
      'warning',
    );
    expect(shown.filter((f) => f.rule === 'emphasis')).toEqual([
      { rule: 'emphasis', severity: 'warning', message: 'not emphasised on the preview', start: 39, end: 80 },
    ]);
  });
});

describe('preview limits', () => {
  const base = { locale: 'ko' as const, sender: '예시몰', title: '안내', body: null, label: 'preview', settings };

  it('counts characters by code point, as the AlimTalk counter does', () => {
    expect(countChars('한글😀a')).toBe(4);
  });

  it('shows the AlimTalk count against 1,000 characters and says by how much a text is over', () => {
    const { container } = render(<AlimtalkPreview {...base} plain={'가'.repeat(1003)} links={[]} />);
    expect(container.querySelector('[data-testid="alimtalk-chars"]')!.textContent).toBe('1,003 / 1,000자');
    expect(container.textContent).toContain('3자 초과');
  });

  it('shows at most five buttons and warns about the rest', () => {
    const links = Array.from({ length: 7 }, (_, i) => ({ label: `버튼 ${i + 1}`, href: `https://example.invalid/${i}` }));
    const { container } = render(<AlimtalkPreview {...base} plain="본문" links={links} />);
    expect(container.querySelectorAll('.pv-button')).toHaveLength(5);
    expect(container.textContent).toContain('버튼 7개: 최대 5개까지만 보입니다');
  });

  it('clamps iOS lock-screen text to four lines and Android to one line collapsed and seven expanded', () => {
    const ios = render(<LockScreenPreview {...base} plain="본문" links={[]} platform="ios" />).container;
    expect(Array.from(ios.querySelectorAll('.pv-notif-text')).map((e) => e.getAttribute('data-lines'))).toEqual(['4']);
    cleanup();
    const android = render(<LockScreenPreview {...base} plain="본문" links={[]} platform="android" />).container;
    expect(Array.from(android.querySelectorAll('.pv-notif-text')).map((e) => e.getAttribute('data-lines'))).toEqual(['1', '7']);
  });
});
