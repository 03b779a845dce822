/**
 * The import worker of `npm run bench:import`: imports one CSV into a fresh workspace through the
 * real code path (importFiles) with the rollups on or off, and posts wall time, CPU time and rows.
 * The bench bundles it as the app bundles its worker (scripts/build-electron.mjs), so memory is
 * measured on the code users run, not on TypeScript sources stripped at load.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../electron/backend/db/connection.ts';
import type { RollupAccumulator } from '../electron/backend/db/rollups-repo.ts';
import { importFiles } from '../electron/backend/import/import-files.ts';
import { createWorkspaceFile } from '../electron/backend/workspace-file.ts';

export interface WorkerMeasure {
  wallMs: number;
  cpuMs: number;
  rows: number;
}

const noRollups = (): RollupAccumulator => ({ addNotification() {}, addConsent() {}, addUrl() {}, flush() {} });

async function main(): Promise<void> {
  const { csv, workspace, rollups } = workerData as { csv: string; workspace: string; rollups: boolean };
  await createWorkspaceFile(workspace);
  const db = openDatabase(workspace);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const [r] = await importFiles(db, [csv], rollups ? {} : { rollups: noRollups });
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  db.close();
  if (!r || r.error) throw new Error(r?.error?.message ?? 'no result');
  const out: WorkerMeasure = { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, rows: r.imported };
  parentPort!.postMessage(out);
}

void main();
