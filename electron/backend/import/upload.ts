import fs from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError, userError } from '../../../shared/contract/errors.ts';

/** The largest file browser mode accepts by upload (Electron imports by path, with no limit). */
export const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;

/** A byte count as people write a limit: `8 MiB`, `4 GiB`. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1 && value % 1024 === 0) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toLocaleString('en-US')} ${units[unit]}`;
}

/** A file name safe to create: no folders, no control characters, not empty. */
export function safeUploadName(name: string): string {
  const base = [...path.basename(name.replace(/\\/g, '/'))]
    .map((ch) => (ch.charCodeAt(0) < 32 || '<>:"|?*'.includes(ch) ? '_' : ch))
    .join('')
    .trim();
  return base === '' || base === '.' || base === '..' ? 'upload' : base.slice(0, 200);
}

let root: string | null = null;
/** The upload folders this module made (real paths): the only folders `releaseUpload` removes. */
const made = new Set<string>();
let exitHookInstalled = false;

/**
 * This process's private upload folder: made on first use with `mkdtemp` (mode 0700, a random name
 * no other process can guess or pre-create), as a real path; removed at exit. Browser mode allows
 * imports only from inside it.
 */
export function uploadRoot(): string {
  if (root && fs.existsSync(root)) return root;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notice-desk-uploads-'));
  fs.chmodSync(dir, 0o700);
  root = fs.realpathSync(dir);
  made.clear();
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => removeUploadRoot());
  }
  return root;
}

/** Removes the upload folder and everything in it (bridge close, process exit); the next upload makes a new one. */
export function removeUploadRoot(): void {
  if (root) fs.rmSync(root, { recursive: true, force: true });
  root = null;
  made.clear();
}

let holders = 0;

/**
 * Marks the upload folder as in use by a bridge; the returned function lets go of it, and the last
 * holder to let go removes the folder (two bridges in one process do not remove each other's uploads).
 */
export function holdUploadRoot(): () => void {
  holders += 1;
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    holders -= 1;
    if (holders === 0) removeUploadRoot();
  };
}

/** The real path of `p` if it exists, else its resolved form (a removed file's folder). */
function realOrResolved(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/**
 * Removes the upload folder holding `file` when, and only when, this module made that folder (the
 * file's parent, by real path, is one of its own folders, directly inside `uploadRoot()`). Any other
 * path — a user's own file, `<uploads>/../elsewhere/x.csv`, a folder named like an upload — is left
 * alone. Returns true when a folder was removed.
 */
export function releaseUpload(file: string): boolean {
  if (!root) return false;
  const folder = realOrResolved(path.dirname(path.resolve(file)));
  if (!made.has(folder) || path.dirname(folder) !== root) return false;
  made.delete(folder);
  fs.rmSync(folder, { recursive: true, force: true });
  return true;
}

/**
 * Streams a request body to `<uploadRoot>/<random>/<name>` (never held in memory) and returns the
 * path; the import queue releases the folder when the import ends. Refuses bodies over `limit` with
 * `too-large` (checked on Content-Length up front and counted while streaming; the partial file is
 * removed).
 */
export async function receiveUpload(req: http.IncomingMessage, name: string, limit = MAX_UPLOAD_BYTES): Promise<string> {
  const file = safeUploadName(name);
  const tooLarge = () => userError('too-large', 'bridge.upload-too-large', { file, limit: formatBytes(limit) }, { limit });
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw tooLarge();
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(uploadRoot(), 'u-')));
  made.add(dir);
  const target = path.join(dir, file);
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > limit) done(tooLarge());
      else done(null, chunk);
    },
  });
  try {
    await pipeline(req, counter, fs.createWriteStream(target, { mode: 0o600, flags: 'wx' }));
  } catch (error) {
    made.delete(dir);
    fs.rmSync(dir, { recursive: true, force: true });
    if (error instanceof AppError) throw error;
    throw userError('file-unreadable', 'bridge.upload-failed', { file, reason: error instanceof Error ? error.message : String(error) });
  }
  return target;
}
