/**
 * The `.noticereview` file format (docs/review.md#reviewers-elsewhere): a zip holding one version of
 * a disclosure (with its checks), the earlier versions, the threads, decisions and checklist
 * overrides, previews, and `manifest.json` with the size and SHA-256 of every other entry. Written
 * deterministically (the same package gives the same bytes); read as untrusted input: bounded while
 * inflating (never by the sizes the zip declares), every entry checked against the manifest, every
 * version rehashed, every JSON entry validated (`review-file-format.ts` holds the schemas). Only the
 * format: merging is `files.ts`' business.
 */
import { createHash } from 'node:crypto';
import { zipSync, type Zippable } from 'fflate';
import type { z } from 'zod';
import { AppError, userError, type AppErrorCode } from '../../../shared/contract/errors.ts';
import type { MessageParams } from '../../../shared/contract/messages/index.ts';
import { reviewFileMessages } from '../../../shared/contract/messages/review.ts';
import { canonicalJson } from '../../../shared/review/canonical.ts';
import type { ReviewComment, ReviewDecision, ReviewThread } from '../../../shared/review/types.ts';
import { formatBytes } from '../import/limits.ts';
import { openZip, safeZipPath, ZipError, type ZipProblem } from '../zip/bounded-zip.ts';
import {
  entrySchemas,
  JSON_ENTRIES,
  MANIFEST,
  manifestSchema,
  PREVIEW_NAME,
  REVIEW_FILE_FORMAT,
  REVIEW_FILE_LIMITS,
  type Manifest,
  type PackedOverride,
  type PackedVersion,
  type ReviewPackage,
} from './review-file-format.ts';
import { versionSha256 } from './review-repo.ts';

export { REVIEW_FILE_FORMAT, REVIEW_FILE_LIMITS, type PackedOverride, type PackedVersion, type ReviewPackage, type ReviewPreview } from './review-file-format.ts';

