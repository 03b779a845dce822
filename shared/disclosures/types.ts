/**
 * Types of the disclosure engine, shared by the backend (handlers, CLI, exports) and the renderer
 * (studio editor, live checks, previews). Pure data: no DOM, no node:.
 */

/** Where a disclosure text appears (docs/cli.md). */
export const SURFACES = ['alimtalk', 'consent-prompt', 'install', 'settings', 'terms', 'url-notice'] as const;
export type Surface = (typeof SURFACES)[number];

/** The two languages every disclosure is written in. */
export const LOCALES = ['ko', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Lifecycle of a disclosure (docs/review.md#workflow). */
export const DISCLOSURE_STATUSES = ['draft', 'in-review', 'changes-requested', 'approved', 'published', 'retired'] as const;
export type DisclosureStatus = (typeof DISCLOSURE_STATUSES)[number];

export type Severity = 'error' | 'warning' | 'info';

/** One problem found in a text. `start`/`end` are UTF-16 offsets into the SOURCE text (end exclusive). */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  /** A sentence or word to use instead (for a missing element: a sentence to add). */
  suggestion?: string;
}

/** A required element that the text does contain, with the range that satisfied it. */
export interface SatisfiedElement {
  rule: string;
  start: number;
  end: number;
  /** True when every sentence that satisfied it sits inside bold, italic or a heading. */
  emphasised: boolean;
}

/**
 * The verdict on one required element, with its evidence: the source range (UTF-16 offsets, end
 * exclusive) of the sentence or adjacent sentences that satisfied it, and their text as read.
 * A missing element has start = end = 0 and text = '' — or, when one part of it was found but not
 * another, the range and text of the sentence holding the part that was found (present stays false).
 */
export interface ElementVerdict {
  id: string;
  present: boolean;
  start: number;
  end: number;
  text: string;
}

/** A source range of one sentence (readability reports the sentences that miss a target). */
export interface SentenceRange {
  start: number;
  end: number;
  text: string;
}

/** A readability indicator, with its target band and the sentences that miss it. */
export interface ReadabilityIndicator {
  id: string;
  value: number | null;
  /** Inclusive band; a missing side is unbounded. */
  target: { min?: number; max?: number };
  ok: boolean;
  /** Sentences (or, for word indicators, the sentences holding the words) that miss the target. */
  sentences: SentenceRange[];
}

/** Readability of one text. English: Flesch; Korean: eojeol-based indicators. */
export interface Readability {
  locale: Locale;
  sentences: number;
  /** English words or Korean eojeol. */
  words: number;
  /** Flat id → value map of every indicator (easy to print and to diff). */
  scores: Record<string, number | null>;
  indicators: ReadabilityIndicator[];
}

/** The result of `checkDisclosure` — exactly what `notice-desk lint --json` prints (plus locale/surface). */
export interface CheckResult {
  findings: Finding[];
  missing: string[];
  readability: Readability;
  satisfied: SatisfiedElement[];
  /** One verdict per required element of the surface, in rule-file order (evidence for each). */
  elements: ElementVerdict[];
}

/** A stored disclosure, as the UI and exports see it. */
export interface Disclosure {
  id: number;
  title: string;
  surface: Surface;
  status: DisclosureStatus;
  koText: string;
  enText: string;
  createdAt: number;
  updatedAt: number;
  publishedAt: number | null;
  effectiveAt: number | null;
  /** Bumped on every update (optimistic concurrency for autosave). */
  version: number;
  /** The disclosure this draft was started from (editing an approved or published one), if any. */
  derivedFrom: number | null;
  history: StatusChange[];
}

/** One entry of a disclosure's status history. */
export interface StatusChange {
  from: DisclosureStatus | null;
  to: DisclosureStatus;
  at: number;
  note: string | null;
}

/** A disclosure in a list (no texts). */
export type DisclosureSummary = Omit<Disclosure, 'koText' | 'enText' | 'history'>;
