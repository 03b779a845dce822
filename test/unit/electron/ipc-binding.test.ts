import { describe, expect, it } from 'vitest';
import { callNames, type Envelope } from '../../../shared/contract/index.ts';
import { HandlerContext } from '../../../electron/backend/context.ts';
import { MemorySettingsStore } from '../../../electron/backend/settings-store.ts';
import { bindContract, type IpcMainLike } from '../../../electron/main/ipc.ts';
import { isTrustedSender, type FrameLike, type IpcEventLike } from '../../../electron/main/security.ts';

type Handler = (event: IpcEventLike, payload: unknown) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const ipc: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
  };
  return { ipc, handlers };
}

const mainFrame: FrameLike = { url: 'app://notice-desk/index.html', origin: 'app://notice-desk', parent: null };
const strangerFrame: FrameLike = { url: 'https://evil.example/', origin: 'https://evil.example', parent: null };

function setup() {
  const { ipc, handlers } = fakeIpcMain();
  const ctx = new HandlerContext({ transport: 'electron', settings: new MemorySettingsStore(), emit: () => {} });
  const unbind = bindContract(ipc, ctx, (event) => isTrustedSender(event.senderFrame, mainFrame));
  const invoke = (name: string, frame: FrameLike | null, payload: unknown) =>
    handlers.get(name)!({ senderFrame: frame }, payload) as Promise<Envelope<unknown>>;
  return { handlers, invoke, unbind, ctx };
}

describe('binding the contract to ipcMain', () => {
  it('binds one handler per contract call and unbinds them all', () => {
    const { handlers, unbind } = setup();
    expect([...handlers.keys()].sort()).toEqual([...callNames].sort());
    unbind();
    expect(handlers.size).toBe(0);
  });

  it('answers the app main frame through the handler map', async () => {
    const { invoke } = setup();
    const envelope = await invoke('settings:set', mainFrame, { locale: 'en' });
    expect(envelope).toMatchObject({ ok: true, value: { locale: 'en', theme: 'system' } });
    expect(await invoke('app:info', mainFrame, {})).toMatchObject({ ok: true, value: { transport: 'electron' } });
  });

  it('refuses an untrusted sender before the handler runs', async () => {
    const { invoke, ctx } = setup();
    const envelope = await invoke('settings:set', strangerFrame, { locale: 'en' });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(ctx.host.settings.get().locale).toBe('ko');
    expect(await invoke('settings:get', null, {})).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
  });

  it('gives a bad payload a typed bad-input error naming the field', async () => {
    const { invoke } = setup();
    const envelope = await invoke('settings:set', mainFrame, { locale: 'fr' });
    expect(envelope.ok).toBe(false);
    if (!envelope.ok) {
      expect(envelope.error.code).toBe('bad-input');
      expect(envelope.error.details).toMatchObject({ issues: [{ path: ['locale'] }] });
    }
    expect(await invoke('workspace:open', mainFrame, { path: 42 })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await invoke('app:info', mainFrame, { extra: true })).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });
});
