import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Api, Envelope } from '../../../shared/contract/index.ts';
import { HandlerContext, type BackendHost } from '../../../electron/backend/context.ts';
import { inProcessApi } from '../../../electron/backend/dispatch.ts';
import { setWatchFolder, stopWatcher } from '../../../electron/backend/import/watch-folder.ts';
import { BrowserPathPolicy, GrantPathPolicy, type PathPolicy } from '../../../electron/backend/paths/policy.ts';
import { MemorySettingsStore } from '../../../electron/backend/settings-store.ts';
import { bindContract, type IpcMainLike } from '../../../electron/main/ipc.ts';
import type { IpcEventLike } from '../../../electron/main/security.ts';
import { tempDir } from '../helpers/tmp.ts';

/** A victim's files outside anything the user chose: a file to overwrite, a file to read, a folder. */
function victim() {
  const dir = fs.realpathSync(tempDir('notice-desk-victim-'));
  const file = path.join(dir, 'important.txt');
  fs.writeFileSync(file, 'precious');
  const secret = path.join(dir, 'passwd');
  fs.writeFileSync(secret, 'root:x:0:0:root:/root:/bin/bash\n');
  return { dir, file, secret };
}

function setup(kind: 'electron' | 'browser', extra: Partial<BackendHost> = {}) {
  const dir = fs.realpathSync(tempDir());
  const uploads = path.join(dir, 'uploads');
  fs.mkdirSync(uploads);
  const settings = new MemorySettingsStore();
  const paths: PathPolicy =
    kind === 'electron'
      ? new GrantPathPolicy({ recent: () => settings.get().recentWorkspaces })
      : new BrowserPathPolicy({ uploadRoot: () => uploads, workspacesDir: path.join(dir, 'workspaces'), recent: () => settings.get().recentWorkspaces });
  const ctx = new HandlerContext({ transport: kind, settings, paths, emit: () => {}, ...extra });
  return { dir, uploads, paths, ctx, api: inProcessApi(ctx) };
}

/** Opens a workspace the way each host allows: a dialog's grant (Electron) or by name (browser). */
async function openWorkspace(kind: 'electron' | 'browser', s: ReturnType<typeof setup>): Promise<void> {
  if (kind === 'electron') {
    const file = path.join(s.dir, 'w.sqlite');
    s.paths.allow(file, 'workspace-create');
    await s.api['workspace:create']({ path: file });
  } else {
    await s.api['workspace:create']({ name: 'w' });
  }
}

async function newDisclosure(api: Api): Promise<number> {
  return (await api['disclosures:create']({ surface: 'alimtalk' })).id;
}

