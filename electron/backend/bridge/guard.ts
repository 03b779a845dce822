import { randomBytes, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import { userError, type AppError } from '../../../shared/contract/errors.ts';

/** The header every /api request carries the launch token in (a page of another origin cannot set it without a preflight, which is refused). */
export const TOKEN_HEADER = 'x-notice-desk-token';

/** The per-launch secrets of one bridge: the token (URL of the first load, header of every call) and the cookie (page and assets). */
export interface BridgeSecrets {
  port: number;
  token: string;
  /** `nd_<port>_<random>`: bound to this launch and port, so another local server never sees a cookie it could confuse with its own. */
  cookieName: string;
  cookieValue: string;
}

/** Fresh secrets for a bridge listening on `port` (the token may be fixed by tests). */
export function makeSecrets(port: number, token?: string): BridgeSecrets {
  return {
    port,
    token: token ?? randomBytes(24).toString('base64url'),
    cookieName: `nd_${port}_${randomBytes(6).toString('hex')}`,
    cookieValue: randomBytes(24).toString('base64url'),
  };
}

/** Compares two secrets in constant time. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The origins of the app's own page: exactly `http://127.0.0.1:<port>` and `http://localhost:<port>`. */
export function ownOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/** The `Set-Cookie` value of the launch cookie: HttpOnly, SameSite=Strict, whole site. */
export function cookieHeader(secrets: BridgeSecrets): string {
  return `${secrets.cookieName}=${secrets.cookieValue}; HttpOnly; SameSite=Strict; Path=/`;
}

/** True when the request carries this launch's cookie. */
export function hasLaunchCookie(req: http.IncomingMessage, secrets: BridgeSecrets): boolean {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === secrets.cookieName && safeEqual(value.join('='), secrets.cookieValue)) return true;
  }
  return false;
}

/** True when the request carries this launch's token in the header (never from a cookie or the URL). */
export function hasTokenHeader(req: http.IncomingMessage, secrets: BridgeSecrets): boolean {
  const given = req.headers[TOKEN_HEADER];
  return typeof given === 'string' && safeEqual(given, secrets.token);
}

/** A refused request: the HTTP status and the keyed error its answer carries. */
export interface Refusal {
  status: number;
  error: AppError;
}

/**
 * Who may ask at all, before any route: the Host must be the loopback address and port (DNS
 * rebinding); an `Origin`, when sent, must be the app's own exactly; a request that changes
 * something (not GET/HEAD) must send one (browsers always do); and `Sec-Fetch-Site`, where the
 * browser sends it, must say the app's own page (`same-origin`) or the user (`none`) — every other
 * 127.0.0.1 port is the *same site*, which SameSite cookies do not tell apart.
 */
export function refuseForeign(req: http.IncomingMessage, port: number): Refusal | null {
  const host = req.headers.host ?? '';
  const expected = ownOrigins(port);
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
    return { status: 403, error: userError('untrusted-sender', 'bridge.wrong-host', { host: host || '(none)', expected: `127.0.0.1:${port}` }) };
  }
  const origin = req.headers.origin;
  const site = req.headers['sec-fetch-site'];
  const method = req.method ?? 'GET';
  const wrongOrigin = (from: string) =>
    ({ status: 403, error: userError('untrusted-sender', 'bridge.wrong-origin', { origin: from, expected: expected[0]! }) }) satisfies Refusal;
  if (origin !== undefined && !expected.includes(origin)) return wrongOrigin(origin);
  if (origin === undefined && method !== 'GET' && method !== 'HEAD') return wrongOrigin('(no Origin header)');
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') return wrongOrigin(origin ?? `(a ${site} page)`);
  return null;
}
