import type { DocumentNode, InlineNode } from './markdown.ts';
import type { SentenceRange } from './types.ts';

/**
 * The text a reader sees (markup removed, variables filled in), with a map from every character
 * back to the source range it came from — checks match on the plain text and report source ranges.
 */
export interface PlainText {
  text: string;
  /** Source offset where plain character i starts. */
  srcStart: number[];
  /** Source offset just after plain character i. */
  srcEnd: number[];
  /** 1 when plain character i is inside bold, italic or a heading. */
  emphasised: Uint8Array;
}

/** Flattens a document to plain text; variables with a value are filled in, others kept as `{{name}}`. */
export function toPlainText(doc: DocumentNode, variables: Record<string, string>): PlainText {
  let text = '';
  const srcStart: number[] = [];
  const srcEnd: number[] = [];
  const emph: number[] = [];
  const push = (s: string, start: number, end: number, emphasised: boolean, perChar: boolean) => {
    for (let k = 0; k < s.length; k++) {
      text += s[k];
      srcStart.push(perChar ? Math.min(start + k, end - 1) : start);
      srcEnd.push(perChar ? Math.min(start + k + 1, end) : end);
      emph.push(emphasised ? 1 : 0);
    }
  };
  const walk = (nodes: readonly InlineNode[], emphasised: boolean) => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          // Escapes make value shorter than its source; map per char when lengths agree.
          push(node.value, node.start, node.end, emphasised, node.value.length === node.end - node.start);
          break;
        case 'break':
          push('\n', node.start, node.end, false, false);
          break;
        case 'variable': {
          const value = Object.prototype.hasOwnProperty.call(variables, node.name)
            ? variables[node.name]!
            : `{{${node.name}}}`;
          push(value, node.start, node.end, emphasised, false);
          break;
        }
        case 'strong':
        case 'emphasis':
          walk(node.children, true);
          break;
        case 'link':
          walk(node.children, emphasised);
          break;
      }
    }
  };
  doc.children.forEach((block, index) => {
    if (index > 0) push('\n\n', block.start, block.start, false, false);
    if (block.type === 'list') {
      block.items.forEach((item, k) => {
        if (k > 0) push('\n', item.start, item.start, false, false);
        walk(item.children, false);
      });
    } else {
      walk(block.children, block.type === 'heading');
    }
  });
  return { text, srcStart, srcEnd, emphasised: Uint8Array.from(emph) };
}

/** The source range of plain range [a, b). */
export function sourceRange(plain: PlainText, a: number, b: number): { start: number; end: number } {
  if (plain.text.length === 0) return { start: 0, end: 0 };
  const first = Math.max(0, Math.min(a, plain.text.length - 1));
  const last = Math.max(first, Math.min(b - 1, plain.text.length - 1));
  return { start: plain.srcStart[first]!, end: plain.srcEnd[last]! };
}

/** A sentence of the plain text: its plain range and (filled-in) text. */
export interface PlainSentence {
  start: number;
  end: number;
  text: string;
}

const TERMINATOR = /[.!?。？！…]/;

/**
 * Splits plain text into sentences: at `.`, `!`, `?` (and their full-width forms) followed by
 * whitespace or the end, and at every line break (list items, chat lines, blocks).
 */
export function splitSentences(text: string): PlainSentence[] {
  const out: PlainSentence[] = [];
  let start = 0;
  const emit = (end: number) => {
    let a = start;
    let b = end;
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b > a) out.push({ start: a, end: b, text: text.slice(a, b) });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      emit(i);
      start = i + 1;
    } else if (TERMINATOR.test(c)) {
      let j = i + 1;
      while (j < text.length && (TERMINATOR.test(text[j]!) || /["'”’)\]]/.test(text[j]!))) j++;
      if (j >= text.length || /\s/.test(text[j]!)) {
        emit(j);
        start = j;
        i = j - 1;
      }
    }
  }
  emit(text.length);
  return out;
}

/** A plain sentence as a source range (for findings and readability reports). */
export function toSentenceRange(plain: PlainText, s: PlainSentence): SentenceRange {
  return { ...sourceRange(plain, s.start, s.end), text: s.text };
}
