/**
 * A reviewer with no workspace (docs/review.md#reviewers-elsewhere): a `.noticereview` file opens as
 * a private, temporary workspace holding only that disclosure, its versions, threads, decisions and
 * checklist overrides — so every review call (comment, reply, decide) works on it as on any
 * workspace. Saving writes the file back (the same format, the new threads and decisions added);
 * closing removes the temporary folder. The file is checked whole before anything is made.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { userError } from '../../../shared/contract/errors.ts';
import type { WorkspaceSession } from '../context.ts';
import type { Db } from '../db/connection.ts';
import { insertCheckOverride, withdrawCheckOverride } from '../db/check-overrides-repo.ts';
import { openWorkspaceInProcess } from '../workspace.ts';
import { readBounded } from './files.ts';
import { emptyCounts, mergeThread } from './merge.ts';
import { readReviewFile, type ReviewPackage } from './review-file.ts';
import { insertDecision, insertVersion } from './review-repo.ts';

/** What a review-file session knows about where it came from. */
export interface ReviewFileOrigin {
  /** The file's name as the user chose it (its path is not kept for the page). */
  fileName: string;
  disclosureId: number;
  /** The private temporary folder holding the session's workspace, removed on close. */
  folder: string;
}

function load(db: Db, pkg: ReviewPackage): void {
  const v = pkg.version;
  db.prepare(
    `INSERT INTO disclosures (id, title, surface, status, ko_text, en_text, created_at, updated_at, version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)`,
  ).run(pkg.disclosure.id, v.title, v.surface, pkg.disclosure.status, v.koText, v.enText, v.createdAt, v.createdAt);
  db.prepare('INSERT INTO disclosure_status_history (disclosure_id, from_status, to_status, changed_at, note) VALUES (?, NULL, ?, ?, NULL)').run(
    pkg.disclosure.id,
    pkg.disclosure.status,
    v.createdAt,
  );
  for (const version of [...pkg.versions, v].sort((a, b) => a.number - b.number)) {
    const made = insertVersion(db, { ...version, disclosureId: pkg.disclosure.id, draftVersion: 1 });
    if (made.number !== version.number || made.sha256 !== version.sha256) {
      throw userError('unsupported-format', 'review.file-versions', { number: version.number }, { number: version.number });
    }
  }
  const counts = emptyCounts();
  for (const t of pkg.threads) mergeThread(db, pkg.disclosure.id, t, 'review-file', counts);
  for (const d of pkg.decisions) insertDecision(db, pkg.disclosure.id, d);
  // Oldest first, as they were made: a newer one for the same element withdraws the older on insert.
  for (const o of [...pkg.overrides].sort((a, b) => a.createdAt - b.createdAt || a.id - b.id)) {
    const { id: _id, withdrawnAt, withdrawnBy, ...rest } = o;
    const made = insertCheckOverride(db, { ...rest, disclosureId: pkg.disclosure.id });
    if (withdrawnAt !== null) withdrawCheckOverride(db, made.id, withdrawnBy ?? '', withdrawnAt);
  }
}

/** Opens a review file as a temporary workspace session. */
export async function openReviewFileSession(file: string): Promise<WorkspaceSession & { reviewFile: ReviewFileOrigin }> {
  const pkg = readReviewFile(readBounded(file), path.basename(file));
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'notice-desk-review-'));
  try {
    const session = await openWorkspaceInProcess(path.join(folder, 'review.sqlite'));
    try {
      session.db.transaction(() => load(session.db, pkg))();
    } catch (error) {
      session.db.close();
      throw error;
    }
    return { ...session, reviewFile: { fileName: path.basename(file), disclosureId: pkg.disclosure.id, folder } };
  } catch (error) {
    fs.rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}
