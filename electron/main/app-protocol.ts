import fs from 'node:fs/promises';
import path from 'node:path';
import { BROWSER_CSP } from '../backend/bridge/server.ts';

/** The custom scheme the app's own pages are served from (never a remote URL, never file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'notice-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The window's Content-Security-Policy: the same strict policy as browser mode (and as the meta tag
 * in renderer/index.html, which adds nothing a header cannot say).
 */
export const APP_CSP = BROWSER_CSP;

/** How the scheme is registered with `protocol.registerSchemesAsPrivileged` (before app ready). */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: true },
} as const;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
};

/** True when a URL is one of the app's own pages (`app://notice-desk/…`). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Maps an `app://notice-desk/…` URL to a file inside `rendererDir`, or null when the URL is for
 * another host or scheme, or its path (after decoding) leaves the folder: `..`, encoded `%2e%2e`,
 * backslashes, NUL bytes and absolute paths are all refused.
 */
export function resolveAppFile(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative = pathname.replace(/^\/+/, '') || 'index.html';
  if (path.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) return null;
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  if (file === root) return null;
  return file;
}

/** Security headers on every response of the app protocol. */
export function appResponseHeaders(file: string): Record<string, string> {
  return {
    'content-type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-security-policy': APP_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
}

/**
 * The `protocol.handle('app', …)` handler: serves files of the built renderer, 404 for anything
 * outside it or missing, 405 for anything but GET/HEAD.
 */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405 });
    }
    const file = resolveAppFile(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile()) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
      const body = request.method === 'HEAD' ? null : await fs.readFile(file);
      return new Response(body, { status: 200, headers: appResponseHeaders(file) });
    } catch {
      return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    }
  };
}
