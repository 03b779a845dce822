import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/backend/dispatch.ts';
import { writeSyntheticCsv } from '../../electron/backend/import/synthetic-csv.ts';
import { screenshot, startApp, type RunningApp } from './helpers/app.ts';

const FIXTURES = path.resolve('test/fixtures/import');

async function setLook(app: RunningApp, page: Page, locale: 'ko' | 'en', theme: 'light' | 'dark'): Promise<void> {
  await dispatch('settings:set', { locale, theme }, app.bridge.ctx);
  await page.reload();
  await page.waitForFunction(([l, th]) => document.documentElement.lang === l && document.documentElement.dataset.theme === th, [locale, theme]);
}

describe('the Imports page in browser mode', () => {
  let app: RunningApp;
  let page: Page;

  beforeAll(async () => {
    app = await startApp({ colorScheme: 'light', viewport: { width: 1360, height: 900 } });
    page = app.page;
    page.setDefaultTimeout(90_000);
    await dispatch('workspace:create', { path: path.join(app.dir, 'imports.sqlite') }, app.bridge.ctx);
    await dispatch('settings:set', { locale: 'en', theme: 'light' }, app.bridge.ctx);
    await page.goto(app.bridge.url.replace('/?', '/?') + '#/imports');
    // A hash change keeps the loaded page: reload it, so it does not depend on having caught the
    // workspace and settings events the dispatches above sent while it was still connecting.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Imports' }).waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('imports several files picked at once through the upload route and lists them with provenance', async () => {
    await page.getByTestId('imports-file-input').setInputFiles([
      path.join(FIXTURES, 'canonical-notifications.csv'),
      path.join(FIXTURES, 'alimtalk-nhn.csv'),
      path.join(FIXTURES, 'canonical-cp949.csv'),
    ]);
    const table = page.locator('table.imports-table');
    for (const name of ['canonical-notifications.csv', 'alimtalk-nhn.csv', 'canonical-cp949.csv']) {
      await table.getByRole('button', { name, exact: true }).waitFor();
    }
    await expect.poll(() => page.getByText('5 imported · 1 duplicates · 4 rejected').count()).toBe(1);
    await table.getByRole('button', { name: 'canonical-cp949.csv', exact: true }).click();
    await page.getByText('cp949').first().waitFor();
    await page.locator('.imports-provenance dd.mono').first().waitFor();
    const sha = await page.locator('.imports-provenance dd.mono').first().textContent();
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
  });

  it('shows the rejected rows of one import with line, column and reason', async () => {
    const row = page.locator('table.imports-table tr', { hasText: 'canonical-notifications.csv' });
    await row.getByRole('button', { name: 'Rejects' }).click();
    await page.getByRole('heading', { name: 'Rejected rows of canonical-notifications.csv' }).waitFor();
    const rejects = page.locator('table.imports-rejects tbody tr');
    await expect.poll(() => rejects.count()).toBe(4);
    await expect.poll(() => rejects.first().textContent()).toMatch(/8sent_at.*"not-a-time" is not a timestamp/);
    await screenshot(page, 'imports-rejects-en-light');
  });

  it('maps the columns of an unknown CSV, saving the mapping as a preset', async () => {
    await page.getByTestId('imports-file-input').setInputFiles(path.join(FIXTURES, 'generic-vendor.csv'));
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Map the columns of generic-vendor.csv' }).waitFor();
    expect(await dialog.getByLabel('sent_at').inputValue()).toBe('발송일시');
    expect(await dialog.getByLabel('recipient_id').inputValue()).toBe('수신번호');
    await dialog.getByLabel('Save as preset (optional)').fill('Shop C send log');
    fs.mkdirSync(path.resolve('test-results/screenshots'), { recursive: true });
    await page.screenshot({ path: path.resolve('test-results/screenshots/imports-mapper-en-light.png') });
    await dialog.getByRole('button', { name: 'Import with this mapping' }).click();
    await page.locator('table.imports-table').getByRole('button', { name: 'generic-vendor.csv', exact: true }).waitFor();
    await page.getByText('Shop C send log').waitFor();
  });

  it('deletes one import after confirmation', async () => {
    const row = page.locator('table.imports-table tr', { hasText: 'alimtalk-nhn.csv' });
    await row.getByRole('button', { name: 'Delete alimtalk-nhn.csv' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete import' }).click();
    await expect.poll(() => page.locator('table.imports-table').getByRole('button', { name: 'alimtalk-nhn.csv', exact: true }).count()).toBe(0);
    await expect.poll(() => page.locator('table.imports-table tbody > tr:not(.imports-details)').count()).toBe(3);
  });

  it('shows a running progress bar that can be cancelled, and nothing of the file is kept', async () => {
    const big = path.join(app.dir, 'large-send-log.csv');
    await writeSyntheticCsv(big, 400_000, 3);
    await setLook(app, page, 'ko', 'light');
    await page.getByTestId('imports-file-input').setInputFiles(big);
    const bar = page.getByRole('progressbar', { name: 'large-send-log.csv 진행 상황' });
    await page.waitForFunction(() => {
      const el = document.querySelector('[role=progressbar]');
      return Number(el?.getAttribute('aria-valuenow') ?? 0) >= 5;
    }, undefined, { timeout: 120_000 });
    await screenshot(page, 'imports-progress-ko-light');
    await page.getByRole('button', { name: '취소' }).click();
    await page.getByText('취소됨 — 아무것도 저장되지 않았습니다').waitFor();
    expect(await bar.count()).toBe(1);
    const list = (await dispatch('imports:list', {}, app.bridge.ctx)) as { fileName: string }[];
    expect(list.map((i) => i.fileName)).not.toContain('large-send-log.csv');
    fs.rmSync(big);
  });

  it('looks right in Korean and English, light and dark', async () => {
    for (const [locale, theme] of [['ko', 'light'], ['ko', 'dark'], ['en', 'dark'], ['en', 'light']] as const) {
      await setLook(app, page, locale, theme);
      await page.locator('table.imports-table').waitFor();
      const row = page.locator('table.imports-table tr', { hasText: 'canonical-notifications.csv' });
      await row.getByRole('button', { name: locale === 'ko' ? '거부된 행' : 'Rejects' }).click();
      await page.locator('table.imports-rejects tbody tr').first().waitFor();
      await screenshot(page, `imports-${locale}-${theme}`);
    }
  });
});
