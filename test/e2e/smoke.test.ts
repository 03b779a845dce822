import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './helpers/app.ts';

describe('browser mode smoke', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('serves the frame with its sidebar in real Chromium', async () => {
    await app.page.getByRole('navigation').getByRole('link').first().waitFor({ state: 'visible' });
    const links = await app.page.getByRole('navigation').getByRole('link').count();
    expect(links).toBe(8);
  });

  it('refuses requests without the launch token', async () => {
    const res = await fetch(`http://127.0.0.1:${app.bridge.port}/`);
    expect(res.status).toBe(401);
  });
});
