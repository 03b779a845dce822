/**
 * A version as a Word file (docs/review.md#reviewers-elsewhere), written with the `docx` package:
 * the title, a line of facts (surface, version, author, date, SHA-256), a 한국어 and an English
 * section with the Markdown subset's headings, bold, italics, lists and links kept, the threads
 * placed on the version as Word comments on their words (replies as Word replies, linked through
 * commentsExtended.xml), and orphaned threads in an appendix. The document's custom properties
 * name the disclosure and version, so `docx-import.ts` knows where a reviewed copy belongs.
 * The same version and threads give the same bytes: every date comes from the data.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
  type ICommentOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { Locale } from '../../../shared/disclosures/types.ts';
import { formatLocalMinute } from '../../../shared/time-zone.ts';
import type { DisclosureVersion, PlacedThread, ReviewComment } from '../../../shared/review/types.ts';
import { blocksOf, spanOf, type Block, type Char } from './docx-chars.ts';

/** The section headings and the appendix title: `docx-import.ts` splits a document by them. */
export const DOCX_HEADINGS = { ko: '한국어', en: 'English', orphaned: 'Orphaned comments / 떨어져 나간 의견' } as const;

/** The custom document properties naming the disclosure and version. */
export const DOCX_PROPERTIES = { disclosureId: 'NoticeDesk.DisclosureId', version: 'NoticeDesk.VersionNumber', sha256: 'NoticeDesk.VersionSha256' } as const;

export interface DocxExportOptions {
  /** The workspace's time zone: dates in the text are written in it. */
  timeZone: string;
  /** Recorded as the file's "modified" property when given; the content never depends on it. */
  now?: number;
}

const FONT = { ascii: 'Noto Sans', hAnsi: 'Noto Sans', cs: 'Noto Sans', eastAsia: 'Noto Sans CJK KR' };
const LANGUAGE: Record<Locale, { value: string; eastAsia: string }> = {
  ko: { value: 'ko-KR', eastAsia: 'ko-KR' },
  en: { value: 'en-US', eastAsia: 'ko-KR' },
};
const BULLET = 'notice-desk-bullet';
const NUMBER = 'notice-desk-number';
const MD_HEADING = [HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5] as const;

/** Initials for Word's comment balloon: 김법무 → 김, Kim Legal → KL. */
function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  if (/[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/.test(words[0]!)) return [...words[0]!][0]!;
  return words.map((w) => [...w][0]!.toUpperCase()).join('').slice(0, 4);
}

// ---- runs ---------------------------------------------------------------------------------------

function runOptions(locale: Locale | null, extra: IRunOptions): IRunOptions {
  return { font: FONT, ...(locale ? { language: LANGUAGE[locale] } : {}), ...extra };
}

/** A paragraph's children: runs split where formatting changes and where comments start or end. */
function paragraphChildren(chars: readonly Char[], offset: number, locale: Locale, starts: Map<number, number[]>, ends: Map<number, number[]>): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  let text = '';
  let fmt: Char | null = null;
  const flush = () => {
    if (!fmt || text === '') return;
    const pieces = text.split('\n');
    const runs = pieces.flatMap((piece, k) => {
      const run: IRunOptions = runOptions(locale, { bold: fmt!.bold || undefined, italics: fmt!.italic || undefined, style: fmt!.href ? 'Hyperlink' : undefined });
      const list: TextRun[] = [];
      if (k > 0) list.push(new TextRun({ ...run, break: 1 }));
      if (piece) list.push(new TextRun({ ...run, text: piece }));
      return list;
    });
    if (fmt.href) out.push(new ExternalHyperlink({ link: fmt.href, children: runs }));
    else out.push(...runs);
    text = '';
  };
  const same = (a: Char, b: Char) => a.bold === b.bold && a.italic === b.italic && a.href === b.href;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const opening = starts.get(offset + i);
    if (opening || (fmt && !same(fmt, c))) flush();
    for (const id of opening ?? []) out.push(new CommentRangeStart(id));
    if (!fmt || !same(fmt, c)) fmt = c;
    text += c.ch;
    const closing = ends.get(offset + i);
    if (closing) {
      flush();
      for (const id of closing) {
        out.push(new CommentRangeEnd(id));
        out.push(new TextRun(runOptions(locale, { children: [new CommentReference(id)] })));
      }
    }
  }
  flush();
  return out;
}

function blockParagraph(block: Block, children: ParagraphChild[]): Paragraph {
  if (block.kind === 'heading') return new Paragraph({ heading: MD_HEADING[block.level - 1], children });
  if (block.kind === 'bullet' || block.kind === 'number') {
    return new Paragraph({ numbering: { reference: block.kind === 'bullet' ? BULLET : NUMBER, level: 0, instance: block.list }, children });
  }
  return new Paragraph({ children });
}

