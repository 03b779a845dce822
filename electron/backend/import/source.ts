import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';
import { AppError, userError } from '../../../shared/contract/errors.ts';
import { formatBytes, RATIO_FLOOR_BYTES, readLimits, type ReadLimits } from './limits.ts';

/** Raw bytes read so far and the SHA-256 of the file as stored on disk. */
export interface SourceStats {
  /** The file or folder it reads. */
  path: string;
  /** The name errors give it (the user's file name for an upload). */
  name: string;
  size: number;
  bytesRead: number;
  limits: ReadLimits;
  sha256(): string;
}

/** One file's bytes (decompressed when gzip), streamed. */
export interface StreamSource extends SourceStats {
  type: 'stream';
  gzip: boolean;
  chunks(): AsyncIterable<Uint8Array>;
}

/** A piece of one entry of a folder or zip; `final` on its last piece (entries come one after another). */
export interface EntryPart {
  name: string;
  data: Uint8Array;
  final: boolean;
}

/** A folder or zip of many small JSON files (Slack export): the day files' bytes, entry by entry, streamed. */
export interface EntriesSource extends SourceStats {
  type: 'entries';
  parts(): AsyncIterable<EntryPart>;
}

export type Source = StreamSource | EntriesSource;

/** The day files of a Slack export: `<channel>/<YYYY-MM-DD>.json`. */
export const DAY_FILE = /(^|\/)([^/]+)\/\d{4}-\d{2}-\d{2}\.json$/i;

const CHUNK = 1 << 20;
/** Packed bytes handed to the unzipper at a time: one push unpacks at most ~1032× this. */
const ZIP_FEED = 16 << 10;
/** Packed bytes handed to gunzip at a time. */
const GZIP_FEED = 64 << 10;

/** Where a source opened by `openSource` reads from, and its limits. */
export interface OpenSourceOptions {
  /** The name errors give the file (default: its base name). */
  name?: string;
  limits?: Partial<ReadLimits>;
}

function readHead(file: string, n: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const got = fs.readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, got);
  } finally {
    fs.closeSync(fd);
  }
}

function listDayFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() && DAY_FILE.test(child)) out.push(child);
    }
  };
  walk('');
  return out.sort();
}

/** Opens a file or folder for reading; throws `file-unreadable` naming it when it cannot be read. */
export function openSource(file: string, options: OpenSourceOptions = {}): Source {
  const name = options.name ?? path.basename(file);
  const limits = readLimits(options.limits);
  let stat: fs.Stats;
  let head: Buffer;
  try {
    stat = fs.statSync(file);
    head = stat.isDirectory() ? Buffer.alloc(0) : readHead(file, 4);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw userError('file-unreadable', 'imports.file-missing', { file: name }, { file: name });
    throw userError('file-unreadable', 'imports.file-unreadable', { file: name, reason: (error as Error).message }, { file: name });
  }
  const hash = createHash('sha256');
  const base = { path: file, name, size: stat.size, bytesRead: 0, limits, sha256: () => hash.copy().digest('hex') };
  if (stat.isDirectory()) return folderSource(file, base, hash);
  const raw = async function* (src: SourceStats): AsyncIterable<Buffer> {
    try {
      for await (const chunk of fs.createReadStream(file, { highWaterMark: CHUNK })) {
        const buf = chunk as Buffer;
        hash.update(buf);
        src.bytesRead += buf.length;
        yield buf;
      }
    } catch (error) {
      throw userError('file-unreadable', 'imports.file-unreadable', { file: name, reason: (error as Error).message }, { file: name });
    }
  };
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return zipSource(base, raw);
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  const src: StreamSource = {
    ...base,
    type: 'stream',
    gzip,
    async *chunks() {
      if (!gzip) {
        yield* raw(src);
        return;
      }
      yield* gunzipChunks(src, raw(src));
    },
  };
  return src;
}

/** A folder: its day files, read in name order, in chunks. */
function folderSource(dir: string, base: SourceStats, hash: ReturnType<typeof createHash>): EntriesSource {
  const names = listDayFiles(dir);
  let size = 0;
  for (const name of names) size += fs.statSync(path.join(dir, name)).size;
  const src: EntriesSource = {
    ...base,
    size,
    type: 'entries',
    async *parts() {
      for (const name of names) {
        hash.update(name + '\n');
        let last: Buffer | null = null;
        for await (const chunk of fs.createReadStream(path.join(dir, name), { highWaterMark: CHUNK })) {
          const buf = chunk as Buffer;
          hash.update(buf);
          src.bytesRead += buf.length;
          if (last) yield { name, data: last, final: false };
          last = buf;
        }
        yield { name, data: last ?? new Uint8Array(0), final: true };
      }
    },
  };
  return src;
}

