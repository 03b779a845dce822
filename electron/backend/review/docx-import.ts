/**
 * Reading a Word file a reviewer commented (docs/review.md#reviewers-elsewhere): the comments and
 * replies with the words they are on, the text of each locale's section as it was (tracked changes
 * rejected) and as the reviewer would have it (accepted), and the disclosure and version the file
 * names when `docx-export.ts` wrote it. The file is untrusted: the zip is read by the bounded zip
 * reader (`zip/bounded-zip.ts`), inflating only the parts needed, piece by piece, counting what comes out; the
 * XML is parsed without entity expansion (`docx-xml.ts`) and walked once (`docx-text.ts`).
 * `docx-draft.ts` turns the accepted text back into Markdown; nothing here changes a workspace.
 */
import type { AppError } from '../../../shared/contract/errors.ts';
import type { Locale } from '../../../shared/disclosures/types.ts';
import { REVIEW_LIMITS } from '../../../shared/review/types.ts';
import { formatBytes } from '../import/limits.ts';
import { openZip, ZipError, type ZipProblem } from '../zip/bounded-zip.ts';
import { DOCX_PROPERTIES } from './docx-export.ts';
import { boldCharacterStyles, boldRanges, joined, sectionsOf, TextWalker, type Marker } from './docx-text.ts';
import { attr, findAll, kids, parseXml, refuse, textOf, type XNode } from './docx-xml.ts';

/** What a Word file may be; each one exceeded refuses the file. */
export const DOCX_LIMITS = {
  /** The file as it is (zipped). */
  compressedBytes: 20 * 1024 ** 2,
  /** The parts read, inflated, together (one part's declared size refuses it early). */
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
  /** The bold runs of each accepted section, [start, end) in its text, so a suggested draft keeps them. */
  acceptedBold: Record<Locale, [number, number][]>;
  /** True when the body holds tracked insertions, deletions or moves. */
  hasTrackedChanges: boolean;
  comments: DocxComment[];
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

  const body = new TextWalker(file, boldCharacterStyles(xml(part('/styles', 'styles.xml'))));
  body.walk(findAll(xml(mainPart)!, 'body'), false, false);
  const orig = joined(body.paras, 'orig');
  const acc = joined(body.paras, 'acc');
  const bold = boldRanges(body.paras, acc.starts);

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
    acceptedBold: { ko: ko ? within(bold, ko.accFrom, ko.accTo) : [], en: en ? within(bold, en.accFrom, en.accTo) : [] },
    hasTrackedChanges: body.tracked,
    comments,
  };
}

/** The ranges clipped to [from, to), made relative to `from`. */
function within(ranges: readonly [number, number][], from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  for (const [start, end] of ranges) {
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    if (e > s) out.push([s - from, e - from]);
  }
  return out;
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
