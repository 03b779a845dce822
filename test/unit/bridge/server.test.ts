import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppErrorShape, Envelope } from '../../../shared/contract/index.ts';
import { startBridge, type RunningBridge } from '../../../electron/backend/bridge/server.ts';
import { MAX_CALL_BODY } from '../../../electron/backend/bridge/http-io.ts';
import { uploadRoot } from '../../../electron/backend/import/upload.ts';
import { JsonFileSettingsStore } from '../../../electron/backend/settings-store.ts';
import { tempDir } from '../helpers/tmp.ts';
import { appHeaders, originOf, testBridge } from './helpers.ts';

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request with full control of its headers (fetch cannot set Host); `chunks` are streamed without a Content-Length. */
function raw(bridge: RunningBridge, options: { method?: string; path: string; headers?: Record<string, string>; body?: string; chunks?: Buffer[] }): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: bridge.port, method: options.method ?? 'GET', path: options.path, headers: { host: `127.0.0.1:${bridge.port}`, ...options.headers } },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString('utf8') }));
      },
    );
    // The server may close the connection once it has answered a refused body: that is not a failure here.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    if (options.chunks) {
      const write = (i: number): void => {
        if (i === options.chunks!.length || req.destroyed) {
          req.end();
          return;
        }
        if (req.write(options.chunks![i])) write(i + 1);
        else req.once('drain', () => write(i + 1));
      };
      write(0);
    } else req.end(options.body);
  });
}

function errorOf(answer: RawAnswer): AppErrorShape {
  const envelope = JSON.parse(answer.body) as Envelope<unknown>;
  if (envelope.ok) throw new Error(`expected an error, got ${answer.body}`);
  return envelope.error;
}

