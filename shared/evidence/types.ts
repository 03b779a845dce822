/**
 * The regulator evidence pack (docs/evidence.md): what `collectEvidence` gathers from a workspace for a
 * period, and what the summary PDF, the CSVs and the manifest are written from. Everything here is
 * plain data: the same workspace and period give the same summary, field for field, and so the same
 * bytes in every file of the pack.
 */
import type { DefinitionId } from '../metrics/definitions.ts';
import type { CostModelInfo } from '../metrics/types.ts';
import type { DisclosureStatus, Surface } from '../disclosures/types.ts';

export type EvidenceLocale = 'ko' | 'en';

export interface Bilingual {
  ko: string;
  en: string;
}

/** How a figure's value is written: a count, a rate (0–1), bytes, Korean won, hours. */
export type EvidenceUnit = 'count' | 'rate' | 'bytes' | 'krw' | 'hours';

/** One figure of the summary, with the pack file (CSV) that holds it. */
export interface EvidenceFigure {
  /** `<section>.<name>`, e.g. `coverage.uncovered`; the row key in `figures.csv`. */
  id: string;
  label: Bilingual;
  /** null: not defined for the period (e.g. a rate over nothing). */
  value: number | null;
  unit: EvidenceUnit;
  /** Pack-relative path of the CSV holding it (`figures.csv`). */
  csv: string;
}

/** A chart of the summary: one row per time bucket, one value per series; its CSV holds the same table. */
export interface EvidenceChart {
  id: string;
  title: Bilingual;
  kind: 'bars' | 'lines';
  unit: EvidenceUnit;
  series: { key: string; label: Bilingual }[];
  rows: { bucket: string; values: (number | null)[] }[];
  /** Pack-relative path of its CSV (`charts/<id>.csv`). */
  csv: string;
}

export type EvidenceSectionId = 'coverage' | 'optout' | 'volume' | 'datacost' | 'refusals' | 'urls';

/** A part of the summary: its figures, its charts, and the definitions (shared/metrics/definitions.ts) that explain them. */
export interface EvidenceSection {
  id: EvidenceSectionId;
  title: Bilingual;
  figures: EvidenceFigure[];
  charts: EvidenceChart[];
  definitions: DefinitionId[];
}

/** A disclosure in force at some time during the period, as published (its frozen version). */
export interface EvidenceDisclosure {
  id: number;
  title: string;
  surface: Surface;
  /** Its status today (published, or retired after the period began). */
  status: DisclosureStatus;
  /** The frozen version that was published (null for a disclosure published before versions existed). */
  version: number | null;
  versionSha256: string | null;
  /** When it took effect (epoch ms) and that day in the workspace time zone. */
  effectiveAt: number;
  effectiveDay: string;
  /** When it was retired (epoch ms, local day), or null while still in force. */
  retiredAt: number | null;
  retiredDay: string | null;
  approvedBy: string | null;
  approvedAt: number | null;
  publishedBy: string | null;
  publishedAt: number | null;
  /** The texts in force (Markdown source of the version) and the workspace variables they use. */
  texts: Bilingual;
  variables: Record<string, string>;
  /** Pack-relative paths of its texts: `disclosures/<id>-v<n>.{ko,en}.{md,html}`. */
  files: { md: Bilingual; html: Bilingual };
}

/** An import whose events fall in the period. */
export interface EvidenceImport {
  id: number;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  adapter: string;
  kind: string;
  rowsRead: number;
  imported: number;
  duplicates: number;
  rejected: number;
  /** When it was imported (epoch ms). */
  importedAt: number;
}

export interface EvidenceSummary {
  /** The language of the PDF's text; figure labels carry the other language beside them. */
  language: EvidenceLocale;
  /** Inclusive calendar dates in the workspace time zone. */
  period: { from: string; to: string; timeZone: string };
  /**
   * The instant the pack is dated by (the PDF's creation date, the zip's entry times): the end of the
   * period, so that the same period always gives the same bytes.
   */
  stampedAt: number;
  workspace: { name: string; schemaVersion: number; appVersion: string };
  disclosures: EvidenceDisclosure[];
  sections: EvidenceSection[];
  costModel: CostModelInfo;
  imports: EvidenceImport[];
  /** The audit trail's hash chain as verified when the pack was written. */
  audit: { entries: number; head: string; verified: boolean; problem: string | null };
  reviewThreads: number;
  /** What the period holds: a pack is still written, and says so, when either is true. */
  empty: { events: boolean; disclosures: boolean };
  /**
   * The URL-use notice date the URL figures compare with (effective day of the first published
   * `url-notice` disclosure), null when none was published: every indexed URL then counts.
   */
  urlNoticeDate?: string | null;
  /** The chart bucketing chosen for the period's length (at most about 60 points a chart). */
  bucketing?: 'day' | 'week' | 'month';
}

/** One file of a pack as `manifest.json` lists it. */
export interface EvidenceManifestFile {
  path: string;
  size: number;
  sha256: string;
}

export interface EvidenceManifest {
  format: 'notice-desk-evidence';
  formatVersion: 1;
  appVersion: string;
  schemaVersion: number;
  period: { from: string; to: string; timeZone: string };
  files: EvidenceManifestFile[];
}

/** What `evidence verify` finds: every file that is missing, extra or altered, and the manifest's own hash. */
export interface EvidenceVerification {
  ok: boolean;
  manifestSha256: string | null;
  /** When a hash to compare the manifest with was given (`--manifest-sha256`): whether it matches. */
  manifestMatches: boolean | null;
  checked: number;
  missing: string[];
  extra: string[];
  altered: { path: string; expected: string; actual: string }[];
  /** The manifest itself could not be read (absent, not JSON, wrong shape): the reason, else null. */
  manifestProblem: string | null;
  /** Symbolic links (or other non-files) found in a pack folder: reported, never followed; any makes ok false. */
  links?: string[];
}
