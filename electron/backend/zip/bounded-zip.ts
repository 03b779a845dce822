/**
 * The one zip reader for untrusted archives (review files, Word files, evidence packs): entries are
 * found from the central directory, every local header must agree with it, names must be safe
 * relative paths and appear once, and an entry is only inflated when asked for — in small pieces,
 * counting what comes out against the limits, never trusting the sizes the archive declares — and
 * then checked against its CRC-32 and declared size. Everything is linear in the archive's size.
 * It knows nothing of what the entries mean: callers word the problems (`ZipProblem`) for their users.
 */
import { crc32 } from 'node:zlib';
import { Inflate } from 'fflate';

/** Why an archive (or one entry of it) cannot be read. */
export type ZipProblem =
  | { kind: 'not-zip' }
  | { kind: 'damaged'; entry: string | null; reason: string }
  | { kind: 'bad-path'; entry: string }
  | { kind: 'duplicate-entry'; entry: string }
  | { kind: 'too-many-entries'; count: number; limit: number }
  | { kind: 'entry-too-large'; entry: string; limit: number }
  | { kind: 'too-large'; limit: number }; // all entries read together unpack to more than totalBytes

/** Thrown by `openZip` and `BoundedZip.read`; `problem` says what is wrong for the caller to word. */
export class ZipError extends Error {
  readonly problem: ZipProblem;

  constructor(problem: ZipProblem) {
    super(describe(problem));
    this.name = 'ZipError';
    this.problem = problem;
  }
}

/** How much an archive may hold: entries in it, bytes one entry unpacks to, bytes all reads unpack to. */
export interface ZipLimits {
  entries: number;
  entryBytes: number;
  totalBytes: number;
}

/** An archive whose directory has been checked; entries are inflated only when read. */
export interface BoundedZip {
  /** Entry names in central-directory order (exactly as stored; safe relative paths only). */
  readonly names: readonly string[];
  has(name: string): boolean;
  /** Inflates one entry, counting output against entryBytes and against totalBytes over all reads; checks CRC-32. null when absent. */
  read(name: string): Uint8Array | null;
}

function describe(p: ZipProblem): string {
  switch (p.kind) {
    case 'not-zip':
      return 'not a zip archive';
    case 'damaged':
      return p.entry === null ? `the zip archive is damaged: ${p.reason}` : `the zip archive is damaged at "${p.entry}": ${p.reason}`;
    case 'bad-path':
      return `the zip archive holds an entry with an unsafe path: "${p.entry}"`;
    case 'duplicate-entry':
      return `the zip archive holds "${p.entry}" more than once`;
    case 'too-many-entries':
      return `the zip archive holds ${p.count} entries; at most ${p.limit} are read`;
    case 'entry-too-large':
      return `"${p.entry}" unpacks to more than ${p.limit} bytes`;
    case 'too-large':
      return `the entries read unpack to more than ${p.limit} bytes together`;
  }
}

/**
 * A path an archive may hold: relative, forward slashes, no empty, `.` or `..` part (a directory
 * entry's one trailing slash aside), no drive letter, no control character.
 */
export function safeZipPath(path: string): boolean {
  if (path === '' || path.startsWith('/') || path.includes('\\') || /^[A-Za-z]:/.test(path) || /\p{Cc}/u.test(path)) return false;
  const parts = (path.endsWith('/') ? path.slice(0, -1) : path).split('/');
  return parts.every((part) => part !== '' && part !== '.' && part !== '..');
}

/** Packed bytes handed to the inflater at a time: one push unpacks at most ~1032× this, so a bomb is caught early. */
const FEED = 4 << 10;
const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

interface Entry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  packed: number;
  size: number;
  /** Where its data starts (after the local header, which has been checked). */
  from: number;
}

/**
 * Opens an archive: reads and checks its central directory and every local header, throwing a
 * `ZipError` for anything that is not a whole, plain (no encryption, no ZIP64, not split, stored or
 * deflated) archive of at most `limits.entries` safely named, distinct entries. `caseInsensitive`
 * looks names up (and finds duplicates) regardless of case, as Office does.
 */
