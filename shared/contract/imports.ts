import { z } from 'zod';
import { eventKinds, type EventKind } from '../domain/canonical.ts';
import { call } from './define.ts';
import type { ErrorSummary } from './errors.ts';

export const importEncodings = ['auto', 'utf-8', 'cp949', 'utf-16le', 'utf-16be'] as const;
export type ImportEncoding = (typeof importEncodings)[number];

export const adapterNames = [
  'canonical',
  'alimtalk-nhn',
  'alimtalk-sens',
  'twilio-csv',
  'twilio-json',
  'braze-currents',
  'sendgrid',
  'slack',
  'telegram',
  'generic',
] as const;
export type AdapterName = (typeof adapterNames)[number];

/** The generic column mapper's settings: canonical field → source column, plus time reading. */
export interface GenericMapping {
  kind: EventKind;
  columns: Record<string, string>;
  timestampFormat: string;
  /** Zone for timestamps without an offset; null = the import's zone. */
  timeZone: string | null;
}

export const genericMappingSchema = z
  .object({
    kind: z.enum(eventKinds),
    columns: z.record(z.string(), z.string()),
    timestampFormat: z.string().default('auto'),
    timeZone: z.string().nullable().default(null),
  })
  .strict();

/** Options of one import run (every file of it). */
export const importOptionsSchema = z
  .object({
    adapter: z.enum(['auto', ...adapterNames]).default('auto'),
    kind: z.enum(eventKinds).nullable().default(null),
    encoding: z.enum(importEncodings).default('auto'),
    timeZone: z.string().nullable().default(null),
    mapping: genericMappingSchema.nullable().default(null),
    /** Longest record accepted (a CSV record, an NDJSON line, a JSON array element), in characters; null: 1 MiB. */
    maxRecordChars: z.number().int().min(1024).max(256 * 1024 * 1024).nullable().default(null),
  })
  .strict();
export type ImportRunOptions = z.input<typeof importOptionsSchema>;

/** One rejected row as reported (the workspace keeps them all). */
export interface RejectInfo {
  line: number;
  column: string | null;
  reason: string;
}

/** The outcome of importing one file. */
export interface FileImportResult {
  file: string;
  importId: number | null;
  kind: string | null;
  adapter: string | null;
  encoding: string | null;
  rowsRead: number;
  imported: number;
  duplicates: number;
  rejected: number;
  /** Records the adapter does not import (inbound messages, other event types). */
  skipped: number;
  /** The first rejects (capped); `rejectsOmitted` says how many more the workspace holds. */
  rejects: RejectInfo[];
  rejectsOmitted: number;
  /** Set when the file could not be read at all: nothing was written. */
  error: ErrorSummary | null;
}

/** One import as the Imports page lists it (its provenance and counts). */
export interface ImportSummary {
  id: number;
  fileName: string;
  filePath: string | null;
  sizeBytes: number;
  sha256: string;
  adapter: string;
  kind: string;
  encoding: string;
  mapping: GenericMapping | null;
  timeZone: string;
  startedAt: number;
  finishedAt: number | null;
  rowsRead: number;
  imported: number;
  duplicates: number;
  rejected: number;
}

/** One stored reject. */
export interface RejectRow {
  id: number;
  importId: number;
  fileName: string;
  line: number;
  column: string | null;
  reason: string;
  rawText: string;
}

/** What the generic column mapper shows before an import. */
export interface ImportPreview {
  file: string;
  format: 'csv' | 'json' | null;
  encoding: string | null;
  adapter: string | null;
  kind: string | null;
  header: string[];
  rows: string[][];
  /** Guessed canonical field → column. */
  guess: GenericMapping | null;
  /** A saved preset whose header matches this file. */
  preset: string | null;
  error: ErrorSummary | null;
}

export interface MappingPreset {
  name: string;
  header: string[];
  mapping: GenericMapping;
  createdAt: number;
}

export interface PrivacyOptions {
  pseudonymiseRecipients: boolean;
  stripUrlQuery: boolean;
}

export interface WatchFolderState {
  path: string | null;
  enabled: boolean;
}

