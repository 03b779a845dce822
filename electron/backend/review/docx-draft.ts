/**
 * A suggested new draft from a reviewed Word file (docs/review.md#reviewers-elsewhere): the accepted
 * text of each section put back into the version's Markdown, for the user to see as a diff.
 * Nothing here changes a workspace.
 */
import { inlineText, parseMarkdown } from '../../../shared/disclosures/markdown.ts';
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

/**
 * Plain text as Markdown that reads the same: backslashes, `*`, `_` and the `]` of a would-be link
 * escaped, a leading heading or list marker escaped, `{{variables}}` left as they are.
 */
function escapeLine(line: string): string {
  const escaped = line
    .split(/(\{\{[^{}\n]*\}\})/)
    .map((part, k) => (k % 2 ? part : part.replace(/[\\*_]/g, '\\$&').replace(/\](?=\()/g, '\\]')))
    .join('');
  return escaped.replace(/^([ \t]*)([#+-])/, '$1\\$2').replace(/^([ \t]*\d{1,9})([.)])/, '$1\\$2');
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

/** The Markdown of one locale with the accepted plain text put back, unchanged units kept as written. */
function draftOf(original: string, accepted: string): string {
  const { units, after } = unitsOf(original);
  const oldLines = units.flatMap((u, unit) => u.lines.map((text) => ({ unit, text })));
  const newLines = accepted.split('\n');
  if (accepted === '' || oldLines.map((l) => l.text).join('\n') === accepted) return original;
  /** A unit of the draft: one of the original's (changed or not) or one the reviewer added. */
  interface Out {
    unit: Unit;
    lines: string[];
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
  const added = (like: Unit | undefined, line: string): Out => {
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
      outOf(oldLines[op.a]!.unit).lines.push(newLines[op.b]!);
      continue;
    }
    for (const a of op.a) outOf(oldLines[a]!.unit).changed = true;
    op.b.forEach((b, k) => {
      if (k < op.a.length) {
        const out = outOf(oldLines[op.a[k]!]!.unit);
        out.lines.push(newLines[b]!);
        out.changed = true;
      } else {
        // More lines than the original had here: new paragraphs (or items) like the last one replaced.
        const like = op.a.length ? units[oldLines[op.a[op.a.length - 1]!]!.unit] : outs[outs.length - 1]?.unit;
        added(like, newLines[b]!);
      }
    });
  }
  let draft = '';
  let previous: Unit | null = null;
  for (const out of outs) {
    const { unit } = out;
    const lines = out.lines.filter((line) => line.trim() !== '');
    if (out.changed && lines.length === 0) continue;
    // A list item now first in its list (the one before it gone) starts after a blank line.
    const separator =
      previous === null ? (unit === units[0] ? unit.before : '') : unit.kind === 'item' && previous.kind !== 'item' && !unit.before.includes('\n\n') ? '\n\n' : unit.before || '\n\n';
    previous = unit;
    if (!out.changed) {
      draft += separator + unit.source;
      continue;
    }
    const body = unit.kind === 'heading' ? escapeLine(lines.join(' ')) : lines.map((line, i) => (i > 0 && unit.kind === 'item' ? '  ' : '') + escapeLine(line)).join('\n');
    draft += separator + unit.marker + body;
  }
  return draft + after;
}

/**
 * A new draft from a reviewed file's accepted text: paragraphs, headings and list items whose
 * plain text is unchanged keep their Markdown as written; changed ones become their new plain text
 * (markup escaped) after the original's heading or list marker; paragraphs added become
 * paragraphs (items in a list). A locale whose section the file lacks ('') is kept as it was.
 * Never applied here: the caller shows it as a diff.
 */
export function suggestedDraft(version: Pick<DisclosureVersion, 'koText' | 'enText'>, accepted: Record<Locale, string>): { koText: string; enText: string; changed: boolean } {
  const koText = draftOf(version.koText, accepted.ko);
  const enText = draftOf(version.enText, accepted.en);
  return { koText, enText, changed: koText !== version.koText || enText !== version.enText };
}
