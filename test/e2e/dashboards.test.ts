import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPngSignature } from '../../shared/charts/svg-export.ts';
import { prng } from '../../shared/random.ts';
import { screenshot, startApp, type RunningApp } from './helpers/app.ts';

const SENDERS = ['hanbit-shop', 'nuri-pay', 'daon-delivery', 'sora-travel', 'gaon-bank'];
const CATEGORIES = ['구매', '결제', '배송', '예약', '주문'];
const DAY = 86_400_000;
const START = Date.UTC(2015, 6, 1) - 9 * 3_600_000; // 2015-07-01 00:00 in Seoul
const SPAN_DAYS = 366; // to 2016-06-30
const NEW_PROMPT = Date.UTC(2016, 3, 1) - 9 * 3_600_000; // the new consent prompt, 2016-04-01

/**
 * A year of canonical exports (Jul 2015 – Jun 2016): notifications from five senders, consent events
 * (notices shown far more often after a new prompt on 2016-04-01; opt-outs and blocks, a few followed
 * by more messages, i.e. refusals not honoured) and URL sharing/indexing events.
 */
function writeFixtures(dir: string): string[] {
  const r = prng(2016);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const iso = (ms: number) => new Date(ms).toISOString();
  const end = START + SPAN_DAYS * DAY;
  const notif = ['event_id,sent_at,recipient_id,sender_id,template_id,category,status,bytes,network'];
  const consent = ['event_id,occurred_at,recipient_id,sender_id,action,disclosure_version,source'];
  const urls = ['event_id,occurred_at,url,action,recipient_id,engine'];
  let id = 0;
  for (let rcp = 0; rcp < 420; rcp++) {
    const recipient = `r${String(rcp).padStart(4, '0')}`;
    const senders = SENDERS.filter(() => r() < 0.4);
    if (senders.length === 0) senders.push(pick(SENDERS));
    for (const sender of senders) {
      const si = SENDERS.indexOf(sender);
      let t = START + 3 * DAY + Math.floor(r() * (SPAN_DAYS - 10) * DAY);
      const afterPrompt = t >= NEW_PROMPT;
      if (r() < (afterPrompt ? 0.93 : 0.58)) {
        consent.push(`c${++id},${iso(t - 3_600_000 * (1 + r() * 48))},${recipient},${sender},notice_shown,v${afterPrompt ? 2 : 1},message`);
      }
      const optOutAt = r() < (afterPrompt ? 0.05 : 0.09) ? t + Math.floor((0.2 + r() * 30) * DAY) : Infinity;
      let optedOut = false;
      while (t < end) {
        if (!optedOut && t > optOutAt) {
          optedOut = true;
          consent.push(`c${++id},${iso(optOutAt)},${recipient},${sender},${r() < 0.3 ? 'block' : 'opt_out'},,settings`);
          if (r() < 0.8) break; // most senders honour the refusal
        }
        const u = r();
        const status = optedOut && r() < 0.4 ? 'fallback_sms' : u < 0.84 ? 'delivered' : u < 0.91 ? 'sent' : u < 0.97 ? 'failed' : 'blocked';
        const network = r() < 0.25 ? 'wifi' : r() < 0.5 ? 'cellular' : '';
        notif.push(`n${++id},${iso(t)},${recipient},${sender},T-${sender}-${Math.floor(r() * 3) + 1},${CATEGORIES[si]},${status},,${network}`);
        t += Math.floor((2 + r() * 12) * DAY);
      }
    }
  }
  const domains = ['blog.naver.com', 'news.example.kr', 'shop.example.com', 'cafe.daum.net', 'docs.example.org'];
  for (let u = 0; u < 360; u++) {
    const url = `https://${pick(domains)}/p/${u}`;
    const shared = START + 2 * DAY + Math.floor(r() * (SPAN_DAYS - 12) * DAY);
    urls.push(`u${++id},${iso(shared)},${url},shared,r${String(u).padStart(4, '0')},`);
    if (r() < 0.6) {
      const indexed = shared + Math.floor((2 + r() * 120) * 3_600_000);
      urls.push(`u${++id},${iso(indexed)},${url},indexed,,daum-search`);
      if (r() < 0.5) urls.push(`u${++id},${iso(Math.min(indexed + Math.floor(r() * 10 * DAY), end - DAY))},${url},served,,daum-search`);
    }
  }
  const files = [
    ['notifications.csv', notif],
    ['consent.csv', consent],
    ['urls.csv', urls],
  ] as const;
  return files.map(([name, lines]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, lines.join('\n') + '\n');
    return file;
  });
}

const PAGES = ['overview', 'notifications', 'data-charges', 'consent', 'urls'] as const;

