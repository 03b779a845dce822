import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessApi } from '../../electron/backend/dispatch.ts';
import type { Api } from '../../shared/contract/index.ts';
import { seriousViolations } from './helpers/a11y.ts';
import { screenshot, startApp, type RunningApp } from './helpers/app.ts';

/** An English AlimTalk notice the checks find no data-charges statement in. */
const NO_CHARGES = [
  '[{{sender_name}}] We send you order and delivery updates by AlimTalk.',
  '',
  'These come over your phone connection like any other message.',
  '',
  'To stop them, turn them off in {{settings_path}} at any time.',
  '',
  'If you turn them off, you can still use our service.',
].join('\n');
const QUOTE = 'These come over your phone connection like any other message.';

/** The highlighted evidence of an editor column, as its rendered text. */
async function highlighted(column: Locator): Promise<string> {
  return column.locator('.cm-evidence').evaluateAll((els) => els.map((e) => e.textContent ?? '').join(''));
}

/** Scrolls every scrolled container back to the top, so full-page screenshots start at the header. */
async function scrollTop(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    for (const el of Array.from(document.querySelectorAll('*'))) if (el.scrollTop > 0) el.scrollTop = 0;
  });
}

describe('evidence and overrides on the studio checklist, in Chromium', () => {
  let app: RunningApp;
  let page: Page;
  let api: Api;
  let id = 0;
  const ko = () => page.locator('.st-editor-col').nth(0);
  const en = () => page.locator('.st-editor-col').nth(1);
  const checksKo = () => page.getByTestId('checks-ko');
  const checksEn = () => page.getByTestId('checks-en');

  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1600, height: 1000 } });
    page = app.page;
    api = inProcessApi(app.bridge.ctx);
    await api['workspace:create']({ path: path.join(app.dir, 'evidence.sqlite') });
    await api['settings:set']({ locale: 'ko', theme: 'light' });
    const d = await api['disclosures:create']({ surface: 'alimtalk', title: '주문·배송 알림톡 안내' });
    await api['disclosures:update']({ id: d.id, enText: NO_CHARGES });
    id = d.id;
    await page.goto(`${app.bridge.url}#/disclosures`);
    await page.reload();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('highlights the sentence that satisfied an element while its checklist item is hovered or focused', async () => {
    await page.getByRole('button', { name: '주문·배송 알림톡 안내' }).click();
    const item = checksKo().locator('li[data-rule="data-charges"][data-state="present"]');
    await item.waitFor();
    const quote = (await item.getByTestId('evidence').textContent()) ?? '';
    expect(quote).toContain('데이터');
    expect(await highlighted(ko())).toBe('');
    await item.hover();
    await expect.poll(() => highlighted(ko())).toContain('데이터');
    await page.mouse.move(0, 0);
    await expect.poll(() => highlighted(ko())).toBe('');
    await item.locator('button.st-link').focus();
    await expect.poll(() => highlighted(ko())).toContain('데이터');
    expect(await highlighted(en())).toBe('');
  });

  it('rules a missing English element present at a chosen sentence, asking the reviewer’s name, and shows it as overruled', async () => {
    const item = checksEn().locator('.st-checklist li[data-rule="data-charges"]');
    await expect(item.getAttribute('data-state')).resolves.toBe('missing');
    await page.getByTestId('status-gate').waitFor();
    await item.getByRole('button', { name: '있음으로 판정…' }).click();
    const form = item.getByTestId('overrule-form');
    await form.getByRole('combobox').selectOption({ label: `“${QUOTE}”` });
    await expect.poll(() => highlighted(en())).toBe(QUOTE);
    await form.getByRole('textbox', { name: '이 문장으로 충분하다고 보는 이유' }).fill('일반 메시지처럼 통신망으로 온다고 밝혀 요금 부담을 알린다고 판단함');
    await form.getByRole('textbox', { name: '검토자 이름' }).fill('김법무');
    expect(await seriousViolations(page, { include: '[data-testid="checks-en"]' })).toEqual([]);
    await form.getByRole('button', { name: '판정 저장' }).click();
    await checksEn().locator('li[data-rule="data-charges"][data-state="present"][data-override="present"]').waitFor();
    await expect(item.getByTestId('override').textContent()).resolves.toContain('김법무 님의 판정');
    await expect(item.getByTestId('override').textContent()).resolves.toContain('자동 점검 결과: 없음');
    await expect(page.getByTestId('status-gate').count()).resolves.toBe(0);
    await expect(checksEn().locator('.st-findings li[data-rule="data-charges"]').count()).resolves.toBe(0);
    const [stored] = await api['disclosures:overrides']({ id });
    expect(stored).toMatchObject({ reviewer: '김법무', evidence: { quote: QUOTE }, verdict: 'present' });
    expect((await api['settings:get']({})).reviewerName).toBe('김법무');
    expect(await seriousViolations(page, { include: '.st-two' })).toEqual([]);
  });

  for (const [locale, theme] of [['ko', 'light'], ['ko', 'dark'], ['en', 'light'], ['en', 'dark']] as const) {
    it(`looks right in ${locale}, ${theme}: a highlighted satisfying sentence beside an overruled verdict`, async () => {
      await api['settings:set']({ locale, theme });
      await page.reload();
      await page.getByRole('button', { name: '주문·배송 알림톡 안내' }).click();
      const item = checksKo().locator('li[data-rule="how-to-refuse"][data-state="present"]');
      await item.waitFor();
      await checksEn().locator('li[data-rule="data-charges"][data-override="present"]').waitFor();
      await scrollTop(page);
      await item.locator('button.st-link').focus();
      await expect.poll(() => highlighted(ko())).not.toBe('');
      await screenshot(page, `studio-evidence-${locale}-${theme}`);
      expect(await seriousViolations(page, { include: '.st-two' })).toEqual([]);
    });
  }

  it('withdraws the override: the checks’ own verdict is back', async () => {
    const item = checksEn().locator('.st-checklist li[data-rule="data-charges"]');
    await item.getByRole('button', { name: 'Withdraw' }).click();
    await checksEn().locator('li[data-rule="data-charges"][data-state="missing"]:not([data-override])').waitFor();
    expect(await api['disclosures:overrides']({ id })).toEqual([]);
    expect(await api['disclosures:overrides']({ id, withdrawn: true })).toHaveLength(1);
  });
});
