/**
 * `npm run bench:charts` — does a chart of ten years of daily points stay smooth?
 *
 * 1. Pure reduction (node): LTTB and bar merging of 3,653 daily rows × 5 series.
 * 2. Real rendering (Chromium over browser mode, the built renderer in NOTICE_DESK_RENDERER_DIR or
 *    dist/renderer): a workspace with ten years of daily notifications imported through the CLI, the
 *    Notifications page grouped by day — time to draw, SVG nodes drawn, and the frame time while the
 *    brush handle is moved by keyboard (zoom re-renders the window each step).
 * 3. Export (BENCH_LOCALE=ko for the Korean UI), on an idle page and on a busy one (work in every frame): time from a click on the volume chart's PNG / SVG button to the saved file.
 * Prints figures; asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { downsampleRows, lttbIndices, mergeRows } from '../shared/charts/downsample.ts';
import type { Locator, Page } from 'playwright-core';
import { startApp } from '../test/e2e/helpers/app.ts';

const DAY = 86_400_000;
const DAYS = 3653;
const START = Date.UTC(2007, 0, 1) - 9 * 3_600_000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function pure(): void {
  const keys = ['delivered', 'sent', 'failed', 'blocked', 'fallback_sms'];
  const rows = Array.from({ length: DAYS }, (_, i) => {
    const row: Record<string, number | string> = { label: new Date(START + i * DAY).toISOString().slice(0, 10) };
    keys.forEach((k, j) => (row[k] = Math.round(100 + 50 * Math.sin(i / (30 + j)) + (i % 7) * 3)));
    return row as { label: string } & Record<string, number | string>;
  });
  const time = (fn: () => unknown) => {
    const runs: number[] = [];
    for (let r = 0; r < 30; r++) {
      const t0 = performance.now();
      fn();
      runs.push(performance.now() - t0);
    }
    return median(runs);
  };
  const lttb = time(() => lttbIndices(rows.map((_, i) => i), rows.map((r) => r.delivered as number), 500));
  const lines = time(() => downsampleRows(rows, keys, 500));
  const bars = time(() => mergeRows(rows, keys, 200));
  console.log(`pure: ${DAYS} daily rows × ${keys.length} series`);
  console.log(`  LTTB 1 series → 500 points     median ${lttb.toFixed(2)} ms`);
  console.log(`  lines 5 series → 500 rows      median ${lines.toFixed(2)} ms`);
  console.log(`  bars merged → ${mergeRows(rows, keys, 200).length} bars (sums kept)  median ${bars.toFixed(2)} ms`);
}

/** Time from a click on the chart's PNG (and SVG) export button to the saved download, five runs each. */
async function exportTimes(page: Page, card: Locator, busy: boolean): Promise<void> {
  // A busy page (work in every frame, as while a dashboard re-renders) never gives the browser idle time.
  if (busy) {
    await page.evaluate(() => {
      const w = window as unknown as { spinning: boolean };
      w.spinning = true;
      const spin = () => {
        const t = performance.now();
        while (performance.now() - t < 12);
        if (w.spinning) requestAnimationFrame(spin);
      };
      requestAnimationFrame(spin);
    });
  }
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(Math.round(e.duration)))).observe({ type: 'longtask' });
  });
  for (const kind of ['PNG', 'SVG'] as const) {
    const runs: number[] = [];
    let bytes = 0;
    for (let r = 0; r < 5; r++) {
      const t0 = performance.now();
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), card.getByRole('button', { name: new RegExp(`^${kind}:`) }).click()]);
      const file = await download.path();
      runs.push(performance.now() - t0);
      bytes = file ? fs.statSync(file).size : 0;
    }
    const parts = await page.evaluate(() => {
      const byName = new Map<string, number[]>();
      for (const m of performance.getEntriesByType('measure').filter((e) => e.name.startsWith('chart-export:'))) {
        byName.set(m.name, [...(byName.get(m.name) ?? []), m.duration]);
      }
      performance.clearMeasures();
      return [...byName].map(([name, ds]) => `${name.slice(13)} ${ds.map((d) => d.toFixed(0)).join('/')} ms`).join(', ');
    });
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0).join('/'));
    console.log(`    steps: ${parts}; long tasks ${busy ? '(spinning)' : longTasks || 'none'} ms`);
    console.log(`  ${kind} export of the volume chart${busy ? ' (busy page)' : ''}: first ${runs[0]!.toFixed(0)} ms, then median ${median(runs.slice(1)).toFixed(0)} ms (${(bytes / 1024).toFixed(0)} KiB)`);
  }
  await page.evaluate(() => ((window as unknown as { spinning: boolean }).spinning = false));
}

