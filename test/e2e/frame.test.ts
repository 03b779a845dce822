import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './helpers/a11y.ts';
import { screenshot, startApp, type RunningApp } from './helpers/app.ts';

/** Waits until <html> carries the given attribute value. */
async function htmlAttr(page: Page, name: string, value: string): Promise<void> {
  await page.waitForFunction(([n, v]) => document.documentElement.getAttribute(n!) === v, [name, value]);
}

async function settingsFile(app: RunningApp): Promise<Record<string, unknown>> {
  return JSON.parse(fs.readFileSync(app.settingsFile, 'utf8')) as Record<string, unknown>;
}

async function waitForSettings(app: RunningApp, check: (s: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
  for (;;) {
    if (fs.existsSync(app.settingsFile)) {
      const s = await settingsFile(app);
      if (check(s)) return s;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the app frame in browser mode', () => {
  let app: RunningApp;
  let dir: string;
  let workspaceFile: string;

  beforeAll(async () => {
    app = await startApp({ colorScheme: 'light' });
    dir = app.dir;
    // The helper makes the run's temp folder browser mode's workspaces folder.
    workspaceFile = path.join(dir, 'policy-review.sqlite');
    app.page.setDefaultTimeout(10_000);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens on the welcome screen in Korean, the first-launch default', async () => {
    const { page } = app;
    await page.getByRole('heading', { level: 1, name: '노티스 데스크에 오신 것을 환영합니다' }).waitFor();
    await htmlAttr(page, 'lang', 'ko');
    await htmlAttr(page, 'data-theme', 'light');
    await screenshot(page, 'frame-welcome-ko-light');
  });

  it('switches to English at run time and saves the choice', async () => {
    const { page } = app;
    await page.getByRole('group', { name: '언어' }).getByRole('button', { name: /EN/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome to Notice Desk' }).waitFor();
    await htmlAttr(page, 'lang', 'en');
    const saved = await waitForSettings(app, (s) => s.locale === 'en');
    expect(saved.locale).toBe('en');
    await screenshot(page, 'frame-welcome-en-light');
  });

  it('creates a workspace by name in browser mode’s own folder, with no path to type', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Create a workspace' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Create a workspace' });
    await dialog.waitFor();
    await page.waitForFunction((d) => document.querySelector('[role="dialog"]')?.textContent?.includes(d) === true, dir);
    expect(await dialog.getByRole('textbox').count()).toBe(1);
    const field = dialog.getByLabel('Workspace name');
    await field.fill('../escape');
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    expect(await dialog.getByRole('alert').textContent()).toContain('"../escape" cannot be a workspace name');
    await field.fill('policy-review');
    await screenshot(page, 'frame-create-dialog-en-light');
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Workspace policy-review' }).waitFor();
    await page.getByText('Asia/Seoul').first().waitFor();
    expect(fs.existsSync(workspaceFile)).toBe(true);
    expect(fs.existsSync(path.join(path.dirname(dir), 'escape.sqlite'))).toBe(false);
    const saved = await waitForSettings(app, (s) => Array.isArray(s.recentWorkspaces) && s.recentWorkspaces.length > 0);
    expect(saved.recentWorkspaces).toEqual([workspaceFile]);
  });

  it('refuses every path the page names itself: a workspace elsewhere, a file to read, an export target, a folder to watch', async () => {
    const { page } = app;
    const outside = fs.mkdtempSync(path.join(path.dirname(dir), 'notice-desk-outside-'));
    const victim = path.join(outside, 'keep.txt');
    fs.writeFileSync(victim, 'precious');
    const codes = await page.evaluate(
      async ([target, file, folder]) => {
        const call = async (name: string, body: unknown) => {
          const res = await fetch(`/api/call/${name}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-notice-desk-token': sessionStorage.getItem('notice-desk-token') ?? '' },
            body: JSON.stringify(body),
          });
          const envelope = (await res.json()) as { ok: boolean; error?: { code: string } };
          return envelope.ok ? 'ok' : envelope.error!.code;
        };
        return [
          await call('workspace:create', { path: target }),
          await call('workspace:open', { path: file }),
          await call('imports:preview', { file: '/etc/passwd' }),
          await call('imports:preview', { file }),
          await call('disclosures:export', { id: 1, format: 'md', path: file }),
          await call('imports:setWatchFolder', { path: folder }),
          await call('settings:set', { recentWorkspaces: [file] }),
        ];
      },
      [path.join(outside, 'planted.sqlite'), victim, outside],
    );
    expect(codes).toEqual(['path-not-allowed', 'path-not-allowed', 'path-not-allowed', 'path-not-allowed', 'path-not-allowed', 'path-not-allowed', 'bad-input']);
    expect(fs.readdirSync(outside)).toEqual(['keep.txt']);
    expect(fs.readFileSync(victim, 'utf8')).toBe('precious');
    fs.rmSync(outside, { recursive: true });
  });

  it('shows each page’s honest empty state and marks the active sidebar link', async () => {
    const { page } = app;
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Data charges' }).click();
    await page.getByRole('heading', { name: 'Data charges' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Data charges' }).getAttribute('aria-current')).toBe('page');
    await nav.getByRole('link', { name: 'Overview' }).click();
    await page.locator('main h1, main h2').first().waitFor();
    const switcher = page.getByRole('button', { name: 'Workspace policy-review' });
    await switcher.click();
    await page.getByRole('group', { name: 'Workspace actions' }).waitFor();
    await screenshot(page, 'frame-switcher-en-light');
    await page.keyboard.press('Escape');
    await page.getByRole('group', { name: 'Workspace actions' }).waitFor({ state: 'detached' });
  });

  it('lists the folder’s workspaces to open, and shows the backend’s error when one is not a workspace', async () => {
    const { page } = app;
    fs.writeFileSync(path.join(dir, 'notes.sqlite'), 'plain text, not SQLite\n');
    await page.getByRole('button', { name: 'Workspace policy-review' }).click();
    await page.getByRole('button', { name: 'Open workspace…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open a workspace' });
    const list = dialog.getByRole('list', { name: 'Workspaces in this folder' });
    await list.getByRole('button', { name: /notes/ }).waitFor();
    expect(await list.getByRole('button').count()).toBe(2);
    expect(await dialog.getByRole('textbox').count()).toBe(0);
    await screenshot(page, 'frame-open-dialog-en-light');
    await list.getByRole('button', { name: /notes/ }).click();
    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('notes.sqlite');
    await screenshot(page, 'frame-open-error-en-light');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    fs.rmSync(path.join(dir, 'notes.sqlite'));
  });

  it('switches to Korean and the dark theme, and keeps both after a reload', async () => {
    const { page } = app;
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '한국어' }).click();
    await htmlAttr(page, 'lang', 'ko');
    await page.getByRole('navigation', { name: '주 메뉴' }).waitFor();
    await page.getByRole('group', { name: '테마' }).getByRole('button', { name: '어둡게' }).click();
    await htmlAttr(page, 'data-theme', 'dark');
    await waitForSettings(app, (s) => s.locale === 'ko' && s.theme === 'dark');
    await screenshot(page, 'frame-overview-ko-dark');
    await page.reload();
    await page.getByRole('navigation', { name: '주 메뉴' }).waitFor();
    await htmlAttr(page, 'data-theme', 'dark');
    await htmlAttr(page, 'lang', 'ko');
    await page.getByRole('button', { name: '워크스페이스 policy-review' }).waitFor();
  });

  it('saves the reviewer name and the workspace time zone from the Settings page', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '설정' }).click();
    await page.getByRole('heading', { level: 1, name: '설정' }).waitFor();
    await page.getByLabel('검토자 표시 이름').fill('김민지');
    await page.getByRole('button', { name: '저장', exact: true }).click();
    await waitForSettings(app, (s) => s.reviewerName === '김민지');
    const zones = page.getByRole('group', { name: /열린 워크스페이스의 시간대/ });
    await zones.getByRole('searchbox').fill('tokyo');
    await zones.getByRole('listbox').selectOption('Asia/Tokyo');
    await zones.getByRole('button', { name: '적용' }).click();
    await page.getByText('Asia/Tokyo').first().waitFor();
    await page.locator('.topbar .chip', { hasText: 'Asia/Tokyo' }).waitFor();
    await screenshot(page, 'frame-settings-ko-dark', { fitViewport: true });
  });

  it('finds the settings kept after the bridge restarts on the same config folder', async () => {
    await app.close();
    app = await startApp({ dir, colorScheme: 'light' });
    const { page } = app;
    page.setDefaultTimeout(10_000);
    await page.getByRole('heading', { level: 1, name: '노티스 데스크에 오신 것을 환영합니다' }).waitFor();
    await htmlAttr(page, 'data-theme', 'dark');
    const saved = await settingsFile(app);
    expect(saved).toMatchObject({ locale: 'ko', theme: 'dark', reviewerName: '김민지', recentWorkspaces: [workspaceFile] });
    await page.getByRole('button', { name: /policy-review/ }).first().click();
    await page.getByRole('button', { name: '워크스페이스 policy-review' }).waitFor();
    await page.locator('.topbar .chip', { hasText: 'Asia/Tokyo' }).waitFor();
  });

  it('follows the operating system when the theme is System', async () => {
    const { page } = app;
    await page.getByRole('group', { name: '테마' }).getByRole('button', { name: '시스템' }).click();
    await htmlAttr(page, 'data-theme', 'light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await htmlAttr(page, 'data-theme', 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await htmlAttr(page, 'data-theme', 'light');
  });

  it('folds the sidebar into an icon rail in a narrow window and keeps every link named', async () => {
    const { page } = app;
    const original = page.viewportSize()!;
    await page.setViewportSize({ width: 820, height: 720 });
    const nav = page.getByRole('navigation', { name: '주 메뉴' });
    const settingsLink = nav.getByRole('link', { name: '설정' });
    await settingsLink.waitFor();
    const box = await nav.boundingBox();
    expect(box!.width).toBeLessThan(100);
    expect(await nav.getByRole('link').count()).toBe(8);
    await screenshot(page, 'frame-narrow-ko-light');
    await page.setViewportSize(original);
  });

  for (const locale of ['ko', 'en'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      it(`has no serious or critical axe violation in ${locale} / ${theme}`, async () => {
        const { page } = app;
        await page.evaluate(
          async ([l, th]) => {
            const res = await fetch('/api/call/settings:set', {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-notice-desk-token': sessionStorage.getItem('notice-desk-token') ?? '' },
              body: JSON.stringify({ locale: l, theme: th }),
            });
            if (!res.ok) throw new Error(`settings:set failed: ${res.status}`);
          },
          [locale, theme],
        );
        const findings: unknown[] = [];
        const visit = async (route: string) => {
          await page.goto(`${app.bridge.url}#/${route}`);
          await page.reload();
          await htmlAttr(page, 'lang', locale);
          await htmlAttr(page, 'data-theme', theme);
          await page.locator('main h1, main h2').first().waitFor();
        };
        // The frame (sidebar, top bar, alerts) everywhere; the Settings page whole. Other pages'
        // content belongs to their own suites, so it is left out here.
        for (const route of ['imports', 'settings', 'overview']) {
          await visit(route);
          const scope = route === 'settings' ? {} : { exclude: '#main > :not(.alert-stack)' };
          findings.push(...(await seriousViolations(page, scope)).map((f) => ({ route, ...f })));
          await screenshot(page, `frame-${route}-${locale}-${theme}`, { fitViewport: true });
        }
        expect(findings).toEqual([]);
      });
    }
  }

  it('has no serious or critical axe violation on the welcome screen and in the dialog', async () => {
    const { page } = app;
    await page.getByRole('button', { name: /policy-review/ }).first().click();
    await page.getByRole('button', { name: /Close workspace|워크스페이스 닫기/ }).click();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await screenshot(page, 'frame-welcome-en-dark');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /^(Open a workspace|워크스페이스 열기)$/ }).first().click();
    await page.getByRole('dialog').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'frame-open-dialog-dark');
  });
});
