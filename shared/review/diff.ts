/**
 * Word-level differences between two versions of a text (docs/review.md#compare): what the
 * reviewer sees struck out and inserted. Words come from `Intl.Segmenter` (a Korean eojeol is one
 * word, so an edited particle shows as that word, not the line), and a Korean word changed only
 * in part is split further by syllable ("데이터[를→가]"). Whitespace and punctuation are tokens
 * too, so joining the parts gives back either text. Very different long texts fall back to a
 * sentence-level diff, so the view never freezes. Pure: runs in the renderer and the backend.
 */
import type { Locale } from '../disclosures/types.ts';
import type { DiffPart } from './types.ts';

/**
 * The largest edit (tokens inserted plus removed) one comparison computes; beyond it a passage is
 * compared line with line or by sentences, and beyond that shown replaced whole. Myers' diff grows
 * with the square of the edit: giving up at 2,000 costs about 20 ms and 8 MB.
 */
export const MAX_EDIT = 2000;
/**
 * The work one comparison budget allows in Myers' diff, in steps (an edit of d tokens costs about
 * d²/2): one edit of MAX_EDIT. A `diffWords` call has one for the whole texts and, when that fails,
 * half of one for the word diffs of changed passages and half for lines and sentences: a text
 * edited throughout stops being compared word by word when they are spent, so two 20,000-character
 * texts stay well under 200 ms.
 */
const STEPS = (MAX_EDIT * MAX_EDIT) / 2;

/** What is left of a `diffWords` call's work. */
interface Budget {
  words: number;
  coarse: number;
}

const segmenters = new Map<string, Intl.Segmenter>();

/** One Segmenter per locale and granularity: making one costs more than segmenting a paragraph. */
function segmenter(locale: Locale, granularity: 'word' | 'sentence' | 'grapheme'): Intl.Segmenter {
  const key = `${locale}:${granularity}`;
  let s = segmenters.get(key);
  if (!s) segmenters.set(key, (s = new Intl.Segmenter(locale, { granularity })));
  return s;
}

function segments(text: string, locale: Locale, granularity: 'word' | 'sentence' | 'grapheme'): string[] {
  return Array.from(segmenter(locale, granularity).segment(text), (s) => s.segment);
}

/**
 * The tokens the word diff compares: every word-granularity segment — words (a Korean eojeol with
 * its particles is one), runs of whitespace, punctuation — so nothing of the text is lost.
 */
export function wordTokens(text: string, locale: Locale): string[] {
  return segments(text, locale, 'word');
}

/**
 * A lower bound of the edit between two token arrays: a token can be kept at most as often as the
 * rarer side has it. Lets two unrelated texts skip Myers' diff (which would give up only after
 * its whole budget).
 */
function leastEdit(before: string[], after: string[]): number {
  const counts = new Map<string, number>();
  for (const t of before) counts.set(t, (counts.get(t) ?? 0) + 1);
  let kept = 0;
  for (const t of after) {
    const n = counts.get(t);
    if (n) {
      kept++;
      counts.set(t, n - 1);
    }
  }
  return before.length + after.length - 2 * kept;
}

/** One run of an edit script: tokens kept, removed (old side only) or added (new side only). */
interface Run {
  kind: DiffPart['kind'];
  count: number;
}

/** Token ids, equal for equal tokens: Myers' diff then compares integers in typed arrays. */
function intern(before: string[], after: string[]): [Int32Array, Int32Array] {
  const ids = new Map<string, number>();
  const id = (t: string) => {
    let i = ids.get(t);
    if (i === undefined) ids.set(t, (i = ids.size));
    return i;
  };
  return [Int32Array.from(before, id), Int32Array.from(after, id)];
}

/**
 * Myers' O(ND) greedy diff ("An O(ND) Difference Algorithm and Its Variations", 1986) on token
 * ids: the shortest edit script, or undefined when it is longer than `maxEdit`. The furthest
 * reaching path of every diagonal is kept per edit step (only the diagonals of that step's
 * parity: d + 1 numbers), for walking back. What `diff`'s `diffArrays` does, several times faster
 * (typed arrays, no object per path), which is what lets a 20,000-character text be diffed by word.
 */
function myers(a: Int32Array, b: Int32Array, maxEdit: number): Run[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxEdit);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    const step = new Int32Array(d + 1);
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      step[(k + d) >> 1] = x;
      if (x >= n && y >= m) {
        trace.push(step);
        return walkBack(trace, n, m);
      }
    }
    trace.push(step);
  }
  return undefined;
}