/** The watched folder as the UI sees it: whether this computer confirmed it, and whether to ask now. */
export interface WatchFolderView extends WatchFolderState {
  /** The user confirmed this folder for this workspace on this computer: it is polled. */
  confirmed: boolean;
  /** A folder the workspace names (e.g. made elsewhere) that this computer has not confirmed nor put off this session. */
  ask: boolean;
}

export interface WatchLogEntry {
  id: number;
  at: number;
  fileName: string;
  outcome: 'imported' | 'refused' | 'failed';
  message: string;
  importId: number | null;
}

export const importCalls = {
  /** Every import of the open workspace, newest first. */
  'imports:list': call<ImportSummary[]>()(z.object({}).strict()),
  /** Starts importing files in the backend worker (one job per file); returns the job ids. */
  'imports:start': call<{ jobs: { jobId: string; file: string }[] }>()(
    z.object({ files: z.array(z.string().min(1)).min(1), options: importOptionsSchema.prefault({}) }).strict(),
  ),
  /** Cancels a running import job: its file's transaction is never committed. */
  'imports:cancel': call<boolean>()(z.object({ jobId: z.string().min(1) }).strict()),
  /**
   * Results of finished import jobs, read without removing them (a second window sees them too): of
   * the given job ids, or of the last 200 jobs. The UI asks after job:progress "done".
   */
  'imports:results': call<{ jobId: string; result: FileImportResult }[]>()(
    z.object({ jobIds: z.array(z.string().min(1).max(100)).max(200).optional() }).strict(),
  ),
  /** Deletes one import: its rows, rejects and their share of every rollup. */
  'imports:delete': call<boolean>()(z.object({ id: z.number().int().positive() }).strict()),
  /** Rejected rows, paged (of one import or all). */
  'imports:rejects': call<{ total: number; rows: RejectRow[] }>()(
    z
      .object({
        importId: z.number().int().positive().nullable().default(null),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(100),
      })
      .strict(),
  ),
  /** Rejected rows as CSV text (file, line, column, reason, raw). */
  'imports:exportRejects': call<{ fileName: string; csv: string }>()(
    z.object({ importId: z.number().int().positive().nullable().default(null) }).strict(),
  ),
  /** First rows, detected format, encoding and adapter, and a guessed mapping for the column mapper. */
  'imports:preview': call<ImportPreview>()(
    z
      .object({ file: z.string().min(1), encoding: z.enum(importEncodings).default('auto'), rows: z.number().int().min(1).max(50).default(10) })
      .strict(),
  ),
  /** Saved column-mapping presets. */
  'imports:presets': call<MappingPreset[]>()(z.object({}).strict()),
  /** Saves (or replaces) a named column-mapping preset. */
  'imports:savePreset': call<MappingPreset[]>()(
    z.object({ name: z.string().trim().min(1).max(80), header: z.array(z.string()), mapping: genericMappingSchema }).strict(),
  ),
  /** Deletes a named preset. */
  'imports:deletePreset': call<MappingPreset[]>()(z.object({ name: z.string().min(1) }).strict()),
  /** The watched exports folder of the open workspace. */
  'imports:watchFolder': call<WatchFolderView>()(z.object({}).strict()),
  /** Answers "watch the folder this workspace names on this computer?": yes starts polling, no puts it off until the next open. */
  'imports:confirmWatchFolder': call<WatchFolderView>()(z.object({ watch: z.boolean() }).strict()),
  /** Sets (or clears, with null) the watched exports folder. */
  'imports:setWatchFolder': call<WatchFolderView>()(
    z.object({ path: z.string().min(1).nullable(), enabled: z.boolean().default(true) }).strict(),
  ),
  /** What the watched folder took and refused, newest first. */
  'imports:watchLog': call<WatchLogEntry[]>()(z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict()),
  /** Privacy options applied at import. */
  'imports:privacy': call<PrivacyOptions>()(z.object({}).strict()),
  'imports:setPrivacy': call<PrivacyOptions>()(
    z.object({ pseudonymiseRecipients: z.boolean(), stripUrlQuery: z.boolean() }).strict(),
  ),
};
