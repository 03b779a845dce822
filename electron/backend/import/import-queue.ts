import { randomUUID } from 'node:crypto';
import type { FileImportResult, ImportRunOptions } from '../../../shared/contract/imports.ts';
import type { HandlerContext } from '../context.ts';
import { runJob } from '../jobs/run-job.ts';
import { refusedResult } from './import-file.ts';
import { IMPORT_RESOURCE_LIMITS } from './limits.ts';
import { releaseUpload } from './upload.ts';
import { discardWarehouseImport, warehouseJobParams } from '../warehouse/import.ts';
import { sessionWarehouse } from '../warehouse/session.ts';

/** How many finished jobs' results are kept for `results()` (the oldest go first). */
export const KEPT_RESULTS = 200;

/** A finished job's result as `imports:results` returns it. */
export interface JobResult {
  jobId: string;
  result: FileImportResult;
}

interface QueuedJob {
  jobId: string;
  workspace: string;
  file: string;
  name: string;
  options: ImportRunOptions;
  onDone?: (result: FileImportResult) => void;
  controller: AbortController;
  /** The last bytes read and the file's size the worker reported (`job:progress` counts bytes in done/total). */
  bytes?: { done: number; total: number | null };
}

/**
 * The import jobs of one backend host: run one after another in the worker (SQLite has one writer;
 * a second import would only wait for the first), reported by `job:progress`, cancellable.
 */
export class ImportQueue {
  private readonly ctx: HandlerContext;
  private readonly waiting: QueuedJob[] = [];
  private running: QueuedJob | null = null;
  /** Finished results by job id, oldest first (a Map keeps insertion order). */
  private readonly finished = new Map<string, FileImportResult>();

  constructor(ctx: HandlerContext) {
    this.ctx = ctx;
  }

  /** Queues a file; returns its job id at once. */
  enqueue(workspace: string, file: string, name: string, options: ImportRunOptions, onDone?: (r: FileImportResult) => void): string {
    const job: QueuedJob = { jobId: randomUUID(), workspace, file, name, options, onDone, controller: new AbortController() };
    this.waiting.push(job);
    this.emit(job, 'queued', 0, null, 0);
    void this.pump();
    return job.jobId;
  }

  /** Cancels a queued or running job; false when it is not known (already finished). */
  cancel(jobId: string): boolean {
    const i = this.waiting.findIndex((j) => j.jobId === jobId);
    if (i !== -1) {
      const [job] = this.waiting.splice(i, 1);
      this.finish(job!, refusedResult(job!.name, new Error('Cancelled before it started; nothing was imported.')), 'cancelled');
      return true;
    }
    if (this.running?.jobId === jobId) {
      this.running.controller.abort();
      return true;
    }
    return false;
  }

  /**
   * Results of finished jobs, read without removing them (every window or tab sees them): of the
   * given job ids, or of the last KEPT_RESULTS jobs. An unknown or not yet finished id is left out.
   */
  results(jobIds?: readonly string[]): JobResult[] {
    if (!jobIds) return [...this.finished].map(([jobId, result]) => ({ jobId, result }));
    const out: JobResult[] = [];
    for (const jobId of new Set(jobIds)) {
      const result = this.finished.get(jobId);
      if (result) out.push({ jobId, result });
    }
    return out;
  }

  private emit(job: QueuedJob, phase: string, done: number, total: number | null, rows: number): void {
    this.ctx.host.emit('job:progress', { jobId: job.jobId, kind: 'import:file', phase, done, total, rows, message: job.name });
  }

  private finish(job: QueuedJob, result: FileImportResult, phase: string): void {
    this.finished.set(job.jobId, result);
    for (const oldest of this.finished.keys()) {
      if (this.finished.size <= KEPT_RESULTS) break;
      this.finished.delete(oldest);
    }
    // Only a folder the upload route made itself, never one named by the path (`<uploads>/../x`).
    releaseUpload(job.file);
    // The last event keeps bytes in done/total like every other (a finished file: all of it read).
    const total = job.bytes?.total ?? null;
    const done = phase === 'done' && total !== null ? total : (job.bytes?.done ?? 0);
    this.emit(job, phase, done, total, result.rowsRead);
    job.onDone?.(result);
    if (result.importId !== null) this.ctx.host.emit('data:changed', { reason: 'import' });
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    const job = this.waiting.shift();
    if (!job) return;
    this.running = job;
    let result: FileImportResult;
    let phase = 'done';
    // A ClickHouse workspace's import: a killed or failed worker's rows are deleted here.
    const session = this.ctx.session?.path === job.workspace ? this.ctx.session : null;
    let warehouse: ReturnType<typeof warehouseJobParams>;
    try {
      warehouse = session ? warehouseJobParams(session.db, { secrets: this.ctx.host.secrets }) : undefined;
      result = await runJob(
        'import:file',
        { workspace: job.workspace, file: job.file, name: job.name, options: job.options, warehouse },
        {
          jobId: job.jobId,
          signal: job.controller.signal,
          resourceLimits: IMPORT_RESOURCE_LIMITS,
          onProgress: (p) => {
            job.bytes = { done: p.done, total: p.total ?? job.bytes?.total ?? null };
            this.emit(job, p.phase, p.done, p.total, p.rows ?? 0);
          },
        },
      );
      if (result.error) phase = 'failed';
    } catch (error) {
      phase = job.controller.signal.aborted ? 'cancelled' : 'failed';
      result = refusedResult(job.name, error);
      const wh = warehouse && session ? sessionWarehouse(session, { secrets: this.ctx.host.secrets }) : null;
      if (wh && warehouse) await discardWarehouseImport(wh, warehouse.importId).catch(() => undefined);
    }
    this.running = null;
    this.finish(job, result, phase);
    void this.pump();
  }
}

const queues = new WeakMap<HandlerContext, ImportQueue>();

/** The import queue of a backend host. */
export function importQueue(ctx: HandlerContext): ImportQueue {
  let q = queues.get(ctx);
  if (!q) {
    q = new ImportQueue(ctx);
    queues.set(ctx, q);
  }
  return q;
}
