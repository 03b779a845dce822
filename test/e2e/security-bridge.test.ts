import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeRequestLog } from '../../electron/backend/bridge/server.ts';
import { inProcessApi } from '../../electron/backend/dispatch.ts';
import { openDatabase } from '../../electron/backend/db/connection.ts';
import { uploadRoot } from '../../electron/backend/import/upload.ts';
import { createWorkspaceFile } from '../../electron/backend/workspace-file.ts';
import { startApp, type RunningApp } from './helpers/app.ts';

/** Polls until `check` holds (the attacker's requests arrive in their own time). */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 50));
}

/**
 * The page another local server (a dev server, another app) could serve: it knows the bridge's port
 * (ports are easy to scan) but not its token, and tries every cross-site request a page can make.
 */
function attackerPage(config: { app: string; id: number; fetchTarget: string; formTarget: string; traversal: string }): string {
  const formName = JSON.stringify({ id: config.id, format: 'md', path: config.formTarget }).replace(/\.md"\}$/, '');
  const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/'/g, '&#39;');
  return `<!doctype html><html><body>
<iframe name="sink"></iframe>
<form id="f" method="POST" enctype="text/plain" target="sink" action="${config.app}/api/call/disclosures:export">
<input name='${escapeAttr(formName)}' value='.md"}'></form>
<script>
const app = ${JSON.stringify(config.app)};
window.report = {};
async function attack() {
  const plain = { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' } };
  await fetch(app + '/api/call/disclosures:export', { ...plain, body: ${JSON.stringify(JSON.stringify({ id: config.id, format: 'md', path: config.fetchTarget }))} })
    .then(() => (report.exportFetch = 'sent'), (e) => (report.exportFetch = String(e)));
  await fetch(app + '/api/call/imports:start', { ...plain, body: ${JSON.stringify(JSON.stringify({ files: [config.traversal] }))} })
    .then(() => (report.importFetch = 'sent'), (e) => (report.importFetch = String(e)));
  document.getElementById('f').submit();
  const frame = document.createElement('iframe');
  frame.src = app + '/';
  document.body.append(frame);
  const source = new EventSource(app + '/api/events', { withCredentials: true });
  source.onopen = () => (report.eventsOpened = true);
  source.onerror = () => (report.eventsError = true);
}
attack();
</script></body></html>`;
}

describe('the loopback bridge against other local pages, in real Chromium', () => {
  let app: RunningApp;
  let attacker: http.Server;
  let attackerOrigin = '';
  const log: BridgeRequestLog[] = [];
  let dir = '';
  let victim = '';
  let id = 0;

  beforeAll(async () => {
    app = await startApp({ bridgeOptions: { onRequest: (entry: BridgeRequestLog) => log.push(entry) } });
    dir = app.dir;
    const workspace = path.join(dir, 'security.sqlite');
    await createWorkspaceFile(workspace);
    app.bridge.ctx.session = { path: workspace, db: openDatabase(workspace) };
    id = (await inProcessApi(app.bridge.ctx)['disclosures:create']({ surface: 'alimtalk' })).id;
    victim = path.join(dir, 'some', 'other', 'dir');
    fs.mkdirSync(victim, { recursive: true });
    fs.writeFileSync(path.join(victim, 'x.csv'), 'sent_at\n');
    fs.writeFileSync(path.join(victim, 'keep.txt'), 'precious');
    const html = attackerPage({
      app: `http://127.0.0.1:${app.bridge.port}`,
      id,
      fetchTarget: path.join(dir, 'written-by-fetch.md'),
      formTarget: path.join(dir, 'written-by-form.md'),
      traversal: uploadRoot() + path.sep + path.relative(uploadRoot(), path.join(victim, 'x.csv')),
    });
    attacker = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    const address = attacker.address();
    attackerOrigin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    attacker?.close();
    await app?.close();
  });

  it('loads the app once with the token, which then leaves the address bar and history', async () => {
    await app.page.getByRole('navigation').getByRole('link').first().waitFor({ state: 'visible' });
    expect(app.page.url()).not.toContain(app.bridge.token);
    expect(await app.page.evaluate(() => window.location.href)).not.toContain('token');
    const cookies = await app.context.cookies(`http://127.0.0.1:${app.bridge.port}`);
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookies[0]!.name).toMatch(new RegExp(`^nd_${app.bridge.port}_[A-Za-z0-9_-]+$`));
  });

  it('refuses a no-cors fetch, a form POST, a traversal import, an event stream and a frame from another local origin', async () => {
    const page = await app.context.newPage();
    await page.goto(`${attackerOrigin}/`);
    const attacks = (p: string, method: string) => log.some((e) => e.path === p && e.method === method);
    await until(
      () =>
        fs.existsSync(path.join(dir, 'written-by-fetch.md')) ||
        (attacks('/api/call/disclosures:export', 'POST') && attacks('/api/call/imports:start', 'POST') && attacks('/api/events', 'GET') &&
          log.filter((e) => e.path === '/api/call/disclosures:export').length >= 2 &&
          log.filter((e) => e.origin === attackerOrigin).length >= 4),
    );
    expect(fs.existsSync(path.join(dir, 'written-by-fetch.md'))).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('written-by-'))).toEqual([]);
    expect(fs.readFileSync(path.join(victim, 'keep.txt'), 'utf8')).toBe('precious');
    const fromAttacker = log.filter((e) => e.origin === attackerOrigin);
    expect(fromAttacker.length).toBeGreaterThanOrEqual(4);
    for (const entry of fromAttacker) expect(entry.status).toBe(403);
    expect(await page.evaluate(() => (window as unknown as { report: Record<string, unknown> }).report.eventsOpened)).toBeUndefined();
    // The app's page in a frame of the other page: a same-site request, refused before the cookie is looked at.
    await until(() => log.some((e) => e.path === '/' && e.status === 403));
    expect(log.find((e) => e.path === '/' && e.status === 403)!.reason).toContain('same-site');
    await page.close();
  });

  it('still works for the app itself after the attempts: its page loads and its calls and events go through', async () => {
    const before = log.length;
    const page = await app.context.newPage();
    await page.goto(`http://127.0.0.1:${app.bridge.port}/#/disclosures`);
    await page.getByRole('navigation').getByRole('link').first().waitFor({ state: 'visible' });
    // The app's own requests (the closed attacker page's event stream may still retry once, refused).
    const own = () => log.slice(before).filter((e) => e.path.startsWith('/api/') && e.origin !== attackerOrigin);
    await until(() => own().some((e) => e.path === '/api/events') && own().some((e) => e.path.startsWith('/api/call/')));
    expect(own().every((e) => e.status === 200)).toBe(true);
    await page.close();
  });
});
