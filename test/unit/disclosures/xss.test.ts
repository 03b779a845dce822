// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderDisclosureHtml } from '../../../electron/backend/disclosures/export-html.ts';
import { renderDisclosureMarkdown } from '../../../electron/backend/disclosures/export-md.ts';
import { buildReport } from '../../../electron/backend/disclosures/report.ts';
import { parseMarkdown, type InlineNode } from '../../../shared/disclosures/markdown.ts';
import { renderHtmlFragment } from '../../../shared/disclosures/render-html.ts';
import type { Disclosure } from '../../../shared/disclosures/types.ts';
import { variableValues } from '../../../shared/disclosures/variables.ts';
import { shipped } from './helpers.ts';

/** Classic XSS payloads, typed or pasted into a disclosure (plain, Markdown-wrapped, entity-encoded). */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<img src="javascript:alert(1)">',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
  '<embed src="javascript:alert(1)">',
  '<a href="javascript:alert(1)">click</a>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<div style="width: expression(alert(1))">x</div>',
  '<style>@import "https://evil.example/x.css";</style>',
  '<link rel=stylesheet href=https://evil.example/x.css>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<body onload=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '\\u003cscript\\u003ealert(1)\\u003c/script\\u003e',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '[x](javascript:alert(1))',
  '[x](JAVASCRIPT:alert(1))',
  '[x](javascript&#58;alert(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](vbscript:msgbox(1))',
  '[x](file:///etc/passwd)',
  '[x](//evil.example)',
  '[x](https://example.com"onmouseover="alert(1))',
  '[x](https://example.com/"><script>alert(1)</script>)',
  '[<img src=x onerror=alert(1)>](https://example.com)',
  '[x](https://a.example/?q=<script>)',
  '**<script>alert(1)</script>**',
  '*<img src=x onerror=alert(1)>*',
  '# <svg onload=alert(1)>',
  '- <iframe src=javascript:alert(1)>',
  '{{<script>alert(1)</script>}}',
  '{{sender_name}}<script>alert(1)</script>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<video><source onerror="alert(1)"></video>',
  '<base href="https://evil.example/">',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
];

const ALLOWED_TAGS = new Set(['HTML', 'HEAD', 'META', 'TITLE', 'STYLE', 'BODY', 'MAIN', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'P', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'BR', 'SMALL', 'UL', 'OL', 'LI', 'STRONG', 'EM', 'B', 'A', 'SPAN', 'SECTION']);
const ALLOWED_ATTRS = new Set(['lang', 'charset', 'http-equiv', 'content', 'name', 'class', 'href', 'rel']);
const SAFE_HREF = /^(https?:\/\/|mailto:|tel:)/i;

function disclosure(text: string): Disclosure {
  return { id: 1, title: text, surface: 'alimtalk', status: 'draft', koText: text, enText: text, createdAt: 0, updatedAt: 0, publishedAt: null, effectiveAt: null, version: 1, derivedFrom: null, history: [] };
}

function assertInert(html: string, where: string) {
  const document = new DOMParser().parseFromString(html, 'text/html');
  const all = [...document.querySelectorAll('*')];
  for (const el of all) {
    expect(ALLOWED_TAGS.has(el.tagName), `${where}: <${el.tagName.toLowerCase()}>`).toBe(true);
    for (const attr of [...el.attributes]) {
      expect(ALLOWED_ATTRS.has(attr.name), `${where}: attribute ${attr.name} on <${el.tagName.toLowerCase()}>`).toBe(true);
      if (attr.name === 'href') expect(attr.value, `${where}: href`).toMatch(SAFE_HREF);
    }
  }
  expect(document.querySelectorAll('style').length).toBeLessThanOrEqual(1);
  expect(document.querySelector('style')?.closest('head')).not.toBeNull();
  const meta = [...document.querySelectorAll('meta[http-equiv]')].map((m) => m.getAttribute('http-equiv'));
  expect(meta).toEqual(where === 'export' ? ['Content-Security-Policy'] : []);
}

function links(nodes: readonly InlineNode[]): Extract<InlineNode, { type: 'link' }>[] {
  return nodes.flatMap((n) => (n.type === 'link' ? [n, ...links(n.children)] : n.type === 'strong' || n.type === 'emphasis' ? links(n.children) : []));
}

describe('XSS corpus', () => {
  it(`has dozens of payloads (${PAYLOADS.length})`, () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(PAYLOADS)('keeps %s inert in the AST: links only http(s), mailto or tel', (payload) => {
    const doc = parseMarkdown(payload);
    for (const block of doc.children) {
      const inlines = block.type === 'list' ? block.items.flatMap((i) => i.children) : block.children;
      for (const link of links(inlines)) {
        if (link.href !== null) expect(link.href).toMatch(SAFE_HREF);
        if (link.href !== null) expect(link.href).not.toMatch(/[<>"'`\s]/);
      }
    }
  });

  it.each(PAYLOADS)('keeps %s inert in the HTML fragment and the HTML export', (payload) => {
    const vars = variableValues('ko');
    assertInert(`<!doctype html><html><head></head><body>${renderHtmlFragment(parseMarkdown(payload), vars)}</body></html>`, 'fragment');
    const html = renderDisclosureHtml(buildReport(disclosure(payload), shipped, { ko: vars, en: variableValues('en') }));
    assertInert(html, 'export');
    expect(html).not.toMatch(/<(script|iframe|svg|img|object|embed|video|source|input|details|math|link|base|form)\b/i);
  });

  it('escapes a variable value that holds markup', () => {
    const vars = { ...variableValues('ko'), sender_name: '<img src=x onerror=alert(1)>' };
    const html = renderHtmlFragment(parseMarkdown('{{sender_name}}'), vars);
    expect(html).toBe('<p><span class="var">&lt;img src=x onerror=alert(1)&gt;</span></p>');
  });

  it('keeps a safe link and shows an unsafe one as its text only', () => {
    expect(renderHtmlFragment(parseMarkdown('[도움말](https://help.example/a?b=1&c=2)'))).toBe(
      '<p><a href="https://help.example/a?b=1&amp;c=2" rel="noopener noreferrer nofollow">도움말</a></p>',
    );
    expect(renderHtmlFragment(parseMarkdown('[눌러 보세요](javascript:alert(1))'))).toBe('<p>눌러 보세요</p>');
  });

  it('escapes variable values in the Markdown export so they stay text', () => {
    const d = disclosure('{{sender_name}} 안내');
    const md = renderDisclosureMarkdown(buildReport(d, shipped, { ko: { ...variableValues('ko'), sender_name: '[x](javascript:alert(1))' }, en: variableValues('en') }));
    expect(md).toContain('\\[x\\]\\(javascript:alert\\(1\\)\\) 안내');
    const reparsed = parseMarkdown(md);
    const all = reparsed.children.flatMap((b) => (b.type === 'list' ? b.items.flatMap((i) => i.children) : b.children));
    expect(links(all).every((l) => l.href === null || SAFE_HREF.test(l.href))).toBe(true);
  });
});
