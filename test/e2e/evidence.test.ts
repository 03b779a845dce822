import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessApi } from '../../electron/backend/dispatch.ts';
import type { Api } from '../../shared/contract/index.ts';
import { seriousViolations } from './helpers/a11y.ts';
import { shootElement, startApp, type RunningApp } from './helpers/app.ts';

const TITLE = '주문·배송 알림톡 데이터 요금 고지';
/** The day the approved notice takes effect, inside the demo's half-year (Asia/Seoul midnight). */
const EFFECTIVE = Date.UTC(2016, 2, 1) - 9 * 3_600_000;

/** Saves the download `action` triggers into the run's folder and returns its path. */
async function download(app: RunningApp, action: () => Promise<void>): Promise<string> {
  const [dl] = await Promise.all([app.page.waitForEvent('download', { timeout: 170_000 }), action()]);
  const file = path.join(app.dir, 'downloads', dl.suggestedFilename());
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await dl.saveAs(file);
  return file;
}

/** The entry of an unzipped pack whose path ends with `name` (the zip holds the pack's folder). */
function entry(files: Record<string, Uint8Array>, name: string): [string, Uint8Array] {
  const found = Object.entries(files).find(([p]) => p === name || p.endsWith(`/${name}`));
  if (!found) throw new Error(`${name} is not in the pack: ${Object.keys(files).join(', ')}`);
  return found;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('the evidence pack in Chromium, in Korean', () => {
  let app: RunningApp;
  let page: Page;
  let api: Api;
  let zip = '';
  let manifestHash = '';
  const dialog = () => page.getByRole('dialog', { name: '증거 자료 묶음' });

  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1440, height: 1000 } });
    page = app.page;
    api = inProcessApi(app.bridge.ctx);
    process.env.NOTICE_DESK_DEMO_PATH = path.join(app.dir, 'demo.sqlite');
    // The demo workspace: six months of sample exports through the real importer, filters on 2016-01-01 – 2016-06-30.
    await api['demo:create']({});
    const d = await api['disclosures:create']({ surface: 'alimtalk' });
    await api['disclosures:update']({ id: d.id, title: TITLE });
    await api['disclosures:setStatus']({ id: d.id, status: 'in-review', actor: '이작성' });
    await api['disclosures:setStatus']({ id: d.id, status: 'approved', actor: '김법무' });
    await api['disclosures:setStatus']({ id: d.id, status: 'published', actor: '김법무', effectiveAt: EFFECTIVE });
    await api['settings:set']({ locale: 'ko', theme: 'light', reviewerName: '김법무' });
    await page.goto(`${app.bridge.url.split('?')[0]}#/overview`);
    await page.reload();
  });
  afterAll(async () => {
    delete process.env.NOTICE_DESK_DEMO_PATH;
    await app?.close();
  });

  it('opens from the Overview with the page’s period and Korean as the summary’s language', async () => {
    await page.getByRole('heading', { name: '개요', level: 1 }).waitFor();
    await page.getByRole('heading', { name: '핵심 지표' }).waitFor();
    await page.screenshot({ path: path.resolve('test-results', 'screenshots', 'evidence-overview-button-ko-light.png'), clip: { x: 0, y: 0, width: 1440, height: 330 } });
    expect(await seriousViolations(page, { include: '.evidence-entry' })).toEqual([]);
    await page.getByRole('button', { name: '증거 자료 묶음' }).click();
    await dialog().waitFor();
    // The page's period (filled in as soon as the page has its filter).
    await expect.poll(() => dialog().getByLabel('시작일').inputValue()).toBe('2016-01-01');
    await expect(dialog().getByLabel('종료일').inputValue()).resolves.toBe('2016-06-30');
    await expect(dialog().getByRole('radio', { name: '한국어' }).isChecked()).resolves.toBe(true);
    await expect(dialog().textContent()).resolves.toContain('화면에 보이는 기간으로 채웠습니다.');
    expect(await seriousViolations(page, { include: '.dialog' })).toEqual([]);
    await shootElement(page, page.locator('.dialog'), 'evidence-dialog-ko-light');
  });

  it('writes the pack: the zip downloads, and the dialog shows its file, file count and the manifest hash to record', async () => {
    zip = await download(app, () => dialog().getByRole('button', { name: '묶음 만들기', exact: true }).click());
    expect(zip.endsWith('.zip')).toBe(true);
    const result = dialog().getByTestId('evidence-result');
    await result.waitFor();
    manifestHash = (await result.getByTestId('evidence-hash').textContent()) ?? '';
    expect(manifestHash).toMatch(/^[0-9a-f]{64}$/);

    const files = unzipSync(fs.readFileSync(zip));
    const [, manifestBytes] = entry(files, 'manifest.json');
    expect(sha256(manifestBytes)).toBe(manifestHash);
    const manifest = JSON.parse(strFromU8(manifestBytes)) as { files: { path: string; sha256: string }[]; period: { from: string; to: string } };
    expect(manifest.period).toMatchObject({ from: '2016-01-01', to: '2016-06-30' });
    await expect(result.getByTestId('evidence-files').textContent()).resolves.toContain(`파일 ${manifest.files.length + 1}개`);
    await expect(result.getByTestId('evidence-where').textContent()).resolves.toBe(`${path.basename(zip)} 파일로 내려받았습니다.`);
    await expect(result.textContent()).resolves.toContain('이 해시를 묶음과 따로, 바뀔 수 없는 곳에 적어 두세요');
    // Events and a published notice in the period: no warning.
    await expect(result.getByTestId('evidence-empty-events').count()).resolves.toBe(0);
    await expect(result.getByTestId('evidence-empty-disclosures').count()).resolves.toBe(0);
    // The audit trail records who wrote which pack (Settings' name) with its manifest hash.
    const audit = (await api['audit:list']({ limit: 5 })).find((e) => e.subject === 'evidence');
    expect(audit).toMatchObject({ action: 'export', actor: '김법무', details: { manifestSha256: manifestHash, language: 'ko' } });
    expect(await seriousViolations(page, { include: '.dialog' })).toEqual([]);
    await shootElement(page, page.locator('.dialog'), 'evidence-result-ko-light');
  });

  it('holds a Korean summary.pdf naming the notice in force and the period’s notifications', async () => {
    const files = unzipSync(fs.readFileSync(zip));
    const [, pdf] = entry(files, 'summary.pdf');
    const pdfFile = path.join(app.dir, 'downloads', 'summary.pdf');
    fs.writeFileSync(pdfFile, pdf);
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    expect(text).toContain(TITLE);
    expect(text).toContain('김법무');
    expect(text).toMatch(/[가-힣]{2,}/);
    const overview = await api['metrics:overview']({ from: '2016-01-01', to: '2016-06-30', by: 'month', senders: [], categories: [] });
    const sent = overview.cards.find((c) => c.id === 'notifications')!.value!;
    expect(sent).toBeGreaterThan(10_000);
    expect(text.replace(/\s+/g, ' ')).toContain(new Intl.NumberFormat('ko-KR').format(sent));

    const out = path.resolve('test-results', 'screenshots', 'evidence-summary-ko');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '1', '-singlefile', pdfFile, out]);
    expect(fs.statSync(`${out}.png`).size).toBeGreaterThan(10_000);
  });

  it('checks the downloaded pack in the app against the recorded hash: intact', async () => {
    await dialog().getByRole('button', { name: '이 묶음 검증하기' }).click();
    await expect(dialog().getByRole('tab', { name: '묶음 검증' }).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(dialog().getByLabel('적어 둔 manifest SHA-256(선택)').inputValue()).resolves.toBe(manifestHash);
    await dialog().getByTestId('evidence-verify-file').setInputFiles(zip);
    await dialog().getByRole('button', { name: '검증', exact: true }).click();
    const ok = dialog().getByTestId('evidence-verify-ok');
    await ok.waitFor({ timeout: 60_000 });
    await expect(ok.textContent()).resolves.toContain('묶음이 온전합니다');
    await expect(ok.textContent()).resolves.toContain('manifest도 적어 둔 해시와 일치합니다');
    await expect(ok.textContent()).resolves.toContain(manifestHash);
  });

  it('checks an altered copy: the altered file is named with both hashes', async () => {
    const files = unzipSync(fs.readFileSync(zip));
    const [csvPath, csv] = entry(files, 'figures.csv');
    files[csvPath] = strToU8(strFromU8(csv).replace(/\d(?=[^\d]*$)/, (d) => String((Number(d) + 1) % 10)));
    const altered = path.join(app.dir, 'downloads', 'altered-pack.zip');
    fs.writeFileSync(altered, zipSync(files));

    await dialog().getByTestId('evidence-verify-file').setInputFiles(altered);
    await dialog().getByRole('button', { name: '검증', exact: true }).click();
    const bad = dialog().getByTestId('evidence-verify-bad');
    await bad.waitFor({ timeout: 60_000 });
    await expect(bad.textContent()).resolves.toContain('묶음이 검증되지 않습니다.');
    const item = bad.locator('li[data-kind="altered"]');
    await expect(item.count()).resolves.toBe(1);
    await expect(item.getAttribute('data-path')).resolves.toMatch(/figures\.csv$/);
    await expect(item.textContent()).resolves.toContain(sha256(csv));
    await expect(item.textContent()).resolves.toContain(sha256(files[csvPath]!));
    await expect(bad.locator('li[data-kind="missing"], li[data-kind="extra"]').count()).resolves.toBe(0);
    // The manifest is the recorded one: the file was changed after the pack was written.
    await expect(bad.getByTestId('evidence-manifest-match').count()).resolves.toBe(1);
    expect(await seriousViolations(page, { include: '.dialog' })).toEqual([]);
    await shootElement(page, page.locator('.dialog'), 'evidence-verify-ko-light');
  });

  it('opens from the Disclosures page in English, dark, with the workspace’s whole range', async () => {
    await api['settings:set']({ locale: 'en', theme: 'dark' });
    await page.goto(`${app.bridge.url.split('?')[0]}#/disclosures`);
    await page.reload();
    await page.getByRole('heading', { name: 'Disclosures', level: 1 }).waitFor();
    await page.getByRole('button', { name: TITLE }).waitFor();
    await page.screenshot({ path: path.resolve('test-results', 'screenshots', 'evidence-disclosures-button-en-dark.png'), clip: { x: 0, y: 0, width: 1440, height: 330 } });
    expect(await seriousViolations(page, { include: '.st-list-head' })).toEqual([]);
    await page.getByRole('button', { name: 'Evidence pack' }).click();
    const en = page.getByRole('dialog', { name: 'Evidence pack' });
    await en.waitFor();
    const dims = await api['metrics:dimensions']({});
    await expect.poll(() => en.getByLabel('From').inputValue()).toBe(dims.firstDate);
    await expect(en.getByLabel('To').inputValue()).resolves.toBe(dims.lastDate);
    await expect(en.getByRole('radio', { name: 'English' }).isChecked()).resolves.toBe(true);
    await expect(en.textContent()).resolves.toContain('Filled in with the whole range of the workspace’s data.');
    const text = await en.innerText();
    expect(text).not.toMatch(/\bevidence\.[a-z]/);
    expect(await seriousViolations(page, { include: '.dialog' })).toEqual([]);
    await shootElement(page, page.locator('.dialog'), 'evidence-dialog-en-dark');
    await en.getByRole('tab', { name: 'Check a pack' }).click();
    await en.getByTestId('evidence-verify-file').setInputFiles(path.join(app.dir, 'downloads', 'altered-pack.zip'));
    await en.getByRole('button', { name: 'Check', exact: true }).click();
    await en.getByTestId('evidence-verify-bad').waitFor({ timeout: 60_000 });
    expect(await seriousViolations(page, { include: '.dialog' })).toEqual([]);
    await shootElement(page, page.locator('.dialog'), 'evidence-verify-en-dark');
  });
});
