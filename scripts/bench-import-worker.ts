/**
 * The import worker of `npm run bench:import`: imports one CSV through the real code path
 * (importFiles) with the rollups on or off — into a fresh workspace, or (`append`) into the one
 * already there — or (`remove`) deletes the workspace's last import, and posts wall time, CPU time
 * and rows. The bench bundles it as the app bundles its worker (scripts/build-electron.mjs), so
 * memory is measured on the code users run, not on TypeScript sources stripped at load.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../electron/backend/db/connection.ts';
import type { RollupAccumulator } from '../electron/backend/rollups/index.ts';
import { importFiles } from '../electron/backend/import/import-files.ts';
import { deleteImport } from '../electron/backend/import/manage.ts';
import { createWorkspaceFile } from '../electron/backend/workspace-file.ts';

export interface WorkerMeasure {
  wallMs: number;
  cpuMs: number;
  rows: number;
}

export type WorkerMode = 'fresh' | 'append' | 'remove';

const noRollups = (): RollupAccumulator => ({ addNotification() {}, addConsent() {}, addUrl() {}, flush() {} });

async function main(): Promise<void> {
  const { csv, workspace, rollups, mode } = workerData as { csv: string; workspace: string; rollups: boolean; mode: WorkerMode };
  if (mode === 'fresh') await createWorkspaceFile(workspace);
  const db = openDatabase(workspace);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let rows: number;
  if (mode === 'remove') {
    const last = db.prepare('SELECT id, imported FROM imports ORDER BY id DESC LIMIT 1').get() as { id: number; imported: number };
    deleteImport(db, last.id);
    rows = last.imported;
  } else {
    const [r] = await importFiles(db, [csv], rollups ? {} : { rollups: noRollups });
    if (!r || r.error) throw new Error(r?.error?.message ?? 'no result');
    // Rows read, not rows stored: a second, overlapping import is measured on all it went through.
    rows = r.rowsRead;
  }
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  db.close();
  const out: WorkerMeasure = { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, rows };
  parentPort!.postMessage(out);
}

void main();
