import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessApi } from '../../electron/backend/dispatch.ts';
import { seriousViolations } from './helpers/a11y.ts';
import { screenshot, startApp, type RunningApp } from './helpers/app.ts';

const SHOTS = path.resolve('test-results', 'screenshots');

/** The text of a CodeMirror editor, read from its rendered lines. */
async function editorText(editor: Locator): Promise<string> {
  return editor.locator('.cm-line').evaluateAll((lines) => lines.map((l) => l.textContent ?? '').join('\n'));
}

/** Replaces the whole text of an editor the way a user would: select all, then type. */
async function replaceText(page: Page, editor: Locator, text: string): Promise<void> {
  await editor.locator('.cm-content').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(text);
}

/** Saves a download triggered by `action` into the run's folder and returns its path. */
async function download(app: RunningApp, action: () => Promise<void>): Promise<string> {
  const [dl] = await Promise.all([app.page.waitForEvent('download'), action()]);
  const file = path.join(app.dir, 'downloads', dl.suggestedFilename());
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await dl.saveAs(file);
  return file;
}

/** Scrolls every scrolled container back to the top, so full-page screenshots start at the header. */
async function scrollTop(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    for (const el of Array.from(document.querySelectorAll('*'))) if (el.scrollTop > 0) el.scrollTop = 0;
  });
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the disclosure studio in browser mode', () => {
  let app: RunningApp;
  let page: Page;
  const requested: string[] = [];
  const ko = () => page.locator('.st-editor-col').nth(0);
  const checksKo = () => page.getByTestId('checks-ko');

  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1600, height: 1000 } });
    page = app.page;
    page.on('request', (req) => requested.push(req.url()));
    const api = inProcessApi(app.bridge.ctx);
    await api['workspace:create']({ path: path.join(app.dir, 'studio.sqlite') });
    await api['settings:set']({ locale: 'ko', theme: 'light' });
    await page.goto(`${app.bridge.url}#/disclosures`);
    // A hash change keeps the loaded page: reload so it reads the workspace and settings set above.
    await page.reload();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('writes a Korean AlimTalk notice from its template and every required element is present', async () => {
    await page.getByRole('heading', { name: '고지문', level: 1 }).waitFor();
    await screenshot(page, 'studio-list-empty-ko');
    await page.getByRole('button', { name: '만들기' }).click();
    await checksKo().locator('li[data-rule="data-charges"][data-state="present"]').waitFor();
    for (const rule of ['service-description', 'data-charges', 'how-to-refuse', 'refusal-consequences']) {
      await expect(checksKo().locator(`li[data-rule="${rule}"]`).getAttribute('data-state')).resolves.toBe('present');
    }
    await expect(checksKo().locator('.st-findings li[data-severity="error"]').count()).resolves.toBe(0);
    await expect(page.getByTestId('save-state').getAttribute('data-state')).resolves.toBe('saved');
  });

  it('breaking the notice (deleting the data-charge sentences) shows the finding, and the suggestion fixes it', async () => {
    const original = await editorText(ko());
    const broken = original
      .split('\n\n')
      .filter((para) => !para.includes('데이터 요금'))
      .join('\n\n');
    expect(broken.length).toBeLessThan(original.length);
    await replaceText(page, ko(), broken);
    const missing = checksKo().locator('li[data-rule="data-charges"][data-state="missing"]');
    await missing.waitFor();
    await expect(checksKo().locator('.st-findings li[data-rule="data-charges"]').count()).resolves.toBe(1);
    await page.getByTestId('save-state').and(page.locator('[data-state="saved"]')).waitFor();
    await scrollTop(page);
    await screenshot(page, 'studio-broken-ko');
    await missing.getByRole('button', { name: '권장 문장 넣기' }).click();
    await checksKo().locator('li[data-rule="data-charges"][data-state="present"]').waitFor();
    await expect(checksKo().locator('.st-findings li[data-rule="data-charges"]').count()).resolves.toBe(0);
    expect(await editorText(ko())).toContain('데이터 요금이 들 수 있습니다');
  });

  it('measures emphasis on the rendered preview: plain text is flagged, bold passes, and CSS that un-bolds it is caught', async () => {
    const emphasisFinding = checksKo().locator('.st-findings li[data-rule="emphasis"]');
    const text = (await editorText(ko())).replaceAll('**', '');
    await replaceText(page, ko(), text);
    await emphasisFinding.first().waitFor();
    expect(await emphasisFinding.count()).toBeGreaterThanOrEqual(1);
    // Make the data-charge and refusal lines bold again: the findings go away.
    const bolded = text
      .split('\n')
      .map((line) => (/데이터 요금이 들 수 있습니다|받고 싶지 않으면/.test(line) ? `**${line}**` : line))
      .join('\n');
    await replaceText(page, ko(), bolded);
    await expect.poll(() => emphasisFinding.count()).toBe(0);
    // The check reads computed style, not the Markdown: a style sheet that un-bolds <strong> is caught.
    const style = await page.addStyleTag({ content: '.pv-md strong { font-weight: 400 !important; }' });
    await page.locator('.pv-range input').first().fill('380');
    await emphasisFinding.first().waitFor();
    await style.evaluate((el) => (el as Element).remove());
    await page.locator('.pv-range input').first().fill('375');
    await expect.poll(() => emphasisFinding.count()).toBe(0);
  });

  it('exports the fixed notice as a PDF', async () => {
    await page.getByTestId('save-state').and(page.locator('[data-state="saved"]')).waitFor();
    const file = await download(app, () => page.locator('button[data-export="pdf"]').click());
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(5_000);
    const out = path.join(SHOTS, 'studio-export-page1');
    fs.mkdirSync(SHOTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', file, out]);
    expect(fs.statSync(`${out}.png`).size).toBeGreaterThan(5_000);
  });

  it('exports HTML and Markdown through the same call', async () => {
    const html = fs.readFileSync(await download(app, () => page.locator('button[data-export="html"]').click()), 'utf8');
    expect(html).toContain('데이터 요금');
    expect(html).not.toMatch(/<script/i);
    const md = fs.readFileSync(await download(app, () => page.locator('button[data-export="md"]').click()), 'utf8');
    expect(md).toContain('데이터 요금');
  });

  it('saves a preview as a PNG of the phone at twice its CSS size', async () => {
    const phone = page.getByTestId('preview-stage').locator('.pv-phone');
    const box = (await phone.boundingBox())!;
    const file = await download(app, () => page.getByRole('button', { name: 'PNG로 저장', exact: true }).click());
    const bytes = fs.readFileSync(file);
    const size = pngSize(bytes);
    expect(size.width).toBe(Math.ceil(box.width) * 2);
    expect(size.height).toBe(Math.ceil(box.height) * 2);
    expect(bytes.length).toBeGreaterThan(20_000);
    fs.copyFileSync(file, path.join(SHOTS, 'studio-png-export.png'));
  });

  it('saves PNGs of all five surfaces in both languages in one go', async () => {
    const names: string[] = [];
    const done = new Promise<void>((resolve) => {
      const onDownload = (dl: { suggestedFilename(): string }) => {
        names.push(dl.suggestedFilename());
        if (names.length === 10) {
          page.off('download', onDownload);
          resolve();
        }
      };
      page.on('download', onDownload);
    });
    await page.getByRole('button', { name: '모든 화면 PNG로 저장' }).click();
    await done;
    expect(names.sort()).toEqual(
      ['alimtalk', 'android', 'install', 'ios', 'settings'].flatMap((s) => [`preview-${s}-en-light.png`, `preview-${s}-ko-light.png`]).sort(),
    );
  });

  it('in real Chromium, Ctrl+B does nothing mid-composition and bolds after it; the find panel opens in Korean', async () => {
    const content = ko().locator('.cm-content');
    const before = await editorText(ko());
    await content.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('\n\n수신');
    await page.keyboard.press('Shift+Home');
    await content.evaluate((el) => el.dispatchEvent(new CompositionEvent('compositionstart', { data: '', bubbles: true })));
    await page.keyboard.press('Control+b');
    expect(await editorText(ko())).toMatch(/\n수신$/);
    await content.evaluate((el) => el.dispatchEvent(new CompositionEvent('compositionend', { data: '', bubbles: true })));
    await page.keyboard.press('Control+b');
    await expect.poll(() => editorText(ko())).toMatch(/\n\*\*수신\*\*$/);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => editorText(ko())).toBe(before);
    await page.getByRole('button', { name: '찾기' }).click();
    await ko().getByRole('textbox', { name: '찾기' }).waitFor();
    await page.keyboard.press('Escape');
  });

  it('fills {{sender_name}} from the workspace value the user sets', async () => {
    await page.locator('.st-vars-panel summary').click();
    await page.locator('.st-var-form label').filter({ hasText: '{{sender_name}}' }).locator('input').fill('예시몰');
    await page.getByRole('button', { name: '값 저장' }).click();
    await page.getByTestId('preview-stage').getByText('[예시몰] 주문하신 상품의 배송').waitFor();
    await page.locator('.st-vars-panel summary').click();
  });

  it('underlines advertising wording in the editor as the user types, and undo takes it away', async () => {
    const content = ko().locator('.cm-content');
    await content.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('\n\n지금 앱을 설치하면 할인 쿠폰을 드려요!');
    await ko().locator('.cm-lintRange-error, .cm-lintRange-warning').first().waitFor();
    await checksKo().locator('.st-findings li[data-rule="advertising"]').first().waitFor();
    await page.keyboard.press('Control+z');
    await expect.poll(() => checksKo().locator('.st-findings li[data-rule="advertising"]').count()).toBe(0);
    await expect.poll(() => ko().locator('.cm-lintRange-error, .cm-lintRange-warning').count()).toBe(0);
  });

  it('shows every preview surface in Korean and English, light and dark', async () => {
    await scrollTop(page);
    await screenshot(page, 'studio-ko-light');
    const stage = page.getByTestId('preview-stage');
    for (const lang of ['ko', 'en'] as const) {
      await page.locator(`.pv-seg button[data-lang="${lang}"]`).click();
      for (const theme of ['light', 'dark'] as const) {
        await page.locator(`.pv-seg button[data-theme-choice="${theme}"]`).click();
        for (const tab of ['alimtalk', 'ios', 'android', 'install', 'settings']) {
          await page.locator(`.pv-tabs button[data-tab="${tab}"]`).click();
          await stage.locator(`.pv-phone[lang="${lang}"][data-pv-theme="${theme}"]`).waitFor();
          await stage.locator('.pv-phone').screenshot({ path: path.join(SHOTS, `studio-preview-${tab}-${lang}-${theme}.png`) });
        }
      }
    }
    await page.locator('.pv-seg button[data-theme-choice="light"]').click();
    await page.locator('.pv-seg button[data-lang="ko"]').click();
    // The narrowest phone with the largest system font: the phone is 320 px wide and text doubles.
    const [width, scale] = [page.locator('.pv-range input').nth(0), page.locator('.pv-range input').nth(1)];
    await width.fill('320');
    await scale.fill('200');
    for (const tab of ['alimtalk', 'ios']) {
      await page.locator(`.pv-tabs button[data-tab="${tab}"]`).click();
      const phone = stage.locator('.pv-phone');
      await expect.poll(async () => (await phone.boundingBox())?.width).toBe(320);
      await phone.screenshot({ path: path.join(SHOTS, `studio-preview-${tab}-ko-320-200.png`) });
    }
    await width.fill('375');
    await scale.fill('100');
    await page.locator('.pv-tabs button[data-tab="alimtalk"]').click();
  });

  it('never asked for anything but the local bridge and inline data (fonts and previews are offline)', () => {
    const origin = new URL(app.bridge.url).origin;
    const remote = requested.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(requested.length).toBeGreaterThan(0);
    expect(remote).toEqual([]);
  });

  it('has no serious accessibility violations in the studio', async () => {
    expect(await seriousViolations(page, { include: '.st-studio' })).toEqual([]);
  });

  it('shows the studio in English with the dark theme', async () => {
    await inProcessApi(app.bridge.ctx)['settings:set']({ locale: 'en', theme: 'dark' });
    await page.reload();
    await page.getByRole('heading', { name: 'Disclosures', level: 1 }).waitFor();
    await screenshot(page, 'studio-list-en-dark');
    await page.locator('.st-open').first().click();
    await page.getByTestId('checks-en').waitFor();
    await page.locator('.pv-seg button[data-lang="en"]').click();
    await scrollTop(page);
    await screenshot(page, 'studio-en-dark');
  });

  it('previews an onboarding notice written from the install template on the onboarding screen', async () => {
    await page.getByRole('button', { name: /All disclosures/ }).click();
    await page.getByRole('combobox', { name: 'Surface' }).selectOption('install');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByTestId('checks-en').locator('li[data-state="missing"]').count();
    await expect.poll(() => page.getByTestId('checks-en').locator('li[data-state="present"]').count()).toBe(4);
    const stage = page.getByTestId('preview-stage');
    await expect(page.locator('.pv-tabs button[data-tab="install"]').getAttribute('aria-selected')).resolves.toBe('true');
    for (const lang of ['en', 'ko'] as const) {
      await page.locator(`.pv-seg button[data-lang="${lang}"]`).click();
      await stage.locator(`.pv-phone[lang="${lang}"]`).waitFor();
      expect(await stage.locator('.pv-onboard-title').count()).toBe(0);
      await stage.locator('.pv-phone').screenshot({ path: path.join(SHOTS, `studio-install-${lang}-light.png`) });
    }
  });
});