export function openZip(bytes: Uint8Array, limits: ZipLimits, options: { caseInsensitive?: boolean } = {}): BoundedZip {
  const fail = (problem: ZipProblem): never => {
    throw new ZipError(problem);
  };
  const damaged = (entry: string | null, reason: string) => fail({ kind: 'damaged', entry, reason });
  const isPk = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
  if (!isPk) fail({ kind: 'not-zip' });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const inside = (at: number, n: number) => (at < 0 || at + n > bytes.length ? damaged(null, 'a header points outside the file') : at);
  const u16 = (at: number) => view.getUint16(inside(at, 2), true);
  const u32 = (at: number) => view.getUint32(inside(at, 4), true);

  // The end record: the last one whose comment ends the file (at most 64 KiB of comment to search).
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === END && at + 22 + u16(at + 20) === bytes.length) {
      end = at;
      break;
    }
  }
  if (end < 0) damaged(null, 'no central directory: the file is cut short');
  const count = u16(end + 10);
  const cdSize = u32(end + 12);
  const cdStart = u32(end + 16);
  if (u16(end + 4) !== 0 || u16(end + 6) !== 0 || u16(end + 8) !== count) damaged(null, 'split archives are not read');
  if (count === 0xffff || cdStart === 0xffffffff || cdSize === 0xffffffff) damaged(null, 'ZIP64 archives are not read');
  if (count > limits.entries) fail({ kind: 'too-many-entries', count, limit: limits.entries });
  if (cdStart + cdSize > end) damaged(null, 'the central directory lies outside the file');

  const decoder = new TextDecoder('utf-8', { fatal: true });
  const key = options.caseInsensitive ? (name: string) => name.toLowerCase() : (name: string) => name;
  const entries = new Map<string, Entry>();
  const names: string[] = [];
  let at = cdStart;
  for (let i = 0; i < count; i++) {
    if (at + 46 > cdStart + cdSize || u32(at) !== CENTRAL) damaged(null, `entry ${i + 1} of the central directory is not where the directory says`);
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const crc = u32(at + 16);
    const packed = u32(at + 20);
    const size = u32(at + 24);
    const nameLength = u16(at + 28);
    const local = u32(at + 42);
    const raw = bytes.subarray(at + 46, at + 46 + nameLength);
    if (raw.length !== nameLength) damaged(null, 'a header points outside the file');
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
    let name = '';
    try {
      name = decoder.decode(raw);
    } catch {
      fail({ kind: 'bad-path', entry: Buffer.from(raw).toString('latin1') });
    }
    if (!safeZipPath(name)) fail({ kind: 'bad-path', entry: name });
    if (entries.has(key(name))) fail({ kind: 'duplicate-entry', entry: name });
    if (flags & 1) damaged(name, 'it is encrypted');
    if (method !== 0 && method !== 8) damaged(name, `compression method ${method} is not read`);
    if (packed === 0xffffffff || size === 0xffffffff || local === 0xffffffff) damaged(name, 'ZIP64 archives are not read');
    if (local + 30 > cdStart || u32(local) !== LOCAL) damaged(name, 'its local header is missing');
    const localName = bytes.subarray(local + 30, local + 30 + u16(local + 26));
    if (Buffer.compare(localName, raw) !== 0) damaged(name, 'its local header names another entry');
    const from = local + 30 + localName.length + u16(local + 28);
    if (from + packed > cdStart) damaged(name, 'its data runs past the central directory');
    entries.set(key(name), { name, flags, method, crc, packed, size, from });
    names.push(name);
  }
  // More records than the end record counts (a writer that let the count wrap past 65,535) is not a whole archive either.
  if (at !== cdStart + cdSize) damaged(null, 'the central directory holds more or less than its end record says');

  let total = 0;
  return {
    names,
    has: (name) => entries.has(key(name)),
    read(name) {
      const entry = entries.get(key(name));
      if (!entry) return null;
      const { name: stored, size: declared } = entry;
      // Declared sizes only ever refuse early; what is counted is what comes out.
      if (declared > limits.entryBytes) fail({ kind: 'entry-too-large', entry: stored, limit: limits.entryBytes });
      if (total + declared > limits.totalBytes) fail({ kind: 'too-large', limit: limits.totalBytes });
      const data = bytes.subarray(entry.from, entry.from + entry.packed);
      const chunks: Uint8Array[] = [];
      let length = 0;
      const take = (chunk: Uint8Array) => {
        length += chunk.length;
        total += chunk.length;
        if (length > limits.entryBytes) fail({ kind: 'entry-too-large', entry: stored, limit: limits.entryBytes });
        if (total > limits.totalBytes) fail({ kind: 'too-large', limit: limits.totalBytes });
        chunks.push(chunk);
      };
      try {
        if (entry.method === 0) {
          take(data.slice(0, Math.min(data.length, limits.entryBytes + 1)));
        } else {
          const inflater = new Inflate((chunk) => take(chunk));
          for (let piece = 0; piece < data.length || piece === 0; piece += FEED) inflater.push(data.subarray(piece, piece + FEED), piece + FEED >= data.length);
        }
      } catch (error) {
        if (error instanceof ZipError) throw error;
        damaged(stored, `it cannot be inflated (${(error as Error).message})`);
      }
      const whole = Buffer.concat(chunks, length);
      if (whole.length !== declared) damaged(stored, `it unpacks to ${whole.length} bytes, not the ${declared} its header declares`);
      if (crc32(whole) >>> 0 !== entry.crc) damaged(stored, 'its CRC-32 does not match');
      return new Uint8Array(whole.buffer, whole.byteOffset, whole.byteLength);
    },
  };
}
