import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HandlerContext, type BackendHost } from '../../../electron/backend/context.ts';
import { inProcessApi } from '../../../electron/backend/dispatch.ts';
import { BrowserPathPolicy, GrantPathPolicy, type PathPolicy } from '../../../electron/backend/paths/policy.ts';
import { listAudit } from '../../../electron/backend/review/audit.ts';
import { MemorySettingsStore } from '../../../electron/backend/settings-store.ts';
import { tempDir } from '../helpers/tmp.ts';

function setup(kind: 'electron' | 'browser' | 'in-process', extra: Partial<BackendHost> = {}) {
  const dir = fs.realpathSync(tempDir('evidence-handlers-'));
  const uploads = path.join(dir, 'uploads');
  fs.mkdirSync(uploads);
  const settings = new MemorySettingsStore();
  const paths: PathPolicy | undefined =
    kind === 'electron'
      ? new GrantPathPolicy({ recent: () => settings.get().recentWorkspaces })
      : kind === 'browser'
        ? new BrowserPathPolicy({ uploadRoot: () => uploads, workspacesDir: path.join(dir, 'workspaces'), recent: () => settings.get().recentWorkspaces })
        : undefined;
  const ctx = new HandlerContext({ transport: kind, settings, emit: () => {}, ...(paths ? { paths } : {}), ...extra });
  return { dir, uploads, paths, ctx, api: inProcessApi(ctx) };
}

async function withEvents(s: ReturnType<typeof setup>, kind: 'electron' | 'browser' | 'in-process'): Promise<void> {
  if (kind === 'electron') {
    const file = path.join(s.dir, 'w.sqlite');
    s.paths!.allow(file, 'workspace-create');
    await s.api['workspace:create']({ path: file });
  } else if (kind === 'browser') {
    await s.api['workspace:create']({ name: 'w' });
  } else {
    await s.api['workspace:create']({ path: path.join(s.dir, 'w.sqlite') });
  }
  const csv = path.join(s.dir, 'sends.csv');
  fs.writeFileSync(csv, 'event_id,sent_at,recipient_id,sender_id,status\nn1,2016-03-01T10:00:00+09:00,r1,s1,delivered\n');
  const { importFiles } = await import('../../../electron/backend/import/import-files.ts');
  await importFiles(s.ctx.workspace().db, [csv]);
}

describe.each(['electron', 'browser'] as const)('the evidence calls and the path policy (%s)', (kind) => {
  it('refuse a path the user did not choose before looking anything up, with or without a workspace', async () => {
    const s = setup(kind);
    const victim = path.join(fs.realpathSync(tempDir('victim-')), 'important.txt');
    fs.writeFileSync(victim, 'precious');
    // No workspace open: the path is refused first, not "no workspace".
    await expect(s.api['evidence:write']({ language: 'ko', path: victim })).rejects.toMatchObject({ code: 'path-not-allowed' });
    await expect(s.api['evidence:verify']({ path: victim })).rejects.toMatchObject({ code: 'path-not-allowed' });
    await withEvents(s, kind);
    // A bad period is not looked at either before the path.
    await expect(s.api['evidence:write']({ language: 'ko', from: '2016-05-01', to: '2016-04-01', path: victim })).rejects.toMatchObject({ code: 'path-not-allowed' });
    expect(fs.readFileSync(victim, 'utf8')).toBe('precious');
    await s.ctx.close();
  });
});

describe('evidence:write and evidence:verify', () => {
  it('browser mode: the pack is one zip to download; an upload of it verifies; the export is in the audit trail', async () => {
    const s = setup('browser');
    await withEvents(s, 'browser');
    const r = await s.api['evidence:write']({ language: 'en', actor: '김법무' });
    expect(r).toMatchObject({
      path: null,
      fileName: 'notice-desk-evidence-2016-03-01_2016-03-01.zip',
      mimeType: 'application/zip',
      period: { from: '2016-03-01', to: '2016-03-01' },
      empty: { events: false, disclosures: true },
      files: 22 - 4, // no disclosure texts
    });
    expect(r.manifestSha256).toMatch(/^[0-9a-f]{64}$/);
    const bytes = Buffer.from(r.base64!, 'base64');
    expect(bytes.length).toBe(r.bytes);
    fs.mkdirSync(path.join(s.uploads, 'u-1'));
    const upload = path.join(s.uploads, 'u-1', r.fileName);
    fs.writeFileSync(upload, bytes);
    expect(await s.api['evidence:verify']({ path: upload, manifestSha256: r.manifestSha256 })).toMatchObject({ ok: true, manifestMatches: true, checked: r.files - 1 });
    const [entry] = listAudit(s.ctx.workspace().db, { subject: 'evidence' });
    expect(entry).toMatchObject({ actor: '김법무', action: 'export', details: { manifestSha256: r.manifestSha256, from: '2016-03-01', to: '2016-03-01', fileName: r.fileName } });
    await s.ctx.close();
  }, 30_000);

  it('Electron: the zip goes where main’s save dialog says; cancelling writes and records nothing', async () => {
    let answer: string | null = null;
    const s = setup('electron', {
      pickSavePath: async (fileName) => {
        expect(fileName).toBe('notice-desk-evidence-2016-03-01_2016-03-01.zip');
        if (answer !== null) s.paths!.allow(answer, 'export');
        return answer;
      },
    });
    await withEvents(s, 'electron');
    const cancelled = await s.api['evidence:write']({ language: 'ko' });
    expect(cancelled).toMatchObject({ path: null, base64: null, bytes: 0 });
    expect(listAudit(s.ctx.workspace().db, { subject: 'evidence' })).toEqual([]);
    answer = path.join(s.dir, 'pack.zip');
    const r = await s.api['evidence:write']({ language: 'ko' });
    expect(r).toMatchObject({ path: answer, base64: null });
    expect(fs.statSync(answer).size).toBe(r.bytes);
    s.paths!.allow(answer, 'import');
    expect((await s.api['evidence:verify']({ path: answer })).ok).toBe(true);
    await s.ctx.close();
  }, 30_000);

  it('the CLI host: written to the path given, compared with a wrong recorded hash; a backwards period refused', async () => {
    const s = setup('in-process');
    await withEvents(s, 'in-process');
    const file = path.join(s.dir, 'out.zip');
    const r = await s.api['evidence:write']({ language: 'ko', path: file, from: '2016-02-01', to: '2016-03-31' });
    expect(r).toMatchObject({ path: file, period: { from: '2016-02-01', to: '2016-03-31' } });
    expect((await s.api['evidence:verify']({ path: file, manifestSha256: 'f'.repeat(64) })).manifestMatches).toBe(false);
    await expect(s.api['evidence:write']({ language: 'ko', from: '2016-05-01', to: '2016-04-01' })).rejects.toMatchObject({ code: 'bad-input', key: 'evidence.bad-period' });
    await s.ctx.close();
  }, 30_000);
});
