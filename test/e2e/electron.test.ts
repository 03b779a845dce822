import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../scripts/build-electron.mjs';
import { electronBinary } from '../../scripts/electron-binary.mjs';

const binary = electronBinary();
if (!binary) console.log('Electron e2e skipped: the Electron binary is not installed on this machine');

const root = path.resolve(import.meta.dirname, '../..');

describe('the Electron app', () => {
  let app: ElectronApplication | undefined;
  let page: Page;
  let xvfb: ChildProcess | undefined;
  let userData: string;

  beforeAll(async () => {
    if (!binary) return;
    if (!fs.existsSync(path.join(root, 'dist/renderer/index.html'))) {
      throw new Error('The renderer is not built (dist/renderer/index.html is missing). Run: npm run build:renderer');
    }
    await buildElectron();
    userData = fs.mkdtempSync(path.join(os.tmpdir(), 'notice-desk-electron-'));
    const env: Record<string, string> = { ...(process.env as Record<string, string>), NOTICE_DESK_USER_DATA: userData };
    delete env.ELECTRON_RUN_AS_NODE;
    if (process.platform === 'linux' && !process.env.DISPLAY && fs.existsSync('/usr/bin/Xvfb')) {
      xvfb = spawn('/usr/bin/Xvfb', [':87', '-screen', '0', '1400x900x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
      env.DISPLAY = ':87';
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const args = [path.join(root, 'dist-electron/main.cjs')];
    // Chromium refuses its sandbox as root (CI containers).
    if (process.platform === 'linux' && process.getuid?.() === 0) args.unshift('--no-sandbox');
    app = await electron.launch({ executablePath: binary, args, env, cwd: root });
    page = await app.firstWindow();
  });

  afterAll(async () => {
    await app?.close();
    xvfb?.kill();
    if (userData) fs.rmSync(userData, { recursive: true, force: true });
  });

  it.skipIf(!binary)('opens one window titled Notice Desk showing the sidebar', async () => {
    await page.getByRole('navigation').getByRole('link').first().waitFor({ state: 'visible' });
    // The page names itself "<page> · Notice Desk"; the window shows the same title.
    expect(await page.title()).toMatch(/Notice Desk$/);
    const windowTitle = await app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
    expect(windowTitle).toMatch(/Notice Desk$/);
    expect(await page.getByRole('navigation').getByRole('link').count()).toBe(8);
    expect(app!.windows()).toHaveLength(1);
    expect(page.url()).toBe('app://notice-desk/index.html');
  });

  it.skipIf(!binary)('gives the page the contract bridge and no Node', async () => {
    const facts = await page.evaluate(async () => {
      const w = window as unknown as { require?: unknown; process?: unknown; noticeDesk?: { call: Record<string, (i: unknown) => Promise<unknown>> } };
      const info = (await w.noticeDesk?.call['app:info']?.({})) as { transport?: string } | undefined;
      return { require: typeof w.require, process: typeof w.process, transport: info?.transport };
    });
    expect(facts).toEqual({ require: 'undefined', process: 'undefined', transport: 'electron' });
  });
});
