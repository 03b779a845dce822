import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runJob } from '../../../electron/backend/jobs/run-job.ts';
import { tempDir } from '../helpers/tmp.ts';

/** A stand-in worker script (plain JavaScript) that reports done, then does what `tail` says. */
function workerScript(tail: string): string {
  const file = path.join(tempDir(), 'worker.mjs');
  fs.writeFileSync(
    file,
    `import { parentPort } from 'node:worker_threads';
parentPort.postMessage({ type: 'done', result: { ok: true } });
${tail}
`,
  );
  return file;
}

const saved = process.env.NOTICE_DESK_WORKER_FILE;
afterEach(() => {
  if (saved === undefined) delete process.env.NOTICE_DESK_WORKER_FILE;
  else process.env.NOTICE_DESK_WORKER_FILE = saved;
});

function exitOf(run: (onExit: (code: number) => void) => Promise<unknown>): Promise<{ result: unknown; code: number; afterMs: number }> {
  return new Promise((resolve, reject) => {
    let result: unknown;
    let settledAt = 0;
    run((code) => resolve({ result, code, afterMs: performance.now() - settledAt })).then((r) => {
      result = r;
      settledAt = performance.now();
    }, reject);
  });
}

describe('runJob: a worker that has reported', () => {
  it('is left to exit by itself (exit code 0, not terminated) and the job resolves at its report', async () => {
    process.env.NOTICE_DESK_WORKER_FILE = workerScript('');
    const { result, code } = await exitOf((onExit) => runJob('workspace:migrate', { path: 'unused' }, { onExit, exitGraceMs: 60_000 }));
    expect(result).toEqual({ ok: true });
    expect(code).toBe(0);
  });

  it('is terminated when it is still running after the grace period (exit code 1), the job resolved before', async () => {
    process.env.NOTICE_DESK_WORKER_FILE = workerScript('setInterval(() => {}, 1000);');
    const { result, code, afterMs } = await exitOf((onExit) => runJob('workspace:migrate', { path: 'unused' }, { onExit, exitGraceMs: 300 }));
    expect(result).toEqual({ ok: true });
    expect(code).toBe(1);
    expect(afterMs).toBeGreaterThanOrEqual(250);
  });
});

describe('runJob: the real jobs', () => {
  it('end their threads by themselves once they report (a migration of a new workspace file)', async () => {
    delete process.env.NOTICE_DESK_WORKER_FILE;
    const file = path.join(tempDir(), 'w.sqlite');
    const { code } = await exitOf((onExit) => runJob('workspace:migrate', { path: file }, { onExit, exitGraceMs: 60_000 }));
    expect(code).toBe(0);
    expect(fs.existsSync(file)).toBe(true);
  });
});
