/**
 * Reading a Word file a reviewer commented (docs/review.md#reviewers-elsewhere): the comments and
 * replies with the words they are on, the text of each locale's section as it was (tracked changes
 * rejected) and as the reviewer would have it (accepted), and the disclosure and version the file
 * names when `docx-export.ts` wrote it. The file is untrusted: the zip is read from its central
 * directory and only the parts needed are inflated, piece by piece, counting what comes out; the
 * XML is parsed without entity expansion and walked once. `suggestedDraft` turns the accepted text
 * back into Markdown, for the user to see as a diff; nothing here changes a workspace.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError, userError, type AppErrorCode } from '../../../shared/contract/errors.ts';
import { inlineText, parseMarkdown } from '../../../shared/disclosures/markdown.ts';
import type { Locale } from '../../../shared/disclosures/types.ts';
import { REVIEW_LIMITS, type DisclosureVersion } from '../../../shared/review/types.ts';
import { formatBytes } from '../import/limits.ts';
import { openZip, ZipError, type ZipProblem } from '../zip/bounded-zip.ts';
import { DOCX_HEADINGS, DOCX_PROPERTIES } from './docx-export.ts';

/** What a Word file may be; each one exceeded refuses the file. */
export const DOCX_LIMITS = {
  /** The file as it is (zipped). */
  compressedBytes: 20 * 1024 ** 2,
  /** The parts read, inflated, together (and every part's declared size, together). */
  uncompressedBytes: 100 * 1024 ** 2,
  /** Entries in the zip. */
  entries: 2000,
} as const;

export interface DocxLimits {
  compressedBytes: number;
  uncompressedBytes: number;
  entries: number;
}

export interface DocxReply {
  /** Word's `w:id` of the comment. */
  wordId: string;
  author: string;
  /** Epoch ms, or null when the file gives no (readable) date. */
  date: number | null;
  text: string;
}

export interface DocxComment extends DocxReply {
  /** The section the commented words are in; null outside both (or unknown and not guessable). */
  locale: Locale | null;
  /** The commented words as the original reads (tracked changes rejected); '' for a comment on a point. */
  quote: string;
  /** Up to `REVIEW_LIMITS.context` characters before and after the quote, within its section. */
  prefix: string;
  suffix: string;
  replies: DocxReply[];
}

export interface DocxReview {
  /** The disclosure and version the file's properties name (files written by `docx-export.ts`); null otherwise. */
  identity: { disclosureId: number; versionNumber: number; sha256: string } | null;
  /** Each section's plain text with tracked changes rejected (paragraphs and line breaks as '\n'); '' when absent. */
  sections: Record<Locale, string>;
  /** The same with tracked insertions kept and deletions removed. */
  accepted: Record<Locale, string>;
  /** True when the body holds tracked insertions, deletions or moves. */
  hasTrackedChanges: boolean;
  comments: DocxComment[];
}

// ---- refusals ------------------------------------------------------------------------------------

function refuse(code: AppErrorCode, file: string, reason: string): AppError {
  return userError(code, 'review.file-unreadable', { file, reason }, { file, reason });
}

// ---- the zip ---------------------------------------------------------------------------------------

/**
 * The file's zip, opened by the bounded reader (`zip/bounded-zip.ts`) with names looked up regardless
 * of case; `read` words the reader's problems as refusals of this Word file.
 */
function openDocxZip(bytes: Uint8Array, file: string, limits: DocxLimits): { has(name: string): boolean; read(name: string): Uint8Array | null } {
  if (bytes.length > limits.compressedBytes) {
    throw refuse('too-large', file, `it is ${formatBytes(bytes.length)}; Word files are read up to ${formatBytes(limits.compressedBytes)}`);
  }
  const zipLimits = { entries: limits.entries, entryBytes: limits.uncompressedBytes, totalBytes: limits.uncompressedBytes };
  const worded = <T>(run: () => T): T => {
    try {
      return run();
    } catch (error) {
      if (error instanceof ZipError) throw docxZipRefusal(error.problem, file);
      throw error;
    }
  };
  const zip = worded(() => openZip(bytes, zipLimits, { caseInsensitive: true }));
  return { has: (name) => zip.has(name), read: (name) => worded(() => zip.read(name)) };
}

