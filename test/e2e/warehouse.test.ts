import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/backend/dispatch.ts';
import { Warehouse } from '../../electron/backend/warehouse/client.ts';
import { warehouseConfig } from '../../electron/backend/warehouse/config.ts';
import { PASSWORD_ENV, PASSWORD_FILE_ENV, secretKey } from '../../electron/backend/warehouse/password.ts';
import { shardStatements } from '../../electron/backend/warehouse/schema.ts';
import type { ImportSummary } from '../../shared/contract/index.ts';
import { clickhouseAvailable, startLocalCluster, type LocalCluster } from '../clickhouse/cluster.ts';
import { seriousViolations } from './helpers/a11y.ts';
import { screenshot, shootElement, startApp, type RunningApp } from './helpers/app.ts';

/** The sample exports the demo is built from: a half-year of AlimTalk send results (NHN columns), consent and URL events. */
const FIXTURES = ['alimtalk-nhn-2016h1.csv.gz', 'consent-2016h1.csv.gz', 'urls-2016h1.csv.gz'].map((f) => path.resolve('resources/demo', f));
const PERIOD = { preset: 'custom', from: '2016-04-01', to: '2016-06-30', by: 'month' } as const;

async function setLook(app: RunningApp, page: Page, locale: 'ko' | 'en', theme: 'light' | 'dark'): Promise<void> {
  await dispatch('settings:set', { locale, theme }, app.bridge.ctx);
  await page.reload();
  await page.waitForFunction(([l, th]) => document.documentElement.lang === l && document.documentElement.dataset.theme === th, [locale, theme]);
}

/** Imports the fixtures through the Imports page (the upload route, then the app's import queue) and waits for all three. */
async function importThroughPage(app: RunningApp, page: Page): Promise<ImportSummary[]> {
  await page.evaluate(() => {
    window.location.hash = '#/imports';
  });
  await page.getByTestId('imports-file-input').waitFor({ state: 'attached' });
  await page.getByTestId('imports-file-input').setInputFiles(FIXTURES);
  let list: ImportSummary[] = [];
  await expect
    .poll(
      async () => {
        list = (await dispatch('imports:list', {}, app.bridge.ctx)) as ImportSummary[];
        return list.length;
      },
      { timeout: 170_000, interval: 500 },
    )
    .toBe(3);
  return list;
}

/** Every KPI card of the Overview as shown: label, value and trend text. */
async function overviewFigures(page: Page): Promise<string[][]> {
  await page.evaluate(() => {
    window.location.hash = '#/overview';
  });
  // The figures, or the card's error (said at once rather than waited on).
  await page.locator('.kpi-card, .chart-state-error').first().waitFor({ state: 'visible', timeout: 120_000 });
  const failed = page.locator('.chart-card').first().locator('.chart-state-error');
  if ((await failed.count()) > 0) throw new Error(`The Overview failed: ${await failed.textContent()}`);
  await page.waitForFunction(() => document.querySelectorAll('.chart-spinner').length === 0);
  return page.locator('.kpi-card').evaluateAll((cards) =>
    cards.map((c) => [c.querySelector('.kpi-label')?.textContent ?? '', c.querySelector('.kpi-value')?.textContent ?? '', c.querySelector('.kpi-trend')?.textContent ?? '']),
  );
}

