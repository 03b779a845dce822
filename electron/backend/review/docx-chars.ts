/**
 * A version's Markdown as the characters a Word file shows (`docx-export.ts`): each rendered
 * character with the source range it came from and its formatting (bold, italics, link), grouped
 * in blocks (headings, paragraphs, list items); and the characters a source range covers, so a
 * thread's comment lands on its words.
 */
import { parseMarkdown, type InlineNode } from '../../../shared/disclosures/markdown.ts';

// ---- Markdown → characters with their source ranges and formatting ------------------------------

/** One rendered character, where it came from in the source, and how it is formatted. */
export interface Char {
  /** One UTF-16 code unit of rendered text, or '\n' for a line break inside a paragraph. */
  ch: string;
  start: number;
  end: number;
  bold: boolean;
  italic: boolean;
  href: string | null;
}

/** A heading, paragraph or list item of rendered characters. */
export interface Block {
  kind: 'heading' | 'paragraph' | 'bullet' | 'number';
  level: number;
  /** Which list the item is in (ordered lists restart their numbers per list). */
  list: number;
  chars: Char[];
}

function collect(nodes: readonly InlineNode[], fmt: Omit<Char, 'ch' | 'start' | 'end'>, out: Char[]): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'text': {
        // An escape makes the value shorter than its source: map each character to the whole node then.
        const perChar = node.value.length === node.end - node.start;
        for (let k = 0; k < node.value.length; k++) {
          out.push({ ch: node.value[k]!, start: perChar ? node.start + k : node.start, end: perChar ? node.start + k + 1 : node.end, ...fmt });
        }
        break;
      }
      case 'break':
        out.push({ ch: '\n', start: node.start, end: node.end, ...fmt });
        break;
      case 'variable':
        for (const ch of `{{${node.name}}}`) out.push({ ch, start: node.start, end: node.end, ...fmt });
        break;
      case 'strong':
        collect(node.children, { ...fmt, bold: true }, out);
        break;
      case 'emphasis':
        collect(node.children, { ...fmt, italic: true }, out);
        break;
      case 'link':
        collect(node.children, { ...fmt, href: node.href ?? fmt.href }, out);
        break;
    }
  }
}

/** The blocks of a locale's text, each a list of rendered characters mapped to the source. */
export function blocksOf(text: string, lists: { next: number }): Block[] {
  const plain = { bold: false, italic: false, href: null };
  const blocks: Block[] = [];
  for (const block of parseMarkdown(text).children) {
    if (block.type === 'list') {
      const list = lists.next++;
      for (const item of block.items) {
        const chars: Char[] = [];
        collect(item.children, plain, chars);
        blocks.push({ kind: block.ordered ? 'number' : 'bullet', level: 0, list, chars });
      }
    } else {
      const chars: Char[] = [];
      collect(block.children, plain, chars);
      blocks.push({ kind: block.type, level: block.type === 'heading' ? block.level : 0, list: 0, chars });
    }
  }
  return blocks;
}

// ---- comments on characters ---------------------------------------------------------------------

/** The first index i with pred(i) true, for a predicate false then true over [0, n). */
function firstTrue(n: number, pred: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pred(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The rendered characters a source range covers: those whose source overlaps [start, end). A range
 * that covers only markup becomes an empty span where its words would be.
 */
export function spanOf(chars: readonly Char[], start: number, end: number): { from: number; to: number } {
  // Source offsets only grow along the rendered characters, so both ends are binary searches.
  const from = firstTrue(chars.length, (i) => chars[i]!.end > start);
  const to = firstTrue(chars.length, (i) => chars[i]!.start >= end);
  return to > from ? { from, to } : { from, to: from };
}
