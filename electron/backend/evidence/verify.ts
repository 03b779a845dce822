/**
 * Verifying an evidence pack (docs/evidence.md#verifying-a-pack): every file's SHA-256 against
 * manifest.json, files the manifest lists that are missing, files it does not list (extra), and —
 * when the user recorded it — the manifest's own SHA-256. Reads a folder (symbolic links are reported,
 * never followed) or a zip (through the bounded zip reader), under limits on everything it reads.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { userError } from '../../../shared/contract/errors.ts';
import type { EvidenceManifestFile, EvidenceVerification } from '../../../shared/evidence/types.ts';
import { openZip, safeZipPath, ZipError } from '../zip/bounded-zip.ts';
import { MANIFEST } from './files.ts';

/** What verify reads at most: files in a pack, bytes of one file, of all files, of the manifest and of a zip. */
export const VERIFY_LIMITS: VerifyLimits = {
  files: 10_000,
  fileBytes: 1 << 30,
  totalBytes: 4 * (1 << 30),
  manifestBytes: 8 << 20,
  zipBytes: 1 << 30,
  depth: 16,
};

export interface VerifyLimits {
  files: number;
  fileBytes: number;
  totalBytes: number;
  manifestBytes: number;
  zipBytes: number;
  depth: number;
}

const HEX64 = /^[0-9a-f]{64}$/;

/** A pack's files as verify sees them: names (pack-relative) and a way to hash one. */
interface PackSource {
  names: string[];
  /** Links found in a folder (reported, never followed). */
  links: string[];
  manifest(): Uint8Array | null;
  hash(name: string): string;
}

function unreadable(file: string, reason: string): never {
  throw userError('file-unreadable', 'evidence.unreadable', { file, reason }, { file });
}

/** Hashes a file in pieces, refusing one larger than the limit. */
function hashFile(file: string, budget: { left: number }, L: VerifyLimits): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    let size = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      size += n;
      budget.left -= n;
      if (size > L.fileBytes || budget.left < 0) unreadable(file, `larger than the ${size > L.fileBytes ? L.fileBytes : L.totalBytes} bytes verify reads`);
      hash.update(buffer.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

function folderSource(root: string, L: VerifyLimits): PackSource {
  const names: string[] = [];
  const links: string[] = [];
  const walk = (dir: string, prefix: string, depth: number) => {
    if (depth > L.depth) unreadable(root, `folders nested deeper than ${L.depth}`);
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const rel = prefix + entry.name;
      if (entry.isSymbolicLink()) links.push(rel);
      else if (entry.isDirectory()) walk(path.join(dir, entry.name), `${rel}/`, depth + 1);
      else if (entry.isFile()) names.push(rel);
      else links.push(rel); // a device, socket or pipe is no pack file either
      if (names.length + links.length > L.files) unreadable(root, `more than ${L.files} files`);
    }
  };
  walk(root, '', 0);
  const budget = { left: L.totalBytes };
  return {
    names,
    links,
    manifest() {
      const file = path.join(root, MANIFEST);
      const stat = fs.lstatSync(file, { throwIfNoEntry: false });
      if (!stat?.isFile()) return null;
      if (stat.size > L.manifestBytes) unreadable(file, `larger than the ${L.manifestBytes} bytes a manifest may be`);
      return fs.readFileSync(file);
    },
    hash: (name) => hashFile(path.join(root, ...name.split('/')), budget, L),
  };
}

function zipSource(file: string, L: VerifyLimits): PackSource {
  const stat = fs.statSync(file);
  if (stat.size > L.zipBytes) unreadable(file, `larger than the ${L.zipBytes} bytes verify reads`);
  let zip;
  try {
    zip = openZip(fs.readFileSync(file), { entries: L.files, entryBytes: L.fileBytes, totalBytes: L.totalBytes });
  } catch (error) {
    if (error instanceof ZipError) unreadable(file, error.message);
    throw error;
  }
  const entries = zip.names.filter((n) => !n.endsWith('/'));
  // The pack's folder is the one top-level directory holding manifest.json (a zip of loose files is
  // read as it is); an entry outside it is named relative to it (`../name`) and counts as extra.
  const holders = entries.filter((n) => /^[^/]+\/manifest\.json$/.test(n));
  const top = zip.has(MANIFEST) || holders.length !== 1 ? '' : holders[0]!.slice(0, -MANIFEST.length);
  const read = (name: string) => {
    try {
      return zip.read(top + name);
    } catch (error) {
      if (error instanceof ZipError) unreadable(file, error.message);
      throw error;
    }
  };
  return {
    names: entries.map((n) => (n.startsWith(top) ? n.slice(top.length) : `../${n}`)),
    links: [],
    manifest: () => {
      const bytes = zip.has(top + MANIFEST) ? read(MANIFEST) : null;
      if (bytes && bytes.length > L.manifestBytes) unreadable(file, `its manifest is larger than ${L.manifestBytes} bytes`);
      return bytes;
    },
    hash: (name) => createHash('sha256').update(read(name) ?? new Uint8Array()).digest('hex'),
  };
}