/** An error worded by `reviewFileMessages` (registered with every message, so the UI words it too). */
function refuse(code: AppErrorCode, key: keyof typeof reviewFileMessages, params: MessageParams): AppError {
  return userError(code, key, params, params);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const short = (hash: string) => hash.slice(0, 12);
const encode = (value: unknown) => new TextEncoder().encode(canonicalJson(value));

// ---- writing -------------------------------------------------------------------------------------

function packVersion(v: PackedVersion): PackedVersion {
  return { number: v.number, title: v.title, surface: v.surface, koText: v.koText, enText: v.enText, checks: v.checks, author: v.author, createdAt: v.createdAt, sha256: v.sha256 };
}

function packComment(c: ReviewComment): ReviewComment {
  return { id: c.id, threadId: c.threadId, author: c.author, body: c.body, createdAt: c.createdAt, editedAt: c.editedAt, deletedAt: c.deletedAt };
}

function packThread(t: ReviewThread): ReviewThread {
  const { locale, quote, prefix, suffix, start, end } = t.anchor;
  return {
    id: t.id,
    disclosureId: t.disclosureId,
    versionNumber: t.versionNumber,
    anchor: { locale, quote, prefix, suffix, start, end },
    status: t.status,
    author: t.author,
    createdAt: t.createdAt,
    resolvedAt: t.resolvedAt,
    resolvedBy: t.resolvedBy,
    deletedAt: t.deletedAt,
    origin: t.origin,
    comments: t.comments.map(packComment),
  };
}

function packDecision(d: ReviewDecision): ReviewDecision {
  return { id: d.id, versionNumber: d.versionNumber, decision: d.decision, reviewer: d.reviewer, reason: d.reason, decidedAt: d.decidedAt, versionSha256: d.versionSha256, origin: d.origin };
}

function packOverride(o: PackedOverride): PackedOverride {
  const { id, locale, element, verdict, reason, reviewer, createdAt, version, textSha256, enginePresent, withdrawnAt, withdrawnBy } = o;
  const evidence = { start: o.evidence.start, end: o.evidence.end, quote: o.evidence.quote };
  return { id, locale, element, verdict, evidence, reason, reviewer, createdAt, version, textSha256, enginePresent, withdrawnAt, withdrawnBy };
}

/**
 * The zip's timestamp: `createdAt` in UTC, written as the DOS local time it is stored as, so the
 * bytes do not depend on the writer's time zone (clamped to the years a zip can hold).
 */
function zipTime(at: number): Date {
  const d = new Date(Math.min(Math.max(at, Date.UTC(1980, 0, 1)), Date.UTC(2099, 11, 31)));
  return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
}

/** Writes a package as a `.noticereview` zip: the same package always gives the same bytes. */
export function writeReviewFile(pkg: ReviewPackage): Uint8Array {
  const entries: { path: string; bytes: Uint8Array }[] = [
    { path: 'disclosure.json', bytes: encode({ id: pkg.disclosure.id, title: pkg.disclosure.title, surface: pkg.disclosure.surface, status: pkg.disclosure.status }) },
    { path: 'version.json', bytes: encode(packVersion(pkg.version)) },
    { path: 'versions.json', bytes: encode(pkg.versions.map(packVersion)) },
    { path: 'threads.json', bytes: encode(pkg.threads.map(packThread)) },
    { path: 'decisions.json', bytes: encode(pkg.decisions.map(packDecision)) },
    { path: 'overrides.json', bytes: encode(pkg.overrides.map(packOverride)) },
  ];
  for (const p of pkg.previews) {
    if (!PREVIEW_NAME.test(p.name) || entries.some((e) => e.path === `previews/${p.name}`)) throw new Error(`writeReviewFile: bad or repeated preview name ${JSON.stringify(p.name)}`);
    entries.push({ path: `previews/${p.name}`, bytes: p.bytes });
  }
  const manifest: Manifest = {
    format: REVIEW_FILE_FORMAT,
    createdAt: pkg.createdAt,
    createdBy: pkg.createdBy,
    app: { name: pkg.app.name, version: pkg.app.version },
    disclosure: { id: pkg.disclosure.id, title: pkg.disclosure.title },
    version: { number: pkg.version.number, sha256: pkg.version.sha256 },
    files: entries.map((e) => ({ path: e.path, size: e.bytes.length, sha256: sha256(e.bytes) })),
    previews: pkg.previews.map((p) => ({ name: p.name, mimeType: p.mimeType })),
  };
  const options = { level: 6 as const, mtime: zipTime(pkg.createdAt) };
  const zip: Zippable = { [MANIFEST]: [encode(manifest), options] };
  for (const e of entries) zip[e.path] = [e.bytes, options];
  return zipSync(zip);
}

// ---- reading: the zip ----------------------------------------------------------------------------

/** A refusal worded for a review file, for a problem the zip reader found (`entry` is the one being read). */
function zipRefusal(problem: ZipProblem, file: string, entry: string): AppError {
  switch (problem.kind) {
    case 'not-zip':
      return refuse('unsupported-format', 'review-file.not-zip', { file });
    case 'damaged':
      return refuse('file-unreadable', 'review-file.damaged', { file, entry: problem.entry ?? '(archive)', reason: problem.reason });
    case 'bad-path':
      return refuse('unsupported-format', 'review-file.bad-path', { file, entry: problem.entry });
    case 'duplicate-entry':
      return refuse('unsupported-format', 'review-file.duplicate-entry', { file, entry: problem.entry });
    case 'too-many-entries':
      return refuse('too-large', 'review-file.too-many-entries', { file, count: problem.count, limit: problem.limit });
    case 'entry-too-large':
      return refuse('too-large', 'review-file.entry-too-large', { file, entry: problem.entry, limit: formatBytes(problem.limit) });
    case 'too-large':
      return refuse('too-large', 'review-file.unpacked-too-large', { file, entry, limit: formatBytes(problem.limit) });
  }
}

/** Every entry of a review file, inflated by the bounded zip reader (`zip/bounded-zip.ts`). */
function unzipBounded(bytes: Uint8Array, file: string): Map<string, Uint8Array> {
  let entry = '(archive)';
  try {
    const zip = openZip(bytes, REVIEW_FILE_LIMITS);
    const out = new Map<string, Uint8Array>();
    for (const name of zip.names) {
      entry = name;
      out.set(name, zip.read(name)!);
    }
    return out;
  } catch (error) {
    if (error instanceof ZipError) throw zipRefusal(error.problem, file, entry);
    throw error;
  }
}

// ---- reading: the contents -----------------------------------------------------------------------

function parseJson(bytes: Uint8Array): unknown {
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return `${issue.path.length ? issue.path.join('.') : '(top)'}: ${issue.message}`;
}

function readManifest(entries: Map<string, Uint8Array>, file: string): Manifest {
  const bytes = entries.get(MANIFEST);
  if (!bytes) throw refuse('unsupported-format', 'review-file.no-manifest', { file });
  let raw: unknown;
  try {
    raw = parseJson(bytes);
  } catch (error) {
    throw refuse('unsupported-format', 'review-file.bad-manifest', { file, reason: (error as Error).message });
  }
  const format = (raw as { format?: unknown } | null)?.format;
  if (typeof format === 'string' && format !== REVIEW_FILE_FORMAT) {
    throw refuse('unsupported-format', 'review-file.unknown-format', { file, format: format.slice(0, 100), supported: REVIEW_FILE_FORMAT });
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw refuse('unsupported-format', 'review-file.bad-manifest', { file, reason: firstIssue(parsed.error) });
  return parsed.data;
}

/** Every entry is listed, known, present and unchanged; nothing else is there. */
function checkAgainstManifest(entries: Map<string, Uint8Array>, manifest: Manifest, file: string): void {
  const listed = new Map<string, Manifest['files'][number]>();
  for (const f of manifest.files) {
    if (f.path === MANIFEST || !safeZipPath(f.path)) throw refuse('unsupported-format', 'review-file.bad-manifest', { file, reason: `it lists "${f.path}"` });
    if (listed.has(f.path)) throw refuse('unsupported-format', 'review-file.duplicate-entry', { file, entry: f.path });
    listed.set(f.path, f);
  }
  for (const entry of JSON_ENTRIES) if (!entries.has(entry)) throw refuse('unsupported-format', 'review-file.entry-missing', { file, entry });
  for (const entry of entries.keys()) {
    if (entry !== MANIFEST && !listed.has(entry)) throw refuse('unsupported-format', 'review-file.entry-extra', { file, entry });
  }
  const previews = new Set<string>();
  for (const p of manifest.previews) {
    const entry = `previews/${p.name}`;
    if (previews.has(entry)) throw refuse('unsupported-format', 'review-file.duplicate-entry', { file, entry });
    if (!listed.has(entry)) throw refuse('unsupported-format', 'review-file.entry-missing', { file, entry });
    previews.add(entry);
  }
  for (const [entry, f] of listed) {
    const known = (JSON_ENTRIES as readonly string[]).includes(entry) || previews.has(entry);
    if (!known) throw refuse('unsupported-format', 'review-file.entry-extra', { file, entry });
    const bytes = entries.get(entry);
    if (!bytes) throw refuse('unsupported-format', 'review-file.entry-missing', { file, entry });
    if (bytes.length !== f.size || sha256(bytes) !== f.sha256) throw refuse('unsupported-format', 'review-file.entry-changed', { file, entry });
  }
}

function readEntry<K extends keyof typeof entrySchemas>(entries: Map<string, Uint8Array>, entry: K, file: string): z.infer<(typeof entrySchemas)[K]> {
  let raw: unknown;
  try {
    raw = parseJson(entries.get(entry)!);
  } catch (error) {
    throw refuse('unsupported-format', 'review-file.bad-json', { file, entry, reason: (error as Error).message });
  }
  const parsed = entrySchemas[entry].safeParse(raw);
  if (!parsed.success) throw refuse('unsupported-format', 'review-file.bad-json', { file, entry, reason: firstIssue(parsed.error) });
  return parsed.data as z.infer<(typeof entrySchemas)[K]>;
}

function checkVersionHash(v: PackedVersion, entry: string, file: string): void {
  const actual = versionSha256(v);
  if (actual !== v.sha256) {
    throw refuse('unsupported-format', 'review-file.version-hash', { file, entry, number: v.number, claimed: short(v.sha256), actual: short(actual) });
  }
}

function checkUnique(ids: string[], entry: string, file: string): void {
  const seen = new Set<string>();
  for (const id of ids) {
    const key = id.toLowerCase();
    if (seen.has(key)) throw refuse('unsupported-format', 'review-file.duplicate-id', { file, entry, id });
    seen.add(key);
  }
}

/** The first thread or decision that does not belong to the package's disclosure and version, as a refusal. */
function stranger(pkg: ReviewPackage, file: string): AppError | null {
  const { number, sha256: sha } = pkg.version;
  const earlier = new Map(pkg.versions.map((v) => [v.number, v]));
  for (const t of pkg.threads) {
    if (t.disclosureId !== pkg.disclosure.id) return refuse('unsupported-format', 'review-file.thread-other-disclosure', { file, thread: t.id, other: t.disclosureId, id: pkg.disclosure.id });
    if (t.versionNumber > number) return refuse('unsupported-format', 'review-file.thread-later', { file, thread: t.id, made: t.versionNumber, number });
  }
  for (const d of pkg.decisions) {
    if (d.versionNumber > number) return refuse('unsupported-format', 'review-file.decision-later', { file, decision: d.id, decided: d.versionNumber, number });
    const expected = d.versionNumber === number ? sha : earlier.get(d.versionNumber)?.sha256;
    if (expected !== undefined && d.versionSha256 !== expected) {
      return refuse('unsupported-format', 'review-file.decision-hash', { file, decision: d.id, number: d.versionNumber, claimed: short(d.versionSha256), actual: short(expected) });
    }
  }
  return null;
}

/**
 * True when every thread is on the package's disclosure and on its version or an earlier one, and
 * every decision is on such a version with the SHA-256 that version has in the package.
 */
export function threadsBelongTo(pkg: ReviewPackage): boolean {
  return stranger(pkg, '') === null;
}

/** Anchors lie within the text of the version they were made on, when the package holds it. */
function checkAnchors(pkg: ReviewPackage, file: string): void {
  const byNumber = new Map([...pkg.versions, pkg.version].map((v) => [v.number, v]));
  for (const t of pkg.threads) {
    const v = byNumber.get(t.versionNumber);
    if (!v) continue;
    const length = (t.anchor.locale === 'ko' ? v.koText : v.enText).length;
    if (t.anchor.end > length) {
      throw refuse('unsupported-format', 'review-file.anchor-outside', { file, id: t.id, start: t.anchor.start, end: t.anchor.end, number: v.number, locale: t.anchor.locale, length });
    }
  }
}

/**
 * Reads a `.noticereview` file, refusing it (an AppError naming `fileName` and what is wrong) unless
 * it is whole, within the limits, exactly what its manifest lists, and every version hashes to what
 * it claims. Nothing of a refused file is returned.
 */
export function readReviewFile(bytes: Uint8Array, fileName: string): ReviewPackage {
  const file = fileName;
  if (bytes.length > REVIEW_FILE_LIMITS.fileBytes) {
    throw userError('too-large', 'review.file-too-large', { file, size: bytes.length, limit: REVIEW_FILE_LIMITS.fileBytes }, { file });
  }
  const entries = unzipBounded(bytes, file);
  const manifest = readManifest(entries, file);
  checkAgainstManifest(entries, manifest, file);
  const disclosure = readEntry(entries, 'disclosure.json', file);
  const version = readEntry(entries, 'version.json', file);
  const versions = readEntry(entries, 'versions.json', file);
  const threads = readEntry(entries, 'threads.json', file);
  const decisions = readEntry(entries, 'decisions.json', file);
  const overrides = readEntry(entries, 'overrides.json', file);

  checkVersionHash(version, 'version.json', file);
  const disagree = (field: string, claimed: string | number, actual: string | number, entry: string) =>
    refuse('unsupported-format', 'review-file.manifest-disagrees', { file, field, claimed, actual, entry });
  if (manifest.version.number !== version.number) throw disagree('version.number', manifest.version.number, version.number, 'version.json');
  if (manifest.version.sha256 !== version.sha256) throw disagree('version.sha256', short(manifest.version.sha256), short(version.sha256), 'version.json');
  if (manifest.disclosure.id !== disclosure.id) throw disagree('disclosure.id', manifest.disclosure.id, disclosure.id, 'disclosure.json');
  if (manifest.disclosure.title !== disclosure.title) throw disagree('disclosure.title', manifest.disclosure.title, disclosure.title, 'disclosure.json');
  let previous = 0;
  for (const v of versions) {
    if (v.number <= previous || v.number >= version.number) throw refuse('unsupported-format', 'review-file.versions-order', { file, number: v.number, latest: version.number });
    previous = v.number;
    checkVersionHash(v, 'versions.json', file);
  }
  checkUnique(threads.map((t) => t.id), 'threads.json', file);
  checkUnique(threads.flatMap((t) => t.comments.map((c) => c.id)), 'threads.json', file);
  checkUnique(decisions.map((d) => d.id), 'decisions.json', file);
  checkUnique(overrides.map((o) => String(o.id)), 'overrides.json', file);

  const pkg: ReviewPackage = {
    format: REVIEW_FILE_FORMAT,
    disclosure,
    version,
    versions,
    threads,
    decisions,
    overrides,
    previews: manifest.previews.map((p) => ({ name: p.name, mimeType: p.mimeType, bytes: entries.get(`previews/${p.name}`)! })),
    createdAt: manifest.createdAt,
    createdBy: manifest.createdBy,
    app: manifest.app,
  };
  const refusal = stranger(pkg, file);
  if (refusal) throw refusal;
  checkAnchors(pkg, file);
  return pkg;
}