describe.skipIf(!clickhouseAvailable)('a ClickHouse workspace in browser mode, over two real shards', () => {
  let c: LocalCluster;
  let app: RunningApp;
  let page: Page;
  const database = `nd_e2e${randomBytes(5).toString('hex')}`;
  const saved = { env: process.env[PASSWORD_ENV], file: process.env[PASSWORD_FILE_ENV] };
  let clickhouseFile = '';

  beforeAll(async () => {
    // The password must come from the dialog, not from this process's environment.
    delete process.env[PASSWORD_ENV];
    delete process.env[PASSWORD_FILE_ENV];
    c = await startLocalCluster();
    // Shard 2's local tables, made there as an administrator would (these servers have no distributed DDL).
    const shard2 = new Warehouse({ url: c.servers[1]!.httpUrl, database: 'default', user: c.user, cluster: null }, c.password);
    try {
      for (const sql of shardStatements({ database, cluster: c.cluster })) await shard2.command(sql);
    } finally {
      await shard2.close();
    }
    app = await startApp({ viewport: { width: 1360, height: 900 } });
    page = app.page;
    page.setDefaultTimeout(90_000);
    await setLook(app, page, 'en', 'light');
  });
  afterAll(async () => {
    await app?.close();
    await c?.stop();
    if (saved.env !== undefined) process.env[PASSWORD_ENV] = saved.env;
    if (saved.file !== undefined) process.env[PASSWORD_FILE_ENV] = saved.file;
  });

  const dialog = () => page.getByRole('dialog');

  async function fill(name: string, password: string, labels = { name: 'Workspace name', url: 'Server address', database: 'Database', user: 'User', cluster: 'Cluster (optional)', password: 'Password' }) {
    const d = dialog();
    await d.getByLabel(labels.name).fill(name);
    await d.getByLabel(labels.url).fill(c.servers[0]!.httpUrl);
    await d.getByLabel(labels.database, { exact: true }).fill(database);
    await d.getByLabel(labels.user, { exact: true }).fill(c.user);
    await d.getByLabel(labels.cluster).fill(c.cluster);
    await d.getByLabel(labels.password, { exact: true }).fill(password);
  }

  it('shows the connect dialog from the Welcome screen, in both languages and themes, accessible', async () => {
    const looks = [
      ['ko', 'light', { name: '워크스페이스 이름', url: '서버 주소', database: '데이터베이스', user: '사용자', cluster: '클러스터(선택)', password: '비밀번호' }, 'ClickHouse에 연결'],
      ['en', 'dark', undefined, 'Connect to ClickHouse'],
      ['ko', 'dark', { name: '워크스페이스 이름', url: '서버 주소', database: '데이터베이스', user: '사용자', cluster: '클러스터(선택)', password: '비밀번호' }, 'ClickHouse에 연결'],
      ['en', 'light', undefined, 'Connect to ClickHouse'],
    ] as const;
    for (const [locale, theme, labels, action] of looks) {
      await setLook(app, page, locale, theme);
      if (theme === 'light') await screenshot(page, `warehouse-welcome-${locale}-${theme}`);
      await page.getByRole('button', { name: action }).click();
      await dialog().waitFor();
      await fill(locale === 'ko' ? '플랫폼 전체' : 'Platform', 'secret', labels);
      expect(await seriousViolations(page, { include: '.dialog' })).toEqual([]);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await shootElement(page, dialog(), `warehouse-connect-${locale}-${theme}`);
      await page.keyboard.press('Escape');
      await dialog().waitFor({ state: 'detached' });
    }
  });

  it('says a wrong password is wrong, in the dialog, and leaves no workspace behind', async () => {
    await page.getByRole('button', { name: 'Connect to ClickHouse' }).click();
    await fill('platform', 'not-the-password');
    await dialog().getByRole('button', { name: 'Connect' }).click();
    const alert = dialog().getByTestId('warehouse-connect-error');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(`ClickHouse at ${c.servers[0]!.httpUrl} refused user "${c.user}": the user name or password is wrong.`);
    expect(await dialog().getByLabel('Password', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('body').textContent()).not.toContain('not-the-password');
    await shootElement(page, dialog(), 'warehouse-connect-error-en-light');
    expect(fs.readdirSync(app.dir).filter((f) => f.endsWith('.sqlite'))).toEqual([]);

    // The right password: the workspace opens, marked as ClickHouse with its server.
    await dialog().getByLabel('Password', { exact: true }).fill(c.password);
    await dialog().getByRole('button', { name: 'Connect' }).click();
    await dialog().waitFor({ state: 'detached', timeout: 60_000 });
    const badge = page.getByTestId('warehouse-badge');
    await badge.waitFor();
    expect(await badge.textContent()).toContain(new URL(c.servers[0]!.httpUrl).host);
    clickhouseFile = path.join(app.dir, 'platform.sqlite');
    expect(app.bridge.ctx.session?.path).toBe(clickhouseFile);
    // The workspace file and the settings hold no password.
    expect(fs.readFileSync(clickhouseFile).includes(c.password)).toBe(false);
    expect(fs.readFileSync(app.settingsFile, 'utf8')).not.toContain(c.password);
  });

  it('imports the sample exports into ClickHouse and into SQLite through the Imports page, and the Overview shows the same figures', async () => {
    const intoClickHouse = await importThroughPage(app, page);
    expect(intoClickHouse.every((i) => i.imported > 0)).toBe(true);
    // The rows are in the warehouse, over both shards (none in the local file).
    const wh = new Warehouse({ url: c.servers[0]!.httpUrl, database, user: c.user, cluster: c.cluster }, c.password);
    let inWarehouse: number[];
    try {
      inWarehouse = await Promise.all(
        ['nd_notifications', 'nd_consent', 'nd_urls'].map(async (t) => (await wh.query<{ n: number }>(`SELECT count() AS n FROM ${wh.table(t)}`))[0]!.n),
      );
      const perShard = await wh.query<{ n: number }>(`SELECT count() AS n FROM ${wh.table('nd_notifications_local')}`);
      expect(perShard[0]!.n).toBeGreaterThan(0);
      expect(perShard[0]!.n).toBeLessThan(inWarehouse[0]!);
    } finally {
      await wh.close();
    }
    expect(inWarehouse.every((n) => n > 0)).toBe(true);
    await dispatch('metrics:setFilters', PERIOD, app.bridge.ctx);
    await page.reload();
    const fromClickHouse = await overviewFigures(page);

    await dispatch('workspace:create', { name: 'platform-sqlite' }, app.bridge.ctx);
    await page.reload();
    await page.getByTestId('warehouse-badge').waitFor({ state: 'detached' });
    const intoSqlite = await importThroughPage(app, page);
    // The same files, rows and rejects (listed in the order the imports finished, which may differ).
    const byFile = (list: ImportSummary[]) => list.map((i) => [i.fileName, i.imported, i.rejected]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(byFile(intoSqlite)).toEqual(byFile(intoClickHouse));
    const local = app.bridge.ctx.session!.db.prepare('SELECT (SELECT count(*) FROM notifications) n, (SELECT count(*) FROM consent) c, (SELECT count(*) FROM urls) u').get() as { n: number; c: number; u: number };
    expect([local.n, local.c, local.u]).toEqual(inWarehouse);
    await dispatch('metrics:setFilters', PERIOD, app.bridge.ctx);
    await page.reload();
    const fromSqlite = await overviewFigures(page);

    expect(fromSqlite.length).toBeGreaterThanOrEqual(9);
    expect(fromSqlite.find(([label]) => label === 'Notifications')?.[1]).not.toBe('0');
    expect(fromClickHouse).toEqual(fromSqlite);
  });

  it('writes the evidence pack from the Overview over ClickHouse, with the figures and charts of the SQLite workspace’s pack', async () => {
    const packOf = async (file: string, name: string) => {
      await dispatch('workspace:open', { path: file }, app.bridge.ctx);
      await setLook(app, page, 'en', 'light');
      await overviewFigures(page);
      await page.getByRole('button', { name: 'Evidence pack' }).click();
      const d = page.getByRole('dialog', { name: 'Evidence pack' });
      await d.waitFor();
      const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 170_000 }), d.getByRole('button', { name: 'Write the pack', exact: true }).click()]);
      const zip = path.join(app.dir, 'downloads', name);
      fs.mkdirSync(path.dirname(zip), { recursive: true });
      await dl.saveAs(zip);
      await d.getByTestId('evidence-result').waitFor();
      expect(await d.getByTestId('evidence-empty-events').count()).toBe(0);
      if (name === 'clickhouse.zip') await shootElement(page, d, 'warehouse-evidence-written-en-light');
      await page.keyboard.press('Escape');
      const files = unzipSync(fs.readFileSync(zip));
      const text: Record<string, string> = {};
      for (const [p, bytes] of Object.entries(files)) {
        const rel = p.slice(p.indexOf('/') + 1);
        if (rel === 'figures.csv' || rel.startsWith('charts/')) text[rel] = Buffer.from(bytes).toString('utf8');
      }
      return text;
    };
    const fromSqlite = await packOf(path.join(app.dir, 'platform-sqlite.sqlite'), 'sqlite.zip');
    const fromClickHouse = await packOf(clickhouseFile, 'clickhouse.zip');
    expect(fromSqlite['figures.csv']).toMatch(/volume\.notifications,/);
    expect(Object.keys(fromSqlite).length).toBeGreaterThan(5);
    expect(fromClickHouse).toEqual(fromSqlite);
  });

  it('asks for the password in the page when the bridge no longer has it, and shows the figures once it is given', async () => {
    await dispatch('workspace:open', { path: clickhouseFile }, app.bridge.ctx);
    // As after a new launch of browser mode: the password was kept in the bridge's memory only.
    const session = app.bridge.ctx.session!;
    app.bridge.ctx.host.secrets!.delete(secretKey(warehouseConfig(session.db)!));
    await session.warehouse?.close();
    session.warehouse = undefined;
    await setLook(app, page, 'en', 'light');
    await page.evaluate(() => {
      window.location.hash = '#/overview';
    });
    const prompt = page.getByTestId('warehouse-password-open').first();
    await prompt.waitFor();
    expect(await page.locator('.chart-card').first().textContent()).toContain(`No password for ClickHouse user "${c.user}"`);
    await screenshot(page, 'warehouse-password-prompt-en-light');
    await prompt.click();
    const d = page.getByRole('dialog', { name: 'ClickHouse password' });
    await d.getByLabel('Password', { exact: true }).fill('wrong');
    await d.getByRole('button', { name: 'Use this password' }).click();
    await d.getByTestId('warehouse-password-error').waitFor();
    await d.getByLabel('Password', { exact: true }).fill(c.password);
    await d.getByRole('button', { name: 'Use this password' }).click();
    await d.waitFor({ state: 'detached' });
    await page.getByTestId('warehouse-password-open').first().waitFor({ state: 'detached' });
    const figures = await overviewFigures(page);
    expect(figures.find(([label]) => label === 'Notifications')?.[1]).not.toBe('0');
  });

  it('shows the Overview over ClickHouse in both languages and themes', async () => {
    await dispatch('workspace:open', { path: clickhouseFile }, app.bridge.ctx);
    for (const [locale, theme] of [['en', 'light'], ['ko', 'dark'], ['ko', 'light'], ['en', 'dark']] as const) {
      await setLook(app, page, locale, theme);
      await page.getByTestId('warehouse-badge').waitFor();
      await overviewFigures(page);
      await page.locator('.chart-card').last().waitFor({ state: 'visible' });
      await page.waitForTimeout(300);
      await screenshot(page, `warehouse-overview-${locale}-${theme}`);
    }
  });
});