/** The edit script from Myers' trace, walking back from the end of both arrays to their start. */
function walkBack(trace: Int32Array[], n: number, m: number): Run[] {
  const runs: Run[] = [];
  const push = (kind: Run['kind'], count: number) => {
    if (count === 0) return;
    const last = runs[runs.length - 1];
    if (last?.kind === kind) last.count += count;
    else runs.push({ kind, count });
  };
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const prev = trace[d - 1]!;
    const reach = (k: number) => prev[(k + d - 1) >> 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && reach(k - 1) < reach(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = reach(prevK);
    push('same', x - (down ? prevX : prevX + 1));
    push(down ? 'added' : 'removed', 1);
    x = prevX;
    y = prevX - prevK;
  }
  push('same', x);
  return runs.reverse();
}

/**
 * Diffs two token arrays: the common start and end are set aside first (cheap, and the usual edit
 * touches a few words in the middle), the rest goes to Myers' diff bounded by MAX_EDIT and by what
 * is left of the budget, which it spends. Undefined when the edit is larger than that.
 */
function diffTokens(before: string[], after: string[], budget: Budget, kind: keyof Budget): DiffPart[] | undefined {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const oldMiddle = before.slice(head, before.length - tail);
  const newMiddle = after.slice(head, after.length - tail);
  const limit = Math.min(MAX_EDIT, Math.floor(Math.sqrt(2 * Math.max(0, budget[kind]))));
  if (leastEdit(oldMiddle, newMiddle) > limit) return undefined;
  const runs = myers(...intern(oldMiddle, newMiddle), limit);
  const edit = runs ? runs.reduce((n, r) => n + (r.kind === 'same' ? 0 : r.count), 0) : limit;
  budget[kind] -= ((edit + 1) * (edit + 2)) / 2;
  if (!runs) return undefined;
  const parts: DiffPart[] = [{ kind: 'same', text: before.slice(0, head).join('') }];
  let [i, j] = [0, 0];
  for (const r of runs) {
    parts.push({ kind: r.kind, text: (r.kind === 'added' ? newMiddle.slice(j, j + r.count) : oldMiddle.slice(i, i + r.count)).join('') });
    if (r.kind !== 'added') i += r.count;
    if (r.kind !== 'removed') j += r.count;
  }
  parts.push({ kind: 'same', text: before.slice(before.length - tail).join('') });
  return parts;
}

const HANGUL = /[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]/u;
const WHITESPACE = /\s/u;

/** How many graphemes two grapheme lists share at their start. */
function sharedHead(a: string[], b: string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** How many graphemes they share at their end, not counting the first `head` of either. */
function sharedTail(a: string[], b: string[], head: number): number {
  let n = 0;
  while (n < a.length - head && n < b.length - head && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/**
 * A Korean word changed in part, shown as the part: "받으면" → "받아도" reads 받[으면→아도], and
 * "데이터를" → "데이터가" reads 데이터[를→가]. Only within one word (no whitespace on either side),
 * and only where the shared part ends (or starts) with a Hangul syllable: numbers and Latin words
 * stay whole ("15" → "150" is shown as two numbers, not as an inserted zero).
 */
function refineWord(removed: string, added: string, locale: Locale): DiffPart[] | null {
  if (WHITESPACE.test(removed) || WHITESPACE.test(added) || !HANGUL.test(removed + added)) return null;
  const a = segments(removed, locale, 'grapheme');
  const b = segments(added, locale, 'grapheme');
  let head = sharedHead(a, b);
  while (head > 0 && !HANGUL.test(a[head - 1]!)) head--;
  let tail = sharedTail(a, b, head);
  while (tail > 0 && !HANGUL.test(a[a.length - tail]!)) tail--;
  if (head === 0 && tail === 0) return null;
  return [
    { kind: 'same', text: a.slice(0, head).join('') },
    { kind: 'removed', text: a.slice(head, a.length - tail).join('') },
    { kind: 'added', text: b.slice(head, b.length - tail).join('') },
    { kind: 'same', text: a.slice(a.length - tail).join('') },
  ];
}

/** Every removed part directly followed by an added part (a replacement) refined by `refineWord`. */
function refine(parts: DiffPart[], locale: Locale): DiffPart[] {
  const out: DiffPart[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const next = parts[i + 1];
    if (p.kind === 'removed' && next?.kind === 'added') {
      const finer = refineWord(p.text, next.text, locale);
      if (finer) {
        out.push(...finer);
        i++;
        continue;
      }
    }
    out.push(p);
  }
  return out;
}

/**
 * Drops empty parts and merges neighbours: the same parts between two changes join, and each run
 * of changes becomes at most one removal followed by one addition (what it replaced, then by what).
 */
function tidy(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) out.push({ kind: 'removed', text: removed });
    if (added) out.push({ kind: 'added', text: added });
    removed = added = '';
  };
  for (const p of parts) {
    if (p.kind === 'removed') removed += p.text;
    else if (p.kind === 'added') added += p.text;
    else if (p.text !== '') {
      flush();
      const last = out[out.length - 1];
      if (last?.kind === 'same') last.text += p.text;
      else out.push({ kind: 'same', text: p.text });
    }
  }
  flush();
  return out;
}

const SPACES = /^[^\S\n]+$/u;
const ENDS_WORD = /[\s\p{P}]$/u;
const STARTS_WORD = /^[\s\p{P}]/u;

/** The index of the first part of the run of changes that ends at `i`, and of the last that starts at it. */
function runBounds(parts: DiffPart[], i: number, step: 1 | -1): number {
  while (parts[i + step] && parts[i + step]!.kind !== 'same') i += step;
  return i;
}

/**
 * Two changed words with only a space between them read as one change: "[Turn→Reply] [them off in
 * Settings→STOP]" becomes "[Turn them off in Settings→Reply STOP]". Only between whole words (a
 * Korean word changed in part, "데이터[를→가] [씁→듭]니다", stays as it is) and never across a line break.
 */
function joinChangedWords(parts: DiffPart[]): DiffPart[] {
  const out = [...parts];
  for (let i = 1; i < out.length - 1; i++) {
    const p = out[i]!;
    if (p.kind !== 'same' || !SPACES.test(p.text) || out[i - 1]!.kind === 'same' || out[i + 1]!.kind === 'same') continue;
    const before = out[runBounds(out, i - 1, -1) - 1];
    const after = out[runBounds(out, i + 1, 1) + 1];
    if ((before === undefined || ENDS_WORD.test(before.text)) && (after === undefined || STARTS_WORD.test(after.text))) {
      out.splice(i, 1, { kind: 'removed', text: p.text }, { kind: 'added', text: p.text });
    }
  }
  return tidy(out);
}

/** The lines of a text, each with its line break: a Markdown paragraph or list item is one line. */
function lines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/gu) ?? [];
}