function docxZipRefusal(problem: ZipProblem, file: string): AppError {
  const damaged = (reason: string) => refuse('file-unreadable', file, `the zip archive is damaged: ${reason}`);
  switch (problem.kind) {
    case 'not-zip':
      return refuse('unsupported-format', file, 'it is not a Word document (.docx): not a zip archive');
    case 'damaged':
      return damaged(problem.entry === null ? problem.reason : `"${problem.entry}": ${problem.reason}`);
    case 'bad-path':
      return damaged(`it holds an entry with an unsafe path ("${problem.entry}")`);
    case 'duplicate-entry':
      return damaged(`it holds "${problem.entry}" more than once`);
    case 'too-many-entries':
      return refuse('too-large', file, `it holds ${problem.count} entries; a Word file may hold at most ${problem.limit}`);
    case 'entry-too-large':
    case 'too-large':
      return refuse('too-large', file, `it unpacks to more than ${formatBytes(problem.limit)}, the limit for a Word file`);
  }
}

// ---- XML -----------------------------------------------------------------------------------------

/** How deep elements may nest (Word's own files stay far below). */
const MAX_DEPTH = 256;

/** A node as fast-xml-parser gives it in preserveOrder mode: `{tag: children, ':@': attributes}` or `{'#text': text}`. */
type XNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  // Entities are decoded here (numeric ones too), never expanded from a DTD.
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_DEPTH,
});

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five XML entities and character references. */
function decode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (all, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref]!;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