describe.each(['electron', 'browser'] as const)('caller-chosen paths over the real handlers (%s)', (kind) => {
  it('disclosures:export {path} no longer overwrites a file the user did not choose', async () => {
    const s = setup(kind);
    const v = victim();
    await openWorkspace(kind, s);
    const id = await newDisclosure(s.api);
    await expect(s.api['disclosures:export']({ id, format: 'md', path: v.file })).rejects.toMatchObject({
      code: 'path-not-allowed',
      params: { file: v.file },
    });
    expect(fs.readFileSync(v.file, 'utf8')).toBe('precious');
    // Without a path it is a download, in both hosts.
    expect((await s.api['disclosures:export']({ id, format: 'md' })).base64).toBeTruthy();
    await s.ctx.close();
  });

  it('review calls write and read only files the user chose', async () => {
    const s = setup(kind);
    const v = victim();
    await openWorkspace(kind, s);
    const id = await newDisclosure(s.api);
    await s.api['disclosures:setStatus']({ id, status: 'in-review', actor: 'K' });
    for (const call of [
      () => s.api['review:exportFile']({ id, format: 'noticereview', path: v.file }),
      () => s.api['review:exportThreads']({ id, format: 'csv', path: v.file }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: 'path-not-allowed', params: { file: v.file } });
    }
    expect(fs.readFileSync(v.file, 'utf8')).toBe('precious');
    await expect(s.api['review:importFile']({ path: v.secret })).rejects.toMatchObject({ code: 'path-not-allowed' });
    await expect(s.api['review:openFile']({ path: v.secret })).rejects.toMatchObject({ code: 'path-not-allowed' });
    await expect(s.api['review:saveFile']({ path: v.file })).rejects.toMatchObject({ code: 'path-not-allowed' });
    await expect(s.api['review:saveFile']({})).rejects.toMatchObject({ code: 'conflict', key: 'review.not-review-file' });
    expect((await s.api['review:exportFile']({ id, format: 'noticereview' })).base64).toBeTruthy();
    await s.ctx.close();
  });

  it('refuses a path before looking anything up, so a probe learns nothing from "not found"', async () => {
    const s = setup(kind);
    const v = victim();
    await openWorkspace(kind, s);
    const missing = 404;
    for (const call of [
      () => s.api['disclosures:export']({ id: missing, format: 'md', path: v.file }),
      () => s.api['review:exportFile']({ id: missing, format: 'noticereview', path: v.file }),
      () => s.api['review:exportThreads']({ id: missing, format: 'json', path: v.file }),
      () => s.api['review:importFile']({ id: missing, path: v.secret }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: 'path-not-allowed' });
    }
    await s.ctx.close();
    // And with no workspace open at all.
    await expect(s.api['disclosures:export']({ id: missing, format: 'md', path: v.file })).rejects.toMatchObject({ code: 'path-not-allowed' });
    expect(fs.readFileSync(v.file, 'utf8')).toBe('precious');
  });

  it('imports:preview {file} no longer reads a file the user did not choose', async () => {
    const s = setup(kind);
    const v = victim();
    await expect(s.api['imports:preview']({ file: v.secret })).rejects.toMatchObject({ code: 'path-not-allowed' });
    await expect(s.api['imports:preview']({ file: '/etc/passwd' })).rejects.toMatchObject({ code: 'path-not-allowed' });
    // Through .. out of the upload folder, and through a link inside it.
    await expect(s.api['imports:preview']({ file: path.join(s.uploads, '..', '..', path.basename(path.dirname(v.secret)), 'passwd') })).rejects.toMatchObject({
      code: 'path-not-allowed',
    });
    fs.symlinkSync(v.secret, path.join(s.uploads, 'link.csv'));
    await expect(s.api['imports:preview']({ file: path.join(s.uploads, 'link.csv') })).rejects.toMatchObject({ code: 'path-not-allowed' });
  });

  it('imports:start no longer queues a file the user did not choose', async () => {
    const s = setup(kind);
    const v = victim();
    await openWorkspace(kind, s);
    await expect(s.api['imports:start']({ files: [v.secret] })).rejects.toMatchObject({ code: 'path-not-allowed' });
    expect((await s.api['imports:list']({})).length).toBe(0);
    await s.ctx.close();
  });

  it('workspace:create and workspace:open no longer take any path', async () => {
    const s = setup(kind);
    const v = victim();
    const target = path.join(v.dir, 'planted.sqlite');
    await expect(s.api['workspace:create']({ path: target })).rejects.toMatchObject({ code: 'path-not-allowed' });
    expect(fs.existsSync(target)).toBe(false);
    await expect(s.api['workspace:open']({ path: v.file })).rejects.toMatchObject({ code: 'path-not-allowed' });
    expect(fs.readFileSync(v.file, 'utf8')).toBe('precious');
    // Nor by planting a recent workspace through settings.
    await expect(s.api['settings:set']({ recentWorkspaces: [target] })).rejects.toMatchObject({ code: 'bad-input' });
  });

  it('demo:create {path} no longer makes a file where the user did not choose', async () => {
    const s = setup(kind);
    const v = victim();
    const target = path.join(v.dir, 'made', 'demo.sqlite');
    await expect(s.api['demo:create']({ path: target })).rejects.toMatchObject({ code: 'path-not-allowed' });
    expect(fs.existsSync(path.join(v.dir, 'made'))).toBe(false);
  });

  it('imports:setWatchFolder no longer watches a folder the user did not choose', async () => {
    const s = setup(kind);
    const v = victim();
    await openWorkspace(kind, s);
    await expect(s.api['imports:setWatchFolder']({ path: v.dir })).rejects.toMatchObject({ code: 'path-not-allowed' });
    expect((await s.api['imports:watchFolder']({})).path).toBeNull();
    await s.ctx.close();
  });
});

describe('a path the user chose still works', () => {
  it('Electron: a granted import file, export file, watched folder and recent workspace', async () => {
    const s = setup('electron');
    await openWorkspace('electron', s);
    const csv = path.join(s.dir, 'send-log.csv');
    fs.writeFileSync(csv, 'sent_at,sender,recipient\n2016-05-01T09:00:00+09:00,shop,u1\n');
    s.paths.allow(csv, 'import');
    expect((await s.api['imports:preview']({ file: csv })).header).toEqual(['sent_at', 'sender', 'recipient']);
    const out = path.join(s.dir, 'notice.md');
    s.paths.allow(out, 'export');
    const id = await newDisclosure(s.api);
    expect((await s.api['disclosures:export']({ id, format: 'md', path: out })).path).toBe(out);
    expect(fs.existsSync(out)).toBe(true);
    const folder = path.join(s.dir, 'exports');
    fs.mkdirSync(folder);
    s.paths.allow(folder, 'watch-folder');
    expect((await s.api['imports:setWatchFolder']({ path: folder })).path).toBe(folder);
    // The workspace is now recent: it opens again without a dialog.
    await s.api['workspace:close']({});
    expect((await s.api['workspace:open']({ path: path.join(s.dir, 'w.sqlite') })).name).toBe('w');
    await s.ctx.close();
  });

  it('browser mode: an upload imports; a workspace by name, from the list, and recent', async () => {
    const s = setup('browser');
    const info = await s.api['workspace:create']({ name: '2016 알림' });
    expect(info.path).toBe(path.join(s.dir, 'workspaces', '2016 알림.sqlite'));
    fs.mkdirSync(path.join(s.uploads, 'u-1'));
    const upload = path.join(s.uploads, 'u-1', 'send-log.csv');
    fs.writeFileSync(upload, 'sent_at,sender\n2016-05-01T09:00:00+09:00,shop\n');
    expect((await s.api['imports:preview']({ file: upload })).header).toEqual(['sent_at', 'sender']);
    const listing = await s.api['workspace:list']({});
    expect(listing.files.map((f) => f.path)).toEqual([info.path]);
    await s.api['workspace:close']({});
    expect((await s.api['workspace:open']({ path: listing.files[0]!.path })).path).toBe(info.path);
    await expect(s.api['workspace:create']({ name: '../escape' })).rejects.toMatchObject({ code: 'bad-input' });
    await s.ctx.close();
  });
});