/** Word diff of one passage, refined and tidied; undefined when the edit is over MAX_EDIT tokens or the budget. */
function wordDiff(before: string, after: string, locale: Locale, budget: Budget): DiffPart[] | undefined {
  const words = diffTokens(wordTokens(before, locale), wordTokens(after, locale), budget, 'words');
  return words && joinChangedWords(tidy(refine(tidy(words), locale)));
}

/** A passage compared sentence by sentence, else shown replaced whole. */
function sentenceDiff(before: string, after: string, locale: Locale, budget: Budget): DiffPart[] {
  return (
    diffTokens(segments(before, locale, 'sentence'), segments(after, locale, 'sentence'), budget, 'coarse') ?? [
      { kind: 'removed', text: before },
      { kind: 'added', text: after },
    ]
  );
}

/**
 * A changed run of lines compared: word by word (unless that is known to be too large an edit); when that is too large an edit and as many lines were removed as added (a text edited
 * throughout), line with line; otherwise sentence by sentence.
 */
function diffPassage(before: string, after: string, locale: Locale, budget: Budget, wordsTried: boolean): DiffPart[] {
  if (before === '' || after === '') return [{ kind: before ? 'removed' : 'added', text: before || after }];
  const words = wordsTried ? undefined : wordDiff(before, after, locale, budget);
  if (words) return words;
  const [r, a] = [lines(before), lines(after)];
  if (r.length > 1 && r.length === a.length) {
    return r.flatMap((line, k) => wordDiff(line, a[k]!, locale, budget) ?? sentenceDiff(line, a[k]!, locale, budget));
  }
  return sentenceDiff(before, after, locale, budget);
}

/**
 * The word-level differences between two texts of one locale: parts that both share (`same`), that
 * only the old one has (`removed`) and only the new one (`added`). Joining the same and removed parts
 * gives `before`; the same and added parts give `after`. Neighbouring parts of one kind are merged
 * and a removal comes before the addition replacing it.
 *
 * The whole texts are compared word by word when they differ by at most MAX_EDIT tokens (the
 * usual case, and the best alignment). Otherwise lines (paragraphs) are compared first, and each
 * changed run of lines word by word; a run too different for that is compared line with line or
 * by sentences, and once the call's budget of work is spent, what remains by sentences (or shown
 * replaced). So two very different 20,000-character texts still take well under 200 ms.
 */
export function diffWords(before: string, after: string, locale: Locale): DiffPart[] {
  if (before === after) return before === '' ? [] : [{ kind: 'same', text: before }];
  const whole = wordDiff(before, after, locale, { words: STEPS, coarse: 0 });
  if (whole) return whole;
  const budget: Budget = { words: STEPS / 2, coarse: STEPS / 2 };
  const byLine = diffTokens(lines(before), lines(after), budget, 'coarse') ?? [
    { kind: 'removed', text: before },
    { kind: 'added', text: after },
  ];
  const parts: DiffPart[] = [];
  const runs = tidy(byLine);
  // With a single changed run, its word diff cannot be shorter than the whole texts' that failed.
  const single = runs.filter((p, i) => p.kind !== 'same' && runs[i - 1]?.kind !== 'removed').length === 1;
  for (let i = 0; i < runs.length; i++) {
    const p = runs[i]!;
    if (p.kind === 'same') {
      parts.push(p);
      continue;
    }
    const removed = p.kind === 'removed' ? p.text : '';
    const added = p.kind === 'added' ? p.text : runs[i + 1]?.kind === 'added' ? runs[++i]!.text : '';
    parts.push(...diffPassage(removed, added, locale, budget, single));
  }
  return tidy(parts);
}
