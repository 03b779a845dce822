import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/contract/index.ts';
import { HandlerContext } from '../../../electron/backend/context.ts';
import { GrantPathPolicy } from '../../../electron/backend/paths/policy.ts';
import { MemorySettingsStore } from '../../../electron/backend/settings-store.ts';
import { bindDropGrants, DROP_CHANNEL, type IpcMainOnLike } from '../../../electron/main/drop-grants.ts';
import { bindContract, type IpcMainLike } from '../../../electron/main/ipc.ts';
import { isTrustedSender, type FrameLike, type IpcEventLike } from '../../../electron/main/security.ts';
import { tempDir } from '../helpers/tmp.ts';

const appFrame: FrameLike = { url: 'app://notice-desk/index.html', origin: 'app://notice-desk', parent: null };
const stranger: FrameLike = { url: 'https://evil.example/', origin: 'https://evil.example', parent: null };

/** main's bindings over fake ipcMain objects: the contract's calls and the drop channel. */
function electronMain() {
  const calls = new Map<string, (event: IpcEventLike, payload: unknown) => Promise<unknown>>();
  const listeners = new Map<string, (event: IpcEventLike & { returnValue?: unknown }, payload: unknown) => void>();
  const ipc: IpcMainLike & IpcMainOnLike = {
    handle: (channel, listener) => void calls.set(channel, listener),
    removeHandler: (channel) => void calls.delete(channel),
    on: (channel, listener) => void listeners.set(channel, listener),
    removeAllListeners: (channel) => void listeners.delete(channel),
  };
  const policy = new GrantPathPolicy();
  const ctx = new HandlerContext({ transport: 'electron', settings: new MemorySettingsStore(), paths: policy, emit: () => {} });
  const trusted = (event: IpcEventLike) => isTrustedSender(event.senderFrame, appFrame);
  bindContract(ipc, ctx, trusted);
  const unbind = bindDropGrants(ipc, policy, trusted);
  const drop = (frame: FrameLike, payload: unknown) => {
    const event: IpcEventLike & { returnValue?: unknown } = { senderFrame: frame };
    listeners.get(DROP_CHANNEL)!(event, payload);
    return event.returnValue;
  };
  const invoke = (name: string, payload: unknown) => calls.get(name)!({ senderFrame: appFrame }, payload) as Promise<Envelope<unknown>>;
  return { drop, invoke, unbind, listeners };
}

describe('files dropped on the Electron window', () => {
  it('are granted for import only, by real path, when the app frame sends them', async () => {
    const dir = fs.realpathSync(tempDir());
    const csv = path.join(dir, 'send-log.csv');
    fs.writeFileSync(csv, 'sent_at,sender\n2016-05-01T09:00:00+09:00,shop\n');
    const main = electronMain();
    expect(await main.invoke('imports:preview', { file: csv })).toMatchObject({ ok: false, error: { code: 'path-not-allowed' } });
    expect(main.drop(appFrame, [path.join(dir, '.', 'send-log.csv')])).toEqual([csv]);
    expect(await main.invoke('imports:preview', { file: csv })).toMatchObject({ ok: true, value: { header: ['sent_at', 'sender'] } });
    // Granted for import, not for export or as a workspace.
    expect(await main.invoke('workspace:open', { path: csv })).toMatchObject({ ok: false, error: { code: 'path-not-allowed' } });
  });

  it('are refused from another frame, and when they are not existing files', async () => {
    const dir = fs.realpathSync(tempDir());
    const csv = path.join(dir, 'a.csv');
    fs.writeFileSync(csv, 'x');
    const main = electronMain();
    expect(main.drop(stranger, [csv])).toEqual([]);
    expect(await main.invoke('imports:preview', { file: csv })).toMatchObject({ ok: false, error: { code: 'path-not-allowed' } });
    expect(main.drop(appFrame, [dir, path.join(dir, 'missing.csv'), 42, ''])).toEqual([null, null, null, null]);
    expect(main.drop(appFrame, 'not a list')).toEqual([]);
    expect(await main.invoke('imports:preview', { file: path.join(dir, 'missing.csv') })).toMatchObject({ ok: false, error: { code: 'path-not-allowed' } });
    main.unbind();
    expect(main.listeners.size).toBe(0);
  });
});
