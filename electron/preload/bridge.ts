import {
  AppError,
  callNames,
  eventNames,
  isAppErrorShape,
  type Api,
  type Bridge,
  type EventMap,
  type EventName,
} from '../../shared/contract/index.ts';

/** The channel main grants dropped files on (electron/main/drop-grants.ts; kept here too, the preload bundles nothing of main). */
export const DROP_CHANNEL = 'paths:dropped';

/** The part of Electron's ipcRenderer the preload uses (a fake in unit tests). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  /** Electron's synchronous send (the drop grant); without it no file is ever granted. */
  sendSync?(channel: string, ...args: unknown[]): unknown;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** Electron's webUtils (the path of a dropped or picked File). */
export interface WebUtilsLike {
  getPathForFile(file: File): string;
}

/** Unwraps the main process's Envelope: the value, or the AppError it carries. */
export function unwrapEnvelope(name: string, envelope: unknown): unknown {
  if (typeof envelope === 'object' && envelope !== null && 'ok' in envelope) {
    const e = envelope as { ok: boolean; value?: unknown; error?: unknown };
    if (e.ok) return e.value;
    if (isAppErrorShape(e.error)) throw AppError.fromShape(e.error);
  }
  throw new AppError('internal', `The main process answered ${name} with something that is not an envelope.`);
}

/**
 * The object the preload exposes as `window.noticeDesk`: one verb per contract call (each an
 * `ipcRenderer.invoke` of the call's name, envelope unwrapped, errors rejected as the plain
 * AppError shape, which survives contextBridge), `on`
 * for the contract's events only, and `pathForFile`. Raw ipcRenderer never leaves this closure.
 * `pathForFile` is how a dropped or picked file becomes importable: its disk path comes from
 * webUtils (never from the page) and main grants it for 'import' only, answering its real path.
 */
export function createPreloadBridge(ipc: IpcRendererLike, webUtils: WebUtilsLike): Bridge {
  const call = {} as Record<string, (input: unknown) => Promise<unknown>>;
  for (const name of callNames) {
    call[name] = async (input: unknown) => {
      try {
        return unwrapEnvelope(name, await ipc.invoke(name, input ?? {}));
      } catch (error) {
        // contextBridge copies only the message of a thrown Error, so the page would lose the
        // code and details: reject with the plain shape instead; the renderer rebuilds AppError.
        throw error instanceof AppError ? error.toShape() : error;
      }
    };
  }
  const bridge: Bridge = {
    call: call as Api,
    pathForFile(file: unknown): string | null {
      if (typeof file !== 'object' || file === null) return null;
      // No instanceof check: a File from the page crosses the context bridge; webUtils judges it.
      let result: string;
      try {
        result = webUtils.getPathForFile(file as File);
      } catch {
        return null;
      }
      if (result === '' || !ipc.sendSync) return null;
      const granted = ipc.sendSync(DROP_CHANNEL, [result]);
      return Array.isArray(granted) && typeof granted[0] === 'string' ? granted[0] : null;
    },
    on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void {
      if (!eventNames.includes(event)) throw new AppError('bad-input', `Unknown event: ${String(event)}`);
      if (typeof listener !== 'function') throw new AppError('bad-input', 'The listener must be a function.');
      const wrapped = (_event: unknown, payload: unknown) => listener(payload as EventMap[E]);
      ipc.on(event, wrapped);
      return () => {
        ipc.removeListener(event, wrapped);
      };
    },
  };
  return bridge;
}
