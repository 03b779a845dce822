import { describe, expect, it } from 'vitest';
import { AppError, callNames, type CallName } from '../../../shared/contract/index.ts';
import { createPreloadBridge, DROP_CHANNEL, type IpcRendererLike } from '../../../electron/preload/bridge.ts';
import { DROP_CHANNEL as MAIN_DROP_CHANNEL } from '../../../electron/main/drop-grants.ts';

type Listener = (event: unknown, ...args: unknown[]) => void;

/** A fake ipcRenderer that records invokes and answers from a table of envelopes. */
function fakeIpc(answers: Partial<Record<CallName, unknown>> = {}) {
  const invoked: { channel: string; args: unknown[] }[] = [];
  const sent: { channel: string; args: unknown[] }[] = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipc: IpcRendererLike = {
    async invoke(channel, ...args) {
      invoked.push({ channel, args });
      return answers[channel as CallName] ?? { ok: true, value: null };
    },
    // Main's drop grant: answers each path's real path (here, the path itself).
    sendSync(channel, ...args) {
      sent.push({ channel, args });
      return args[0];
    },
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
    },
  };
  const emit = (channel: string, payload: unknown) => {
    for (const l of listeners.get(channel) ?? []) l({ sender: 'main' }, payload);
  };
  return { ipc, invoked, sent, listeners, emit };
}

/** Like Electron's webUtils: a path for a File, a TypeError for anything else. */
const webUtils = {
  getPathForFile: (file: File) => {
    if (!(file instanceof File)) throw new TypeError('Expected a File');
    return file.name === 'in-memory.txt' ? '' : `/picked/${file.name}`;
  },
};

describe('the preload bridge', () => {
  it('sends dropped files on the channel main grants them on', () => {
    expect(DROP_CHANNEL).toBe(MAIN_DROP_CHANNEL);
  });

  it('has exactly one verb per contract call and nothing else', () => {
    const bridge = createPreloadBridge(fakeIpc().ipc, webUtils);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'on', 'pathForFile']);
    expect(Object.keys(bridge.call).sort()).toEqual([...callNames].sort());
    for (const name of callNames) expect(typeof bridge.call[name]).toBe('function');
  });

  it('invokes the channel named like the call and returns the unwrapped value', async () => {
    const { ipc, invoked } = fakeIpc({ 'workspace:pickPath': { ok: true, value: '/tmp/a.sqlite' } });
    const bridge = createPreloadBridge(ipc, webUtils);
    await expect(bridge.call['workspace:pickPath']({ mode: 'create' })).resolves.toBe('/tmp/a.sqlite');
    expect(invoked).toEqual([{ channel: 'workspace:pickPath', args: [{ mode: 'create' }] }]);
  });

  it('rejects with the plain AppError shape (code and details survive contextBridge)', async () => {
    const { ipc } = fakeIpc({
      'workspace:current': { ok: false, error: { code: 'no-workspace', message: 'No workspace is open.', details: { hint: 1 } } },
    });
    const bridge = createPreloadBridge(ipc, webUtils);
    const error = await bridge.call['workspace:current']({}).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(Error);
    expect(error).toEqual({ code: 'no-workspace', message: 'No workspace is open.', details: { hint: 1 } });
  });

  it('turns an answer that is not an envelope into an internal error', async () => {
    const { ipc } = fakeIpc({ 'app:info': 'surprise' });
    const bridge = createPreloadBridge(ipc, webUtils);
    await expect(bridge.call['app:info']({})).rejects.toMatchObject({ code: 'internal' });
  });

  it('subscribes only to contract events and unsubscribes cleanly', () => {
    const { ipc, emit, listeners } = fakeIpc();
    const bridge = createPreloadBridge(ipc, webUtils);
    const seen: unknown[] = [];
    const off = bridge.on('workspace:changed', (payload) => seen.push(payload));
    emit('workspace:changed', { path: '/w.sqlite' });
    off();
    emit('workspace:changed', { path: null });
    expect(seen).toEqual([{ path: '/w.sqlite' }]);
    expect(listeners.get('workspace:changed')?.size).toBe(0);
    expect(() => bridge.on('settings:get' as 'data:changed', () => {})).toThrow(AppError);
  });

  it('gives the path of a File, granted by main for import, and null for anything else', () => {
    const { ipc, sent } = fakeIpc();
    const bridge = createPreloadBridge(ipc, webUtils);
    expect(bridge.pathForFile(new File(['x'], 'export.csv'))).toBe('/picked/export.csv');
    expect(bridge.pathForFile({ name: 'export.csv' })).toBeNull();
    expect(bridge.pathForFile('export.csv')).toBeNull();
    expect(bridge.pathForFile(new File(['x'], 'in-memory.txt'))).toBeNull();
    // Only the File's own path went to main's grant channel, and only once.
    expect(sent).toEqual([{ channel: DROP_CHANNEL, args: [['/picked/export.csv']] }]);
  });

  it('gives null when main refuses to grant the file', () => {
    const { ipc } = fakeIpc();
    ipc.sendSync = () => [null];
    expect(createPreloadBridge(ipc, webUtils).pathForFile(new File(['x'], 'export.csv'))).toBeNull();
  });
});