/** The live comments of a thread: deleted ones are left out (a deleted opening deletes the thread). */
function liveComments(t: PlacedThread): ReviewComment[] {
  if (t.deletedAt !== null || !t.comments[0] || t.comments[0].deletedAt !== null) return [];
  return t.comments.filter((c) => c.deletedAt === null);
}

function bodyParagraphs(body: string, locale: Locale | null): Paragraph[] {
  return body.split(/\r?\n/).map((line) => new Paragraph({ children: [new TextRun(runOptions(locale, { text: line }))] }));
}

const localeOfText = (text: string): Locale => (/[\uac00-\ud7a3]/.test(text) ? 'ko' : 'en');

/**
 * One locale's section: its paragraphs, with the comments of the threads placed in it. Threads
 * whose locale renders no words at all come back as `unplaced` (for the appendix).
 */
function section(
  locale: Locale,
  text: string,
  threads: readonly PlacedThread[],
  comments: ICommentOptions[],
  lists: { next: number },
): { paragraphs: Paragraph[]; unplaced: PlacedThread[] } {
  const blocks = blocksOf(text, lists);
  const all = blocks.flatMap((b) => b.chars);
  const starts = new Map<number, number[]>();
  const ends = new Map<number, number[]>();
  const add = (map: Map<number, number[]>, at: number, id: number) => {
    const ids = map.get(at);
    if (ids) ids.push(id);
    else map.set(at, [id]);
  };
  const unplaced: PlacedThread[] = [];
  for (const t of threads) {
    if (t.anchor.locale !== locale || t.placed.start === null || t.placed.end === null) continue;
    if (all.length === 0) {
      unplaced.push(t);
      continue;
    }
    const id = comments.length;
    const live = liveComments(t);
    live.forEach((c, k) => {
      comments.push({
        id: id + k,
        author: c.author,
        initials: initials(c.author),
        date: new Date(c.createdAt),
        children: bodyParagraphs(c.body, localeOfText(c.body)),
        ...(k > 0 ? { parentId: id } : {}),
        ...(t.status === 'resolved' ? { resolved: true } : {}),
      });
    });
    const span = spanOf(all, t.placed.start, t.placed.end);
    const from = Math.min(span.from, all.length - 1);
    // Replies get the same range as their thread, as Word writes them (it shows no comment without one).
    for (let k = 0; k < live.length; k++) {
      add(starts, from, id + k);
      add(ends, Math.max(from, span.to - 1), id + k);
    }
  }
  const paragraphs: Paragraph[] = [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(runOptions(locale, { text: DOCX_HEADINGS[locale] }))] })];
  let offset = 0;
  for (const block of blocks) {
    paragraphs.push(blockParagraph(block, paragraphChildren(block.chars, offset, locale, starts, ends)));
    offset += block.chars.length;
  }
  return { paragraphs, unplaced };
}

/** The appendix: threads whose words are not in this version, with their quote and comments. */
function appendix(orphans: readonly PlacedThread[], timeZone: string): Paragraph[] {
  if (orphans.length === 0) return [];
  const out = [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(runOptions(null, { text: DOCX_HEADINGS.orphaned }))] })];
  for (const t of orphans) {
    const locale = t.anchor.locale;
    out.push(
      new Paragraph({
        spacing: { before: 200 },
        children: [
          new TextRun(runOptions(locale, { text: `${DOCX_HEADINGS[locale]}: “`, bold: true })),
          new TextRun(runOptions(locale, { text: t.anchor.quote, italics: true })),
          new TextRun(runOptions(locale, { text: '”', bold: true })),
        ],
      }),
    );
    for (const c of liveComments(t)) {
      const lines = c.body.split(/\r?\n/);
      out.push(
        new Paragraph({
          numbering: { reference: BULLET, level: 0 },
          children: [
            new TextRun(runOptions(null, { text: `${c.author}, ${formatLocalMinute(c.createdAt, timeZone)}: `, bold: true })),
            ...lines.flatMap((line, k) => [...(k > 0 ? [new TextRun({ break: 1 })] : []), new TextRun(runOptions(localeOfText(line), { text: line }))]),
          ],
        }),
      );
    }
  }
  return out;
}

