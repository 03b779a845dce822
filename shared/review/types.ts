/**
 * Types of the legal review (docs/review.md): frozen versions, anchored comment threads, reviewers'
 * decisions, the audit trail. Shared by the backend (repositories, review files, Word files, CLI)
 * and the renderer (review view, diff, orphaned panel). Pure data: no DOM, no node:.
 */
import type { CheckResult, Locale, Surface } from '../disclosures/types.ts';

/** Input limits, shared by the contract (zod), the review-file and Word readers, and the tests. */
export const REVIEW_LIMITS = {
  /** A person's name (Settings' reviewer name). */
  name: 100,
  /** One comment or reply. */
  body: 5000,
  /** A decision's reason. */
  reason: 2000,
  /** The quoted text of an anchor. */
  quote: 2000,
  /** Context kept before and after an anchor's quote. */
  context: 32,
  /** Threads in one review file or Word file. */
  threads: 2000,
  /** Replies in one thread. */
  replies: 500,
} as const;

/** A locale's check results frozen with a version: what the checklist said at that moment. */
export interface VersionChecks {
  ko: CheckResult;
  en: CheckResult;
  /** Required elements missing per locale in the verdict in effect (checks merged with overrides). */
  missing: Record<Locale, string[]>;
}

/** One immutable version of a disclosure, made when it was submitted for review. */
export interface DisclosureVersion {
  id: number;
  disclosureId: number;
  /** 1, 2, … per disclosure. */
  number: number;
  title: string;
  surface: Surface;
  koText: string;
  enText: string;
  checks: VersionChecks;
  /** Who submitted it (Settings' name). */
  author: string;
  createdAt: number;
  /** SHA-256 (hex) of the canonical serialisation (`shared/review/canonical.ts`). */
  sha256: string;
}

/** A version without its texts and checks (history lists). */
export type VersionSummary = Omit<DisclosureVersion, 'koText' | 'enText' | 'checks'>;

/**
 * Where a comment points: the quoted words, some context before and after them, and their range
 * (UTF-16 offsets into the locale's text of the version the thread was made on, end exclusive).
 */
export interface Anchor {
  locale: Locale;
  quote: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/** Where an anchor sits in another text: found exactly, found approximately, or gone. */
export type AnchorState = 'exact' | 'fuzzy' | 'orphaned';

export interface PlacedAnchor {
  state: AnchorState;
  /** The range in the target text; null when orphaned. */
  start: number | null;
  end: number | null;
}

export const THREAD_STATUSES = ['open', 'resolved'] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];

/** Where a thread, comment or decision was made: in the app, in a review file, in Word. */
export const REVIEW_ORIGINS = ['app', 'review-file', 'docx'] as const;
export type ReviewOrigin = (typeof REVIEW_ORIGINS)[number];

export interface ReviewComment {
  /** A UUID: review files and Word files merge by it. */
  id: string;
  threadId: string;
  author: string;
  body: string;
  createdAt: number;
  editedAt: number | null;
  deletedAt: number | null;
}

export interface ReviewThread {
  id: string;
  disclosureId: number;
  /** The number of the version the thread was made on. */
  versionNumber: number;
  anchor: Anchor;
  status: ThreadStatus;
  author: string;
  createdAt: number;
  resolvedAt: number | null;
  resolvedBy: string | null;
  deletedAt: number | null;
  origin: ReviewOrigin;
  /** The first is the thread's opening comment; replies follow, oldest first. */
  comments: ReviewComment[];
}

/** A thread as the review view shows it against one version: where its anchor lands there. */
export interface PlacedThread extends ReviewThread {
  placed: PlacedAnchor;
}

export const DECISIONS = ['approved', 'changes-requested'] as const;
export type Decision = (typeof DECISIONS)[number];

/** A reviewer's decision on one version. */
export interface ReviewDecision {
  id: string;
  versionNumber: number;
  decision: Decision;
  reviewer: string;
  /** Required for changes requested; may be empty for an approval. */
  reason: string;
  decidedAt: number;
  /** The SHA-256 of the version decided on, as the reviewer saw it. */
  versionSha256: string;
  origin: ReviewOrigin;
}

/** One entry of the append-only audit trail. */
export interface AuditEntry {
  seq: number;
  at: number;
  actor: string;
  /** e.g. `status`, `version`, `comment`, `reply`, `comment-edit`, `comment-delete`, `thread-status`, `decision`, `merge`, `export`, `override`. */
  action: string;
  /** What it concerns, e.g. `disclosure:3`, `thread:<uuid>`. */
  subject: string;
  details: Record<string, unknown>;
  /** The hash of the entry before (64 zeros for the first). */
  prevHash: string;
  /** SHA-256 of the canonical serialisation of this entry with `prevHash`. */
  hash: string;
}

/** The result of checking the audit chain. */
export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** The first entry that does not verify, and why. */
  firstBad: { seq: number; reason: 'hash' | 'link' | 'gap' } | null;
}

/** Word-level diff part: text both versions share, or only the old (removed) or new (added) has. */
export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** How one required element changed between two versions. */
export interface ElementChange {
  id: string;
  locale: Locale;
  change: 'added' | 'removed' | 'changed' | 'unchanged';
  /** True when the sentence changed in substance (not only punctuation or spacing). */
  substantive: boolean;
  before: string;
  after: string;
}

/** Two versions compared. */
export interface VersionComparison {
  from: number;
  to: number;
  text: Record<Locale, DiffPart[]>;
  title: DiffPart[];
  elements: ElementChange[];
  /** Check findings (rule ids with their words) that appeared or went away, per locale. */
  findings: { locale: Locale; rule: string; message: string; change: 'appeared' | 'gone' }[];
  /**
   * "Recipients may need to be asked again": the data-charge, how-to-refuse or refusal-consequence
   * sentences changed in substance in either locale.
   */
  askAgain: boolean;
  /** The elements behind the flag. */
  askAgainElements: { id: string; locale: Locale }[];
}