function parseXml(bytes: Uint8Array, file: string, part: string): XNode[] {
  let text: string;
  try {
    const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
    text = new TextDecoder(utf16 ? (bytes[0] === 0xff ? 'utf-16le' : 'utf-16be') : 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refuse('file-unreadable', file, `"${part}" is not UTF-8 text`);
  }
  if (/<!DOCTYPE/i.test(text)) throw refuse('unsupported-format', file, `"${part}" declares a DTD, which Word files never do`);
  // The parser forgives mismatched tags; a file that has them is damaged, and is said to be.
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw refuse('file-unreadable', file, `"${part}" is not well-formed XML at line ${valid.err.line}, column ${valid.err.col} (${valid.err.msg})`);
  try {
    return parser.parse(text) as XNode[];
  } catch (error) {
    const message = (error as Error).message;
    if (/nested/i.test(message)) throw refuse('file-unreadable', file, `"${part}" nests its elements more than ${MAX_DEPTH} deep`);
    throw refuse('file-unreadable', file, `"${part}" cannot be read as XML (${message})`);
  }
}

const tagOf = (node: XNode): string | null => {
  for (const key in node) if (key !== ':@') return key;
  return null;
};
const kids = (node: XNode, tag: string): XNode[] => (Array.isArray(node[tag]) ? (node[tag] as XNode[]) : []);
const attr = (node: XNode, name: string): string | undefined => {
  const value = (node[':@'] as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? decode(value) : undefined;
};
/** The elements named `tag` among nodes, at any depth (an iterative walk). */
function findAll(nodes: readonly XNode[], tag: string): XNode[] {
  const out: XNode[] = [];
  const stack = [...nodes].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    const t = tagOf(node);
    if (t === tag) out.push(node);
    else if (t && t !== '#text') for (let k = kids(node, t).length - 1; k >= 0; k--) stack.push(kids(node, t)[k]!);
  }
  return out;
}
/** The decoded text of the text nodes below a node. */
function textOf(node: XNode): string {
  return findAll([node], '#text')
    .map((n) => decode(String(n['#text'] ?? '')))
    .join('');
}

// ---- text of a body ------------------------------------------------------------------------------

interface Para {
  index: number;
  orig: string[];
  acc: string[];
  origLength: number;
  style: string;
  outline: boolean;
  /** The paragraph mark was inserted (the original had no break here) or deleted (the accepted text has none). */
  markInserted: boolean;
  markDeleted: boolean;
  paraId: string | undefined;
}

interface Marker {
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
class TextWalker {
  readonly paras: Para[] = [];
  readonly markers: Marker[] = [];
  tracked = false;
  private current: Para | null = null;
  /** Comment starts met between paragraphs: they start the next one. */
  private pending: string[] = [];
  /** Complex fields open: true while in their instructions (before `separate`); how many are. */
  private readonly fields: boolean[] = [];
  private inInstructions = 0;

  private readonly file: string;

  constructor(file: string) {
    this.file = file;
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
          const para: Para = { index: this.paras.length, orig: [], acc: [], origLength: 0, style: '', outline: false, markInserted: false, markDeleted: false, paraId: attr(node, 'paraId') };
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
    if (!del) para.acc.push(text);
  }
}

/** Paragraphs joined into one text: '\n' between them, unless the paragraph mark is not there in that reading. */
function joined(paras: readonly Para[], reading: 'orig' | 'acc'): { text: string; starts: number[]; ends: number[] } {
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
function sectionsOf(paras: readonly Para[]): Record<Locale, [number, number] | null> | null {
  const ko = headingIndex(paras, DOCX_HEADINGS.ko);
  const en = headingIndex(paras, DOCX_HEADINGS.en, ko);
  if (ko < 0 && en < 0) return null;
  const orphaned = headingIndex(paras, DOCX_HEADINGS.orphaned, Math.max(ko, en));
  const stops = [ko, en, orphaned, paras.length].filter((i) => i >= 0);
  const range = (h: number): [number, number] | null => (h < 0 ? null : [h + 1, Math.min(...stops.filter((s) => s > h)) - 1]);
  return { ko: range(ko), en: range(en) };
}

// ---- comments ------------------------------------------------------------------------------------

/** Epoch ms of an xsd:dateTime; a time without a zone is taken as UTC (LibreOffice writes local times so). */
function parseDate(value: string | undefined): number | null {
  if (!value) return null;
  const iso = /(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

interface RawComment {
  wordId: string;
  author: string;
  date: number | null;
  text: string;
  paraIds: string[];
}

function readComments(nodes: readonly XNode[], file: string): RawComment[] {
  return findAll(nodes, 'comment').map((node) => {
    const walker = new TextWalker(file);
    walker.walk(kids(node, 'comment'), false, false);
    const author = (attr(node, 'author') ?? '').trim().slice(0, REVIEW_LIMITS.name) || 'Unknown';
    return {
      wordId: attr(node, 'id') ?? '',
      author,
      date: parseDate(attr(node, 'date')),
      text: joined(walker.paras, 'acc').text.trim(),
      paraIds: walker.paras.map((p) => p.paraId).filter((id): id is string => Boolean(id)),
    };
  });
}

/** A part's target from a relationships part, resolved against the folder of the part they belong to. */
function relTarget(rels: XNode[] | null, typeSuffix: string, base: string): string | null {
  if (!rels) return null;
  for (const rel of findAll(rels, 'Relationship')) {
    const type = attr(rel, 'Type') ?? '';
    const target = attr(rel, 'Target');
    if (!target || !type.endsWith(typeSuffix) || attr(rel, 'TargetMode') === 'External') continue;
    const parts = (target.startsWith('/') ? target.slice(1) : base + target).split('/');
    const out: string[] = [];
    for (const part of parts) {
      if (part === '..') out.pop();
      else if (part !== '.' && part !== '') out.push(part);
    }
    return out.join('/');
  }
  return null;
}

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/;
const guessLocale = (quote: string): Locale | null => (HANGUL.test(quote) ? 'ko' : /[A-Za-z]/.test(quote) ? 'en' : null);

/**
 * Reads a .docx: its sections, tracked changes, comments and replies. `file` names it in errors.
 * Replies are linked by `w15:paraIdParent` (commentsExtended.xml); a file with no such part (as
 * LibreOffice 7 writes them) has its replies guessed from where the comments are.
 */
export function readReviewDocx(bytes: Uint8Array, file = 'document.docx', limits: DocxLimits = DOCX_LIMITS): DocxReview {
  const zip = openDocxZip(bytes, file, limits);
  const parsed = new Map<string, XNode[] | null>();
  const xml = (part: string | null): XNode[] | null => {
    if (!part) return null;
    if (!parsed.has(part)) {
      const data = zip.read(part);
      parsed.set(part, data ? parseXml(data, file, part) : null);
    }
    return parsed.get(part)!;
  };
  const mainPart = relTarget(xml('_rels/.rels'), '/officeDocument', '') ?? 'word/document.xml';
  if (!zip.has(mainPart)) throw refuse('unsupported-format', file, `it is not a Word document: it has no ${mainPart}`);
  const folder = mainPart.includes('/') ? mainPart.slice(0, mainPart.lastIndexOf('/') + 1) : '';
  const rels = xml(`${folder}_rels/${mainPart.slice(folder.length)}.rels`);
  const part = (suffix: string, fallback: string) => relTarget(rels, suffix, folder) ?? (zip.has(folder + fallback) ? folder + fallback : null);

  const body = new TextWalker(file);
  body.walk(findAll(xml(mainPart)!, 'body'), false, false);
  const orig = joined(body.paras, 'orig');
  const acc = joined(body.paras, 'acc');

  const sections = sectionsOf(body.paras);
  const bounds = (range: [number, number] | null | undefined) =>
    range && range[0] <= range[1] ? { from: orig.starts[range[0]]!, to: orig.ends[range[1]]!, accFrom: acc.starts[range[0]]!, accTo: acc.ends[range[1]]! } : null;
  const ko = bounds(sections?.ko);
  const en = bounds(sections?.en);

  // Comments, in the order of their references in the text; those the text does not mention last.
  const raw = readComments(xml(part('/comments', 'comments.xml')) ?? [], file);
  const at = (m: Marker) => orig.starts[m.para]! + m.at;
  const where = new Map<string, { start?: number; end?: number; ref?: number; order: number }>();
  body.markers.forEach((m, order) => {
    const w = where.get(m.id) ?? { order };
    if (w[m.kind] === undefined) w[m.kind] = at(m);
    where.set(m.id, w);
  });

  const extended = xml(part('/commentsExtended', 'commentsExtended.xml'));
  const parentOfPara = new Map<string, string>();
  for (const ex of findAll(extended ?? [], 'commentEx')) {
    const id = attr(ex, 'paraId');
    const parent = attr(ex, 'paraIdParent');
    if (id && parent) parentOfPara.set(id.toUpperCase(), parent.toUpperCase());
  }
  // Word 365 keeps the true UTC time of a comment in commentsExtensible.xml (w:date may be local).
  const durable = new Map<string, string>();
  for (const c of findAll(xml(part('/commentsIds', 'commentsIds.xml')) ?? [], 'commentId')) {
    const p = attr(c, 'paraId');
    const d = attr(c, 'durableId');
    if (p && d) durable.set(p.toUpperCase(), d.toUpperCase());
  }
  const utc = new Map<string, number>();
  for (const c of findAll(xml(part('/commentsExtensible', 'commentsExtensible.xml')) ?? [], 'commentExtensible')) {
    const d = attr(c, 'durableId');
    const date = parseDate(attr(c, 'dateUtc'));
    if (d && date !== null) utc.set(d.toUpperCase(), date);
  }

  const byPara = new Map<string, RawComment>();
  for (const c of raw) {
    const last = c.paraIds[c.paraIds.length - 1]?.toUpperCase();
    if (last) byPara.set(last, c);
    const date = last && durable.has(last) ? utc.get(durable.get(last)!) : undefined;
    if (date !== undefined) c.date = date;
  }
  const parent = new Map<RawComment, RawComment>();
  for (const c of raw) {
    const last = c.paraIds[c.paraIds.length - 1]?.toUpperCase();
    const p = last ? byPara.get(parentOfPara.get(last) ?? '') : undefined;
    if (p && p !== c) parent.set(c, p);
  }
  const sorted = [...raw].sort((a, b) => (where.get(a.wordId)?.order ?? Infinity) - (where.get(b.wordId)?.order ?? Infinity));
  if (!extended) {
    // No reply links (LibreOffice 7 writes none): a comment on the point where the comment before it
    // has its mark is a reply to it (LibreOffice's own replies), and comments on exactly the same
    // words are one thread opened by the earliest (replies from a Word file LibreOffice saved again).
    const groups = new Map<string, RawComment[]>();
    let previous: RawComment | null = null;
    for (const c of sorted) {
      const w = where.get(c.wordId);
      const pw = previous ? where.get(previous.wordId) : undefined;
      if (w?.start !== undefined && w.end !== undefined) {
        const key = `${w.start}:${w.end}`;
        const group = groups.get(key);
        if (group) group.push(c);
        else groups.set(key, [c]);
      } else if (previous && w?.ref !== undefined && pw?.ref === w.ref) parent.set(c, previous);
      previous = c;
    }
    for (const group of groups.values()) {
      const [first, ...rest] = [...group].sort((a, b) => (a.date ?? Infinity) - (b.date ?? Infinity));
      for (const c of rest) parent.set(c, first!);
    }
  }
  // Each comment's thread: parents followed once (remembered, so a long chain stays linear; a cycle stops).
  const roots = new Map<RawComment, RawComment>();
  const rootOf = (c: RawComment): RawComment => {
    const path: RawComment[] = [];
    const seen = new Set<RawComment>();
    let r = c;
    while (!roots.has(r) && parent.has(r) && !seen.has(r)) {
      seen.add(r);
      path.push(r);
      r = parent.get(r)!;
    }
    const root = roots.get(r) ?? r;
    for (const x of path) roots.set(x, root);
    roots.set(c, root);
    return root;
  };

  const context = REVIEW_LIMITS.context;
  const comments: DocxComment[] = [];
  const threadOf = new Map<RawComment, DocxComment>();
  const tooLong = (c: RawComment) => refuse('too-large', file, `the comment by ${c.author} is ${c.text.length} characters long; a comment may have at most ${REVIEW_LIMITS.body}`);
  for (const c of sorted) {
    if (c.text.length > REVIEW_LIMITS.body) throw tooLong(c);
    if (rootOf(c) !== c) continue;
    const w = where.get(c.wordId);
    let start = w?.start ?? w?.ref ?? w?.end ?? 0;
    let end = w?.end ?? w?.ref ?? start;
    if (end < start) [start, end] = [end, start];
    const home = ko && start >= ko.from && start <= ko.to ? { locale: 'ko' as const, ...ko } : en && start >= en.from && start <= en.to ? { locale: 'en' as const, ...en } : null;
    const lo = home ? home.from : 0;
    const hi = home ? home.to : orig.text.length;
    const quote = w ? orig.text.slice(start, Math.min(end, hi)).slice(0, REVIEW_LIMITS.quote) : '';
    const comment: DocxComment = {
      wordId: c.wordId,
      author: c.author,
      date: c.date,
      text: c.text,
      locale: home ? home.locale : sections ? null : guessLocale(quote),
      quote,
      prefix: w ? orig.text.slice(Math.max(lo, start - context), start) : '',
      suffix: w ? orig.text.slice(Math.min(end, hi), Math.min(hi, end + context)) : '',
      replies: [],
    };
    threadOf.set(c, comment);
    comments.push(comment);
  }
  if (comments.length > REVIEW_LIMITS.threads) throw refuse('too-large', file, `it holds ${comments.length} comments; at most ${REVIEW_LIMITS.threads} are read`);
  for (const c of sorted) {
    const root = rootOf(c);
    if (root === c) continue;
    const thread = threadOf.get(root)!;
    thread.replies.push({ wordId: c.wordId, author: c.author, date: c.date, text: c.text });
    if (thread.replies.length > REVIEW_LIMITS.replies) throw refuse('too-large', file, `a comment has more than ${REVIEW_LIMITS.replies} replies`);
  }
  for (const t of comments) t.replies.sort((a, b) => (a.date ?? 0) - (b.date ?? 0));

  return {
    identity: identityOf(xml(relTarget(xml('_rels/.rels'), '/custom-properties', '') ?? 'docProps/custom.xml')),
    sections: { ko: ko ? orig.text.slice(ko.from, ko.to) : '', en: en ? orig.text.slice(en.from, en.to) : '' },
    accepted: { ko: ko ? acc.text.slice(ko.accFrom, ko.accTo) : '', en: en ? acc.text.slice(en.accFrom, en.accTo) : '' },
    hasTrackedChanges: body.tracked,
    comments,
  };
}

/** The disclosure and version named by the custom properties `docx-export.ts` writes. */
function identityOf(custom: XNode[] | null): DocxReview['identity'] {
  if (!custom) return null;
  const values = new Map<string, string>();
  for (const p of findAll(custom, 'property')) values.set(attr(p, 'name') ?? '', textOf(p).trim());
  const disclosureId = Number(values.get(DOCX_PROPERTIES.disclosureId));
  const versionNumber = Number(values.get(DOCX_PROPERTIES.version));
  const sha256 = values.get(DOCX_PROPERTIES.sha256) ?? '';
  if (!Number.isSafeInteger(disclosureId) || disclosureId <= 0 || !Number.isSafeInteger(versionNumber) || versionNumber <= 0 || !/^[0-9a-f]{64}$/.test(sha256)) return null;
  return { disclosureId, versionNumber, sha256 };
}

// ---- a suggested draft ---------------------------------------------------------------------------

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
