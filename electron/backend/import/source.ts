import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import { Unzip, UnzipInflate } from 'fflate';
import { AppError } from '../../../shared/contract/errors.ts';

/** Raw bytes read so far and the SHA-256 of the file as stored on disk. */
export interface SourceStats {
  /** The file or folder it reads. */
  path: string;
  size: number;
  bytesRead: number;
  sha256(): string;
}

/** One file's bytes (decompressed when gzip), streamed. */
export interface StreamSource extends SourceStats {
  type: 'stream';
  gzip: boolean;
  chunks(): AsyncIterable<Uint8Array>;
}

/** A folder or zip of many small JSON files (Slack export): entries in name order. */
export interface EntriesSource extends SourceStats {
  type: 'entries';
  entries(): AsyncIterable<{ name: string; bytes: Uint8Array }>;
}

export type Source = StreamSource | EntriesSource;

const CHUNK = 1 << 20;

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

function listJsonFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.json')) out.push(child);
    }
  };
  walk('');
  return out.sort();
}

/** Opens a file or folder for reading; throws `file-unreadable` naming it when it cannot be read. */
export function openSource(file: string): Source {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new AppError('file-unreadable', `${file}: no such file or folder.`, { file });
  }
  if (stat.isDirectory()) {
    const names = listJsonFiles(file);
    const hash = createHash('sha256');
    let size = 0;
    const src: EntriesSource = {
      type: 'entries',
      path: file,
      size: 0,
      bytesRead: 0,
      sha256: () => hash.copy().digest('hex'),
      async *entries() {
        for (const name of names) {
          const bytes = await fs.promises.readFile(path.join(file, name));
          hash.update(name + '\n');
          hash.update(bytes);
          src.bytesRead += bytes.length;
          yield { name, bytes };
        }
      },
    };
    for (const name of names) size += fs.statSync(path.join(file, name)).size;
    src.size = size;
    return src;
  }
  const head = readHead(file, 4);
  const hash = createHash('sha256');
  const raw = async function* (src: SourceStats): AsyncIterable<Buffer> {
    for await (const chunk of fs.createReadStream(file, { highWaterMark: CHUNK })) {
      const buf = chunk as Buffer;
      hash.update(buf);
      src.bytesRead += buf.length;
      yield buf;
    }
  };
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    const src: EntriesSource = {
      type: 'entries',
      path: file,
      size: stat.size,
      bytesRead: 0,
      sha256: () => hash.copy().digest('hex'),
      async *entries() {
        const ready: { name: string; bytes: Uint8Array }[] = [];
        const unzip = new Unzip((entry) => {
          if (!entry.name.toLowerCase().endsWith('.json')) return;
          const parts: Uint8Array[] = [];
          entry.ondata = (error, data, final) => {
            if (error) throw new AppError('file-unreadable', `${file}: ${entry.name}: ${error.message}`, { file });
            parts.push(data);
            if (final) ready.push({ name: entry.name, bytes: Buffer.concat(parts) });
          };
          entry.start();
        });
        unzip.register(UnzipInflate);
        for await (const chunk of raw(src)) {
          unzip.push(chunk, false);
          while (ready.length) yield ready.shift()!;
        }
        unzip.push(new Uint8Array(0), true);
        while (ready.length) yield ready.shift()!;
      },
    };
    return src;
  }
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  const src: StreamSource = {
    type: 'stream',
    path: file,
    size: stat.size,
    bytesRead: 0,
    gzip,
    sha256: () => hash.copy().digest('hex'),
    async *chunks() {
      if (!gzip) {
        yield* raw(src);
        return;
      }
      const gunzip = createGunzip({ chunkSize: CHUNK });
      const feed = (async () => {
        try {
          for await (const chunk of raw(src)) {
            if (!gunzip.write(chunk)) await new Promise((r) => gunzip.once('drain', r));
          }
          gunzip.end();
        } catch (error) {
          gunzip.destroy(error as Error);
        }
      })();
      try {
        for await (const out of gunzip) yield out as Buffer;
      } catch (error) {
        throw new AppError('file-unreadable', `${file}: the gzip data is damaged (${(error as Error).message}).`, { file });
      }
      await feed;
    },
  };
  return src;
}
