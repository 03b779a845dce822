/**
 * The text of a Word body (or a comment) in one walk: its paragraphs as the original reads (tracked
 * changes rejected) and as the reviewer would have it (accepted), where comments start and end, and
 * whether anything was tracked; then which paragraphs are the 한국어 and English sections.
 */
import type { Locale } from '../../../shared/disclosures/types.ts';
import { DOCX_HEADINGS } from './docx-export.ts';
import { attr, findAll, kids, MAX_DEPTH, refuse, tagOf, textOf, type XNode } from './docx-xml.ts';

// ---- text of a body ------------------------------------------------------------------------------

/** One paragraph of a body: its text in each reading, its style and its marks. */
export interface Para {
  index: number;
  orig: string[];
  acc: string[];
  /** Whether each piece of `acc` is in a bold run (`w:b`). */
  accBold: boolean[];
  origLength: number;
  style: string;
  outline: boolean;
  /** The paragraph mark was inserted (the original had no break here) or deleted (the accepted text has none). */
  markInserted: boolean;
  markDeleted: boolean;
  paraId: string | undefined;
}

/** Where a comment starts, ends or is referenced: a paragraph and an offset in its original text. */
export interface Marker {
  id: string;
  kind: 'start' | 'end' | 'ref';
  para: number;
  at: number;
}

/** Elements whose content is not running text (properties, drawings, text boxes, notes' marks). */
const SKIP = new Set([
  'rPr', 'sectPr', 'tblPr', 'tblGrid', 'trPr', 'tcPr', 'sdtPr', 'sdtEndPr', 'drawing', 'pict', 'object', 'AlternateContent',
  'instrText', 'delInstrText', 'footnoteReference', 'endnoteReference', 'annotationRef', 'fldData', 'customXmlPr', 'smartTagPr',
]);

/** Walks a body (or a comment) once, collecting paragraphs, comment markers and tracked changes. */
export class TextWalker {
  readonly paras: Para[] = [];
  readonly markers: Marker[] = [];
  tracked = false;
  private current: Para | null = null;
  /** Comment starts met between paragraphs: they start the next one. */
  private pending: string[] = [];
  /** Complex fields open: true while in their instructions (before `separate`); how many are. */
  private readonly fields: boolean[] = [];
  private inInstructions = 0;
  /** Inside a bold run. */
  private bold = false;

  private readonly file: string;
  /** Character styles that make a run bold (`boldCharacterStyles`). */
  private readonly boldStyles: ReadonlySet<string>;

  constructor(file: string, boldStyles: ReadonlySet<string> = new Set()) {
    this.file = file;
    this.boldStyles = boldStyles;
  }

  walk(nodes: readonly XNode[], ins: boolean, del: boolean, depth = 0): void {
    if (depth > MAX_DEPTH) throw refuse('file-unreadable', this.file, 'its XML is nested too deeply');
    for (const node of nodes) {
      const tag = tagOf(node);
      if (!tag || tag === '#text' || SKIP.has(tag)) continue;
      const children = kids(node, tag);
      switch (tag) {
        case 'p': {
          const outer = this.current;
          const para: Para = { index: this.paras.length, orig: [], acc: [], accBold: [], origLength: 0, style: '', outline: false, markInserted: false, markDeleted: false, paraId: attr(node, 'paraId') };
          this.paras.push(para);
          this.current = para;
          for (const id of this.pending.splice(0)) this.markers.push({ id, kind: 'start', para: para.index, at: 0 });
          this.walk(children, ins, del, depth + 1);
          this.current = outer;
          break;
        }
        case 'pPr':
          this.paragraphProperties(children);
          break;
        case 'r': {
          const outer = this.bold;
          this.bold = isBold(children, this.boldStyles);
          this.walk(children, ins, del, depth + 1);
          this.bold = outer;
          break;
        }
        case 't':
        case 'delText': {
          let text = textOf(node);
          if (attr(node, 'space') !== 'preserve') text = text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
          this.emit(text, ins, del);
          break;
        }
        case 'tab':
        case 'ptab':
          this.emit('\t', ins, del);
          break;
        case 'br':
        case 'cr':
          this.emit('\n', ins, del);
          break;
        case 'noBreakHyphen':
          this.emit('-', ins, del);
          break;
        case 'fldChar': {
          const type = attr(node, 'fldCharType');
          if (type === 'begin') {
            this.fields.push(true);
            this.inInstructions++;
          } else if (type === 'separate' && this.fields[this.fields.length - 1]) {
            this.fields[this.fields.length - 1] = false;
            this.inInstructions--;
          } else if (type === 'end' && this.fields.length && this.fields.pop()) this.inInstructions--;
          break;
        }
        case 'ins':
        case 'moveTo':
          this.tracked = true;
          this.walk(children, true, del, depth + 1);
          break;
        case 'del':
        case 'moveFrom':
          this.tracked = true;
          this.walk(children, ins, true, depth + 1);
          break;
        case 'commentRangeStart':
        case 'commentRangeEnd':
        case 'commentReference': {
          const id = attr(node, 'id');
          const kind = tag === 'commentRangeStart' ? 'start' : tag === 'commentRangeEnd' ? 'end' : 'ref';
          // Between paragraphs (allowed in a body): a start belongs to the next one, an end to the last.
          const para = this.current ?? (kind === 'start' ? null : this.paras[this.paras.length - 1]);
          if (id === undefined) break;
          if (para) this.markers.push({ id, kind, para: para.index, at: para.origLength });
          else if (kind === 'start') this.pending.push(id);
          break;
        }
        default:
          // Runs, hyperlinks, smart tags, custom XML, content controls, simple fields, tables …
          this.walk(children, ins, del, depth + 1);
      }
    }
  }

