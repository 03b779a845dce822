import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startApp, type RunningApp } from './helpers/app.ts';

describe('the demo workspace, from the first-launch screen', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp();
    process.env.NOTICE_DESK_DEMO_PATH = path.join(app.dir, 'demo.sqlite');
  });
  afterAll(async () => {
    delete process.env.NOTICE_DESK_DEMO_PATH;
    await app?.close();
  });

  it('builds the demo from the bundled samples, opens it labelled as demo data and fills the Overview', async () => {
    const { page } = app;
    // The welcome screen speaks Korean by default; switch to English for stable names.
    await page.getByRole('group', { name: '언어' }).getByRole('button', { name: /EN/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome to Notice Desk' }).waitFor();
    await screenshot(page, 'demo-welcome-en-light');
    await page.getByRole('button', { name: 'Open the demo workspace' }).click();
    await page.getByText('Demo data').first().waitFor({ state: 'visible', timeout: 120_000 });
    await page.goto(`${app.bridge.url.split('?')[0]}#/overview`);
    const kpi = page.getByRole('heading', { name: 'Key figures' });
    await kpi.waitFor({ state: 'visible', timeout: 60_000 });
    const info = await app.bridge.ctx.session;
    expect(info?.path).toBe(path.join(app.dir, 'demo.sqlite'));
    const counts = info!.db.prepare('SELECT (SELECT count(*) FROM notifications) n, (SELECT count(*) FROM consent) c, (SELECT count(*) FROM urls) u').get() as { n: number; c: number; u: number };
    expect(counts.n).toBeGreaterThan(10_000);
    expect(counts.c).toBeGreaterThan(0);
    expect(counts.u).toBeGreaterThan(0);
    await screenshot(page, 'demo-overview-en-light');
  });
});
