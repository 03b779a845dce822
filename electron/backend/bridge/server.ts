import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { userError } from '../../../shared/contract/errors.ts';
import { eventNames, type EventMap, type EventName } from '../../../shared/contract/events.ts';
import type { BackendHost } from '../context.ts';
import { HandlerContext } from '../context.ts';
import { dispatchToEnvelope } from '../dispatch.ts';
import { holdUploadRoot, receiveUpload, uploadRoot } from '../import/upload.ts';
import { ensureWatcher, stopWatcher } from '../import/watch-folder.ts';
import { BrowserPathPolicy } from '../paths/policy.ts';
import { defaultConfigDir, type SettingsStore } from '../settings-store.ts';
import { MemorySecretStore } from '../warehouse/password.ts';
import { cookieHeader, hasLaunchCookie, hasTokenHeader, makeSecrets, refuseForeign, safeEqual, type BridgeSecrets } from './guard.ts';
import { readJsonBody, sendEnvelope, sendError } from './http-io.ts';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.ico': 'image/x-icon',
};

/** The same strict policy as the Electron window, plus `connect-src 'self'` for the bridge calls. */
export const BROWSER_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The meta tag index.html carries the token in, for the page's own script (read once, never in the URL). */
export const TOKEN_META = 'notice-desk-token';

export interface BridgeOptions {
  /** Folder of the built renderer (index.html and assets). */
  rendererDir: string;
  settings: SettingsStore;
  /** Fixed token (tests); a random one per launch otherwise. */
  token?: string;
  port?: number;
  /** Browser mode's private workspaces folder (created by name, listed); default `<config dir>/workspaces`. */
  workspacesDir?: string;
  /** Paths given on the launch command line (typed in a shell, so trusted): granted to the page. */
  launch?: { workspace?: string; watchFolder?: string };
  /** The largest upload accepted, in bytes (tests); MAX_UPLOAD_BYTES otherwise. */
  uploadLimit?: number;
  /** Told of every answered request (status, and why when refused): the launcher logs refusals, tests check them. */
  onRequest?: (entry: BridgeRequestLog) => void;
}

/** One answered request, as `onRequest` is told of it. */
export interface BridgeRequestLog {
  method: string;
  path: string;
  status: number;
  /** The request's Origin header, when it sent one. */
  origin: string | null;
  /** The English reason of a refusal. */
  reason?: string;
}

