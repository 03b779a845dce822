/**
 * A suggested new draft from a reviewed Word file (docs/review.md#reviewers-elsewhere): the accepted
 * text of each section put back into the version's Markdown, for the user to see as a diff.
 * Nothing here changes a workspace.
 */
import { inlineText, parseInline, parseMarkdown, type InlineNode } from '../../../shared/disclosures/markdown.ts';
import type { Locale } from '../../../shared/disclosures/types.ts';
import type { DisclosureVersion } from '../../../shared/review/types.ts';

/** One paragraph, heading or list item of a Markdown text, with its plain lines and where it sits. */
interface Unit {
  kind: 'heading' | 'paragraph' | 'item';
  /** `# `, `- `, `1. ` … as written; '' for a paragraph. */
  marker: string;
  /** The source between the previous unit and this one (blank lines, newlines). */
  before: string;
  source: string;
  lines: string[];
}

const MARKER = /^[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+/;

function unitsOf(text: string): { units: Unit[]; after: string } {
  const units: Unit[] = [];
  let last = 0;
  const push = (kind: Unit['kind'], start: number, end: number, plain: string, marker: string) => {
    units.push({ kind, marker, before: text.slice(last, start), source: text.slice(start, end), lines: plain.split('\n') });
    last = end;
  };
  for (const block of parseMarkdown(text).children) {
    if (block.type === 'list') {
      for (const item of block.items) push('item', item.start, item.end, inlineText(item.children), MARKER.exec(text.slice(item.start, item.end))?.[0] ?? '- ');
    } else if (block.type === 'heading') {
      push('heading', block.start, block.end, inlineText(block.children), `${'#'.repeat(block.level)} `);
    } else {
      push('paragraph', block.start, block.end, inlineText(block.children), '');
    }
  }
  return { units, after: text.slice(last) };
}

/** Plain text as inline Markdown that reads the same: backslashes, `*`, `_` and the `]` of a would-be link escaped, `{{variables}}` left as they are. */
function escapeInline(text: string): string {
  return text
    .split(/(\{\{[^{}\n]*\}\})/)
    .map((part, k) => (k % 2 ? part : part.replace(/[\\*_]/g, '\\$&').replace(/\](?=\()/g, '\\]')))
    .join('');
}

/** A line's leading heading or list marker escaped, so it stays text. */
function escapeLeading(line: string): string {
  return line.replace(/^([ \t]*)([#+-])/, '$1\\$2').replace(/^([ \t]*\d{1,9})([.)])/, '$1\\$2');
}

/** Plain text as Markdown that reads the same. */
function escapeLine(line: string): string {
  return escapeLeading(escapeInline(line));
}

/** What inline nodes read as, bold aside: their text, with variables, emphasis and links marked apart from text. */
function reading(nodes: readonly InlineNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.value;
    else if (node.type === 'break') out += '\n';
    else if (node.type === 'variable') out += `\u0000${node.name}\u0000`;
    else if (node.type === 'strong') out += reading(node.children);
    else out += `\u0001${node.type}\u0001${reading(node.children)}\u0001`;
  }
  return out;
}

const readsAs = (markdown: string) => reading(parseInline(markdown, 0, markdown.length));

/**
 * A line of the accepted text as Markdown, its bold stretches (`[start, end)` within the line) as
 * `**…**` — each trimmed of the spaces at its edges, which Markdown would not read as bold. When
 * the result would not read as the same text as the line without them (markup the bold marks
 * would pair with), the line is given without bold: never another text.
 */
function markdownLine(line: string, bold: readonly (readonly [number, number])[]): string {
  const plain = escapeLine(line);
  if (bold.length === 0) return plain;
  let out = '';
  let at = 0;
  for (const range of bold) {
    let [start, end] = range;
    while (start < end && /\s/.test(line[start]!)) start++;
    while (end > start && /\s/.test(line[end - 1]!)) end--;
    if (start >= end || start < at) continue;
    out += `${escapeInline(line.slice(at, start))}**${escapeInline(line.slice(start, end))}**`;
    at = end;
  }
  const marked = escapeLeading(out + escapeInline(line.slice(at)));
  return readsAs(marked) === readsAs(plain) ? marked : plain;
}

type LineOp = { kind: 'same'; a: number; b: number } | { kind: 'hunk'; a: number[]; b: number[] };

/** A line diff (longest common subsequence), exact for the changed middle up to a budget, else one hunk. */
function diffLines(a: readonly string[], b: readonly string[]): LineOp[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const ops: LineOp[] = [];
  for (let k = 0; k < head; k++) ops.push({ kind: 'same', a: k, b: k });
  const n = a.length - head - tail;
  const m = b.length - head - tail;
  const middle: LineOp[] = [];
  if (n > 0 || m > 0) {
    if (n * m > 4_000_000 || n === 0 || m === 0) middle.push({ kind: 'hunk', a: range(head, n), b: range(head, m) });
    else {
      // lcs[i][j]: the longest common subsequence of a[head+i..] and b[head+j..].
      const lcs = new Uint32Array((n + 1) * (m + 1));
      for (let i = n - 1; i >= 0; i--) {
        for (let j = m - 1; j >= 0; j--) {
          lcs[i * (m + 1) + j] = a[head + i] === b[head + j] ? lcs[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!);
        }
      }
      let i = 0;
      let j = 0;
      let hunk: { kind: 'hunk'; a: number[]; b: number[] } | null = null;
      while (i < n || j < m) {
        if (i < n && j < m && a[head + i] === b[head + j]) {
          hunk = null;
          middle.push({ kind: 'same', a: head + i++, b: head + j++ });
          continue;
        }
        if (!hunk) middle.push((hunk = { kind: 'hunk', a: [], b: [] }));
        if (j >= m || (i < n && lcs[(i + 1) * (m + 1) + j]! >= lcs[i * (m + 1) + j + 1]!)) hunk.a.push(head + i++);
        else hunk.b.push(head + j++);
      }
    }
  }
  ops.push(...middle);
  for (let k = tail; k > 0; k--) ops.push({ kind: 'same', a: a.length - k, b: b.length - k });
  return ops;
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, k) => from + k);

type Ranges = readonly (readonly [number, number])[];

/** Ranges over lines joined by '\n', split per line (offsets within it); linear in lines and ranges. */
function rangesByLine(lines: readonly string[], ranges: Ranges): [number, number][][] {
  const out = lines.map((): [number, number][] => []);
  let line = 0;
  let lineStart = 0;
  for (const [start, end] of ranges) {
    while (line < lines.length && lineStart + lines[line]!.length < start) {
      lineStart += lines[line]!.length + 1;
      line++;
    }
    for (let l = line, at = lineStart; l < lines.length && at < end; at += lines[l]!.length + 1, l++) {
      const from = Math.max(start, at) - at;
      const to = Math.min(end, at + lines[l]!.length) - at;
      if (to > from) out[l]!.push([from, to]);
    }
  }
  return out;
}

/** The Markdown of one locale with the accepted plain text put back, unchanged units kept as written. */
function draftOf(original: string, accepted: string, bold: Ranges): string {
  const { units, after } = unitsOf(original);
  const oldLines = units.flatMap((u, unit) => u.lines.map((text) => ({ unit, text })));
  const newLines = accepted.split('\n');
  if (accepted === '' || oldLines.map((l) => l.text).join('\n') === accepted) return original;
  const boldOf = rangesByLine(newLines, bold);
  /** A unit of the draft: one of the original's (changed or not) or one the reviewer added. */
  interface Out {
    unit: Unit;
    /** Indices of its lines in the accepted text. */
    lines: number[];
    changed: boolean;
  }
  const outs: Out[] = [];
  const byUnit = new Map<number, Out>();
  const outOf = (unit: number) => {
    let out = byUnit.get(unit);
    if (!out) {
      out = { unit: units[unit]!, lines: [], changed: false };
      byUnit.set(unit, out);
      outs.push(out);
    }
    return out;
  };
  const added = (like: Unit | undefined, line: number): Out => {
    const kind = like?.kind === 'item' ? 'item' : 'paragraph';
    const unit: Unit = { kind, marker: kind === 'item' ? like!.marker : '', before: kind === 'item' ? '\n' : '\n\n', source: '', lines: [] };
    const out = { unit, lines: [line], changed: true };
    outs.push(out);
    return out;
  };
  for (const op of diffLines(
    oldLines.map((l) => l.text),
    newLines,
  )) {
    if (op.kind === 'same') {
      outOf(oldLines[op.a]!.unit).lines.push(op.b);
      continue;
    }
    for (const a of op.a) outOf(oldLines[a]!.unit).changed = true;
    op.b.forEach((b, k) => {
      if (k < op.a.length) {
        const out = outOf(oldLines[op.a[k]!]!.unit);
        out.lines.push(b);
        out.changed = true;
      } else {
        // More lines than the original had here: new paragraphs (or items) like the last one replaced.
        const like = op.a.length ? units[oldLines[op.a[op.a.length - 1]!]!.unit] : outs[outs.length - 1]?.unit;
        added(like, b);
      }
    });
  }
  let draft = '';
  let previous: Unit | null = null;
  for (const out of outs) {
    const { unit } = out;
    const lines = out.lines.filter((line) => newLines[line]!.trim() !== '');
    if (out.changed && lines.length === 0) continue;
    // A list item now first in its list (the one before it gone) starts after a blank line.
    const separator =
      previous === null ? (unit === units[0] ? unit.before : '') : unit.kind === 'item' && previous.kind !== 'item' && !unit.before.includes('\n\n') ? '\n\n' : unit.before || '\n\n';
    previous = unit;
    if (!out.changed) {
      draft += separator + unit.source;
      continue;
    }
    const md = (line: number) => markdownLine(newLines[line]!, boldOf[line]!);
    const body = unit.kind === 'heading' ? lines.map(md).join(' ') : lines.map((line, i) => (i > 0 && unit.kind === 'item' ? '  ' : '') + md(line)).join('\n');
    draft += separator + unit.marker + body;
  }
  return draft + after;
}

/**
 * A new draft from a reviewed file's accepted text: paragraphs, headings and list items whose
 * plain text is unchanged keep their Markdown as written; changed ones become their new text
 * (markup escaped, the bold stretches `bold` gives — [start, end) in each accepted text — as
 * `**…**`) after the original's heading or list marker; paragraphs added become paragraphs (items
 * in a list). A locale whose section the file lacks ('') is kept as it was. Never applied here:
 * the caller shows it as a diff.
 */
export function suggestedDraft(
  version: Pick<DisclosureVersion, 'koText' | 'enText'>,
  accepted: Record<Locale, string>,
  bold: Record<Locale, Ranges> = { ko: [], en: [] },
): { koText: string; enText: string; changed: boolean } {
  const koText = draftOf(version.koText, accepted.ko, bold.ko);
  const enText = draftOf(version.enText, accepted.en, bold.en);
  return { koText, enText, changed: koText !== version.koText || enText !== version.enText };
}
