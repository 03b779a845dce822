/**
 * The import worker of `npm run bench:hostile`: imports one file into a fresh workspace through the
 * real code path (importFiles) and posts the outcome — the error's English message, or the counts.
 * Bundled as the app bundles its worker, and run under the app's heap limits by the bench.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../electron/backend/db/connection.ts';
import { importFiles } from '../electron/backend/import/import-files.ts';
import { createWorkspaceFile } from '../electron/backend/workspace-file.ts';

/** What the worker posts back. */
export interface HostileOutcome {
  wallMs: number;
  error: string | null;
  rowsRead: number;
  imported: number;
  rejected: number;
}

async function main(): Promise<void> {
  const { file, workspace } = workerData as { file: string; workspace: string };
  await createWorkspaceFile(workspace);
  const db = openDatabase(workspace);
  const t0 = performance.now();
  const [r] = await importFiles(db, [file]);
  const out: HostileOutcome = {
    wallMs: performance.now() - t0,
    error: r?.error ? `${r.error.code}: ${r.error.message}` : null,
    rowsRead: r?.rowsRead ?? 0,
    imported: r?.imported ?? 0,
    rejected: r?.rejected ?? 0,
  };
  db.close();
  parentPort!.postMessage(out);
}

void main();
