/**
 * What a `.noticereview` file holds (docs/review.md#reviewers-elsewhere): its format name, limits,
 * entries, the package they make, and the schema each JSON entry and the manifest must satisfy.
 * `review-file.ts` writes and reads it.
 */
import { z } from 'zod';
import { OVERRIDE_LIMITS, OVERRIDE_VERDICTS, type CheckOverride } from '../../../shared/disclosures/overrides.ts';
import { DISCLOSURE_STATUSES, LOCALES, SURFACES, type DisclosureStatus, type Surface } from '../../../shared/disclosures/types.ts';
import { DECISIONS, REVIEW_LIMITS, REVIEW_ORIGINS, THREAD_STATUSES, type DisclosureVersion, type ReviewDecision, type ReviewThread } from '../../../shared/review/types.ts';

export const REVIEW_FILE_FORMAT = 'notice-desk/review@1';

/** What a review file may hold; each one exceeded refuses the file with `too-large`. */
export const REVIEW_FILE_LIMITS = {
  /** The file itself (also checked before it is read, by `files.ts`). */
  fileBytes: 50 * 1024 ** 2,
  /** One entry, inflated. */
  entryBytes: 20 * 1024 ** 2,
  /** All entries together, inflated. */
  totalBytes: 100 * 1024 ** 2,
  entries: 200,
} as const;

/** A version as a review file carries it: without the database ids of the workspace it came from. */
export type PackedVersion = Omit<DisclosureVersion, 'id' | 'disclosureId'>;

/**
 * A checklist override as a review file carries it: withdrawn ones too (with who withdrew them and
 * when); `id` is the sending workspace's, kept to order overrides made in the same millisecond.
 */
export type PackedOverride = Omit<CheckOverride, 'disclosureId'>;

/** A rendering of the version for the reviewer (`preview.pdf`, `preview.html`, images). */
export interface ReviewPreview {
  name: string;
  mimeType: string;
  bytes: Uint8Array;
}

/** Everything a review file holds. */
export interface ReviewPackage {
  format: typeof REVIEW_FILE_FORMAT;
  disclosure: { id: number; title: string; surface: Surface; status: DisclosureStatus };
  /** The version sent for review; its number and SHA-256 identify it. */
  version: PackedVersion;
  /** The earlier versions, oldest first (threads on them are placed on their texts). */
  versions: PackedVersion[];
  threads: ReviewThread[];
  decisions: ReviewDecision[];
  /** The checklist overrides, withdrawn ones included, oldest first. */
  overrides: PackedOverride[];
  previews: ReviewPreview[];
  createdAt: number;
  createdBy: string;
  app: { name: string; version: string };
}

/** The entry listing every other. */
export const MANIFEST = 'manifest.json';
/** The JSON entries, in the order they are written. */
export const JSON_ENTRIES = ['disclosure.json', 'version.json', 'versions.json', 'threads.json', 'decisions.json', 'overrides.json'] as const;
/** A preview's file name (kept under `previews/`). */
export const PREVIEW_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

// ---- schemas -------------------------------------------------------------------------------------

const int = z.number().int().nonnegative();
const positive = z.number().int().positive();
const time = int.max(8.64e15);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 (64 hex digits)');
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'expected a UUID');
const name = z.string().max(REVIEW_LIMITS.name);
const text = z.string().max(100_000);
const word = z.string().max(1000);
const range = { start: int, end: int };

const checkResult = z.looseObject({
  findings: z.array(z.looseObject({ rule: word, severity: z.enum(['error', 'warning', 'info']), message: text, ...range, suggestion: text.optional() })).max(10_000),
  missing: z.array(word).max(1000),
  readability: z.looseObject({
    locale: z.enum(LOCALES),
    sentences: int,
    words: int,
    scores: z.record(word, z.number().nullable()),
    indicators: z
      .array(
        z.looseObject({
          id: word,
          value: z.number().nullable(),
          target: z.looseObject({ min: z.number().optional(), max: z.number().optional() }),
          ok: z.boolean(),
          sentences: z.array(z.looseObject({ ...range, text })).max(10_000),
        }),
      )
      .max(1000),
  }),
  satisfied: z.array(z.looseObject({ rule: word, ...range, emphasised: z.boolean() })).max(1000),
  elements: z.array(z.looseObject({ id: word, present: z.boolean(), ...range, text })).max(1000),
});