async function callApi(app: RunningApp, name: string, input: unknown): Promise<unknown> {
  const res = await fetch(`http://127.0.0.1:${app.bridge.port}/api/call/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-notice-desk-token': app.bridge.token, origin: app.bridge.origin },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!body.ok) throw new Error(`${name}: ${body.error?.message}`);
  return body.value;
}

async function visit(page: Page, id: string): Promise<void> {
  await page.evaluate((route) => {
    window.location.hash = `#/${route}`;
  }, id);
  await page.locator('.dash-page h1').first().waitFor({ state: 'visible' });
  // Every card has left its loading state.
  await page.waitForFunction(() => document.querySelectorAll('.chart-state [role="status"], .chart-card [role="status"] .chart-spinner').length === 0 && document.querySelectorAll('.chart-spinner').length === 0);
  await page.waitForTimeout(150);
}

describe('dashboards in real Chromium over imported exports', () => {
  let app: RunningApp;
  let workspace: string;

  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1440, height: 900 } });
    const fixtures = fs.mkdtempSync(path.join(app.dir, 'fixtures-'));
    const files = writeFixtures(fixtures);
    workspace = path.join(app.dir, 'dashboards.noticedesk');
    const out = execFileSync(process.execPath, ['bin/notice-desk.js', 'import', ...files, '--workspace', workspace, '--json'], { encoding: 'utf8' });
    const report = JSON.parse(out) as { files: { imported: number; rejected: number }[] };
    expect(report.files.every((f) => f.imported > 0 && f.rejected === 0)).toBe(true);
    await callApi(app, 'workspace:open', { path: workspace });
    await callApi(app, 'markers:add', { date: '2016-04-01', label: '새 동의 안내 적용' });
    // The first half of 2016, by week; the overview compares it with the second half of 2015.
    await callApi(app, 'metrics:setFilters', { preset: 'custom', from: '2016-01-01', to: '2016-06-30', by: 'week' });
  });

  afterAll(async () => {
    await app?.close();
  });

  for (const locale of ['ko', 'en'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      it(`shows every page in ${locale}, ${theme}`, async () => {
        await callApi(app, 'settings:set', { locale, theme });
        await app.page.reload();
        for (const id of PAGES) {
          await visit(app.page, id);
          const text = await app.page.locator('main').innerText();
          expect(text).not.toMatch(/dashboards\.[a-z]/); // no untranslated keys
          expect(await app.page.locator('.chart-state-error').count()).toBe(0);
          await screenshot(app.page, `dashboards-${id}-${locale}-${theme}`);
        }
      });
    }
  }

  it('exports a chart as PNG, SVG and CSV with Korean labels and the legend', async () => {
    await callApi(app, 'settings:set', { locale: 'ko', theme: 'light' });
    await app.page.reload();
    await visit(app.page, 'notifications');
    const card = app.page.getByRole('region', { name: '상태별 알림 건수' });
    const save = async (label: string) => {
      const [download] = await Promise.all([app.page.waitForEvent('download'), card.getByRole('button', { name: label }).click()]);
      const file = path.join(app.dir, download.suggestedFilename());
      await download.saveAs(file);
      return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
    };
    // Chromium encodes a toBlob PNG only in idle time (up to 6 s on a busy page): the export must not use it.
    await app.page.evaluate(() => {
      HTMLCanvasElement.prototype.toBlob = () => {
        throw new Error('toBlob waits for an idle page');
      };
    });
    const png = await save('PNG: 상태별 알림 건수 이미지로 내보내기');
    fs.mkdirSync(path.resolve('test-results', 'screenshots'), { recursive: true });
    fs.writeFileSync(path.resolve('test-results', 'screenshots', 'dashboards-export-ko.png'), png.bytes);
    expect(png.name).toMatch(/\.png$/);
    expect(hasPngSignature(png.bytes)).toBe(true);
    expect(png.bytes.length).toBeGreaterThan(10_000);
    // IHDR width: twice the on-screen width (drawn at 2×).
    expect(png.bytes.readUInt32BE(16)).toBeGreaterThan(1000);

    const svg = (await save('SVG: 상태별 알림 건수 벡터 이미지로 내보내기')).bytes.toString('utf8');
    fs.writeFileSync(path.resolve('test-results', 'screenshots', 'dashboards-export-ko.svg'), svg);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('상태별 알림 건수');
    for (const legend of ['수신 완료', '발송', '실패', '차단', 'SMS 대체 발송']) expect(svg).toContain(legend);
    expect(svg).toContain('Noto Sans CJK KR');
    expect(svg).toMatch(/>\d{1,2}월 \d{1,2}일</);
    expect(svg).not.toContain('var(--');
    // Axis titles: the quantity per bucket, the bucket and the workspace time zone.
    expect(svg).toContain('주별 메시지 수');
    expect(svg).toContain('주(월–일) · Asia/Seoul');

    const csv = await save('CSV: 상태별 알림 건수 데이터 내보내기');
    const text = csv.bytes.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]!.split(',')).toEqual(expect.arrayContaining(['bucket', 'delivered', 'total']));
    const buckets = lines.slice(1).map((l) => l.split(',')[0]);
    expect(buckets[0]).toBe('2015-W53');
    expect(buckets[buckets.length - 1]).toBe('2016-W26');
  });

  it('closes the Senders and Categories lists on Escape and on a click outside', async () => {
    await callApi(app, 'settings:set', { locale: 'en', theme: 'light' });
    await app.page.reload();
    await visit(app.page, 'notifications');
    const senders = app.page.locator('details.filter-pick', { hasText: 'Senders' });
    const categories = app.page.locator('details.filter-pick', { hasText: 'Categories' });
    const isOpen = (list: typeof senders) => list.evaluate((d) => (d as HTMLDetailsElement).open);
    await senders.locator('summary').click();
    expect(await isOpen(senders)).toBe(true);
    await senders.getByRole('checkbox').first().focus();
    await app.page.keyboard.press('Escape');
    expect(await isOpen(senders)).toBe(false);
    expect(await app.page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    await senders.locator('summary').click();
    await categories.locator('summary').click();
    expect(await isOpen(senders)).toBe(false);
    expect(await isOpen(categories)).toBe(true);
    await app.page.locator('.dash-page h1').first().click();
    expect(await isOpen(categories)).toBe(false);
  });

  it('is usable from the keyboard: tooltip by arrow keys, zoom by the brush handles, a marker\'s before and after', async () => {
    await callApi(app, 'settings:set', { locale: 'ko', theme: 'light' });
    await app.page.reload();
    await visit(app.page, 'notifications');
    const card = app.page.getByRole('region', { name: '상태별 알림 건수' });
    await app.page.getByRole('radio', { name: '일', exact: true }).click();
    await visit(app.page, 'notifications');
    const surface = card.locator('[data-chart-main] svg.recharts-surface[tabindex="0"]').first();
    await surface.focus();
    await app.page.keyboard.press('ArrowRight');
    await app.page.keyboard.press('ArrowRight');
    const tooltip = card.locator('.recharts-tooltip-wrapper').first();
    await expect.poll(() => tooltip.innerText()).toMatch(/2016년 1월 \d+일[\s\S]*수신 완료/);

    const traveller = card.locator('.recharts-brush-traveller').first();
    await traveller.focus();
    for (let i = 0; i < 20; i++) await app.page.keyboard.press('ArrowRight');
    await card.getByRole('button', { name: '전체 기간 보기' }).waitFor({ state: 'visible' });
    await card.getByRole('button', { name: '전체 기간 보기' }).click();

    await card.getByRole('button', { name: /^2016-04-01 새 동의 안내 적용/ }).click();
    const around = card.locator('.marker-around');
    await around.getByRole('row', { name: /수신 거부율/ }).waitFor({ state: 'visible' });
    expect(await around.innerText()).toMatch(/고지 도달률[\s\S]*pp/);
    await screenshot(app.page, 'dashboards-keyboard-marker-ko-light');
    await callApi(app, 'metrics:setFilters', { by: 'week' });
  });

  it('has no serious accessibility violations on any dashboard page, light or dark', async () => {
    const found: string[] = [];
    for (const theme of ['light', 'dark'] as const) {
      await callApi(app, 'settings:set', { locale: 'ko', theme });
      await app.page.reload();
      for (const id of PAGES) {
        await visit(app.page, id);
        const result = await new AxeBuilder({ page: app.page }).include('main').analyze();
        const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        found.push(...serious.map((v) => `${id} ${theme}: ${v.id} ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`));
      }
    }
    expect(found).toEqual([]);
  });

  it('says what to do on every page of an empty workspace', async () => {
    await callApi(app, 'workspace:create', { path: path.join(app.dir, 'empty.noticedesk') });
    await callApi(app, 'settings:set', { locale: 'en', theme: 'light' });
    await app.page.reload();
    for (const id of PAGES) {
      await visit(app.page, id);
      expect(await app.page.locator('.chart-state-error').count()).toBe(0);
      expect(await app.page.getByText('No data in this workspace yet').count()).toBeGreaterThan(0);
      expect(await app.page.getByRole('link', { name: 'Go to Imports' }).count()).toBeGreaterThan(0);
    }
    await screenshot(app.page, 'dashboards-empty-urls-en-light');
    await callApi(app, 'workspace:open', { path: workspace });
  });
});
