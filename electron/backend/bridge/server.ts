import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { eventNames, type EventMap, type EventName } from '../../../shared/contract/events.ts';
import type { BackendHost } from '../context.ts';
import { HandlerContext } from '../context.ts';
import { dispatchToEnvelope, toAppError } from '../dispatch.ts';
import { holdUploadRoot, receiveUpload } from '../import/upload.ts';
import { ensureWatcher, stopWatcher } from '../import/watch-folder.ts';
import type { SettingsStore } from '../settings-store.ts';

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

const COOKIE = 'nd_token';
const MAX_BODY = 64 * 1024 * 1024;

export interface BridgeOptions {
  /** Folder of the built renderer (index.html and assets). */
  rendererDir: string;
  settings: SettingsStore;
  /** Fixed token (tests); a random one per launch otherwise. */
  token?: string;
  port?: number;
}

export interface RunningBridge {
  url: string;
  port: number;
  token: string;
  ctx: HandlerContext;
  close(): Promise<void>;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieToken(req: http.IncomingMessage): string | null {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return v.join('=');
  }
  return null;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('Request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Browser mode: serves the built renderer and the handler map on 127.0.0.1 only, on a random free
 * port, behind a per-launch secret token. The first page load carries `?token=`; the server answers
 * with an HttpOnly SameSite=Strict cookie so the page's own assets and calls carry it too. Any
 * request without the token, or with a Host header other than the loopback address, is refused.
 */
export async function startBridge(options: BridgeOptions): Promise<RunningBridge> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const streams = new Set<http.ServerResponse>();
  const host: BackendHost = {
    transport: 'browser',
    settings: options.settings,
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
  let port = 0;

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(error instanceof Error ? error.message : 'internal error');
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const hostHeader = req.headers.host ?? '';
    if (hostHeader !== `127.0.0.1:${port}` && hostHeader !== `localhost:${port}`) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden host');
      return;
    }
    const given = url.searchParams.get('token') ?? req.headers['x-notice-desk-token'] ?? cookieToken(req);
    if (typeof given !== 'string' || !safeEqual(given, token)) {
      res.writeHead(401, { 'content-type': 'text/plain' }).end('Missing or wrong token');
      return;
    }
    const common = {
      'content-security-policy': BROWSER_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
      'set-cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
    };
    if (url.pathname.startsWith('/api/call/')) {
      if (req.method !== 'POST') {
        res.writeHead(405, common).end();
        return;
      }
      const name = decodeURIComponent(url.pathname.slice('/api/call/'.length));
      const body = await readBody(req);
      let payload: unknown;
      try {
        payload = body ? JSON.parse(body) : {};
      } catch {
        res.writeHead(400, { ...common, 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ ok: false, error: { code: 'bad-input', message: 'The request body is not JSON.' } }));
        return;
      }
      const envelope = await dispatchToEnvelope(name, payload, ctx);
      res.writeHead(200, { ...common, 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(envelope));
      return;
    }
    if (url.pathname === '/api/upload') {
      // Browser mode's drag-and-drop and file picker: the body is streamed to a temp file for import.
      if (req.method !== 'POST') {
        res.writeHead(405, common).end();
        return;
      }
      const envelope = await receiveUpload(req, url.searchParams.get('name') ?? 'upload').then(
        (file) => ({ ok: true as const, value: { path: file } }),
        (error: unknown) => ({ ok: false as const, error: toAppError(error).toShape() }),
      );
      res.writeHead(200, { ...common, 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(envelope));
      return;
    }
    if (url.pathname === '/api/events') {
      res.writeHead(200, { ...common, 'content-type': 'text/event-stream', connection: 'keep-alive' });
      res.write(`: connected ${eventNames.join(',')}\n\n`);
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    serveStatic(url.pathname, res, common);
  }

  function serveStatic(pathname: string, res: http.ServerResponse, headers: Record<string, string>): void {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
    const file = path.resolve(rendererDir, relative);
    if (!file.startsWith(rendererDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
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
