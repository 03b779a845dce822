/**
 * Writing an evidence pack (docs/evidence.md): a folder, and optionally a zip of it, written so that
 * nothing half-written is ever left — the files go into a temporary folder beside the target, which
 * is renamed into place only once every file is written; any failure removes it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { AppError, userError } from '../../../shared/contract/errors.ts';
import type { EvidenceLocale, EvidenceSummary } from '../../../shared/evidence/types.ts';
import type { Db } from '../db/connection.ts';
import { collect } from './collect.ts';
import type { EvidenceEvents } from './events.ts';
import { MANIFEST, packFiles, sha256Hex, type PackFile, type PdfRenderer } from './files.ts';

export interface PackOptions {
  from?: string;
  to?: string;
  language: EvidenceLocale;
  /** Stands in for the PDF renderer (tests); by default electron/backend/evidence/pdf.ts. */
  renderPdf?: PdfRenderer;
  /** The clock for "today" when the workspace holds no events. */
  now?: () => number;
  /** A ClickHouse workspace's events as its warehouse gave them (events.ts; collect.ts). */
  events?: EvidenceEvents;
}

/** A pack made in memory: its files (sorted by path, manifest included) and the manifest's SHA-256. */
export interface BuiltPack {
  summary: EvidenceSummary;
  files: PackFile[];
  manifestSha256: string;
}

const defaultPdf: PdfRenderer = async (summary) => (await import('./pdf.ts')).renderEvidencePdf(summary);

/** Makes every file of a pack in memory; `onFile` sees each as it is made. */
export async function buildEvidencePack(db: Db, options: PackOptions, onFile?: (f: PackFile) => void): Promise<BuiltPack> {
  const collected = collect(db, options);
  const files = await packFiles(db, collected, options.renderPdf ?? defaultPdf, onFile);
  const manifest = files.find((f) => f.path === MANIFEST)!;
  return { summary: collected.summary, files, manifestSha256: sha256Hex(manifest.bytes) };
}

/** The name of a pack's folder when the user names none (the app's download): `notice-desk-evidence-<from>_<to>`. */
export function packFolderName(summary: EvidenceSummary): string {
  return `notice-desk-evidence-${summary.period.from}_${summary.period.to}`;
}

/** A zip's entry time for an instant: its UTC wall-clock fields, so the bytes do not depend on the machine's time zone. */
function zipTime(at: number): Date {
  const d = new Date(Math.min(Math.max(at, Date.UTC(1980, 0, 1)), Date.UTC(2099, 11, 31)));
  return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
}

/**
 * The pack as one zip: `<folder>/<path>` entries in path order, every entry dated `stampedAt`, so the
 * same files give the same bytes.
 */
export function zipPack(folder: string, files: readonly PackFile[], stampedAt: number): Uint8Array {
  const options = { level: 6 as const, mtime: zipTime(stampedAt) };
  const zip: Zippable = {};
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) zip[`${folder}/${f.path}`] = [f.bytes, options];
  return zipSync(zip);
}

/** What writing a pack made. */
export interface WrittenPack {
  folder: string;
  zipPath: string | null;
  manifestSha256: string;
  files: { path: string; size: number; sha256: string }[];
  summary: EvidenceSummary;
}

/** Refuses a target that exists and is not an empty folder, or whose zip exists, before anything is made. */
function checkTarget(folder: string, zipPath: string | null): void {
  const parent = path.dirname(folder);
  if (!fs.existsSync(parent) || !fs.statSync(parent).isDirectory()) {
    throw userError('file-unreadable', 'evidence.write-failed', { folder, reason: `the folder ${parent} does not exist` }, { folder });
  }
  const stat = fs.lstatSync(folder, { throwIfNoEntry: false });
  if (stat) {
    if (!stat.isDirectory()) throw userError('conflict', 'evidence.out-not-folder', { folder }, { folder });
    if (fs.readdirSync(folder).length > 0) throw userError('conflict', 'evidence.out-not-empty', { folder }, { folder });
  }
  if (zipPath !== null && fs.existsSync(zipPath)) throw userError('conflict', 'evidence.zip-exists', { file: zipPath }, { file: zipPath });
}

/** A new hidden folder beside the target (made with the user's usual permissions, unlike mkdtemp's 0700). */
function makeTempFolder(parent: string, base: string): string {
  for (let n = 0; ; n++) {
    const temp = path.join(parent, `.${base}.partial-${process.pid}-${n}`);
    try {
      fs.mkdirSync(temp);
      return temp;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 100) throw error;
    }
  }
}

/**
 * Writes the pack for a period into the folder `out` (which must not exist, or be empty), and with
 * `zip` also `<out>.zip`. Files are written into a temporary folder beside `out` as they are made;
 * the folder (and the zip) are renamed into place at the end. On any failure nothing is left.
 */
export async function writeEvidencePack(db: Db, options: PackOptions & { out: string; zip?: boolean }): Promise<WrittenPack> {
  const folder = path.resolve(options.out);
  const zipPath = options.zip ? `${folder}.zip` : null;
  checkTarget(folder, zipPath);
  const parent = path.dirname(folder);
  let temp: string;
  try {
    temp = makeTempFolder(parent, path.basename(folder));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw userError('file-unreadable', 'evidence.write-failed', { folder, reason }, { folder });
  }
  const tempZip = zipPath === null ? null : `${temp}.zip`;
  let placed = false;
  try {
    const built = await buildEvidencePack(db, options, (f) => {
      const file = path.join(temp, ...f.path.split('/'));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, f.bytes, { flag: 'wx' });
    });
    if (tempZip !== null) fs.writeFileSync(tempZip, zipPack(path.basename(folder), built.files, built.summary.stampedAt), { flag: 'wx' });
    // An empty folder the user made for the pack is replaced by the written one.
    if (fs.existsSync(folder)) fs.rmdirSync(folder);
    fs.renameSync(temp, folder);
    placed = true;
    if (tempZip !== null && zipPath !== null) fs.renameSync(tempZip, zipPath);
    return {
      folder,
      zipPath,
      manifestSha256: built.manifestSha256,
      files: built.files.map((f) => ({ path: f.path, size: f.bytes.length, sha256: sha256Hex(f.bytes) })),
      summary: built.summary,
    };
  } catch (error) {
    if (placed) fs.rmSync(folder, { recursive: true, force: true });
    fs.rmSync(temp, { recursive: true, force: true });
    if (tempZip !== null) fs.rmSync(tempZip, { force: true });
    if (error instanceof AppError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw userError('internal', 'evidence.write-failed', { folder, reason }, { folder });
  }
}