/** The manifest's file list, or why it cannot be used. */
function parseManifest(bytes: Uint8Array, L: VerifyLimits): { files: EvidenceManifestFile[] } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return { problem: 'manifest.json is not JSON' };
  }
  const m = value as { format?: unknown; formatVersion?: unknown; files?: unknown };
  if (typeof m !== 'object' || m === null || m.format !== 'notice-desk-evidence') return { problem: 'manifest.json is not an evidence pack manifest (format is not "notice-desk-evidence")' };
  if (m.formatVersion !== 1) return { problem: `manifest.json has format version ${JSON.stringify(m.formatVersion)}; this version reads version 1` };
  if (!Array.isArray(m.files)) return { problem: 'manifest.json lists no files' };
  if (m.files.length > L.files) return { problem: `manifest.json lists more than ${L.files} files` };
  const seen = new Set<string>();
  const files: EvidenceManifestFile[] = [];
  for (const [i, f] of (m.files as unknown[]).entries()) {
    const e = f as Partial<EvidenceManifestFile> | null;
    const ok =
      typeof e === 'object' && e !== null &&
      typeof e.path === 'string' && safeZipPath(e.path) && !e.path.endsWith('/') && e.path !== MANIFEST &&
      typeof e.sha256 === 'string' && HEX64.test(e.sha256) &&
      typeof e.size === 'number' && Number.isSafeInteger(e.size) && e.size >= 0;
    if (!ok) return { problem: `manifest.json: file ${i + 1} is not a pack-relative path with a size and a SHA-256` };
    if (seen.has(e.path!)) return { problem: `manifest.json lists ${e.path!} twice` };
    seen.add(e.path!);
    files.push({ path: e.path!, size: e.size!, sha256: e.sha256! });
  }
  return { files };
}

/**
 * Verifies a pack folder or its zip. `ok` only when the manifest is readable, every file it lists is
 * present with its hash, nothing else is there, no link stands in a folder, and — when
 * `manifestSha256` is given — the manifest's own hash matches it. A path that cannot be read at all
 * (missing, not a zip, over a limit) throws `file-unreadable`.
 */
export function verifyEvidencePack(target: string, options: { manifestSha256?: string; limits?: Partial<VerifyLimits> } = {}): EvidenceVerification {
  const L: VerifyLimits = { ...VERIFY_LIMITS, ...options.limits };
  const file = path.resolve(target);
  const stat = fs.lstatSync(file, { throwIfNoEntry: false });
  if (!stat) unreadable(file, 'no such file or folder');
  if (stat.isSymbolicLink()) unreadable(file, 'it is a symbolic link; name the pack folder or zip itself');
  const source = stat.isDirectory() ? folderSource(file, L) : zipSource(file, L);
  const manifestBytes = source.manifest();
  const manifestSha256 = manifestBytes ? createHash('sha256').update(manifestBytes).digest('hex') : null;
  const given = options.manifestSha256?.trim().toLowerCase();
  const manifestMatches = given === undefined ? null : manifestSha256 === given;
  const result: EvidenceVerification = {
    ok: false,
    manifestSha256,
    manifestMatches,
    checked: 0,
    missing: [],
    extra: [],
    altered: [],
    manifestProblem: null,
  };
  if (source.links.length) result.links = [...source.links].sort();
  if (!manifestBytes) {
    result.manifestProblem = 'manifest.json is missing';
    return result;
  }
  const parsed = parseManifest(manifestBytes, L);
  if ('problem' in parsed) {
    result.manifestProblem = parsed.problem;
    return result;
  }
  const present = new Set(source.names);
  const listed = new Set(parsed.files.map((f) => f.path));
  for (const f of parsed.files) {
    if (!present.has(f.path)) {
      result.missing.push(f.path);
      continue;
    }
    const actual = source.hash(f.path);
    result.checked += 1;
    if (actual !== f.sha256) result.altered.push({ path: f.path, expected: f.sha256, actual });
  }
  result.extra = source.names.filter((n) => n !== MANIFEST && !listed.has(n)).sort();
  result.missing.sort();
  result.altered.sort((a, b) => (a.path < b.path ? -1 : 1));
  result.ok = result.missing.length === 0 && result.extra.length === 0 && result.altered.length === 0 && manifestMatches !== false && !result.links;
  return result;
}
