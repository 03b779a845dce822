import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSER_CSP } from '../../../electron/backend/bridge/server.ts';
import { APP_CSP, createAppProtocolHandler, resolveAppFile } from '../../../electron/main/app-protocol.ts';
import { tempDir } from '../helpers/tmp.ts';

function rendererFixture(): string {
  const root = tempDir('notice-desk-protocol-');
  const dir = path.join(root, 'renderer');
  fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Notice Desk</title>');
  fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'secret.txt'), 'do not serve');
  return dir;
}

/** The directives of a CSP string, as a map from name to sorted sources. */
function directives(csp: string): Map<string, string> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources.sort().join(' ')]),
  );
}

describe('the app:// protocol path resolution', () => {
  const dir = path.resolve('/srv/notice/dist/renderer');

  it('maps app://notice-desk/ paths into the renderer folder', () => {
    expect(resolveAppFile(dir, 'app://notice-desk/')).toBe(path.join(dir, 'index.html'));
    expect(resolveAppFile(dir, 'app://notice-desk/index.html')).toBe(path.join(dir, 'index.html'));
    expect(resolveAppFile(dir, 'app://notice-desk/assets/app.js?v=1#x')).toBe(path.join(dir, 'assets', 'app.js'));
    expect(resolveAppFile(dir, 'app://notice-desk/assets/%EA%B8%80%EA%BC%B4.woff2')).toBe(path.join(dir, 'assets', '글꼴.woff2'));
  });

  it('refuses paths that climb out of the folder, however they are spelled', () => {
    for (const url of [
      'app://notice-desk/../secret.txt',
      'app://notice-desk/%2e%2e/secret.txt',
      'app://notice-desk/assets/%2E%2E/%2E%2E/secret.txt',
      'app://notice-desk/..%2fsecret.txt',
      'app://notice-desk/..%5csecret.txt',
      'app://notice-desk/%2fetc%2fpasswd',
      'app://notice-desk/C:%5cWindows%5cwin.ini',
      'app://notice-desk/index.html%00.png',
      'app://notice-desk/%E0%A4%A',
    ]) {
      const resolved = resolveAppFile(dir, url);
      if (resolved !== null) expect(resolved.startsWith(dir + path.sep), url).toBe(true);
    }
    expect(resolveAppFile(dir, 'app://notice-desk/..%2fsecret.txt')).toBeNull();
    expect(resolveAppFile(dir, 'app://notice-desk/..%5csecret.txt')).toBeNull();
    expect(resolveAppFile(dir, 'app://notice-desk/index.html%00.png')).toBeNull();
  });

  it('refuses other hosts and schemes', () => {
    expect(resolveAppFile(dir, 'app://evil/index.html')).toBeNull();
    expect(resolveAppFile(dir, 'file:///srv/notice/dist/renderer/index.html')).toBeNull();
    expect(resolveAppFile(dir, 'https://notice-desk/index.html')).toBeNull();
  });
});

describe('the app:// protocol handler', () => {
  it('serves a renderer file with the strict CSP and nosniff', async () => {
    const handler = createAppProtocolHandler(rendererFixture());
    const res = await handler(new Request('app://notice-desk/assets/app.js'));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('console.log(1)');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 404 for a file outside the folder and for a missing file, 405 for a POST', async () => {
    const handler = createAppProtocolHandler(rendererFixture());
    expect((await handler(new Request('app://notice-desk/..%2fsecret.txt'))).status).toBe(404);
    expect((await handler(new Request('app://notice-desk/assets'))).status).toBe(404);
    expect((await handler(new Request('app://notice-desk/nope.js'))).status).toBe(404);
    expect((await handler(new Request('app://notice-desk/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('uses the same policy as browser mode and the meta tag of renderer/index.html', () => {
    expect(APP_CSP).toBe(BROWSER_CSP);
    const html = fs.readFileSync(path.resolve('renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const fromMeta = directives(meta!);
    const fromHeader = directives(APP_CSP);
    // frame-ancestors is ignored in a meta tag, so only the header carries it.
    fromHeader.delete('frame-ancestors');
    expect(fromMeta).toEqual(fromHeader);
    expect(fromHeader.get('default-src')).toBe("'none'");
    expect(fromHeader.get('script-src')).toBe("'self'");
  });
});
