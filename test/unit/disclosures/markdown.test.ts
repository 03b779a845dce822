import { describe, expect, it } from 'vitest';
import { inlineText, parseMarkdown, safeHref, type InlineNode, type ParagraphNode } from '../../../shared/disclosures/markdown.ts';
import { splitSentences, toPlainText, sourceRange } from '../../../shared/disclosures/plain-text.ts';

const para = (src: string) => parseMarkdown(src).children[0] as ParagraphNode;

describe('the Markdown subset parser', () => {
  it('parses headings, paragraphs and lists with their source ranges', () => {
    const src = '# 제목\n\n첫 문단입니다.\n둘째 줄.\n\n- 하나\n- 둘\n\n1. 첫째\n2. 둘째';
    const doc = parseMarkdown(src);
    expect(doc.children.map((b) => b.type)).toEqual(['heading', 'paragraph', 'list', 'list']);
    const heading = doc.children[0]!;
    expect(heading.type === 'heading' && heading.level).toBe(1);
    expect(src.slice(heading.start, heading.end)).toBe('# 제목');
    const p = doc.children[1] as ParagraphNode;
    expect(p.children.map((n) => n.type)).toEqual(['text', 'break', 'text']);
    expect(src.slice(p.children[2]!.start, p.children[2]!.end)).toBe('둘째 줄.');
    const list = doc.children[2]!;
    expect(list.type === 'list' && list.items.map((i) => inlineText(i.children))).toEqual(['하나', '둘']);
    const ordered = doc.children[3]!;
    expect(ordered.type === 'list' && ordered.ordered).toBe(true);
  });

  it('parses bold, italic, links and variables, and maps every node to its source', () => {
    const src = '**굵게** 그리고 *기울임* [링크](https://example.com) {{sender_name}}';
    const nodes = para(src).children;
    expect(nodes.map((n) => n.type)).toEqual(['strong', 'text', 'emphasis', 'text', 'link', 'text', 'variable']);
    for (const n of nodes) expect(src.slice(n.start, n.end).length).toBe(n.end - n.start);
    expect(src.slice(nodes[0]!.start, nodes[0]!.end)).toBe('**굵게**');
    const link = nodes[4] as Extract<InlineNode, { type: 'link' }>;
    expect(link.href).toBe('https://example.com');
    expect(nodes[6]).toMatchObject({ type: 'variable', name: 'sender_name' });
  });

  it('keeps HTML, unmatched markers and escapes as plain text', () => {
    const nodes = para('<b>x</b> 2 * 3 = 6 \\*not italic\\* snake_case_name').children;
    expect(nodes).toHaveLength(1);
    expect(inlineText(nodes)).toBe('<b>x</b> 2 * 3 = 6 *not italic* snake_case_name');
  });

  it('supports nested emphasis inside bold and underscores for bold', () => {
    const nodes = para('__굵게 *안에* 기울임__').children;
    expect(nodes[0]!.type).toBe('strong');
    const inner = (nodes[0] as Extract<InlineNode, { type: 'strong' }>).children;
    expect(inner.map((n) => n.type)).toEqual(['text', 'emphasis', 'text']);
  });

  it('allows only http, https, mailto and tel links', () => {
    expect(safeHref('https://a.example/x?y=1')).toBe('https://a.example/x?y=1');
    expect(safeHref('HTTP://A.EXAMPLE')).toBe('HTTP://A.EXAMPLE');
    expect(safeHref('mailto:help@example.com')).toBe('mailto:help@example.com');
    expect(safeHref('tel:+82-2-000-0000')).toBe('tel:+82-2-000-0000');
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', ' javascript:x', 'data:text/html,<script>', 'vbscript:x', '/relative', '#top', 'file:///etc/passwd']) {
      expect(safeHref(bad), bad).toBeNull();
    }
  });
});

describe('the plain-text projection', () => {
  it('removes markup, fills variables and maps plain ranges back to the source', () => {
    const src = '**데이터 요금** 약 {{first_message_kb}}KB';
    const plain = toPlainText(parseMarkdown(src), { first_message_kb: '15' });
    expect(plain.text).toBe('데이터 요금 약 15KB');
    const at = plain.text.indexOf('요금');
    expect(src.slice(sourceRange(plain, at, at + 2).start, sourceRange(plain, at, at + 2).end)).toBe('요금');
    const v = plain.text.indexOf('15');
    expect(sourceRange(plain, v, v + 2)).toEqual({ start: src.indexOf('{{'), end: src.indexOf('KB') });
    expect(plain.emphasised[0]).toBe(1);
    expect(plain.emphasised[plain.text.length - 1]).toBe(0);
  });

  it('splits sentences at terminal punctuation followed by a space and at line breaks, not inside numbers', () => {
    const s = splitSentences('요금은 0.05원입니다. 정말요? 네!\n다음 줄');
    expect(s.map((x) => x.text)).toEqual(['요금은 0.05원입니다.', '정말요?', '네!', '다음 줄']);
  });
});
