import { demoCreateJob } from '../demo/demo-job.ts';
import { buildEvidenceJob } from '../evidence/evidence-job.ts';
import { importFileJob } from '../import/import-job.ts';
import { rebuildRollupsJob } from '../rollups/index.ts';
import type { JobFn } from './types.ts';
import { migrateWorkspaceJob } from './workspace-jobs.ts';

/**
 * Every job the worker can run, by name. Jobs are plain functions of JSON-serialisable params,
 * so the same job can run in the worker (app) or in-process (tests).
 */
export const jobs = {
  'workspace:migrate': migrateWorkspaceJob,
  'import:file': importFileJob,
  'demo:create': demoCreateJob,
  'rollups:rebuild': rebuildRollupsJob,
  'evidence:build': buildEvidenceJob,
} satisfies Record<string, JobFn<never, unknown>>;

export type JobName = keyof typeof jobs;
export type JobParams<K extends JobName> = Parameters<(typeof jobs)[K]>[0];
export type JobResult<K extends JobName> = Awaited<ReturnType<(typeof jobs)[K]>>;
