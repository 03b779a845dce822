import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HandlerContext } from '../../electron/backend/context.ts';
import { inProcessApi } from '../../electron/backend/dispatch.ts';
import { readReviewFile, writeReviewFile } from '../../electron/backend/review/review-file.ts';
import { MemorySettingsStore } from '../../electron/backend/settings-store.ts';
import type { Api } from '../../shared/contract/index.ts';
import { seriousViolations } from './helpers/a11y.ts';
import { screenshot, startApp, type RunningApp } from './helpers/app.ts';
import { download, highlighted, replaceText, selectPhrase, shoot } from './helpers/review.ts';

const TITLE = '주문·배송 알림톡 고지';
/** The phrase the reviewer comments on: it stays in version 2, moved along by an edit before it. */
const PHRASE = '데이터 요금이 들 수 있습니다';
/** An English sentence commented on and then deleted: its thread is orphaned in version 2. */
const GONE = 'On Wi-Fi, you pay nothing.';
const REASON = '요금이 얼마인지 받는 사람 기준으로 더 분명히 적어 주세요.';
const DAY = 86_400_000;

/**
 * A small half-year of canonical exports (Jan–Jun 2016): notifications and consent events from two
 * senders, enough for the Consent page's opt-out chart (and its marker panel) to have data.
 */
function writeFixtures(dir: string): string[] {
  const start = Date.UTC(2016, 0, 4) - 9 * 3_600_000;
  const iso = (ms: number) => new Date(ms).toISOString();
  const notif = ['event_id,sent_at,recipient_id,sender_id,template_id,category,status,bytes,network'];
  const consent = ['event_id,occurred_at,recipient_id,sender_id,action,disclosure_version,source'];
  let id = 0;
  for (let r = 0; r < 60; r++) {
    const recipient = `r${String(r).padStart(3, '0')}`;
    const sender = r % 2 ? 'hanbit-shop' : 'daon-delivery';
    const first = start + (r % 150) * DAY;
    consent.push(`c${++id},${iso(first - 3_600_000)},${recipient},${sender},notice_shown,v1,message`);
    for (let k = 0; k < 4; k++) notif.push(`n${++id},${iso(first + k * 9 * DAY)},${recipient},${sender},T-1,배송,delivered,,cellular`);
    if (r % 7 === 0) consent.push(`c${++id},${iso(first + 20 * DAY)},${recipient},${sender},opt_out,,settings`);
  }
  const files = [
    ['notifications.csv', notif],
    ['consent.csv', consent],
  ] as const;
  return files.map(([name, lines]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, lines.join('\n') + '\n');
    return file;
  });
}

/**
 * A reviewer's tracked change in Word: in the exported document, `from` (inside one run) is struck
 * out and `to` inserted after it, as Word writes `w:del` and `w:ins`.
 */
function trackChange(docx: Uint8Array, from: string, to: string): Uint8Array {
  const files = unzipSync(docx);
  const xml = strFromU8(files['word/document.xml']!);
  const run = (xml.match(/<w:r>(?:(?!<\/w:r>).)*<\/w:r>/gs) ?? []).find((r) => r.includes(from) && r.includes('<w:t'));
  if (!run) throw new Error(`"${from}" is not inside one run of the Word file`);
  const rPr = /<w:rPr>.*?<\/w:rPr>/s.exec(run)?.[0] ?? '';
  const [before, after] = /<w:t[^>]*>(.*?)<\/w:t>/s.exec(run)![1]!.split(from) as [string, string];
  const plain = (t: string) => (t ? `<w:r>${rPr}<w:t xml:space="preserve">${t}</w:t></w:r>` : '');
  const stamp = 'w:author="박검토" w:date="2016-12-05T00:00:00Z"';
  const tracked = `${plain(before)}<w:del w:id="9001" ${stamp}><w:r>${rPr}<w:delText xml:space="preserve">${from}</w:delText></w:r></w:del><w:ins w:id="9002" ${stamp}><w:r>${rPr}<w:t xml:space="preserve">${to}</w:t></w:r></w:ins>${plain(after)}`;
  files['word/document.xml'] = strToU8(xml.replace(run, tracked));
  return zipSync(files);
}

