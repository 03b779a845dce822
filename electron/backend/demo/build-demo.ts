import fs from 'node:fs';
import path from 'node:path';
import type { FileImportResult } from '../../../shared/contract/imports.ts';
import { openDatabase } from '../db/connection.ts';
import { setMeta } from '../db/meta-repo.ts';
import { migrate } from '../db/migrate.ts';
import { importFiles } from '../import/import-files.ts';
import type { ProgressReport } from '../jobs/types.ts';
import { saveFilters } from '../metrics/settings.ts';
import { createWorkspaceFile } from '../workspace-file.ts';

/** The bundled sample exports (resources/demo), overridable for a packaged app. */
export function demoResourcesDir(): string {
  return process.env.NOTICE_DESK_DEMO_DIR ?? path.resolve(import.meta.dirname, '../../../resources/demo');
}

/** The sample files, in import order (consent before send results so notices precede messages). */
export function demoFiles(dir = demoResourcesDir()): string[] {
  return ['consent-2016h1.csv.gz', 'alimtalk-nhn-2016h1.csv.gz', 'urls-2016h1.csv.gz', 'slack-export'].map((f) =>
    path.join(dir, f),
  );
}

/**
 * Builds the demo workspace at `file` (replacing an earlier demo there): imports every bundled
 * sample through the real importer, marks the workspace as demo and opens the dashboards on the
 * synthetic half-year. Refuses to replace a file that is not a demo workspace.
 */
export async function buildDemoWorkspace(
  file: string,
  progress: (report: ProgressReport) => void = () => {},
): Promise<FileImportResult[]> {
  const resolved = path.resolve(file);
  const tmp = `${resolved}.building`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
  await createWorkspaceFile(tmp);
  const db = openDatabase(tmp);
  let results: FileImportResult[];
  try {
    await migrate(db, tmp);
    const files = demoFiles();
    results = await importFiles(db, files, {
      onProgress: (index, p) =>
        progress({
          phase: 'import',
          done: index * 1000 + (p.totalBytes > 0 ? Math.floor((1000 * p.bytesRead) / p.totalBytes) : 0),
          total: files.length * 1000,
          message: path.basename(files[index]!),
        }),
    });
    const failed = results.find((r) => r.error);
    if (failed) throw new Error(`The demo sample ${failed.file} could not be imported: ${failed.error?.message}`);
    setMeta(db, 'demo', true);
    saveFilters(db, { preset: 'custom', from: '2016-01-01', to: '2016-06-30', by: 'week' });
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  for (const f of [resolved, `${resolved}-wal`, `${resolved}-shm`]) fs.rmSync(f, { force: true });
  fs.renameSync(tmp, resolved);
  for (const f of [`${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
  progress({ phase: 'done', done: 1, total: 1 });
  return results;
}
