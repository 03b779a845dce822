import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventMap, EventName, FileImportResult } from '../../../shared/contract/index.ts';
import { startBridge } from '../../../electron/backend/bridge/server.ts';
import { HandlerContext, type BackendHost } from '../../../electron/backend/context.ts';
import { inProcessApi } from '../../../electron/backend/dispatch.ts';
import { writeSyntheticCsv } from '../../../electron/backend/import/synthetic-csv.ts';
import { runJob } from '../../../electron/backend/jobs/run-job.ts';
import { JsonFileSettingsStore } from '../../../electron/backend/settings-store.ts';
import { tempDir } from '../helpers/tmp.ts';
import { counts, fixture, freshWorkspace } from './helpers.ts';

function host(dir: string, events: [EventName, unknown][]): BackendHost {
  return {
    transport: 'browser',
    settings: new JsonFileSettingsStore(path.join(dir, 'settings.json')),
    emit<E extends EventName>(event: E, payload: EventMap[E]) {
      events.push([event, payload]);
    },
  };
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 25));
}

describe('imports in the backend worker', () => {
  it('runs the import:file job in a worker thread and reports bytes and records', async () => {
    const { file, db } = await freshWorkspace();
    db.close();
    const reports: { done: number; rows?: number }[] = [];
    const result = await runJob(
      'import:file',
      { workspace: file, file: fixture('canonical-notifications.csv'), name: 'n.csv', options: {} },
      { onProgress: (p) => reports.push(p) },
    );
    expect(result).toMatchObject({ file: 'n.csv', imported: 5, rejected: 4 });
    expect(reports.at(-1)).toMatchObject({ rows: 10 });
  });

  it('keeps nothing of a file whose job is cancelled mid-import', async () => {
    const { dir, file, db } = await freshWorkspace();
    const big = path.join(dir, 'big.csv');
    await writeSyntheticCsv(big, 50_000, 5);
    const controller = new AbortController();
    let exitCode: number | null = null;
    const job = runJob('import:file', { workspace: file, file: big, name: 'big.csv', options: {} }, {
      signal: controller.signal,
      onProgress: (p) => {
        if ((p.rows ?? 0) > 0) controller.abort();
      },
      onExit: (code) => (exitCode = code),
      exitGraceMs: 60_000,
    });
    await expect(job).rejects.toMatchObject({ code: 'cancelled' });
    // The job stopped by itself between two chunks and its thread ended (0), not terminated (1).
    await expect.poll(() => exitCode, { timeout: 30_000 }).toBe(0);
    expect(counts(db)).toMatchObject({ notifications: 0, imports: 0 });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});

describe('the imports handlers', () => {
  it('queue files, emit progress and data:changed, list the import, page its rejects and delete it', async () => {
    const { dir, file, db } = await freshWorkspace();
    const events: [EventName, unknown][] = [];
    const ctx = new HandlerContext(host(dir, events));
    ctx.session = { path: file, db };
    const api = inProcessApi(ctx);
    const { jobs } = await api['imports:start']({ files: [fixture('canonical-notifications.csv'), fixture('not-an-export.png')] });
    expect(jobs).toHaveLength(2);
    let results: { jobId: string; result: FileImportResult }[] = [];
    await until(() => {
      void api['imports:results']({}).then((r) => (results = r));
      return results.length === 2;
    });
    expect(results.find((r) => r.jobId === jobs[0]!.jobId)!.result).toMatchObject({ imported: 5 });
    expect(results.find((r) => r.jobId === jobs[1]!.jobId)!.result.error?.code).toBe('unsupported-format');
    // The last event counts bytes like the others (the whole file read), records in rows.
    const size = fs.statSync(fixture('canonical-notifications.csv')).size;
    const last = events.filter(([e, p]) => e === 'job:progress' && (p as { jobId: string }).jobId === jobs[0]!.jobId).at(-1)![1];
    expect(last).toMatchObject({ phase: 'done', done: size, total: size, rows: 10 });
    expect(events.some(([e]) => e === 'data:changed')).toBe(true);
    const list = await api['imports:list']({});
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ fileName: 'canonical-notifications.csv', rowsRead: 10, rejected: 4, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as string });
    const page = await api['imports:rejects']({ importId: list[0]!.id, offset: 2, limit: 2 });
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.line)).toEqual([10, 11]);
    expect((await api['imports:exportRejects']({ importId: null })).csv.split('\r\n')).toHaveLength(6);
    await api['imports:delete']({ id: list[0]!.id });
    expect(await api['imports:list']({})).toEqual([]);
    await expect(api['imports:delete']({ id: list[0]!.id })).rejects.toMatchObject({ code: 'not-found' });
    await ctx.close();
  });

  it('preview guesses a mapping for an unknown CSV and reuses a saved preset for the same header', async () => {
    const { dir, file, db } = await freshWorkspace();
    const ctx = new HandlerContext(host(dir, []));
    ctx.session = { path: file, db };
    const api = inProcessApi(ctx);
    const preview = await api['imports:preview']({ file: fixture('generic-vendor.csv') });
    expect(preview).toMatchObject({ format: 'csv', adapter: null, header: ['발송일시', '수신번호', '발신프로필', '템플릿', '결과'] });
    expect(preview.guess).toEqual({
      kind: 'notifications',
      columns: { sent_at: '발송일시', recipient_id: '수신번호', sender_id: '발신프로필', template_id: '템플릿', status: '결과' },
      timestampFormat: 'YYYY/MM/DD HH:mm:ss',
      timeZone: null,
    });
    await api['imports:savePreset']({ name: 'Shop C', header: preview.header, mapping: preview.guess! });
    const again = await api['imports:preview']({ file: fixture('generic-vendor.csv') });
    expect(again).toMatchObject({ adapter: 'generic', preset: 'Shop C' });
    expect(await api['imports:presets']({})).toHaveLength(1);
    await ctx.close();
  });

  it('imports files dropped in the watched folder once, and logs what it refused', async () => {
    const { dir, file, db } = await freshWorkspace();
    const watched = path.join(dir, 'exports');
    fs.mkdirSync(watched);
    const ctx = new HandlerContext(host(dir, []));
    ctx.session = { path: file, db };
    const api = inProcessApi(ctx);
    await api['imports:setWatchFolder']({ path: watched, enabled: true });
    fs.copyFileSync(fixture('canonical-consent.tsv'), path.join(watched, 'consent.tsv'));
    fs.copyFileSync(fixture('unknown-columns.csv'), path.join(watched, 'unknown.csv'));
    fs.writeFileSync(path.join(watched, 'half.csv.part'), 'x');
    await until(() => db.prepare('SELECT count(*) FROM watch_log').pluck().get() === 2);
    const log = await api['imports:watchLog']({});
    expect(log.map((e) => [e.fileName, e.outcome]).sort()).toEqual([['consent.tsv', 'imported'], ['unknown.csv', 'refused']]);
    expect(counts(db).consent).toBe(3);
    await new Promise((r) => setTimeout(r, 7000));
    expect(db.prepare('SELECT count(*) FROM watch_log').pluck().get()).toBe(2);
    await ctx.close();
  });
});

describe('the upload route of browser mode', () => {
  it('streams a body to a temp file named like the upload, behind the token', async () => {
    const dir = tempDir();
    const bridge = await startBridge({ rendererDir: dir, settings: new JsonFileSettingsStore(path.join(dir, 's.json')) });
    try {
      const url = `http://127.0.0.1:${bridge.port}/api/upload?name=${encodeURIComponent('../발송 로그.csv')}`;
      const refused = await fetch(url, { method: 'POST', body: 'a', headers: { origin: bridge.origin } });
      expect(refused.status).toBe(401);
      const res = await fetch(url, { method: 'POST', body: 'sent_at\n', headers: { 'x-notice-desk-token': bridge.token, origin: bridge.origin } });
      const envelope = (await res.json()) as { ok: boolean; value: { path: string } };
      expect(envelope.ok).toBe(true);
      expect(path.basename(envelope.value.path)).toBe('발송 로그.csv');
      expect(fs.readFileSync(envelope.value.path, 'utf8')).toBe('sent_at\n');
      fs.rmSync(path.dirname(envelope.value.path), { recursive: true });
    } finally {
      await bridge.close();
    }
  });
});
