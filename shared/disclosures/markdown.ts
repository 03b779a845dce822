/**
 * A small Markdown subset → AST with source offsets. Supported: ATX headings (`#`–`###`),
 * `**bold**` / `__bold__`, `*italic*` / `_italic_`, `-`/`*`/`+` and `1.` lists, `[text](url)`
 * links, paragraphs (blank lines), line breaks (a single newline), `{{variables}}` and backslash
 * escapes. Everything else — HTML included — is plain text. The renderer builds React elements
 * from the AST (never innerHTML); exports escape every text node.
 */

export interface NodeBase {
  start: number;
  end: number;
}
export interface TextNode extends NodeBase {
  type: 'text';
  value: string;
}
export interface BreakNode extends NodeBase {
  type: 'break';
}
export interface VariableNode extends NodeBase {
  type: 'variable';
  name: string;
}
export interface StrongNode extends NodeBase {
  type: 'strong';
  children: InlineNode[];
}
export interface EmphasisNode extends NodeBase {
  type: 'emphasis';
  children: InlineNode[];
}
export interface LinkNode extends NodeBase {
  type: 'link';
  /** The href as written. */
  rawHref: string;
  /** The href when it is safe (http, https, mailto, tel), else null: render the children as text. */
  href: string | null;
  children: InlineNode[];
}
export type InlineNode = TextNode | BreakNode | VariableNode | StrongNode | EmphasisNode | LinkNode;

export interface HeadingNode extends NodeBase {
  type: 'heading';
  level: 1 | 2 | 3;
  children: InlineNode[];
}
export interface ParagraphNode extends NodeBase {
  type: 'paragraph';
  children: InlineNode[];
}
export interface ListItemNode extends NodeBase {
  type: 'listItem';
  children: InlineNode[];
}
export interface ListNode extends NodeBase {
  type: 'list';
  ordered: boolean;
  items: ListItemNode[];
}
export type BlockNode = HeadingNode | ParagraphNode | ListNode;

export interface DocumentNode extends NodeBase {
  type: 'document';
  children: BlockNode[];
}

const SAFE_SCHEMES = /^(https?:\/\/|mailto:|tel:)/i;

/**
 * The href to use for a link, or null when it is not http(s)/mailto/tel. Control characters and
 * whitespace are stripped first so `java\tscript:` and friends cannot slip through; the result is
 * a plain string that exports still escape.
 */