describe("Electron's export: main's save dialog, never the page's path", () => {
  it('writes where the user chose in the dialog main shows, and nothing when it is cancelled', async () => {
    const answers: (string | null)[] = [];
    const suggested: string[] = [];
    const s = setup('electron', {
      // As main does: show the dialog, grant the chosen file for export only.
      pickSavePath: async (fileName) => {
        suggested.push(fileName);
        const chosen = answers.shift() ?? null;
        return chosen === null ? null : s.paths.allow(chosen, 'export');
      },
    });
    await openWorkspace('electron', s);
    const id = (await s.api['disclosures:create']({ surface: 'alimtalk', title: '알림톡 고지' })).id;
    const out = path.join(s.dir, 'chosen.md');
    answers.push(out);
    expect(await s.api['disclosures:export']({ id, format: 'md' })).toMatchObject({ path: out, base64: null });
    expect(fs.readFileSync(out, 'utf8')).toContain('알림톡 고지');
    expect(suggested).toEqual(['알림톡 고지.md']);
    answers.push(null);
    expect(await s.api['disclosures:export']({ id, format: 'pdf' })).toMatchObject({ path: null, base64: null, bytes: 0, fileName: '알림톡 고지.pdf' });
    expect(fs.readdirSync(s.dir).filter((f) => f.endsWith('.pdf'))).toEqual([]);
    // The file granted by the dialog is for export only: it cannot be read back as an import.
    await expect(s.api['imports:preview']({ file: out })).rejects.toMatchObject({ code: 'path-not-allowed' });
    await s.ctx.close();
  });
});

describe("the workspace's own watched folder", () => {
  it('switches on and off without a dialog, but is not confirmed by that', async () => {
    const s = setup('electron');
    await openWorkspace('electron', s);
    const folder = path.join(s.dir, 'named-by-a-colleague');
    fs.mkdirSync(folder);
    setWatchFolder(s.ctx.workspace().db, { path: folder, enabled: true });
    expect(await s.api['imports:setWatchFolder']({ path: folder, enabled: false })).toMatchObject({ path: folder, enabled: false, confirmed: false });
    expect(await s.api['imports:setWatchFolder']({ path: folder, enabled: true })).toMatchObject({ path: folder, enabled: true, confirmed: false });
    await expect(s.api['imports:setWatchFolder']({ path: path.join(folder, '..'), enabled: true })).rejects.toMatchObject({ code: 'path-not-allowed' });
    stopWatcher(s.ctx);
    await s.ctx.close();
  });
});

describe('the IPC binding refuses the holes too', () => {
  it('answers path-not-allowed for each hole sent by the app frame itself', async () => {
    const handlers = new Map<string, (event: IpcEventLike, payload: unknown) => Promise<unknown>>();
    const ipc: IpcMainLike = { handle: (c, l) => void handlers.set(c, l), removeHandler: (c) => void handlers.delete(c) };
    const s = setup('electron');
    bindContract(ipc, s.ctx, () => true);
    const invoke = (name: string, payload: unknown) => handlers.get(name)!({ senderFrame: null }, payload) as Promise<Envelope<unknown>>;
    const v = victim();
    expect(await invoke('imports:preview', { file: v.secret })).toMatchObject({ ok: false, error: { code: 'path-not-allowed' } });
    expect(await invoke('workspace:create', { path: path.join(v.dir, 'x.sqlite') })).toMatchObject({ ok: false, error: { code: 'path-not-allowed' } });
    const file = path.join(s.dir, 'w.sqlite');
    s.paths.allow(file, 'workspace-create');
    expect(await invoke('workspace:create', { path: file })).toMatchObject({ ok: true });
    const id = ((await invoke('disclosures:create', { surface: 'alimtalk' })) as { value: { id: number } }).value.id;
    expect(await invoke('disclosures:export', { id, format: 'md', path: v.file })).toMatchObject({
      ok: false,
      error: { code: 'path-not-allowed', key: 'paths.not-chosen-export' },
    });
    expect(await invoke('imports:setWatchFolder', { path: v.dir })).toMatchObject({ ok: false, error: { code: 'path-not-allowed' } });
    expect(fs.readFileSync(v.file, 'utf8')).toBe('precious');
    await s.ctx.close();
  });
});
