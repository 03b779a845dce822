import {
  AppError,
  callNames,
  isAppErrorShape,
  type Api,
  type Bridge,
  type Envelope,
  type EventMap,
  type EventName,
} from '../../shared/contract/index.ts';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in browser mode. */
    noticeDesk?: Bridge;
  }
}

const TOKEN_KEY = 'notice-desk-token';

/** The browser-mode token: from the URL on first load, then from session storage. */
function bridgeToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** The browser-mode client: one method per call, POSTed to the loopback bridge. */
export function createHttpBridge(baseUrl = ''): Bridge {
  const token = bridgeToken();
  const call = {} as Record<string, (input: unknown) => Promise<unknown>>;
  for (const name of callNames) {
    call[name] = async (input: unknown) => {
      const res = await fetch(`${baseUrl}/api/call/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-notice-desk-token': token },
        body: JSON.stringify(input ?? {}),
      });
      if (!res.ok) throw new AppError('unauthorized', `The local bridge refused the call (${res.status}).`);
      const envelope = (await res.json()) as Envelope<unknown>;
      if (!envelope.ok) throw AppError.fromShape(envelope.error);
      return envelope.value;
    };
  }
  let source: EventSource | null = null;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  return {
    call: call as Api,
    pathForFile: () => null,
    on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void) {
      if (!source) source = new EventSource(`${baseUrl}/api/events`);
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
        source.addEventListener(event, (e) => {
          const payload = JSON.parse((e as MessageEvent<string>).data) as unknown;
          for (const l of listeners.get(event) ?? []) l(payload);
        });
      }
      set.add(listener as (payload: unknown) => void);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
}

let bridge: Bridge | null = null;

/** The one bridge the renderer uses: Electron's preload object, or the loopback HTTP client. */
export function getBridge(): Bridge {
  if (!bridge) bridge = window.noticeDesk ? withAppErrors(window.noticeDesk) : createHttpBridge();
  return bridge;
}

/**
 * The Electron preload rejects with the plain AppError shape (contextBridge would strip an
 * Error's code and details); this rebuilds a real AppError so callers see the same errors as in
 * browser mode.
 */
export function withAppErrors(electronBridge: Bridge): Bridge {
  const call = {} as Record<string, (input: unknown) => Promise<unknown>>;
  const source = electronBridge.call as unknown as Record<string, (input: unknown) => Promise<unknown>>;
  for (const name of callNames) {
    call[name] = (input: unknown) =>
      source[name]!(input).catch((error: unknown) => {
        throw isAppErrorShape(error) && !(error instanceof Error) ? AppError.fromShape(error) : error;
      });
  }
  return {
    call: call as Api,
    pathForFile: (file) => electronBridge.pathForFile(file),
    on: (event, listener) => electronBridge.on(event, listener),
  };
}

/** Replaces the bridge (renderer tests). */
export function setBridge(next: Bridge | null): void {
  bridge = next;
}

/** The typed API: `api().call['workspace:open']({ path })`. */
export function api(): Api {
  return getBridge().call;
}