  private paragraphProperties(children: readonly XNode[]): void {
    const para = this.current;
    if (!para) return;
    for (const child of children) {
      const tag = tagOf(child);
      if (tag === 'pStyle') para.style = attr(child, 'val') ?? '';
      else if (tag === 'outlineLvl') para.outline = true;
      else if (tag === 'rPr') {
        for (const mark of kids(child, 'rPr')) {
          const t = tagOf(mark);
          if (t === 'ins' || t === 'moveTo') para.markInserted = this.tracked = true;
          if (t === 'del' || t === 'moveFrom') para.markDeleted = this.tracked = true;
        }
      }
    }
  }

  private emit(text: string, ins: boolean, del: boolean): void {
    const para = this.current;
    if (!para || text === '' || this.inInstructions > 0) return;
    if (!ins) {
      para.orig.push(text);
      para.origLength += text.length;
    }
    if (!del) {
      para.acc.push(text);
      para.accBold.push(this.bold);
    }
  }
}

/** `w:b` in run properties: true or false when there, null when not. */
function boldOf(rPr: readonly XNode[]): boolean | null {
  for (const prop of rPr) if (tagOf(prop) === 'b') return !/^(0|false|off)$/i.test(attr(prop, 'val') ?? '');
  return null;
}

/**
 * A run is bold when its properties say so (`w:b`, not switched off), else when its character
 * style is one of `boldStyles` (Word's "Strong", LibreOffice's "Strong Emphasis").
 */
function isBold(runChildren: readonly XNode[], boldStyles: ReadonlySet<string>): boolean {
  for (const child of runChildren) {
    if (tagOf(child) !== 'rPr') continue;
    const rPr = kids(child, 'rPr');
    const direct = boldOf(rPr);
    if (direct !== null) return direct;
    const style = rPr.find((prop) => tagOf(prop) === 'rStyle');
    return style !== undefined && boldStyles.has(attr(style, 'val') ?? '');
  }
  return false;
}

/** The character styles of a styles part that make text bold, their `w:basedOn` chains followed (at most 32 deep). */
export function boldCharacterStyles(styles: readonly XNode[] | null): Set<string> {
  const own = new Map<string, { bold: boolean | null; basedOn: string | undefined }>();
  for (const style of findAll(styles ?? [], 'style')) {
    const id = attr(style, 'styleId');
    if (attr(style, 'type') !== 'character' || !id) continue;
    const children = kids(style, 'style');
    const rPr = children.find((c) => tagOf(c) === 'rPr');
    const basedOn = children.find((c) => tagOf(c) === 'basedOn');
    own.set(id, { bold: rPr ? boldOf(kids(rPr, 'rPr')) : null, basedOn: basedOn ? attr(basedOn, 'val') : undefined });
  }
  const bold = new Set<string>();
  for (const id of own.keys()) {
    let at: string | undefined = id;
    for (let depth = 0; at !== undefined && depth < 32; depth++) {
      const style = own.get(at);
      if (!style) break;
      if (style.bold !== null) {
        if (style.bold) bold.add(id);
        break;
      }
      at = style.basedOn;
    }
  }
  return bold;
}

/**
 * The bold stretches of the accepted reading, [start, end) in the text `joined(paras, 'acc')` makes
 * (whose paragraph starts are `starts`), neighbouring bold pieces merged.
 */
export function boldRanges(paras: readonly Para[], starts: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  paras.forEach((p, i) => {
    let at = starts[i]!;
    p.acc.forEach((piece, k) => {
      if (p.accBold[k]) {
        const last = out[out.length - 1];
        if (last && last[1] === at) last[1] = at + piece.length;
        else out.push([at, at + piece.length]);
      }
      at += piece.length;
    });
  });
  return out;
}

/** Paragraphs joined into one text: '\n' between them, unless the paragraph mark is not there in that reading. */
export function joined(paras: readonly Para[], reading: 'orig' | 'acc'): { text: string; starts: number[]; ends: number[] } {
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let length = 0;
  paras.forEach((p, i) => {
    const text = p[reading].join('');
    starts.push(length);
    parts.push(text);
    length += text.length;
    ends.push(length);
    const mark = reading === 'orig' ? !p.markInserted : !p.markDeleted;
    if (i < paras.length - 1 && mark) {
      parts.push('\n');
      length += 1;
    }
  });
  return { text: parts.join(''), starts, ends };
}

// ---- sections ------------------------------------------------------------------------------------

const isHeading = (p: Para) => p.outline || /^(heading|제목)\s*\d$/i.test(p.style.trim());

/** The paragraph that is a section's heading: exact words, Heading 2 preferred, then any heading, then any. */
function headingIndex(paras: readonly Para[], words: string, after = -1): number {
  let best = -1;
  let bestScore = 0;
  paras.forEach((p, i) => {
    if (i <= after || p.orig.join('').trim() !== words) return;
    const score = /^heading\s*2$/i.test(p.style) ? 3 : isHeading(p) ? 2 : 1;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}

/** Paragraph ranges [first, last] of each section, or null when the document has none of ours. */
export function sectionsOf(paras: readonly Para[]): Record<Locale, [number, number] | null> | null {
  const ko = headingIndex(paras, DOCX_HEADINGS.ko);
  const en = headingIndex(paras, DOCX_HEADINGS.en, ko);
  if (ko < 0 && en < 0) return null;
  const orphaned = headingIndex(paras, DOCX_HEADINGS.orphaned, Math.max(ko, en));
  const stops = [ko, en, orphaned, paras.length].filter((i) => i >= 0);
  const range = (h: number): [number, number] | null => (h < 0 ? null : [h + 1, Math.min(...stops.filter((s) => s > h)) - 1]);
  return { ko: range(ko), en: range(en) };
}
