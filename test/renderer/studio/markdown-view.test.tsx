import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../shared/disclosures/markdown.ts';
import { documentLinks, MarkdownView } from '../../../renderer/components/previews/MarkdownView.tsx';
import { XSS_PAYLOADS } from './xss-corpus.ts';

afterEach(cleanup);

const SAFE_HREF = /^(https?:\/\/|mailto:|tel:)/i;
const ALLOWED_TAGS = new Set(['DIV', 'P', 'SPAN', 'STRONG', 'EM', 'A', 'UL', 'OL', 'LI', 'BR', 'H3', 'H4', 'H5']);

function renderText(text: string) {
  return render(<MarkdownView doc={parseMarkdown(text)} variables={{ sender_name: 'Example Mall' }} linkTitle="preview" />).container;
}

function assertInert(root: HTMLElement) {
  for (const el of Array.from(root.querySelectorAll('*'))) {
    expect(ALLOWED_TAGS.has(el.tagName), `unexpected <${el.tagName.toLowerCase()}>`).toBe(true);
    for (const attr of Array.from(el.attributes)) {
      expect(attr.name.startsWith('on'), `event handler attribute ${attr.name}`).toBe(false);
      expect(['style', 'src', 'srcdoc', 'action', 'formaction'].includes(attr.name), `attribute ${attr.name}`).toBe(false);
    }
    if (el.tagName === 'A') expect(el.getAttribute('href')).toMatch(SAFE_HREF);
  }
}

describe('the preview renders Markdown from the AST, never as HTML', () => {
  it.each(XSS_PAYLOADS.map((p) => [p]))('renders %s inert', (payload) => {
    const root = renderText(`안내 문장입니다.\n\n${payload}\n\n- ${payload}\n\n**${payload}**`);
    assertInert(root);
    expect(root.querySelector('script, img, iframe, svg, object, embed, form, input, video, details, meta, link, base')).toBeNull();
  });

  it('shows typed HTML as the literal text the user typed', () => {
    const root = renderText('<img src=x onerror=alert(1)>');
    expect(root.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('keeps http(s), mailto and tel links and drops every other scheme to plain text', () => {
    const root = renderText('[a](https://example.invalid/a) [b](mailto:help@example.invalid) [c](tel:+82215770000) [d](javascript:alert(1)) [e](ftp://x.invalid)');
    const hrefs = Array.from(root.querySelectorAll('a')).map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['https://example.invalid/a', 'mailto:help@example.invalid', 'tel:+82215770000']);
    expect(root.textContent).toContain('d');
  });

  it('a link click in the preview does not navigate', () => {
    const root = renderText('[help](https://example.invalid/help)');
    const link = root.querySelector('a')!;
    const event = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
  });

  it('marks every text run with its source range so checks can find it', () => {
    const text = '# 알림\n\n**데이터 요금**이 발생합니다.';
    const root = renderText(text);
    const runs = Array.from(root.querySelectorAll('.pv-t')).map((el) => [el.textContent, Number(el.getAttribute('data-start')), Number(el.getAttribute('data-end'))]);
    for (const [content, start, end] of runs) expect(text.slice(start as number, end as number)).toBe(content);
    expect(runs.map((r) => r[0])).toEqual(['알림', '데이터 요금', '이 발생합니다.']);
  });

  it('fills known variables and shows unknown ones as they were written', () => {
    const root = renderText('{{sender_name}}에서 보냅니다. {{sendr_name}}');
    expect(root.querySelector('.pv-var')!.textContent).toBe('Example Mall');
    expect(root.querySelector('.pv-var-missing')!.textContent).toBe('{{sendr_name}}');
  });

  it('lists the safe links of a document in order, as AlimTalk buttons', () => {
    const doc = parseMarkdown('[배송 조회](https://a.invalid) [나쁨](javascript:x)\n\n- [수신 설정](https://b.invalid)');
    expect(documentLinks(doc, {})).toEqual([
      { label: '배송 조회', href: 'https://a.invalid' },
      { label: '수신 설정', href: 'https://b.invalid' },
    ]);
  });
});