export function safeHref(raw: string): string | null {
  // eslint-disable-next-line no-control-regex
  const cleaned = raw.replace(/[\u0000-\u0020\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g, '');
  if (!SAFE_SCHEMES.test(cleaned)) return null;
  // Characters that have no business in a URL typed by hand (they would need %-encoding).
  if (/[<>"'`\\{}|^]/.test(cleaned)) return null;
  return cleaned;
}

interface Line {
  text: string;
  start: number;
}

function splitLines(src: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= src.length; i++) {
    if (i === src.length || src[i] === '\n') {
      let text = src.slice(start, i);
      if (text.endsWith('\r')) text = text.slice(0, -1);
      lines.push({ text, start });
      start = i + 1;
    }
  }
  return lines;
}

const HEADING = /^(#{1,3})[ \t]+(.*?)[ \t]*#*[ \t]*$/;
const BULLET = /^([ \t]{0,3})([-*+])[ \t]+/;
const ORDERED = /^([ \t]{0,3})(\d{1,9})[.)][ \t]+/;

/** Parses the Markdown subset into a document AST; every node carries its source range. */
export function parseMarkdown(src: string): DocumentNode {
  const lines = splitLines(src);
  const blocks: BlockNode[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.text.trim() === '') {
      i++;
      continue;
    }
    const heading = HEADING.exec(line.text);
    if (heading) {
      const contentStart = line.start + line.text.indexOf(heading[2]!, heading[1]!.length);
      blocks.push({
        type: 'heading',
        level: heading[1]!.length as 1 | 2 | 3,
        children: parseInline(src, contentStart, contentStart + heading[2]!.length),
        start: line.start,
        end: line.start + line.text.length,
      });
      i++;
      continue;
    }
    const bullet = BULLET.exec(line.text);
    const ordered = bullet ? null : ORDERED.exec(line.text);
    if (bullet || ordered) {
      const isOrdered = Boolean(ordered);
      const marker = isOrdered ? ORDERED : BULLET;
      const items: ListItemNode[] = [];
      while (i < lines.length) {
        const m = marker.exec(lines[i]!.text);
        if (!m) break;
        const itemLine = lines[i]!;
        const contentStart = itemLine.start + m[0].length;
        let contentEnd = itemLine.start + itemLine.text.length;
        let itemEnd = contentEnd;
        i++;
        // Continuation lines: indented, not blank, not a new item.
        while (i < lines.length && /^[ \t]{2,}\S/.test(lines[i]!.text) && !marker.exec(lines[i]!.text)) {
          contentEnd = lines[i]!.start + lines[i]!.text.length;
          itemEnd = contentEnd;
          i++;
        }
        items.push({ type: 'listItem', children: parseInline(src, contentStart, contentEnd), start: itemLine.start, end: itemEnd });
      }
      blocks.push({ type: 'list', ordered: isOrdered, items, start: items[0]!.start, end: items[items.length - 1]!.end });
      continue;
    }
    // Paragraph: until a blank line, a heading or a list item.
    const first = line;
    let last = line;
    i++;
    while (i < lines.length) {
      const next = lines[i]!;
      if (next.text.trim() === '' || HEADING.test(next.text) || BULLET.test(next.text) || ORDERED.test(next.text)) break;
      last = next;
      i++;
    }
    const end = last.start + last.text.length;
    blocks.push({ type: 'paragraph', children: parseInline(src, first.start, end), start: first.start, end });
  }
  return { type: 'document', children: blocks, start: 0, end: src.length };
}

const ESCAPABLE = '\\`*_{}[]()#+-.!|<>~';

/** Parses inline syntax in src[from, to). */
export function parseInline(src: string, from: number, to: number): InlineNode[] {
  const out: InlineNode[] = [];
  let textStart = from;
  let buffer = '';
  const flush = (at: number) => {
    if (buffer) out.push({ type: 'text', value: buffer, start: textStart, end: at });
    buffer = '';
  };
  let i = from;
  while (i < to) {
    const ch = src[i]!;
    if (ch === '\\' && i + 1 < to && ESCAPABLE.includes(src[i + 1]!)) {
      if (!buffer) textStart = i;
      buffer += src[i + 1];
      i += 2;
      continue;
    }
    if (ch === '\n' || (ch === '\r' && src[i + 1] === '\n')) {
      flush(i);
      const len = ch === '\r' ? 2 : 1;
      out.push({ type: 'break', start: i, end: i + len });
      i += len;
      // Leading spaces of a continuation line are not text.
      while (i < to && (src[i] === ' ' || src[i] === '\t')) i++;
      textStart = i;
      continue;
    }
    if (ch === '{' && src[i + 1] === '{') {
      const close = src.indexOf('}}', i + 2);
      if (close !== -1 && close + 2 <= to) {
        const name = src.slice(i + 2, close).trim();
        if (/^[A-Za-z0-9_.-]*$/.test(name)) {
          flush(i);
          out.push({ type: 'variable', name, start: i, end: close + 2 });
          i = close + 2;
          textStart = i;
          continue;
        }
      }
    }
    if ((ch === '*' || ch === '_') && src[i + 1] === ch) {
      const close = findClose(src, i + 2, to, ch + ch);
      if (close !== -1) {
        flush(i);
        out.push({ type: 'strong', children: parseInline(src, i + 2, close), start: i, end: close + 2 });
        i = close + 2;
        textStart = i;
        continue;
      }
    }
    if ((ch === '*' || ch === '_') && src[i + 1] !== ch && src[i + 1] !== undefined && !/\s/.test(src[i + 1]!)) {
      // `_` inside a word (snake_case) is not emphasis.
      const wordBefore = ch === '_' && i > from && /[A-Za-z0-9]/.test(src[i - 1]!);
      const close = wordBefore ? -1 : findClose(src, i + 1, to, ch);
      if (close !== -1) {
        flush(i);
        out.push({ type: 'emphasis', children: parseInline(src, i + 1, close), start: i, end: close + 1 });
        i = close + 1;
        textStart = i;
        continue;
      }
    }
    if (ch === '[') {
      const link = matchLink(src, i, to);
      if (link) {
        flush(i);
        out.push({
          type: 'link',
          rawHref: link.href,
          href: safeHref(link.href),
          children: parseInline(src, i + 1, link.textEnd),
          start: i,
          end: link.end,
        });
        i = link.end;
        textStart = i;
        continue;
      }
    }
    if (!buffer) textStart = i;
    buffer += ch;
    i++;
  }
  flush(to);
  return out;
}

/** The index of the closing delimiter (not preceded by whitespace, not escaped, on the same paragraph). */
function findClose(src: string, from: number, to: number, delim: string): number {
  let i = from;
  while (i < to) {
    if (src[i] === '\\') {
      i += 2;
      continue;
    }
    if (src.startsWith(delim, i) && i > from && !/\s/.test(src[i - 1]!)) {
      // For single `*`, skip a `**` (it belongs to a nested strong).
      if (delim.length === 1 && src[i + 1] === delim) {
        const inner = findClose(src, i + 2, to, delim + delim);
        if (inner !== -1) {
          i = inner + 2;
          continue;
        }
      }
      return i;
    }
    i++;
  }
  return -1;
}

/** `[text](href)` starting at `open`, or null. */
function matchLink(src: string, open: number, to: number): { textEnd: number; href: string; end: number } | null {
  let depth = 0;
  let i = open;
  for (; i < to; i++) {
    const c = src[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') depth++;
    else if (c === ']') {
      depth--;
      if (depth === 0) break;
    } else if (c === '\n') return null;
  }
  if (i >= to || src[i + 1] !== '(') return null;
  const textEnd = i;
  // The href may hold balanced parentheses: [x](https://a.example/wiki/A_(b)).
  let close = -1;
  let parens = 0;
  for (let k = i + 2; k < to; k++) {
    const c = src[k];
    if (c === '\n') return null;
    if (c === '(') parens++;
    else if (c === ')') {
      if (parens === 0) {
        close = k;
        break;
      }
      parens--;
    }
  }
  if (close === -1) return null;
  const href = src.slice(i + 2, close).trim();
  if (/\s/.test(href) || href === '') return null;
  return { textEnd, href, end: close + 1 };
}

/** The text content of inline nodes (variables as `{{name}}`, breaks as newlines). */
export function inlineText(nodes: readonly InlineNode[], variables: Record<string, string> = {}): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.value;
    else if (node.type === 'break') out += '\n';
    else if (node.type === 'variable') out += variables[node.name] ?? `{{${node.name}}}`;
    else out += inlineText(node.children, variables);
  }
  return out;
}
