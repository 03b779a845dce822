/**
 * The XML of a Word file's parts, read as untrusted input: UTF-8 or UTF-16, no DTD, well-formed,
 * nested at most MAX_DEPTH deep, entities decoded here and never expanded; and the few walks
 * `docx-import.ts` and `docx-text.ts` make over fast-xml-parser's ordered nodes. Also how a Word
 * file is refused, for every part of its reading.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { userError, type AppError, type AppErrorCode } from '../../../shared/contract/errors.ts';

/** A Word file refused: `review.file-unreadable`, naming the file and what is wrong. */
export function refuse(code: AppErrorCode, file: string, reason: string): AppError {
  return userError(code, 'review.file-unreadable', { file, reason }, { file, reason });
}

/** How deep elements may nest (Word's own files stay far below). */
export const MAX_DEPTH = 256;

/** A node as fast-xml-parser gives it in preserveOrder mode: `{tag: children, ':@': attributes}` or `{'#text': text}`. */
export type XNode = Record<string, unknown>;

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
export function decode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (all, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref]!;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

/** A part's nodes, or a refusal naming the part and what is wrong with its XML. */
export function parseXml(bytes: Uint8Array, file: string, part: string): XNode[] {
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

/** The element name of a node (`#text` for text). */
export const tagOf = (node: XNode): string | null => {
  for (const key in node) if (key !== ':@') return key;
  return null;
};
/** The children of a node whose tag is `tag`. */
export const kids = (node: XNode, tag: string): XNode[] => (Array.isArray(node[tag]) ? (node[tag] as XNode[]) : []);
/** An attribute's decoded value. */
export const attr = (node: XNode, name: string): string | undefined => {
  const value = (node[':@'] as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? decode(value) : undefined;
};
/** The elements named `tag` among nodes, at any depth (an iterative walk). */
export function findAll(nodes: readonly XNode[], tag: string): XNode[] {
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
export function textOf(node: XNode): string {
  return findAll([node], '#text')
    .map((n) => decode(String(n['#text'] ?? '')))
    .join('');
}