export interface RunningBridge {
  /** The first-load address: carries the token once; the server swaps it for the cookie and sends the page to `/`. */
  url: string;
  /** The app's own origin (`http://127.0.0.1:<port>`), which every call must come from. */
  origin: string;
  port: number;
  token: string;
  ctx: HandlerContext;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'content-security-policy': BROWSER_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

/**
 * Browser mode: serves the built renderer and the handler map on 127.0.0.1 only, on a random free
 * port. Every request must name the loopback host and come from the app's own origin (Origin and
 * Sec-Fetch-Site); every /api request carries the per-launch token in the `x-notice-desk-token`
 * header (a cookie alone is not enough); the page and its assets need the launch cookie, which the
 * first load (`/?token=…`) sets before redirecting to `/`, so the token leaves the address bar. The
 * token reaches the page's script in a meta tag of index.html. Oversized bodies get 413.
 */
export async function startBridge(options: BridgeOptions): Promise<RunningBridge> {
  const streams = new Set<http.ServerResponse>();
  // No caller path at all: uploads, the private workspaces folder, recents and the launch command only.
  const paths = new BrowserPathPolicy({
    uploadRoot,
    workspacesDir: options.workspacesDir ?? path.join(defaultConfigDir(), 'workspaces'),
    recent: () => options.settings.get().recentWorkspaces,
  });
  if (options.launch?.workspace) paths.allow(options.launch.workspace, 'workspace-open');
  if (options.launch?.watchFolder) paths.allow(options.launch.watchFolder, 'watch-folder');
  const host: BackendHost = {
    transport: 'browser',
    settings: options.settings,
    paths,
    // A warehouse password typed in the page is kept in memory while the bridge runs, never on disk.
    secrets: new MemorySecretStore(),
    emit<E extends EventName>(event: E, payload: EventMap[E]) {
      const data = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const res of streams) res.write(data);
    },
  };
  const ctx = new HandlerContext(host);
  const releaseUploads = holdUploadRoot();
  // The watched exports folder of whichever workspace is open (polls; idle without one).
  ensureWatcher(ctx);
  const rendererDir = path.resolve(options.rendererDir);
  let secrets: BridgeSecrets = makeSecrets(0, options.token);

  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const record = (status: number, reason?: string) =>
      options.onRequest?.({ method: req.method ?? 'GET', path: pathname, status, origin: req.headers.origin ?? null, ...(reason ? { reason } : {}) });
    void handle(req, res, record).catch((error: unknown) => record(sendError(req, res, error, SECURITY_HEADERS), String(error)));
  });

  type Log = (status: number, reason?: string) => void;

  function refuse(req: http.IncomingMessage, res: http.ServerResponse, record: Log, error: unknown, status?: number): void {
    const sent = sendError(req, res, error, SECURITY_HEADERS, status);
    record(sent, error instanceof Error ? error.message : String(error));
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, record: Log): Promise<void> {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${secrets.port}`);
    const foreign = refuseForeign(req, secrets.port);
    if (foreign) return refuse(req, res, record, foreign.error, foreign.status);
    if (url.pathname.startsWith('/api/')) {
      if (!hasTokenHeader(req, secrets)) return refuse(req, res, record, userError('unauthorized', 'bridge.unauthorized'), 401);
      return api(req, res, url, record);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return refuse(req, res, record, userError('bad-input', 'bridge.method-not-allowed', { path: url.pathname, method: req.method ?? '' }), 405);
    }
    const given = url.searchParams.get('token');
    if (given !== null) {
      // The first load: swap the token for the cookie and send the page to the same address without it.
      if (!safeEqual(given, secrets.token)) return refuse(req, res, record, userError('unauthorized', 'bridge.unauthorized'), 401);
      url.searchParams.delete('token');
      res.writeHead(303, { ...SECURITY_HEADERS, 'set-cookie': cookieHeader(secrets), location: url.pathname + url.search }).end();
      return record(303);
    }
    if (!hasLaunchCookie(req, secrets)) return refuse(req, res, record, userError('unauthorized', 'bridge.unauthorized'), 401);
    serveStatic(url.pathname, req, res, record);
  }

  async function api(req: http.IncomingMessage, res: http.ServerResponse, url: URL, record: Log): Promise<void> {
    const post = req.method === 'POST';
    if (url.pathname.startsWith('/api/call/') && post) {
      const name = decodeURIComponent(url.pathname.slice('/api/call/'.length));
      const payload = await readJsonBody(req, name);
      sendEnvelope(res, 200, await dispatchToEnvelope(name, payload, ctx), SECURITY_HEADERS);
      return record(200);
    }
    if (url.pathname === '/api/upload' && post) {
      // Browser mode's drag-and-drop and file picker: the body is streamed to a private temp file for import.
      const file = await receiveUpload(req, url.searchParams.get('name') ?? 'upload', options.uploadLimit);
      sendEnvelope(res, 200, { ok: true, value: { path: file } }, SECURITY_HEADERS);
      return record(200);
    }
    if (url.pathname === '/api/events' && req.method === 'GET') {
      // A fetch stream (the page sends the token header, which EventSource cannot).
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream', connection: 'keep-alive' });
      res.write(`: connected ${eventNames.join(',')}\n\n`);
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return record(200);
    }
    const known = url.pathname.startsWith('/api/call/') || url.pathname === '/api/upload' || url.pathname === '/api/events';
    const error = known
      ? userError('bad-input', 'bridge.method-not-allowed', { path: url.pathname, method: req.method ?? '' })
      : userError('not-found', 'bridge.not-found', { path: url.pathname });
    return refuse(req, res, record, error, known ? 405 : 404);
  }

  function serveStatic(pathname: string, req: http.IncomingMessage, res: http.ServerResponse, record: Log): void {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = path.resolve(rendererDir, relative);
    if (!file.startsWith(rendererDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return refuse(req, res, record, userError('not-found', 'bridge.not-found', { path: pathname }), 404);
    }
    const type = MIME[path.extname(file)] ?? 'application/octet-stream';
    if (relative === 'index.html') {
      // The page's script reads the token here: it never has to be in the address bar.
      const meta = `<meta name="${TOKEN_META}" content="${secrets.token}">`;
      const html = fs.readFileSync(file, 'utf8').replace(/<head>/i, (head) => `${head}${meta}`);
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': type }).end(req.method === 'HEAD' ? undefined : html);
    } else {
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': type });
      if (req.method === 'HEAD') res.end();
      else fs.createReadStream(file).pipe(res);
    }
    record(200);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  secrets = makeSecrets(typeof address === 'object' && address ? address.port : 0, options.token ?? secrets.token);
  const origin = `http://127.0.0.1:${secrets.port}`;
  return {
    url: `${origin}/?token=${secrets.token}`,
    origin,
    port: secrets.port,
    token: secrets.token,
    ctx,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of streams) res.end();
        streams.clear();
        stopWatcher(ctx);
        releaseUploads();
        void ctx.close().finally(() => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      }),
  };
}
