import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { startBridge, type BridgeOptions, type RunningBridge } from '../../../electron/backend/bridge/server.ts';
import { JsonFileSettingsStore } from '../../../electron/backend/settings-store.ts';

/** Where the built renderer is: NOTICE_DESK_RENDERER_DIR, else dist/renderer (built by `npm test`). */
export function rendererDir(): string {
  return path.resolve(process.env.NOTICE_DESK_RENDERER_DIR ?? 'dist/renderer');
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags this sandboxed, offline machine needs (no background networking, no GPU). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface RunningApp {
  bridge: RunningBridge;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** A temp folder for this run (workspaces, config, downloads). */
  dir: string;
  settingsFile: string;
  /** Opens the app URL (with token) in a new page of the same context. */
  reopen(): Promise<Page>;
  close(): Promise<void>;
}

export interface StartAppOptions {
  /** Reuse a config folder (to prove settings survive a restart). */
  dir?: string;
  colorScheme?: 'light' | 'dark';
  locale?: string;
  viewport?: { width: number; height: number };
  /** More options for the bridge (its workspaces folder is the run's temp folder unless given). */
  bridgeOptions?: Partial<Omit<BridgeOptions, 'rendererDir' | 'settings'>>;
}

/**
 * Starts browser mode in-process (the real loopback bridge over the built renderer) and real
 * Chromium driven by playwright-core, on a fresh temp folder for settings and workspaces.
 */
export async function startApp(options: StartAppOptions = {}): Promise<RunningApp> {
  const index = path.join(rendererDir(), 'index.html');
  if (!fs.existsSync(index)) {
    throw new Error(`The renderer is not built (${index} is missing). Run: npm run build:renderer`);
  }
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'notice-desk-e2e-'));
  const settingsFile = path.join(dir, 'config', 'settings.json');
  // Browser mode creates and opens workspaces only in its own folder: here, the run's temp folder.
  const bridge = await startBridge({
    rendererDir: rendererDir(),
    settings: new JsonFileSettingsStore(settingsFile),
    workspacesDir: dir,
    ...options.bridgeOptions,
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-US',
    viewport: options.viewport ?? { width: 1360, height: 860 },
    acceptDownloads: true,
  });
  // A loaded CI machine can take a while to parse the bundled renderer (fonts included): allow it.
  context.setDefaultTimeout(60_000);
  context.setDefaultNavigationTimeout(90_000);
  const page = await context.newPage();
  await page.goto(bridge.url);
  return {
    bridge,
    browser,
    context,
    page,
    dir,
    settingsFile,
    async reopen() {
      const next = await context.newPage();
      await next.goto(bridge.url);
      return next;
    },
    async close() {
      await browser.close();
      await bridge.close();
    },
  };
}

/**
 * Saves a screenshot under test-results/screenshots/<name>.png and returns its path. By default a
 * full-page capture; with `fitViewport` the viewport is first grown to the page's height (so sticky
 * and 100vh parts such as the sidebar span the whole picture), then restored.
 */
export async function screenshot(page: Page, name: string, options: { fitViewport?: boolean } = {}): Promise<string> {
  const file = path.resolve('test-results', 'screenshots', `${name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const original = page.viewportSize();
  if (options.fitViewport && original) {
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: original.width, height: Math.max(original.height, height) });
    await page.screenshot({ path: file });
    await page.setViewportSize(original);
  } else {
    await page.screenshot({ path: file, fullPage: true });
  }
  return file;
}

/**
 * Saves a screenshot of one element (a dialog) under test-results/screenshots/<name>.png and returns
 * its path: the pointer moved out of the way (no hover state), the viewport grown first so a tall
 * dialog is whole, then restored.
 */
export async function shootElement(page: Page, target: Locator, name: string): Promise<string> {
  const file = path.resolve('test-results', 'screenshots', `${name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const original = page.viewportSize()!;
  await page.mouse.move(original.width - 1, original.height - 1);
  const height = await target.evaluate((el) => el.scrollHeight + 120);
  await page.setViewportSize({ width: original.width, height: Math.max(original.height, height) });
  await page.waitForTimeout(100);
  const box = (await target.boundingBox())!;
  await page.screenshot({ path: file, clip: { x: Math.max(0, box.x - 12), y: Math.max(0, box.y - 12), width: box.width + 24, height: box.height + 24 }, animations: 'disabled' });
  await page.setViewportSize(original);
  return file;
}
