import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EventName, FileImportResult } from '../../../shared/contract/index.ts';
import { HandlerContext } from '../../../electron/backend/context.ts';
import { inProcessApi } from '../../../electron/backend/dispatch.ts';
import { releaseUpload, removeUploadRoot, uploadRoot } from '../../../electron/backend/import/upload.ts';
import { tempDir } from '../helpers/tmp.ts';
import { fixture, freshWorkspace } from '../import/helpers.ts';
import { appHeaders, httpCall, originOf, recordingHost, testBridge, until } from './helpers.ts';

const FINAL = ['done', 'failed', 'cancelled'];

afterAll(() => removeUploadRoot());

/** A folder outside the uploads with a file to import and one to keep, and the `<uploads>/../` path to it. */
function victimFolder(): { victim: string; traversal: string } {
  const victim = path.join(tempDir(), 'some', 'other', 'dir');
  fs.mkdirSync(victim, { recursive: true });
  fs.writeFileSync(path.join(victim, 'x.csv'), 'not,an,export\n1,2,3\n');
  fs.writeFileSync(path.join(victim, 'keep.txt'), 'precious');
  const traversal = uploadRoot() + path.sep + path.relative(uploadRoot(), path.join(victim, 'x.csv'));
  return { victim, traversal };
}

function finished(events: [EventName, unknown][], jobId: string): boolean {
  return events.some(([e, p]) => e === 'job:progress' && (p as { jobId: string }).jobId === jobId && FINAL.includes((p as { phase: string }).phase));
}