describe('the loopback bridge', () => {
  let bridge: RunningBridge;
  let origin = '';
  beforeAll(async () => {
    bridge = (await testBridge()).bridge;
    origin = originOf(bridge);
  });
  afterAll(async () => {
    await bridge?.close();
  });

  it('sets a per-launch HttpOnly SameSite=Strict cookie named for its port on the first load, and sends the page on without the token', async () => {
    const first = await raw(bridge, { path: `/?token=${bridge.token}&lang=ko` });
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/?lang=ko');
    expect(first.headers.location).not.toContain(bridge.token);
    const cookie = first.headers['set-cookie']![0]!;
    expect(cookie).toMatch(new RegExp(`^nd_${bridge.port}_[0-9a-f]{12}=[A-Za-z0-9_-]+; HttpOnly; SameSite=Strict; Path=/$`));
    expect(cookie).not.toContain(bridge.token);
    expect(first.headers['referrer-policy']).toBe('no-referrer');
    const page = await raw(bridge, { path: '/', headers: { cookie: cookie.split(';')[0]!, 'sec-fetch-site': 'none' } });
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="notice-desk-token" content="${bridge.token}">`);
    const asset = await raw(bridge, { path: '/assets/app.js', headers: { cookie: cookie.split(';')[0]!, 'sec-fetch-site': 'same-origin' } });
    expect(asset).toMatchObject({ status: 200, body: 'console.log(1);' });
  });

  it('gives a second launch on another port a cookie of another name', async () => {
    const other = (await testBridge()).bridge;
    try {
      const a = (await raw(bridge, { path: `/?token=${bridge.token}` })).headers['set-cookie']![0]!.split('=')[0];
      const b = (await raw(other, { path: `/?token=${other.token}` })).headers['set-cookie']![0]!.split('=')[0];
      expect(a).not.toBe(b);
      expect(b).toMatch(new RegExp(`^nd_${other.port}_`));
    } finally {
      await other.close();
    }
  });

  it('refuses the page without the cookie, and a wrong token in the URL', async () => {
    expect((await raw(bridge, { path: '/' })).status).toBe(401);
    const wrong = await raw(bridge, { path: '/?token=nope' });
    expect(wrong.status).toBe(401);
    expect(errorOf(wrong)).toMatchObject({ code: 'unauthorized', key: 'bridge.unauthorized' });
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('refuses every /api request without the token header, even with the cookie or the token in the URL', async () => {
    const cookie = (await raw(bridge, { path: `/?token=${bridge.token}` })).headers['set-cookie']![0]!.split(';')[0]!;
    const body = JSON.stringify({});
    for (const p of ['/api/call/app:info', `/api/call/app:info?token=${bridge.token}`, '/api/upload?name=a.csv']) {
      const answer = await raw(bridge, { method: 'POST', path: p, headers: { origin, cookie, 'content-type': 'application/json' }, body });
      expect(answer.status).toBe(401);
      expect(errorOf(answer).key).toBe('bridge.unauthorized');
    }
    expect((await raw(bridge, { path: '/api/events', headers: { cookie, 'sec-fetch-site': 'same-origin' } })).status).toBe(401);
    const ok = await raw(bridge, { method: 'POST', path: '/api/call/app:info', headers: { ...appHeaders(bridge) }, body });
    expect(ok.status).toBe(200);
    expect((JSON.parse(ok.body) as Envelope<unknown>).ok).toBe(true);
  });

  it('refuses a wrong Origin, a POST without one, and requests another page of the same site made', async () => {
    const body = JSON.stringify({});
    const headers = { 'x-notice-desk-token': bridge.token, 'content-type': 'application/json' };
    for (const evil of ['http://127.0.0.1:1', `http://127.0.0.1:${bridge.port}.evil.test`, `https://127.0.0.1:${bridge.port}`, 'null']) {
      const answer = await raw(bridge, { method: 'POST', path: '/api/call/app:info', headers: { ...headers, origin: evil }, body });
      expect(answer.status).toBe(403);
      expect(errorOf(answer)).toMatchObject({ code: 'untrusted-sender', key: 'bridge.wrong-origin', params: { origin: evil } });
    }
    const none = await raw(bridge, { method: 'POST', path: '/api/call/app:info', headers, body });
    expect(none.status).toBe(403);
    expect(errorOf(none).params).toMatchObject({ origin: '(no Origin header)' });
    const sameSite = await raw(bridge, { path: `/?token=${bridge.token}`, headers: { 'sec-fetch-site': 'same-site' } });
    expect(sameSite.status).toBe(403);
    expect(sameSite.headers['set-cookie']).toBeUndefined();
    expect((await raw(bridge, { path: '/api/events', headers: { 'x-notice-desk-token': bridge.token, 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
    const preflight = await raw(bridge, { method: 'OPTIONS', path: '/api/call/app:info', headers: { origin: 'http://127.0.0.1:1', 'access-control-request-headers': 'x-notice-desk-token' } });
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect((await raw(bridge, { method: 'POST', path: '/api/call/app:info', headers: { ...headers, origin: `http://localhost:${bridge.port}` }, body })).status).toBe(200);
  });

  it('refuses another Host (DNS rebinding)', async () => {
    const answer = await raw(bridge, { path: `/?token=${bridge.token}`, headers: { host: `evil.test:${bridge.port}` } });
    expect(answer.status).toBe(403);
    expect(errorOf(answer)).toMatchObject({ key: 'bridge.wrong-host', params: { host: `evil.test:${bridge.port}` } });
  });

  it('answers 413 to a call body over the limit, by Content-Length up front and counted while streaming', async () => {
    const declared = await raw(bridge, {
      method: 'POST',
      path: '/api/call/settings:set',
      headers: { ...appHeaders(bridge), 'content-length': String(MAX_CALL_BODY + 1) },
    });
    expect(declared.status).toBe(413);
    expect(errorOf(declared)).toMatchObject({ code: 'too-large', key: 'bridge.body-too-large', params: { call: 'settings:set', limit: '8 MiB' } });
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const streamed = await raw(bridge, { method: 'POST', path: '/api/call/settings:set', headers: appHeaders(bridge), chunks: Array.from({ length: 10 }, () => chunk) });
    expect(streamed.status).toBe(413);
    expect(errorOf(streamed).code).toBe('too-large');
    // A body just under the limit is read (and refused by the call's schema, not by size).
    const under = await raw(bridge, { method: 'POST', path: '/api/call/app:info', headers: appHeaders(bridge), body: `{"x":"${'a'.repeat(1024)}"}` });
    expect(under.status).toBe(200);
    expect(JSON.parse(under.body)).toMatchObject({ ok: false, error: { code: 'bad-input' } });
  });

  it('answers 400 with a keyed error to a body that is not JSON, and 404/405 to unknown routes and methods', async () => {
    const bad = await raw(bridge, { method: 'POST', path: '/api/call/app:info', headers: appHeaders(bridge), body: '{nope' });
    expect(bad.status).toBe(400);
    expect(errorOf(bad)).toMatchObject({ code: 'bad-input', key: 'bridge.bad-json', params: { call: 'app:info' } });
    const unknown = await raw(bridge, { method: 'POST', path: '/api/nothing', headers: appHeaders(bridge), body: '{}' });
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown).key).toBe('bridge.not-found');
    const get = await raw(bridge, { path: '/api/call/app:info', headers: { 'x-notice-desk-token': bridge.token } });
    expect(get.status).toBe(405);
  });

  it('streams events to a request with the token header', async () => {
    const res = await fetch(`${origin}/api/events`, { headers: { 'x-notice-desk-token': bridge.token } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    expect((await reader.read()).value).toMatch(/^: connected /);
    bridge.ctx.host.emit('data:changed', { reason: 'import' });
    let text = '';
    while (!text.includes('\n\n')) text += (await reader.read()).value ?? '';
    expect(text).toBe('event: data:changed\ndata: {"reason":"import"}\n\n');
    await reader.cancel();
  });
});

describe('the upload route', () => {
  it('answers 413 to an upload over the limit and keeps nothing of it', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'r'));
    const bridge = await startBridge({ rendererDir: path.join(dir, 'r'), settings: new JsonFileSettingsStore(path.join(dir, 's.json')), uploadLimit: 1024 });
    try {
      const headers = { ...appHeaders(bridge), 'content-type': 'application/octet-stream' };
      const before = fs.readdirSync(uploadRoot());
      const declared = await raw(bridge, { method: 'POST', path: '/api/upload?name=big.csv', headers, body: 'x'.repeat(2048) });
      expect(declared.status).toBe(413);
      expect(errorOf(declared)).toMatchObject({ code: 'too-large', key: 'bridge.upload-too-large', params: { file: 'big.csv', limit: '1 KiB' } });
      const streamed = await raw(bridge, { method: 'POST', path: '/api/upload?name=big.csv', headers, chunks: [Buffer.alloc(1000), Buffer.alloc(1000)] });
      expect(streamed.status).toBe(413);
      expect(fs.readdirSync(uploadRoot())).toEqual(before);
      const fits = await raw(bridge, { method: 'POST', path: '/api/upload?name=small.csv', headers, body: 'sent_at\n' });
      expect(fits.status).toBe(200);
    } finally {
      await bridge.close();
    }
  });
});