describe('the legal review in Chromium, in Korean', () => {
  let app: RunningApp;
  let page: Page;
  let api: Api;
  let id = 0;
  const ko = () => page.locator('.st-editor-col').nth(0);
  const en = () => page.locator('.st-editor-col').nth(1);
  const statusForm = () => page.getByTestId('status-form');
  const badge = () => page.locator('.st-header .st-status');
  const tab = (name: string) => page.getByRole('tab', { name });
  const threadCard = (quote: string) => page.locator('article.rv-thread', { has: page.locator('blockquote', { hasText: quote }) });

  /** Opens a step's confirm form from the status control (once it is enabled). */
  async function step(name: string): Promise<Locator> {
    const button = page.getByRole('group', { name: '상태 바꾸기' }).getByRole('button', { name, exact: true });
    await expect.poll(() => button.isEnabled()).toBe(true);
    await button.click();
    await statusForm().waitFor();
    return statusForm();
  }

  /** Opens the disclosure from the list (after a reload). */
  async function openDisclosure(title = TITLE): Promise<void> {
    await page.getByRole('button', { name: title, exact: true }).click();
    await page.locator('.st-header').waitFor();
  }

  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1600, height: 1100 } });
    page = app.page;
    api = inProcessApi(app.bridge.ctx);
    const fixtures = fs.mkdtempSync(path.join(app.dir, 'fixtures-'));
    const workspace = path.join(app.dir, 'review.sqlite');
    execFileSync(process.execPath, ['bin/notice-desk.js', 'import', ...writeFixtures(fixtures), '--workspace', workspace, '--json'], { encoding: 'utf8' });
    await api['workspace:open']({ path: workspace });
    await api['metrics:setFilters']({ preset: 'custom', from: '2016-01-01', to: '2016-06-30', by: 'week' });
    await api['settings:set']({ locale: 'ko', theme: 'light', reviewerName: '' });
    await page.goto(`${app.bridge.url}#/disclosures`);
    await page.reload();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('creates a disclosure and submits it for review, giving the name the step is recorded with', async () => {
    await page.getByRole('heading', { name: '고지문', level: 1 }).waitFor();
    await page.getByRole('button', { name: '만들기' }).click();
    await page.getByTestId('checks-ko').locator('li[data-rule="data-charges"][data-state="present"]').waitFor();
    const title = page.getByRole('textbox', { name: '제목', exact: true });
    await title.fill(TITLE);
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('saved');
    id = (await api['disclosures:list']({}))[0]!.id;

    const form = await step('검토 요청');
    const confirm = form.getByRole('button', { name: '검토 요청하기' });
    await expect(confirm.isDisabled()).resolves.toBe(true);
    await form.getByRole('textbox', { name: '이름' }).fill('김법무');
    await confirm.click();
    await expect.poll(() => badge().getAttribute('data-status')).toBe('in-review');
    // The name is saved once the step has succeeded (StatusControl), a moment after the badge changes.
    await expect.poll(async () => (await api['settings:get']({})).reviewerName).toBe('김법무');
    await expect(page.getByTestId('text-locked').textContent()).resolves.toContain('검토 중에는 잠깁니다');
    const versions = await api['review:versions']({ id });
    expect(versions).toMatchObject([{ number: 1, author: '김법무', title: TITLE }]);
  });

  it('comments on a selected phrase of version 1, and hovering the thread highlights it in the editor', async () => {
    await page.locator('[data-tab="threads"]').click();
    const textKo = page.getByTestId('version-text-ko');
    await expect.poll(() => textKo.textContent()).toContain(PHRASE);
    await selectPhrase(textKo, PHRASE);
    await page.getByText(`선택한 부분: “${PHRASE}”`).waitFor();
    await page.getByRole('button', { name: '의견 남기기' }).click();
    await page.getByRole('textbox', { name: '의견', exact: true }).fill('“들 수 있습니다”보다 얼마가 드는지를 먼저 보여 주세요.');
    await page.getByRole('button', { name: '의견 추가' }).click();
    await threadCard(PHRASE).waitFor();
    await expect(textKo.locator('mark').first().textContent()).resolves.toBe(PHRASE);

    await selectPhrase(page.getByTestId('version-text-en'), GONE);
    await page.getByRole('button', { name: '의견 남기기' }).click();
    await page.getByRole('textbox', { name: '의견', exact: true }).fill('와이파이에서도 요금이 드는 요금제가 있지 않나요?');
    await page.getByRole('button', { name: '의견 추가' }).click();
    await threadCard(GONE).waitFor();

    await threadCard(PHRASE).hover();
    await expect.poll(() => highlighted(ko())).toBe(PHRASE);
    await page.mouse.move(0, 0);
    await expect.poll(() => highlighted(ko())).toBe('');
    expect(await seriousViolations(page, { include: '.rv-area' })).toEqual([]);
  });

  it('requests changes with a reason, which is required', async () => {
    const form = await step('수정 요청');
    const confirm = form.getByRole('button', { name: '수정 요청하며 돌려보내기' });
    await expect(confirm.isDisabled()).resolves.toBe(true);
    await form.getByRole('textbox', { name: '고쳐야 할 점' }).fill(REASON);
    await shoot(page, page.locator('.st-header'), 'review-status-form-ko-light');
    await confirm.click();
    await expect.poll(() => badge().getAttribute('data-status')).toBe('changes-requested');
    expect(await api['review:decisions']({ id })).toMatchObject([{ versionNumber: 1, decision: 'changes-requested', reviewer: '김법무', reason: REASON }]);
  });

  it('edits the text, submits it again, and the thread re-anchors on version 2 while the deleted sentence’s thread is orphaned', async () => {
    const before = await api['disclosures:get']({ id });
    const koText = before.koText.replace('**알림톡을 받으면 데이터 요금이', '**알림톡 메시지를 받으면 데이터 요금이');
    const enText = before.enText.replace(` ${GONE}`, '');
    expect(koText).not.toBe(before.koText);
    expect(enText).not.toBe(before.enText);
    await replaceText(page, ko(), koText);
    await replaceText(page, en(), enText);
    await expect.poll(() => page.getByTestId('save-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('saved');

    const form = await step('다시 검토 요청');
    await form.getByRole('button', { name: '다시 검토 요청하기' }).click();
    await expect.poll(() => badge().getAttribute('data-status')).toBe('in-review');
    expect((await api['review:versions']({ id })).map((v) => v.number)).toEqual([1, 2]);

    await page.locator('[data-tab="threads"]').click();
    await page.getByRole('option', { name: '2번 버전(최신)' }).waitFor({ state: 'attached' });
    const moved = threadCard(PHRASE);
    await expect.poll(() => moved.getAttribute('data-state')).toBe('exact');
    await expect(moved.textContent()).resolves.toContain('1번 버전에 남긴 의견');
    const v2 = await api['review:version']({ id, number: 2 });
    const placed = (await api['review:threads']({ id })).threads.find((t) => t.anchor.quote === PHRASE)!;
    expect(placed.placed.start).toBe(v2.koText.indexOf(PHRASE));
    expect(placed.placed.start).not.toBe(placed.anchor.start);
    await expect(page.getByTestId('version-text-ko').locator('mark').first().textContent()).resolves.toBe(PHRASE);
    const orphans = page.getByTestId('orphaned-panel');
    await expect(orphans.textContent()).resolves.toContain('위치를 잃은 의견 (1)');
    await expect(orphans.locator('blockquote').textContent()).resolves.toBe(GONE);
  });

  it('exports the comments of the filter shown as CSV and JSON downloads', async () => {
    await page.locator('[data-filter="all"]').click();
    const csv = await download(app, () => page.locator('[data-export-threads="csv"]').click());
    const text = fs.readFileSync(csv, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('thread_id');
    expect(text).toContain(PHRASE);
    expect(text).toContain(GONE);
    await page.locator('[data-filter="orphaned"]').click();
    const json = JSON.parse(fs.readFileSync(await download(app, () => page.locator('[data-export-threads="json"]').click()), 'utf8')) as { placedOnVersion: number; threads: { anchor: { quote: string } }[] };
    expect(json.placedOnVersion).toBe(2);
    expect(json.threads.map((t) => t.anchor.quote)).toEqual([GONE]);
    await page.locator('[data-filter="open"]').click();
  });

  it('compares version 1 with version 2 and flags that recipients may need to be asked again', async () => {
    await tab('버전 비교').click();
    const flag = page.getByTestId('ask-again');
    await flag.waitFor();
    await expect(flag.textContent()).resolves.toContain('수신자에게 다시 동의를 받아야 할 수 있습니다');
    await expect(flag.textContent()).resolves.toContain('데이터 요금');
    expect((await page.getByTestId('diff-ko').locator('ins').allTextContents()).join('')).toContain('메시지를');
    expect((await page.getByTestId('diff-en').locator('del').allTextContents()).join('')).toContain('Wi-Fi');
    expect(await seriousViolations(page, { include: '.rv-area' })).toEqual([]);
  });

  for (const [locale, theme] of [['ko', 'light'], ['ko', 'dark'], ['en', 'light'], ['en', 'dark']] as const) {
    it(`looks right in ${locale}, ${theme}: threads, the compare flag, the orphaned panel`, async () => {
      await api['settings:set']({ locale, theme });
      await page.reload();
      await openDisclosure();
      const threads = page.getByTestId('review-threads');
      await threads.waitFor();
      // Focus (not the pointer) keeps the thread active while the screenshot grows the viewport.
      await threadCard(PHRASE).locator('button').last().focus();
      await expect.poll(() => highlighted(ko())).toBe(PHRASE);
      await shoot(page, page.locator('.st-main'), `review-threads-${locale}-${theme}`);
      await page.locator('[data-filter="orphaned"]').click();
      await page.getByTestId('orphaned-panel').waitFor();
      await shoot(page, page.locator('.rv-area'), `review-orphans-${locale}-${theme}`);
      await page.locator('[data-filter="open"]').click();
      await page.locator('[data-tab="compare"]').click();
      await page.getByTestId('ask-again').waitFor();
      await shoot(page, page.locator('.rv-area'), `review-diff-${locale}-${theme}`);
      const text = await page.locator('.st-studio').innerText();
      expect(text).not.toMatch(/\breview\.[a-z]/); // no untranslated keys
      expect(await seriousViolations(page, { include: '.rv-area' })).toEqual([]);
    });
  }

  it('writes a review file and a Word file as downloads, and a reviewer’s reply in the review file merges once: importing it again adds nothing', async () => {
    await api['settings:set']({ locale: 'ko', theme: 'light' });
    await page.reload();
    await openDisclosure();
    await tab('검토 보내기').click();
    const review = await download(app, () => page.getByRole('button', { name: '검토 파일(.noticereview) 만들기' }).click());
    expect(review.endsWith('.noticereview')).toBe(true);
    const docx = await download(app, () => page.getByRole('button', { name: 'Word 파일(.docx) 만들기' }).click());
    expect(docx.endsWith('.docx')).toBe(true);
    expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe('PK');

    // A reviewer on another computer answers the thread in the review file.
    const pkg = readReviewFile(fs.readFileSync(review), path.basename(review));
    expect(pkg.version.number).toBe(2);
    const thread = pkg.threads.find((t) => t.anchor.quote === PHRASE)!;
    thread.comments.push({ id: randomUUID(), threadId: thread.id, author: '박검토', body: '금액을 먼저 쓰는 데 동의합니다.', createdAt: Date.now(), editedAt: null, deletedAt: null });
    const answered = path.join(app.dir, 'downloads', `answered-${path.basename(review)}`);
    fs.writeFileSync(answered, writeReviewFile(pkg));

    for (const [round, replies] of [[1, '1'], [2, '0']] as const) {
      await page.getByTestId('review-import').setInputFiles(answered);
      const summary = page.getByTestId('merge-summary');
      await expect.poll(() => summary.locator('[data-count="replies"] dd').textContent(), { message: `round ${round}: replies` }).toBe(replies);
      await expect(summary.textContent()).resolves.toContain(path.basename(answered));
      await expect(summary.locator('[data-count="threads"] dd').textContent(), `round ${round}: threads`).resolves.toBe('0');
      await expect(summary.locator('[data-count="decisions"] dd').textContent(), `round ${round}: decisions`).resolves.toBe('0');
      if (round === 1) await shoot(page, page.locator('.rv-area'), 'review-exchange-ko-light');
      else await expect(summary.textContent()).resolves.toContain('새로운 내용이 없습니다');
    }
    const threads = (await api['review:threads']({ id })).threads;
    expect(threads).toHaveLength(2);
    expect(threads.find((t) => t.anchor.quote === PHRASE)!.comments.map((c) => c.author)).toEqual(['김법무', '박검토']);
    await page.locator('[data-tab="threads"]').click();
    await expect(threadCard(PHRASE).textContent()).resolves.toContain('금액을 먼저 쓰는 데 동의합니다.');
  });

  it('shows a Word reviewer’s tracked change as a suggestion against version 2, and starts a new draft from it only when asked', async () => {
    const docx = fs.readdirSync(path.join(app.dir, 'downloads')).find((f) => f.endsWith('.docx'))!;
    const from = '와이파이로 받으면 데이터 요금이 들지 않습니다.';
    const to = '와이파이로 받으면 데이터 요금이 들지 않습니다(요금제에 따라 다를 수 있음).';
    const reviewed = path.join(app.dir, 'downloads', `tracked-${docx}`);
    fs.writeFileSync(reviewed, trackChange(fs.readFileSync(path.join(app.dir, 'downloads', docx)), from, to));
    await page.locator('[data-tab="exchange"]').click();
    await page.getByTestId('review-import').setInputFiles(reviewed);
    const suggestion = page.getByTestId('suggestion');
    await suggestion.waitFor();
    await expect(page.getByTestId('merge-summary').textContent()).resolves.toContain('Word 파일');
    await expect.poll(async () => (await suggestion.locator('ins').allTextContents()).join('')).toContain('요금제에 따라 다를 수 있음');
    expect((await api['disclosures:get']({ id })).koText).not.toContain('요금제에 따라 다를 수 있음');
    await shoot(page, page.locator('.rv-area'), 'review-suggestion-ko-light');
    await suggestion.getByRole('button', { name: '이 수정으로 새 초안 만들기' }).click();
    await expect.poll(() => badge().getAttribute('data-status')).toBe('draft');
    const list = await api['disclosures:list']({});
    const draft = list.find((d) => d.id !== id)!;
    expect(draft.derivedFrom).toBe(id);
    expect((await api['disclosures:get']({ id: draft.id })).koText).toContain(to);
    await expect(page.getByRole('textbox', { name: '제목', exact: true }).inputValue()).resolves.toBe(draft.title);
    expect((await api['disclosures:get']({ id })).status).toBe('in-review');
    await page.getByRole('button', { name: /고지문 목록/ }).click();
    await openDisclosure();
    await expect.poll(() => badge().getAttribute('data-status')).toBe('in-review');
  });

  it('approves version 2 (the text stays locked), publishes it with an effective day, and its marker is on the opt-out chart', async () => {
    const approve = await step('승인');
    await approve.getByRole('button', { name: '이 버전 승인하기' }).click();
    await expect.poll(() => badge().getAttribute('data-status')).toBe('approved');
    await expect(page.getByTestId('text-locked').textContent()).resolves.toContain('잠김');
    await ko().locator('.cm-content').click();
    await page.keyboard.insertText('고침');
    await expect(ko().locator('.cm-content').textContent()).resolves.not.toContain('고침');
    expect((await api['disclosures:get']({ id })).koText).not.toContain('고침');
    await page.getByTestId('new-draft').waitFor();

    const publish = await step('게시…');
    await publish.getByLabel('효력 발생일').fill('2016-04-01');
    await publish.getByRole('button', { name: '게시하기' }).click();
    await expect.poll(() => badge().getAttribute('data-status')).toBe('published');
    const published = await api['disclosures:get']({ id });
    expect(new Date(published.effectiveAt!).toISOString()).toBe('2016-03-31T15:00:00.000Z');

    await tab('이력').click();
    await expect(page.getByTestId('decision-list').textContent()).resolves.toContain(REASON);
    await shoot(page, page.locator('.rv-area'), 'review-history-ko-light');
    await expect(page.getByTestId('version-table').locator('tbody tr').count()).resolves.toBe(2);
    await expect(page.getByTestId('effective-at').textContent()).resolves.toContain('2016. 4. 1.');

    await page.evaluate(() => {
      window.location.hash = '#/consent';
    });
    const chip = page.locator('.marker-chip.marker-disclosure', { hasText: TITLE });
    await chip.waitFor({ timeout: 60_000 });
    await shoot(page, page.locator('.chart-card').first(), 'review-marker-ko-light');
    await expect(chip.textContent()).resolves.toContain('2016-04-01');
  });

  it('keeps every step in the audit trail, and the chain verifies in Settings', async () => {
    await page.evaluate(() => {
      window.location.hash = '#/settings';
    });
    const trail = page.getByTestId('audit-trail');
    await trail.waitFor();
    await trail.getByRole('button', { name: '검증' }).click();
    await expect(page.getByTestId('audit-ok').textContent()).resolves.toContain('사슬이 검증되었습니다');
    await shoot(page, page.locator('section[aria-labelledby="settings-audit"]'), 'review-audit-ko-light');
    const actions = await trail.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    for (const a of ['status', 'version', 'decision', 'comment', 'export']) expect(actions).toContain(a);
  });
});

describe('a reviewer with no workspace, in Chromium, in Korean', () => {
  let app: RunningApp;
  let page: Page;
  let author: HandlerContext;
  let authorApi: Api;
  let authorWorkspace = '';
  let sent = '';
  let saved = '';
  let id = 0;
  const COMMENT = '요금이 얼마인지 숫자로 먼저 적어 주세요.';
  const SENDBACK = '데이터 요금을 금액으로 적은 뒤 다시 보내 주세요.';
  const threadCard = (quote: string) => page.locator('article.rv-thread', { has: page.locator('blockquote', { hasText: quote }) });
  const badge = () => page.locator('.st-header .st-status');

  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1600, height: 1100 } });
    page = app.page;
    // The author's workspace, on their computer: a disclosure in review, sent as a review file.
    author = new HandlerContext({ transport: 'in-process', settings: new MemorySettingsStore(), emit: () => {} });
    authorApi = inProcessApi(author);
    authorWorkspace = path.join(app.dir, 'author.sqlite');
    await authorApi['workspace:create']({ path: authorWorkspace });
    id = (await authorApi['disclosures:create']({ surface: 'alimtalk', title: TITLE })).id;
    await authorApi['disclosures:setStatus']({ id, status: 'in-review', actor: '이작성' });
    sent = path.join(app.dir, 'outbox', '배송 알림 검토.noticereview');
    fs.mkdirSync(path.dirname(sent), { recursive: true });
    await authorApi['review:exportFile']({ id, format: 'noticereview', path: sent, actor: '이작성' });
    await author.close();
    await inProcessApi(app.bridge.ctx)['settings:set']({ locale: 'ko', theme: 'light', reviewerName: '박검토' });
    await page.reload();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens the review file from the welcome screen as a private session holding just that disclosure', async () => {
    const open = page.getByRole('button', { name: '검토 파일 열기' });
    await open.waitFor();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), open.click()]);
    await chooser.setFiles(sent);
    await page.getByRole('link', { name: '고지문' }).click();
    await page.getByRole('button', { name: TITLE, exact: true }).click();
    await page.locator('.st-header').waitFor();
    await expect.poll(() => badge().getAttribute('data-status')).toBe('in-review');
    const current = await inProcessApi(app.bridge.ctx)['workspace:current']({});
    expect(current?.reviewFile).toMatchObject({ fileName: path.basename(sent), disclosureId: id });
    expect(current?.path).not.toBe(authorWorkspace);
  });

  it('comments on words of the version and requests changes with a reason, in the reviewer’s name', async () => {
    await page.locator('[data-tab="threads"]').click();
    const textKo = page.getByTestId('version-text-ko');
    await expect.poll(() => textKo.textContent()).toContain(PHRASE);
    await selectPhrase(textKo, PHRASE);
    await page.getByRole('button', { name: '의견 남기기' }).click();
    await page.getByRole('textbox', { name: '의견', exact: true }).fill(COMMENT);
    await page.getByRole('button', { name: '의견 추가' }).click();
    await threadCard(PHRASE).waitFor();
    await expect(threadCard(PHRASE).textContent()).resolves.toContain('박검토');

    const button = page.getByRole('group', { name: '상태 바꾸기' }).getByRole('button', { name: '수정 요청', exact: true });
    await expect.poll(() => button.isEnabled()).toBe(true);
    await button.click();
    const form = page.getByTestId('status-form');
    await form.getByRole('textbox', { name: '고쳐야 할 점' }).fill(SENDBACK);
    await form.getByRole('button', { name: '수정 요청하며 돌려보내기' }).click();
    await expect.poll(() => badge().getAttribute('data-status')).toBe('changes-requested');
    expect(await seriousViolations(page, { include: '.rv-area' })).toEqual([]);
  });

  for (const [locale, theme] of [['ko', 'light'], ['en', 'dark']] as const) {
    it(`shows the session in ${locale}, ${theme}: its status, its open comment and the Send tab offering to save the review file`, async () => {
      await inProcessApi(app.bridge.ctx)['settings:set']({ locale, theme });
      await page.reload();
      await page.getByRole('button', { name: TITLE, exact: true }).click();
      await page.locator('[data-tab="exchange"]').click();
      const session = page.getByTestId('review-file-session');
      await session.waitFor();
      await expect(session.textContent()).resolves.toContain(path.basename(sent));
      await expect.poll(() => badge().getAttribute('data-status')).toBe('changes-requested');
      await expect(page.locator('[data-tab="threads"]').textContent()).resolves.toContain('1');
      await screenshot(page, `review-session-${locale}-${theme}`, { fitViewport: true });
      expect(await page.locator('.st-studio').innerText()).not.toMatch(/\breview\.[a-z]/);
      expect(await seriousViolations(page, { include: '.rv-area' })).toEqual([]);
    });
  }

  it('saves the review file (a download) with the comment and the decision', async () => {
    await inProcessApi(app.bridge.ctx)['settings:set']({ locale: 'ko', theme: 'light' });
    await page.reload();
    await page.getByRole('button', { name: TITLE, exact: true }).click();
    await page.locator('[data-tab="exchange"]').click();
    saved = await download(app, () => page.getByRole('button', { name: '검토 파일 저장' }).click());
    expect(path.basename(saved)).toBe(path.basename(sent));
    await expect(page.getByTestId('review-exchange').textContent()).resolves.toContain('파일을 저장했습니다');
    const pkg = readReviewFile(fs.readFileSync(saved), path.basename(saved));
    expect(pkg.threads.map((t) => [t.anchor.quote, t.comments.map((c) => [c.author, c.body])])).toEqual([[PHRASE, [['박검토', COMMENT]]]]);
    expect(pkg.decisions).toMatchObject([{ versionNumber: 1, decision: 'changes-requested', reviewer: '박검토', reason: SENDBACK }]);
  });

  it('imported back into the author’s workspace, it merges once: the thread and the decision, then nothing new', async () => {
    await inProcessApi(app.bridge.ctx)['workspace:open']({ path: authorWorkspace });
    await page.reload();
    await page.getByRole('link', { name: '고지문' }).click();
    await page.getByRole('button', { name: TITLE, exact: true }).click();
    await page.locator('[data-tab="exchange"]').click();
    await expect(page.getByTestId('review-file-session').count()).resolves.toBe(0);
    for (const [round, added] of [[1, '1'], [2, '0']] as const) {
      await page.getByTestId('review-import').setInputFiles(saved);
      const summary = page.getByTestId('merge-summary');
      await expect.poll(() => summary.locator('[data-count="decisions"] dd').textContent(), { message: `round ${round}: decisions` }).toBe(added);
      await expect(summary.locator('[data-count="threads"] dd').textContent(), `round ${round}: threads`).resolves.toBe(added);
      await expect(summary.locator('[data-count="replies"] dd').textContent(), `round ${round}: replies`).resolves.toBe('0');
      if (round === 2) await expect(summary.textContent()).resolves.toContain('새로운 내용이 없습니다');
    }
    const api = inProcessApi(app.bridge.ctx);
    expect((await api['disclosures:get']({ id })).status).toBe('changes-requested');
    await expect.poll(() => badge().getAttribute('data-status')).toBe('changes-requested');
    expect(await api['review:decisions']({ id })).toMatchObject([{ decision: 'changes-requested', reviewer: '박검토', reason: SENDBACK }]);
    const threads = (await api['review:threads']({ id })).threads;
    expect(threads.map((t) => [t.anchor.quote, t.comments.map((c) => c.body)])).toEqual([[PHRASE, [COMMENT]]]);
  });
});