describe('the import queue removes only upload folders it made', () => {
  it('leaves a folder named through <uploads>/../ intact after the import ends (in-process dispatch)', async () => {
    const { dir, file, db } = await freshWorkspace();
    const { victim, traversal } = victimFolder();
    expect(traversal).toContain(`${path.sep}..${path.sep}`);
    const events: [EventName, unknown][] = [];
    const ctx = new HandlerContext(recordingHost(dir, events));
    ctx.session = { path: file, db };
    const { jobs } = await inProcessApi(ctx)['imports:start']({ files: [traversal] });
    await until(() => finished(events, jobs[0]!.jobId));
    expect(fs.readFileSync(path.join(victim, 'keep.txt'), 'utf8')).toBe('precious');
    expect(fs.existsSync(path.join(victim, 'x.csv'))).toBe(true);
    await ctx.close();
  });

  it('leaves a folder named through <uploads>/../ intact over the HTTP bridge, and removes a real upload once imported', async () => {
    const { bridge } = await testBridge();
    const { file, db } = await freshWorkspace();
    bridge.ctx.session = { path: file, db };
    try {
      const { victim, traversal } = victimFolder();
      // Browser mode's path policy may refuse the path outright; if it is queued, the queue must not remove the folder.
      const started = await httpCall(bridge, 'imports:start', { files: [traversal] });
      const jobIds = started.envelope.ok ? (started.envelope.value as { jobs: { jobId: string }[] }).jobs.map((j) => j.jobId) : [];
      if (!started.envelope.ok) expect(started.envelope.error.code).toBe('path-not-allowed');
      const upload = await fetch(`${originOf(bridge)}/api/upload?name=n.csv`, {
        method: 'POST',
        headers: { ...appHeaders(bridge), 'content-type': 'application/octet-stream' },
        body: fs.readFileSync(fixture('canonical-notifications.csv')),
      });
      const uploaded = ((await upload.json()) as { value: { path: string } }).value.path;
      expect(path.dirname(path.dirname(uploaded))).toBe(uploadRoot());
      const second = await httpCall(bridge, 'imports:start', { files: [uploaded] });
      const uploadJob = (second.envelope as { ok: true; value: { jobs: { jobId: string }[] } }).value.jobs[0]!.jobId;
      let results: { jobId: string; result: FileImportResult }[] = [];
      await until(async () => {
        const { envelope } = await httpCall(bridge, 'imports:results', { jobIds: [...jobIds, uploadJob] });
        results = envelope.ok ? (envelope.value as typeof results) : [];
        return results.length === jobIds.length + 1;
      });
      expect(results.find((r) => r.jobId === uploadJob)!.result).toMatchObject({ imported: 5 });
      expect(fs.readFileSync(path.join(victim, 'keep.txt'), 'utf8')).toBe('precious');
      expect(fs.existsSync(path.dirname(uploaded))).toBe(false);
      expect(fs.existsSync(uploadRoot())).toBe(true);
    } finally {
      await bridge.close();
    }
  });

  it('releases only a folder the upload route made, by real path', () => {
    const root = uploadRoot();
    expect(fs.statSync(root).mode & 0o777).toBe(0o700);
    // A folder made inside the upload root by anyone but the upload route is not released.
    const foreign = path.join(root, 'u-foreign');
    fs.mkdirSync(foreign);
    fs.writeFileSync(path.join(foreign, 'x.csv'), 'x');
    expect(releaseUpload(path.join(foreign, 'x.csv'))).toBe(false);
    // Nor the root itself, for a file placed directly in it.
    fs.writeFileSync(path.join(root, 'y.csv'), 'y');
    expect(releaseUpload(path.join(root, 'y.csv'))).toBe(false);
    // Nor a symlink inside the root that points elsewhere.
    const outside = tempDir();
    fs.writeFileSync(path.join(outside, 'keep.txt'), 'k');
    fs.symlinkSync(outside, path.join(root, 'u-link'));
    expect(releaseUpload(path.join(root, 'u-link', 'keep.txt'))).toBe(false);
    expect(fs.existsSync(foreign) && fs.existsSync(path.join(root, 'y.csv')) && fs.existsSync(path.join(outside, 'keep.txt'))).toBe(true);
  });

  it('removes the whole upload root when the bridge closes; the next upload makes a new private one', async () => {
    const { bridge } = await testBridge();
    const res = await fetch(`${originOf(bridge)}/api/upload?name=a.csv`, {
      method: 'POST',
      headers: { ...appHeaders(bridge), 'content-type': 'application/octet-stream' },
      body: 'sent_at\n',
    });
    const uploaded = ((await res.json()) as { value: { path: string } }).value.path;
    const root = uploadRoot();
    expect(uploaded.startsWith(root + path.sep)).toBe(true);
    await bridge.close();
    expect(fs.existsSync(root)).toBe(false);
    const next = uploadRoot();
    expect(next).not.toBe(root);
    removeUploadRoot();
    expect(fs.existsSync(next)).toBe(false);
  });
});

describe('imports:results', () => {
  it('gives two readers the same results, by job id or all, without removing them', async () => {
    const { dir, file, db } = await freshWorkspace();
    const events: [EventName, unknown][] = [];
    const ctx = new HandlerContext(recordingHost(dir, events));
    ctx.session = { path: file, db };
    const api = inProcessApi(ctx);
    const { jobs } = await api['imports:start']({ files: [fixture('canonical-notifications.csv'), fixture('not-an-export.png')] });
    await until(() => jobs.every((j) => finished(events, j.jobId)));
    const first = await api['imports:results']({ jobIds: [jobs[0]!.jobId] });
    const second = await api['imports:results']({ jobIds: [jobs[0]!.jobId] });
    expect(first).toHaveLength(1);
    expect(second).toEqual(first);
    expect(first[0]!.result).toMatchObject({ imported: 5 });
    const all = await api['imports:results']({});
    expect(all.map((r) => r.jobId)).toEqual(jobs.map((j) => j.jobId));
    expect(await api['imports:results']({ jobIds: ['no-such-job'] })).toEqual([]);
    await expect(api['imports:results']({ jobIds: [''] })).rejects.toMatchObject({ code: 'bad-input' });
    await ctx.close();
  });
});
