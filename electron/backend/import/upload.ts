import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { AppError } from '../../../shared/contract/errors.ts';
import { UPLOAD_DIR } from './import-queue.ts';

/** The largest file browser mode accepts by upload (Electron imports by path, with no limit). */
export const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;

/** A file name safe to create: no folders, no control characters, not empty. */
export function safeUploadName(name: string): string {
  const base = [...path.basename(name.replace(/\\/g, '/'))]
    .map((ch) => (ch.charCodeAt(0) < 32 || '<>:"|?*'.includes(ch) ? '_' : ch))
    .join('')
    .trim();
  return base === '' || base === '.' || base === '..' ? 'upload' : base.slice(0, 200);
}

/**
 * Streams a request body to `<tmp>/notice-desk-uploads/<random>/<name>` (never held in memory) and
 * returns the path; the import queue removes the folder when the import ends. Refuses bodies over
 * the limit (the partial file is removed).
 */
export async function receiveUpload(req: http.IncomingMessage, name: string): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_UPLOAD_BYTES) {
    throw new AppError('bad-input', `${name} is larger than the ${MAX_UPLOAD_BYTES / 1024 ** 3} GiB upload limit of browser mode.`);
  }
  const dir = path.join(UPLOAD_DIR, randomBytes(12).toString('hex'));
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, safeUploadName(name));
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > MAX_UPLOAD_BYTES) done(new AppError('bad-input', `${name} is larger than the upload limit.`));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(req, limit, fs.createWriteStream(file, { mode: 0o600 }));
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error instanceof AppError ? error : new AppError('file-unreadable', `The upload of ${name} failed: ${(error as Error).message}`);
  }
  return file;
}
