import { z } from 'zod';
import { LOCALES } from '../disclosures/types.ts';
import {
  REVIEW_LIMITS,
  THREAD_STATUSES,
  type AuditEntry,
  type AuditVerification,
  type DisclosureVersion,
  type PlacedThread,
  type ReviewDecision,
  type ReviewThread,
  type VersionComparison,
  type VersionSummary,
} from '../review/types.ts';
import { call } from './define.ts';
import type { WorkspaceInfo } from './workspace.ts';

const id = z.number().int().positive();
const versionNumber = z.number().int().positive();
/** A person's name as Settings keeps it, trimmed, not empty. */
const name = z.string().trim().min(1).max(REVIEW_LIMITS.name);
const body = z.string().trim().min(1).max(REVIEW_LIMITS.body);
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

/** The threads of a disclosure placed on one version's texts. */
export interface ThreadsOnVersion {
  /** The version they are placed on; null when the disclosure has no version yet. */
  version: number | null;
  threads: PlacedThread[];
}

/** A file written for the user: its path (Electron, CLI), or its bytes for a download (browser mode). */
export interface ReviewExport {
  path: string | null;
  fileName: string;
  mimeType: string;
  bytes: number;
  base64: string | null;
}

/** What merging a review file or a Word file added. */
export interface ReviewMergeSummary {
  disclosureId: number;
  title: string;
  versionNumber: number;
  format: 'noticereview' | 'docx';
  threadsAdded: number;
  repliesAdded: number;
  decisionsAdded: number;
  /** Threads that did not find their words in the version (kept, listed as orphaned). */
  orphaned: number;
  /** Tracked changes in a Word file, offered as a suggested new draft (never applied). */
  suggestion: { koText: string; enText: string } | null;
}

export const reviewCalls = {
  /** Every frozen version of a disclosure, oldest first (no texts). */
  'review:versions': call<VersionSummary[]>()(z.object({ id }).strict()),
  /** One version with its texts and the check results frozen with it. */
  'review:version': call<DisclosureVersion>()(z.object({ id, number: versionNumber }).strict()),
  /** Two versions compared: word-level diff, element changes, findings, the "ask again" flag. */
  'review:compare': call<VersionComparison>()(z.object({ id, from: versionNumber, to: versionNumber }).strict()),
  /** The threads of a disclosure, placed on a version (default: the latest). */
  'review:threads': call<ThreadsOnVersion>()(z.object({ id, number: versionNumber.optional() }).strict()),
  /** Opens a thread on words of a version (UTF-16 range of that locale's text, with the words). */
  'review:comment': call<ReviewThread>()(
    z
      .object({
        id,
        number: versionNumber,
        locale: z.enum(LOCALES),
        start: z.number().int().nonnegative().max(100_000),
        end: z.number().int().nonnegative().max(100_000),
        quote: z.string().min(1).max(REVIEW_LIMITS.quote),
        body,
        author: name,
      })
      .strict()
      .refine((r) => r.end > r.start && r.end - r.start === r.quote.length, { message: 'end must be after start, and quote exactly the range' }),
  ),
  /** Replies to a thread. */
  'review:reply': call<ReviewThread>()(z.object({ threadId: uuid, body, author: name }).strict()),
  /** Edits one's own comment. */
  'review:editComment': call<ReviewThread>()(z.object({ commentId: uuid, body, author: name }).strict()),
  /** Deletes one's own comment (kept, marked deleted; the opening comment deletes the thread). */
  'review:deleteComment': call<ReviewThread>()(z.object({ commentId: uuid, author: name }).strict()),
  /** Resolves or reopens a thread. */
  'review:setThreadStatus': call<ReviewThread>()(z.object({ threadId: uuid, status: z.enum(THREAD_STATUSES), author: name }).strict()),
  /** Every reviewer's decision on a disclosure's versions, oldest first. */
  'review:decisions': call<ReviewDecision[]>()(z.object({ id }).strict()),
  /**
   * The threads of a version as CSV (formula-safe, UTF-8 with BOM) or JSON. With `path` (the CLI,
   * or main's save dialog in Electron) writes the file; browser mode gets the bytes.
   */
  'review:exportThreads': call<ReviewExport>()(
    z
      .object({
        id,
        number: versionNumber.optional(),
        format: z.enum(['csv', 'json']),
        filter: z.enum(['all', 'open', 'resolved', 'orphaned']).default('all'),
        path: z.string().min(1).max(4096).optional(),
      })
      .strict(),
  ),
  /** Writes the latest version for a reviewer elsewhere: a `.noticereview` file or a `.docx`. */
  'review:exportFile': call<ReviewExport>()(
    z
      .object({
        id,
        format: z.enum(['noticereview', 'docx']),
        actor: z.string().trim().max(REVIEW_LIMITS.name).default(''),
        path: z.string().min(1).max(4096).optional(),
      })
      .strict(),
  ),
  /**
   * Merges a review file or a commented Word file back into its disclosure, by id: twice adds
   * nothing. `path` is a file the user chose (CLI, Electron) or uploaded (browser mode).
   */
  'review:importFile': call<ReviewMergeSummary>()(
    z
      .object({
        path: z.string().min(1).max(4096),
        /** For a Word file: the disclosure it belongs to (a review file names its own). */
        id: id.optional(),
        actor: z.string().trim().max(REVIEW_LIMITS.name).default(''),
      })
      .strict(),
  ),
  /**
   * Opens a `.noticereview` file with no workspace: a private temporary workspace holding only its
   * disclosure (closing the workspace that was open). Comment and decide as usual, then save.
   */
  'review:openFile': call<WorkspaceInfo>()(z.object({ path: z.string().min(1).max(4096) }).strict()),
  /** Writes the open review file back, with the threads and decisions made since it was opened. */
  'review:saveFile': call<ReviewExport>()(
    z.object({ path: z.string().min(1).max(4096).optional(), actor: z.string().trim().max(REVIEW_LIMITS.name).default('') }).strict(),
  ),
  /** The audit trail, newest first (optionally about one subject, e.g. `disclosure:3`). */
  'audit:list': call<AuditEntry[]>()(
    z
      .object({
        subject: z.string().max(200).optional(),
        limit: z.number().int().positive().max(1000).default(200),
        beforeSeq: z.number().int().positive().optional(),
      })
      .strict(),
  ),
  /** Walks the audit chain: ok, or the first entry that does not verify. */
  'audit:verify': call<AuditVerification & { head: string }>()(z.object({}).strict()),
};
