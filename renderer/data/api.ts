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

/**
 * The browser-mode token: from the meta tag the bridge writes into index.html, else (an older
 * bridge) from the first load's URL, else from session storage. It is kept in session storage (the
 * upload route reads it there) and taken out of the address bar, so it stays out of history and
 * Referer.
 */
function bridgeToken(): string {
  const url = new URL(window.location.href);
  const fromMeta = document.querySelector<HTMLMetaElement>('meta[name="notice-desk-token"]')?.content ?? '';
  const fromUrl = url.searchParams.get('token') ?? '';
  if (url.searchParams.has('token')) {
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }
  const token = fromMeta || fromUrl || (sessionStorage.getItem(TOKEN_KEY) ?? '');
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  return token;
}

/** Parses one server-sent event block (`event:` and `data:` lines); null for a comment or an empty block. */
export function parseEventBlock(block: string): { event: string; data: string } | null {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  return data.length ? { event, data: data.join('\n') } : null;
}

/**
 * Follows the bridge's event stream over `fetch` (EventSource cannot send the token header), and
 * reconnects after a second when it ends. Returns a function that stops it.
 */
function followEvents(url: string, token: string, deliver: (event: string, data: string) => void): () => void {
  const controller = new AbortController();
  const connect = async (): Promise<void> => {
    const res = await fetch(url, { headers: { 'x-notice-desk-token': token }, signal: controller.signal });
    if (!res.ok || !res.body) throw new Error(`event stream refused (${res.status})`);
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value.replace(/\r\n?/g, '\n');
      let end = buffer.indexOf('\n\n');
      while (end !== -1) {
        const parsed = parseEventBlock(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (parsed) deliver(parsed.event, parsed.data);
        end = buffer.indexOf('\n\n');
      }
    }
  };
  const loop = (): void => {
    void connect()
      .catch(() => undefined)
      .then(() => {
        if (!controller.signal.aborted) setTimeout(loop, 1000);
      });
  };
  loop();
  return () => controller.abort();
}

/** Reads a bridge answer: its envelope whatever the status (a refusal carries a keyed error too), else an `unauthorized` error. */
async function readEnvelope(res: Response): Promise<Envelope<unknown>> {
  if ((res.headers.get('content-type') ?? '').startsWith('application/json')) return (await res.json()) as Envelope<unknown>;
  throw new AppError('unauthorized', `The local bridge refused the call (${res.status}).`);
}

/**
 * Uploads a file to the bridge's upload route (browser mode: the backend cannot read a path the
 * browser holds) and returns the path of its copy in the private upload folder. A refusal — too
 * large, no token — comes back as the bridge's own keyed error, worded in the user's language.
 */
export async function uploadToBridge(file: File, baseUrl = ''): Promise<string> {
  const token = sessionStorage.getItem(TOKEN_KEY) ?? bridgeToken();
  const res = await fetch(`${baseUrl}/api/upload?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-notice-desk-token': token },
    body: file,
  });
  const envelope = await readEnvelope(res);
  if (!envelope.ok) throw AppError.fromShape(envelope.error);
  return (envelope.value as { path: string }).path;
}

/** The browser-mode client: one method per call, POSTed to the loopback bridge with the token header. */
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
      const envelope = await readEnvelope(res);
      if (!envelope.ok) throw AppError.fromShape(envelope.error);
      return envelope.value;
    };
  }
  let following = false;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  return {
    call: call as Api,
    pathForFile: () => null,
    on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void) {
      if (!following) {
        following = true;
        followEvents(`${baseUrl}/api/events`, token, (name, data) => {
          const set = listeners.get(name);
          if (!set?.size) return;
          const payload = JSON.parse(data) as unknown;
          for (const l of set) l(payload);
        });
      }
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
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