/** Gunzips a stream of bytes, stopping at the total and ratio limits. */
async function* gunzipChunks(src: StreamSource, packed: AsyncIterable<Buffer>): AsyncIterable<Uint8Array> {
  const { maxUnpackedBytes, maxRatio } = src.limits;
  const file = src.name;
  const gunzip = createGunzip({ chunkSize: CHUNK });
  let feedError: unknown = null;
  // Packed bytes handed to gunzip so far, in small pieces so that the count follows what it has unpacked.
  let written = 0;
  const feed = (async () => {
    try {
      for await (const chunk of packed) {
        for (let at = 0; at < chunk.length; at += GZIP_FEED) {
          const piece = chunk.subarray(at, Math.min(chunk.length, at + GZIP_FEED));
          written += piece.length;
          if (!gunzip.write(piece)) await new Promise((r) => gunzip.once('drain', r));
          if (gunzip.destroyed) return;
        }
      }
      gunzip.end();
    } catch (error) {
      feedError = error;
      gunzip.destroy(error as Error);
    }
  })();
  let unpacked = 0;
  try {
    for await (const out of gunzip) {
      const buf = out as Buffer;
      unpacked += buf.length;
      if (unpacked > maxUnpackedBytes) {
        throw userError('too-large', 'imports.unpacked-too-large', { file, limit: formatBytes(maxUnpackedBytes) }, { file });
      }
      if (unpacked > RATIO_FLOOR_BYTES && unpacked > maxRatio * written) {
        throw userError('too-large', 'imports.ratio', { file, limit: maxRatio }, { file });
      }
      yield buf;
    }
  } catch (error) {
    gunzip.destroy();
    if (feedError) throw feedError;
    if (error instanceof AppError) throw error;
    throw userError('file-unreadable', 'imports.gzip-damaged', { file, reason: (error as Error).message }, { file });
  } finally {
    if (!gunzip.destroyed) gunzip.destroy();
    await feed;
  }
}

/** A zip: its day files unpacked piece by piece (never an entry whole), within the limits. */
function zipSource(base: SourceStats, raw: (src: SourceStats) => AsyncIterable<Buffer>): EntriesSource {
  const src: EntriesSource = {
    ...base,
    type: 'entries',
    async *parts() {
      const { maxUnpackedBytes, maxEntryBytes, maxRatio } = src.limits;
      const file = src.name;
      const ready: EntryPart[] = [];
      let failure: unknown = null;
      let total = 0;
      let current = '';
      /** Packed bytes pushed into the unzipper so far (the ratio is taken against what an entry was fed, not what its header claims). */
      let fed = 0;
      const fail = (error: unknown) => {
        failure ??= error;
      };
      const unzip = new Unzip((entry) => {
        if (failure || !DAY_FILE.test(entry.name)) return;
        const name = entry.name;
        const fedAtStart = fed - ZIP_FEED;
        if (entry.originalSize !== undefined && entry.originalSize > maxEntryBytes) {
          fail(userError('too-large', 'imports.entry-too-large', { file, entry: name, limit: formatBytes(maxEntryBytes) }, { file, entry: name }));
          return;
        }
        let unpacked = 0;
        entry.ondata = (error, data, final) => {
          if (failure) return;
          if (error) {
            fail(userError('file-unreadable', 'imports.zip-damaged', { file, entry: name, reason: error.message }, { file, entry: name }));
            return;
          }
          unpacked += data.length;
          total += data.length;
          const params = { file, entry: name };
          if (unpacked > maxEntryBytes) fail(userError('too-large', 'imports.entry-too-large', { ...params, limit: formatBytes(maxEntryBytes) }, params));
          else if (total > maxUnpackedBytes) fail(userError('too-large', 'imports.zip-too-large', { ...params, limit: formatBytes(maxUnpackedBytes) }, params));
          else if (unpacked > RATIO_FLOOR_BYTES && unpacked > maxRatio * (fed - fedAtStart)) {
            fail(userError('too-large', 'imports.entry-ratio', { ...params, limit: maxRatio }, params));
          } else ready.push({ name, data, final });
          if (failure) entry.terminate();
        };
        current = name;
        try {
          entry.start();
        } catch (error) {
          fail(userError('file-unreadable', 'imports.zip-damaged', { file, entry: name, reason: (error as Error).message }, { file, entry: name }));
        }
      });
      unzip.register(UnzipInflate);
      unzip.register(UnzipPassThrough);
      const push = (bytes: Uint8Array, final: boolean) => {
        fed += bytes.length;
        try {
          unzip.push(bytes, final);
        } catch (error) {
          fail(userError('file-unreadable', 'imports.zip-damaged', { file, entry: current || '(start)', reason: (error as Error).message }, { file }));
        }
      };
      for await (const chunk of raw(src)) {
        for (let at = 0; at < chunk.length; at += ZIP_FEED) {
          push(chunk.subarray(at, Math.min(chunk.length, at + ZIP_FEED)), false);
          if (failure) throw failure;
          while (ready.length) yield ready.shift()!;
        }
      }
      push(new Uint8Array(0), true);
      if (failure) throw failure;
      while (ready.length) yield ready.shift()!;
    },
  };
  return src;
}