const versionSchema = z.strictObject({
  number: positive,
  title: z.string().max(200),
  surface: z.enum(SURFACES),
  koText: text,
  enText: text,
  checks: z.looseObject({ ko: checkResult, en: checkResult, missing: z.strictObject({ ko: z.array(word).max(1000), en: z.array(word).max(1000) }) }),
  author: name,
  createdAt: time,
  sha256: hex64,
});

const commentSchema = z.strictObject({
  id: uuid,
  threadId: uuid,
  author: name,
  body: z.string().max(REVIEW_LIMITS.body),
  createdAt: time,
  editedAt: time.nullable(),
  deletedAt: time.nullable(),
});

const threadSchema = z
  .strictObject({
    id: uuid,
    disclosureId: positive,
    versionNumber: positive,
    anchor: z
      .strictObject({
        locale: z.enum(LOCALES),
        quote: z.string().max(REVIEW_LIMITS.quote),
        prefix: z.string().max(REVIEW_LIMITS.context),
        suffix: z.string().max(REVIEW_LIMITS.context),
        start: int.max(100_000),
        end: int.max(100_000),
      })
      .refine((a) => a.end >= a.start, { message: 'the anchor ends before it starts' }),
    status: z.enum(THREAD_STATUSES),
    author: name,
    createdAt: time,
    resolvedAt: time.nullable(),
    resolvedBy: name.nullable(),
    deletedAt: time.nullable(),
    origin: z.enum(REVIEW_ORIGINS),
    comments: z.array(commentSchema).min(1).max(REVIEW_LIMITS.replies + 1),
  })
  .refine((t) => t.comments.every((c) => c.threadId === t.id), { message: 'a comment names another thread', path: ['comments'] });

const decisionSchema = z
  .strictObject({
    id: uuid,
    versionNumber: positive,
    decision: z.enum(DECISIONS),
    reviewer: name.min(1),
    reason: z.string().max(REVIEW_LIMITS.reason),
    decidedAt: time,
    versionSha256: hex64,
    origin: z.enum(REVIEW_ORIGINS),
  })
  .refine((d) => d.decision !== 'changes-requested' || d.reason.trim() !== '', { message: 'requesting changes needs a reason', path: ['reason'] });

const overrideSchema = z.strictObject({
  id: positive,
  locale: z.enum(LOCALES),
  element: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected an element id').max(OVERRIDE_LIMITS.element),
  verdict: z.enum(OVERRIDE_VERDICTS),
  evidence: z.strictObject({ ...range, quote: z.string().max(OVERRIDE_LIMITS.quote) }),
  reason: z.string().max(OVERRIDE_LIMITS.reason),
  reviewer: z.string().max(OVERRIDE_LIMITS.reviewer),
  createdAt: time,
  version: int,
  textSha256: hex64,
  enginePresent: z.boolean(),
  withdrawnAt: time.nullable(),
  withdrawnBy: z.string().max(OVERRIDE_LIMITS.reviewer).nullable(),
});

/** The schema of each JSON entry. */
export const entrySchemas = {
  'disclosure.json': z.strictObject({ id: positive, title: z.string().max(200), surface: z.enum(SURFACES), status: z.enum(DISCLOSURE_STATUSES) }),
  'version.json': versionSchema,
  'versions.json': z.array(versionSchema).max(1000),
  'threads.json': z.array(threadSchema).max(REVIEW_LIMITS.threads),
  'decisions.json': z.array(decisionSchema).max(10_000),
  'overrides.json': z.array(overrideSchema).max(1000),
} satisfies Record<(typeof JSON_ENTRIES)[number], z.ZodType>;

/** The schema of `manifest.json`. */
export const manifestSchema = z.strictObject({
  format: z.literal(REVIEW_FILE_FORMAT),
  createdAt: time,
  createdBy: name,
  app: z.strictObject({ name: z.string().max(100), version: z.string().max(100) }),
  disclosure: z.strictObject({ id: positive, title: z.string().max(200) }),
  version: z.strictObject({ number: positive, sha256: hex64 }),
  /** Every entry but the manifest, in the order written. */
  files: z.array(z.strictObject({ path: z.string().max(300), size: int, sha256: hex64 })).max(REVIEW_FILE_LIMITS.entries),
  /** The media type of each preview, in the order given. */
  previews: z
    .array(z.strictObject({ name: z.string().regex(PREVIEW_NAME, 'expected a file name'), mimeType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+(; ?charset=[a-z0-9-]+)?$/i, 'expected a media type').max(100) }))
    .max(REVIEW_FILE_LIMITS.entries),
});

export type Manifest = z.infer<typeof manifestSchema>;
