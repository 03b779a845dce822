/** Steps the review's end-to-end walks share: downloads, selecting words, editors, screenshots of one element. */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { RunningApp } from './app.ts';

/** Saves a download triggered by `action` into the run's folder and returns its path. */
export async function download(app: RunningApp, action: () => Promise<void>): Promise<string> {
  const [dl] = await Promise.all([app.page.waitForEvent('download'), action()]);
  const file = path.join(app.dir, 'downloads', dl.suggestedFilename());
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await dl.saveAs(file);
  return file;
}

/** Selects `phrase` in a version text the way a reader's drag would leave it (a DOM selection inside one text node). */
export async function selectPhrase(text: Locator, phrase: string): Promise<void> {
  await text.evaluate((el, words) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node.textContent ?? '').indexOf(words);
      if (at === -1) continue;
      document.getSelection()!.setBaseAndExtent(node, at, node, at + words.length);
      return;
    }
    throw new Error(`"${words}" is not in one text node of the version text`);
  }, phrase);
}

/** The words highlighted in an editor column (the thread's words, on hover). */
export async function highlighted(column: Locator): Promise<string> {
  return column.locator('.cm-evidence').evaluateAll((els) => els.map((e) => e.textContent ?? '').join(''));
}

/** Replaces the whole text of an editor the way a user would: select all, then type. */
export async function replaceText(page: Page, column: Locator, text: string): Promise<void> {
  await column.locator('.cm-content').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(text);
}

/**
 * Saves a screenshot of one element under test-results/screenshots/<name>.png: the viewport is grown
 * to the page's height first, so the element is whole and the sticky top bar does not cover it.
 */
export async function shoot(page: Page, target: Locator, name: string): Promise<void> {
  const file = path.resolve('test-results', 'screenshots', `${name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const original = page.viewportSize()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: original.width, height: Math.max(original.height, height) });
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = (await target.boundingBox())!;
  await page.screenshot({ path: file, clip: { x: Math.max(0, box.x - 8), y: Math.max(0, box.y - 8), width: box.width + 16, height: box.height + 16 }, animations: 'disabled' });
  await page.setViewportSize(original);
}