/** Threads in a fixed order (locale, place, time, id), so the same threads give the same file. */
function ordered(threads: readonly PlacedThread[]): PlacedThread[] {
  return [...threads].sort(
    (a, b) =>
      a.anchor.locale.localeCompare(b.anchor.locale) ||
      (a.placed.start ?? -1) - (b.placed.start ?? -1) ||
      a.createdAt - b.createdAt ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/**
 * Pins what `docx` takes from the clock or from random numbers: the created and modified times of
 * docProps/core.xml, the random ids of hyperlink relationships and the zip entries' times.
 */
function pinned(bytes: Uint8Array, created: number, modified: number, timeZone: string): Buffer {
  const files = unzipSync(bytes);
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const edit = (name: string, change: (xml: string) => string) => {
    if (files[name]) files[name] = encoder.encode(change(decoder.decode(files[name])));
  };
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  edit('docProps/core.xml', (xml) =>
    xml
      .replace(/(<dcterms:created\b[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${iso(created)}$2`)
      .replace(/(<dcterms:modified\b[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${iso(modified)}$2`),
  );
  const rels = files['word/_rels/document.xml.rels'] ? decoder.decode(files['word/_rels/document.xml.rels']) : '';
  const random = [...rels.matchAll(/Id="(rId[a-z0-9_-]{21})"/g)].map((m) => m[1]!);
  if (random.length > 0) {
    const document = files['word/document.xml'] ? decoder.decode(files['word/document.xml']) : '';
    random.sort((a, b) => document.indexOf(`"${a}"`) - document.indexOf(`"${b}"`));
    const names = new Map(random.map((id, k) => [id, `rIdLink${k + 1}`]));
    const rename = (xml: string) => xml.replace(/"(rId[a-z0-9_-]{21})"/g, (all, id: string) => (names.has(id) ? `"${names.get(id)}"` : all));
    edit('word/_rels/document.xml.rels', rename);
    edit('word/document.xml', rename);
  }
  // Zip times are local wall-clock fields: give them the version's time in the workspace's zone.
  const [date, time] = formatLocalMinute(created, timeZone).split(' ');
  const [y, mo, d] = date!.split('-').map(Number);
  const [h, mi] = time!.split(':').map(Number);
  const mtime = new Date(Math.min(Math.max(y!, 1980), 2099), mo! - 1, d, h, mi);
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(files)) zippable[name] = [data, { mtime }];
  return Buffer.from(zipSync(zippable, { level: 6 }));
}

/**
 * The version as a .docx: its texts with the threads placed on it as Word comments (replies as
 * replies), orphaned threads (placed nowhere) in an appendix. `threads` are placed on this
 * version: `placed.start`/`end` are offsets into the Markdown source of the anchor's locale.
 */
export async function versionToDocx(version: DisclosureVersion, threads: readonly PlacedThread[], options: DocxExportOptions): Promise<Buffer> {
  const live = ordered(threads).filter((t) => liveComments(t).length > 0);
  const placed = live.filter((t) => t.placed.start !== null && t.placed.end !== null);
  const orphans = live.filter((t) => t.placed.start === null || t.placed.end === null);
  const comments: ICommentOptions[] = [];
  const lists = { next: 1 };
  const ko = section('ko', version.koText, placed, comments, lists);
  const en = section('en', version.enText, placed, comments, lists);
  const facts = [
    `Surface / 노출 위치: ${version.surface}`,
    `Version / 버전: ${version.number}`,
    `Author / 작성자: ${version.author}`,
    `Created / 작성일: ${formatLocalMinute(version.createdAt, options.timeZone)} (${options.timeZone})`,
    `SHA-256: ${version.sha256}`,
  ].join(' · ');
  const doc = new Document({
    title: version.title,
    subject: `Disclosure ${version.disclosureId}, version ${version.number}`,
    creator: version.author,
    lastModifiedBy: version.author,
    description: `Notice Desk: version ${version.number} of disclosure ${version.disclosureId} for legal review (SHA-256 ${version.sha256}).`,
    keywords: `Notice Desk; review; ${version.surface}`,
    customProperties: [
      { name: DOCX_PROPERTIES.disclosureId, value: String(version.disclosureId) },
      { name: DOCX_PROPERTIES.version, value: String(version.number) },
      { name: DOCX_PROPERTIES.sha256, value: version.sha256 },
    ],
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    numbering: {
      config: [
        { reference: BULLET, levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', style: { paragraph: { indent: { left: 720, hanging: 360 } } } }] },
        { reference: NUMBER, levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', style: { paragraph: { indent: { left: 720, hanging: 360 } } } }] },
      ],
    },
    comments: { children: comments },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(runOptions(localeOfText(version.title), { text: version.title }))] }),
          new Paragraph({ children: [new TextRun(runOptions(null, { text: facts, size: 16, color: '595959' }))] }),
          ...ko.paragraphs,
          ...en.paragraphs,
          ...appendix([...orphans, ...ko.unplaced, ...en.unplaced], options.timeZone),
        ],
      },
    ],
  });
  const bytes = await Packer.toBuffer(doc);
  return pinned(bytes, version.createdAt, options.now ?? version.createdAt, options.timeZone);
}
