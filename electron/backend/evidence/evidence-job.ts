import type { EvidenceLocale } from '../../../shared/evidence/types.ts';
import { openDatabase } from '../db/connection.ts';
import type { JobFn } from '../jobs/types.ts';
import type { EvidenceEvents } from './events.ts';
import { buildEvidencePack, packFolderName, zipPack } from './pack.ts';

/** Parameters of the `evidence:build` job (JSON-serialisable). */
export interface EvidenceJobParams {
  workspace: string;
  from: string;
  to: string;
  language: EvidenceLocale;
  /** A ClickHouse workspace's events, read from its warehouse by the caller (the worker has no connection). */
  events?: EvidenceEvents;
}

export interface EvidenceJobResult {
  zip: Uint8Array;
  manifestSha256: string;
  files: number;
}

/**
 * Makes the app's evidence pack (one zip) in the backend worker, on a read-only connection of its own:
 * the metrics, the PDF and the zip take seconds on a large workspace, which Electron's main thread and
 * the bridge's event loop must not spend.
 */
export const buildEvidenceJob: JobFn<EvidenceJobParams, EvidenceJobResult> = async (params, progress) => {
  const db = openDatabase(params.workspace, { readonly: true });
  try {
    let made = 0;
    const options = { from: params.from, to: params.to, language: params.language, ...(params.events ? { events: params.events } : {}) };
    const built = await buildEvidencePack(db, options, (f) =>
      progress({ phase: 'evidence', done: ++made, total: null, message: f.path }),
    );
    const zip = zipPack(packFolderName(built.summary), built.files, built.summary.stampedAt);
    return { zip, manifestSha256: built.manifestSha256, files: built.files.length };
  } finally {
    db.close();
  }
};
