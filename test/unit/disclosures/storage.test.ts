import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HandlerContext } from '../../../electron/backend/context.ts';
import { firstPublishedUrlNoticeDate, listPublishedDisclosures } from '../../../electron/backend/db/disclosures-repo.ts';
import { setMeta } from '../../../electron/backend/db/meta-repo.ts';
import { inProcessApi } from '../../../electron/backend/dispatch.ts';
import { MemorySettingsStore } from '../../../electron/backend/settings-store.ts';
import { tempDir } from '../helpers/tmp.ts';

async function workspace() {
  const events: { event: string; payload: unknown }[] = [];
  const ctx = new HandlerContext({
    transport: 'in-process',
    settings: new MemorySettingsStore(),
    emit: (event, payload) => events.push({ event, payload }),
  });
  const api = inProcessApi(ctx);
  await api['workspace:create']({ path: path.join(tempDir(), 'ws.sqlite') });
  return { ctx, api, db: ctx.workspace().db, events };
}

describe('disclosure storage', () => {
  it('creates a draft from the starter template of its surface, in both languages', async () => {
    const { ctx, api } = await workspace();
    const d = await api['disclosures:create']({ surface: 'alimtalk' });
    expect(d).toMatchObject({ title: '알림톡 메시지 안내', surface: 'alimtalk', status: 'draft', version: 1, publishedAt: null });
    expect(d.koText).toContain('{{first_message_kb}}');
    expect(d.enText).toContain('AlimTalk');
    expect(d.history).toEqual([{ from: null, to: 'draft', at: d.createdAt, note: null }]);
    const blank = await api['disclosures:create']({ surface: 'terms', from: 'blank', title: 'Blank' });
    expect(blank).toMatchObject({ koText: '', enText: '', title: 'Blank' });
    expect((await api['disclosures:list']({})).map((x) => x.id).sort()).toEqual([d.id, blank.id].sort());
    await ctx.close();
  });

  it('autosaves texts, bumps the version and refuses a save based on a stale version', async () => {
    const { ctx, api } = await workspace();
    const d = await api['disclosures:create']({ surface: 'settings' });
    const saved = await api['disclosures:update']({ id: d.id, koText: '새 글', expectedVersion: 1 });
    expect(saved).toMatchObject({ id: d.id, version: 2 });
    expect(saved.updatedAt).toBeGreaterThanOrEqual(d.updatedAt);
    const got = await api['disclosures:get']({ id: d.id });
    expect(got.koText).toBe('새 글');
    expect(got.enText).toBe(d.enText);
    await expect(api['disclosures:update']({ id: d.id, enText: 'x', expectedVersion: 1 })).rejects.toMatchObject({ code: 'conflict' });
    expect((await api['disclosures:get']({ id: d.id })).enText).toBe(d.enText);
    await ctx.close();
  });

  it('moves along draft → in review → approved → published → retired and records the dates', async () => {
    const { ctx, api, events } = await workspace();
    const d = await api['disclosures:create']({ surface: 'url-notice' });
    await expect(api['disclosures:setStatus']({ id: d.id, status: 'published', actor: '김법무' })).rejects.toMatchObject({ code: 'conflict' });
    await api['disclosures:setStatus']({ id: d.id, status: 'in-review', actor: '이작성' });
    await api['disclosures:setStatus']({ id: d.id, status: 'approved', note: '법무 검토 완료', actor: '김법무' });
    await expect(api['disclosures:update']({ id: d.id, koText: 'x' })).rejects.toMatchObject({ code: 'conflict' });
    const effectiveAt = Date.UTC(2016, 6, 1);
    const published = await api['disclosures:setStatus']({ id: d.id, status: 'published', effectiveAt, actor: '이작성' });
    expect(published.status).toBe('published');
    expect(published.effectiveAt).toBe(effectiveAt);
    expect(published.publishedAt).not.toBeNull();
    expect(published.history.map((h) => h.to)).toEqual(['draft', 'in-review', 'approved', 'published']);
    expect(published.history[2]!.note).toBe('법무 검토 완료');
    await expect(api['disclosures:setStatus']({ id: d.id, status: 'draft' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(api['disclosures:delete']({ id: d.id })).rejects.toMatchObject({ code: 'conflict' });
    const retired = await api['disclosures:setStatus']({ id: d.id, status: 'retired' });
    expect(retired.effectiveAt).toBe(effectiveAt);
    expect(events.some((e) => e.event === 'data:changed')).toBe(true);
    await ctx.close();
  });

  it('gives the metrics the first URL notice date and every published disclosure', async () => {
    const { ctx, api, db } = await workspace();
    expect(firstPublishedUrlNoticeDate(db)).toBeNull();
    const publish = async (surface: 'url-notice' | 'alimtalk', effectiveAt: number) => {
      const d = await api['disclosures:create']({ surface });
      for (const status of ['in-review', 'approved'] as const) await api['disclosures:setStatus']({ id: d.id, status, actor: '김법무' });
      await api['disclosures:setStatus']({ id: d.id, status: 'published', effectiveAt, actor: '김법무' });
      return d.id;
    };
    const draft = await api['disclosures:create']({ surface: 'url-notice' });
    const later = await publish('url-notice', Date.UTC(2016, 8, 1));
    const first = await publish('url-notice', Date.UTC(2016, 6, 1));
    const alim = await publish('alimtalk', Date.UTC(2016, 11, 1));
    await api['disclosures:setStatus']({ id: first, status: 'retired' });
    expect(firstPublishedUrlNoticeDate(db)).toBe(Date.UTC(2016, 6, 1));
    const published = listPublishedDisclosures(db);
    expect(published.map((p) => p.id)).toEqual([first, later, alim]);
    expect(published.map((p) => p.id)).not.toContain(draft.id);
    expect(published[0]).toMatchObject({ surface: 'url-notice', status: 'retired', effectiveAt: Date.UTC(2016, 6, 1) });
    await ctx.close();
  });

  it('deletes drafts and reports a missing disclosure as not found', async () => {
    const { ctx, api } = await workspace();
    const d = await api['disclosures:create']({ surface: 'install' });
    expect(await api['disclosures:delete']({ id: d.id })).toBeNull();
    await expect(api['disclosures:get']({ id: d.id })).rejects.toMatchObject({ code: 'not-found' });
    await expect(api['disclosures:update']({ id: 999, koText: 'x' })).rejects.toMatchObject({ code: 'not-found' });
    await ctx.close();
  });

  it('fills variables from the workspace cost model and the team’s own values', async () => {
    const { ctx, api, db } = await workspace();
    const defaults = await api['disclosures:variables']({});
    expect(defaults.source).toBe('defaults');
    expect(defaults.values.ko).toMatchObject({ first_message_kb: '15', later_message_kb: '2', charge_per_message_krw: '0.05~7.5' });
    expect(defaults.values.en.charge_per_message_krw).toBe('0.05–7.5');
    setMeta(db, 'metrics.costModel', { firstMessageBytes: 20_480, tariffLowKrwPerKiB: 0.1, tariffHighKrwPerKiB: 1 });
    const custom = await api['disclosures:variables']({});
    expect(custom.source).toBe('workspace');
    // later 2 KiB × 0.1 = 0.2 … first 20 KiB × 1 = 20.
    expect(custom.values.ko).toMatchObject({ first_message_kb: '20', charge_per_message_krw: '0.2~20', tariff_per_kb_krw: '0.1~1' });
    const set = await api['disclosures:setVariables']({ overrides: { sender_name: '테스트상점' } });
    expect(set.values.ko.sender_name).toBe('테스트상점');
    expect(set.values.en.sender_name).toBe('테스트상점');
    await ctx.close();
  });

  it('checks a text with the workspace variables through disclosures:check', async () => {
    const { ctx, api } = await workspace();
    const r = await api['disclosures:check']({ text: '{{nope}}', locale: 'en', surface: 'alimtalk' });
    expect(r.locale).toBe('en');
    expect(r.findings.some((f) => f.rule === 'unknown-variable')).toBe(true);
    expect((await api['disclosures:templates']({})).length).toBe(12);
    expect((await api['disclosures:rules']({})).rules.ko.locale).toBe('ko');
    await ctx.close();
  });
});

describe('duplicating a disclosure', () => {
  it('copies a frozen, published text into a new editable draft', async () => {
    const { ctx, api } = await workspace();
    const d = await api['disclosures:create']({ surface: 'consent-prompt' });
    for (const status of ['in-review', 'approved', 'published'] as const) await api['disclosures:setStatus']({ id: d.id, status, actor: '김법무' });
    await expect(api['disclosures:update']({ id: d.id, koText: 'x' })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('start a new draft from it'),
    });
    const copy = await api['disclosures:duplicate']({ id: d.id });
    expect(copy).toMatchObject({ status: 'draft', surface: 'consent-prompt', koText: d.koText, enText: d.enText, publishedAt: null });
    expect(copy.id).not.toBe(d.id);
    expect(copy.title).toBe(`${d.title} (사본 / copy)`);
    expect((await api['disclosures:update']({ id: copy.id, koText: '고친 글' })).version).toBe(2);
    expect((await api['disclosures:get']({ id: d.id })).koText).toBe(d.koText);
    await ctx.close();
  });
});