async function browser(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dash-bench-'));
  const file = path.join(dir, 'ten-years.csv');
  const lines = ['event_id,sent_at,recipient_id,sender_id,category,status'];
  const statuses = ['delivered', 'delivered', 'delivered', 'sent', 'failed', 'blocked', 'fallback_sms'];
  let id = 0;
  for (let d = 0; d < DAYS; d++) {
    const n = 3 + (d % 5);
    for (let k = 0; k < n; k++) {
      lines.push(`b${++id},${new Date(START + d * DAY + k * 3_600_000).toISOString()},r${(d * 7 + k) % 900},s${k % 4},배송,${statuses[(d + k) % statuses.length]}`);
    }
  }
  fs.writeFileSync(file, lines.join('\n') + '\n');
  const ws = path.join(dir, 'bench.noticedesk');
  let t0 = performance.now();
  execFileSync(process.execPath, ['bin/notice-desk.js', 'import', file, '--workspace', ws, '--json'], { encoding: 'utf8' });
  console.log(`browser: imported ${id.toLocaleString('en-US')} notifications over ${DAYS} days in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const app = await startApp({ dir, viewport: { width: 1440, height: 900 } });
  try {
    const call = async (name: string, input: unknown) => {
      const res = await fetch(`http://127.0.0.1:${app.bridge.port}/api/call/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-notice-desk-token': app.bridge.token, origin: app.bridge.origin },
        body: JSON.stringify(input),
      });
      return res.json();
    };
    await call('workspace:open', { path: ws });
    await call('settings:set', { locale: process.env.BENCH_LOCALE === 'ko' ? 'ko' : 'en', theme: 'light' });
    await call('metrics:setFilters', { preset: 'all', from: null, to: null, by: 'day' });
    await app.page.reload();
    const draws: number[] = [];
    for (let r = 0; r < 5; r++) {
      await app.page.evaluate(() => (window.location.hash = '#/overview'));
      await app.page.locator('.kpi-card').first().waitFor();
      t0 = performance.now();
      await app.page.evaluate(() => (window.location.hash = '#/notifications'));
      await app.page.locator('[data-chart-main] .recharts-bar-rectangle').first().waitFor();
      await app.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      draws.push(performance.now() - t0);
    }
    const card = app.page.locator('.chart-card').first();
    const nodes = await card.locator('[data-chart-main] svg *').count();
    const bars = await card.locator('[data-chart-main] .recharts-bar-rectangle').count();
    console.log(`  page with ${DAYS} daily buckets: median draw ${median(draws).toFixed(0)} ms (cached data; includes the query round trip)`);
    console.log(`  volume chart: ${bars} bar rectangles, ${nodes} SVG nodes (without reduction: ${DAYS * 5} rectangles)`);
    await card.locator('.recharts-brush-traveller').first().focus();
    const frames = await app.page.evaluate(async () => {
      const times: number[] = [];
      const traveller = document.activeElement as HTMLElement;
      for (let i = 0; i < 40; i++) {
        const t = performance.now();
        traveller.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
        await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
        times.push(performance.now() - t);
      }
      return times;
    });
    const sorted = [...frames].sort((a, b) => a - b);
    console.log(`  brush zoom, 40 keyboard steps: median frame ${median(frames).toFixed(1)} ms, p95 ${sorted[Math.floor(sorted.length * 0.95)]!.toFixed(1)} ms (16.7 ms = 60 fps)`);
    await exportTimes(app.page, card, false);
    await exportTimes(app.page, card, true);
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

pure();
await browser();
