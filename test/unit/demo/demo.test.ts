import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HandlerContext } from '../../../electron/backend/context.ts';
import { inProcessApi } from '../../../electron/backend/dispatch.ts';
import { MemorySettingsStore } from '../../../electron/backend/settings-store.ts';
import { tempDir } from '../helpers/tmp.ts';

function makeApi() {
  const events: { event: string; payload: unknown }[] = [];
  const ctx = new HandlerContext({
    transport: 'in-process',
    settings: new MemorySettingsStore(),
    emit: (event, payload) => events.push({ event, payload }),
  });
  return { ctx, api: inProcessApi(ctx), events };
}

describe('demo workspace', () => {
  it('imports the bundled samples in the worker, labels the workspace demo and opens it with every page alive', async () => {
    const { ctx, api, events } = makeApi();
    const file = path.join(tempDir('demo-'), 'demo.sqlite');
    const info = await api['demo:create']({ path: file });
    try {
      expect(info.demo).toBe(true);
      expect((await api['workspace:current']({}))?.demo).toBe(true);
      expect(info.counts.notifications).toBeGreaterThan(40_000);
      expect(info.counts.imports).toBe(4);
      expect(events.some((e) => e.event === 'job:progress' && (e.payload as { kind: string }).kind === 'demo:create')).toBe(true);
      expect(await api['metrics:getFilters']({})).toMatchObject({ from: '2016-01-01', to: '2016-06-30' });
      const dims = await api['metrics:dimensions']({});
      expect(dims.senders.map((s) => s.key)).toContain('@한빛마트');
      // The notice change on 2016-04-01: coverage rises.
      const cov = await api['metrics:coverage']({ from: '2016-01-01', to: '2016-06-30', by: 'month' });
      expect(cov.buckets[2]!.coverage!).toBeLessThan(0.5);
      expect(cov.buckets[3]!.coverage!).toBeGreaterThan(0.8);
      // A few refusals not honoured, SMS fallback around a block among them.
      const refusals = await api['metrics:refusals']({});
      expect(refusals.violations).toBeGreaterThan(0);
      expect(refusals.byStatus.fallback_sms).toBeGreaterThan(0);
      // URLs indexed with no URL-use notice published; the real Slack sample's shared links are there.
      const urls = await api['metrics:urls']({});
      expect(urls.indexedWithoutNotice).toBeGreaterThan(0);
      expect(urls.medianLagHours).not.toBeNull();
      const slack = await api['metrics:urls']({ from: '2015-01-01', to: '2015-12-31' });
      expect(slack.shared).toBeGreaterThan(0);
      // Rebuilding over an earlier demo is allowed.
      expect((await api['demo:create']({ path: file })).demo).toBe(true);
    } finally {
      await ctx.close();
    }
  });

  it('refuses to write the demo over a workspace holding the user’s own data, or over any other file', async () => {
    const { ctx, api } = makeApi();
    const dir = tempDir('demo-');
    const own = path.join(dir, 'own.sqlite');
    await api['workspace:create']({ path: own });
    await ctx.close();
    await expect(api['demo:create']({ path: own })).rejects.toMatchObject({ code: 'conflict' });
    const notes = path.join(dir, 'notes.txt');
    fs.writeFileSync(notes, 'keep me');
    await expect(api['demo:create']({ path: notes })).rejects.toMatchObject({ code: 'conflict' });
    expect(fs.readFileSync(notes, 'utf8')).toBe('keep me');
  });

  it('keeps the bundled samples small and the real Slack sample with its licence', () => {
    const dir = path.resolve('resources/demo');
    const size = (p: string): number =>
      fs.statSync(p).isDirectory() ? fs.readdirSync(p).reduce((s, f) => s + size(path.join(p, f)), 0) : fs.statSync(p).size;
    expect(size(dir)).toBeLessThan(5 * 1024 * 1024);
    expect(fs.readFileSync(path.join(dir, 'slack-export/LICENSE'), 'utf8')).toMatch(/MIT/);
  });
});
