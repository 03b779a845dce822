import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HandlerContext } from '../../../electron/backend/context.ts';
import { openDatabase } from '../../../electron/backend/db/connection.ts';
import { migrate } from '../../../electron/backend/db/migrate.ts';
import { latestVersion, migrations } from '../../../electron/backend/db/migrations/index.ts';
import { inProcessApi } from '../../../electron/backend/dispatch.ts';
import { MemorySettingsStore } from '../../../electron/backend/settings-store.ts';
import { AppError } from '../../../shared/contract/errors.ts';
import { formatMessage, isErrorKey } from '../../../shared/contract/messages/index.ts';
import { effectiveElements, effectiveMissing } from '../../../shared/disclosures/overrides.ts';
import { NO_CHARGES, QUOTE, ruledPresent } from '../../fixtures/disclosures/no-charges.ts';
import { tempDir } from '../helpers/tmp.ts';

async function workspace(file = path.join(tempDir(), 'ws.sqlite')) {
  const events: string[] = [];
  const ctx = new HandlerContext({
    transport: 'in-process',
    settings: new MemorySettingsStore(),
    emit: (event) => events.push(event),
  });
  const api = inProcessApi(ctx);
  await api['workspace:create']({ path: file });
  return { ctx, api, events };
}

async function withMissingCharges() {
  const w = await workspace();
  const d = await w.api['disclosures:create']({ surface: 'alimtalk' });
  await w.api['disclosures:update']({ id: d.id, enText: NO_CHARGES });
  const check = await w.api['disclosures:check']({ text: NO_CHARGES, locale: 'en', surface: 'alimtalk' });
  return { ...w, id: d.id, check };
}

const quote = QUOTE;
const present = ruledPresent;

function errorOf(promise: Promise<unknown>): Promise<AppError> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e as AppError,
  );
}

describe('reviewer overrides of the checklist', () => {
  it('records "present, here" with the quote, the version and a SHA-256 of the text it was made on', async () => {
    const { ctx, api, id, check, events } = await withMissingCharges();
    expect(check.missing).toContain('data-charges');
    const saved = await api['disclosures:overrule'](present(id));
    const d = await api['disclosures:get']({ id });
    expect(saved).toMatchObject({
      disclosureId: id,
      locale: 'en',
      element: 'data-charges',
      verdict: 'present',
      evidence: { start: NO_CHARGES.indexOf(quote), quote },
      reviewer: 'Kim Legal',
      version: d.version,
      textSha256: createHash('sha256').update(NO_CHARGES).digest('hex'),
      enginePresent: false,
      withdrawnAt: null,
    });
    expect(await api['disclosures:overrides']({ id })).toEqual([saved]);
    expect(events).toContain('data:changed');
    const effective = effectiveElements(check.elements, [saved], 'en', NO_CHARGES);
    expect(effectiveMissing(effective)).not.toContain('data-charges');
    await ctx.close();
  });

  it('records "not sufficient" on a present element with the sentence the checks took as evidence', async () => {
    const { ctx, api } = await workspace();
    const d = await api['disclosures:create']({ surface: 'alimtalk' });
    const check = await api['disclosures:check']({ text: d.enText, locale: 'en', surface: 'alimtalk' });
    const found = check.elements.find((e) => e.id === 'how-to-refuse')!;
    expect(found.present).toBe(true);
    const saved = await api['disclosures:overrule']({
      id: d.id,
      locale: 'en',
      element: 'how-to-refuse',
      verdict: 'insufficient',
      reason: 'Does not say where the setting is on iOS.',
      reviewer: '김법무',
    });
    expect(saved).toMatchObject({ verdict: 'insufficient', enginePresent: true, evidence: { start: found.start, end: found.end } });
    expect(d.enText.slice(found.start, found.end)).toBe(saved.evidence.quote);
    const effective = effectiveElements(check.elements, [saved], 'en', d.enText);
    expect(effectiveMissing(effective)).toEqual(['how-to-refuse']);
    expect(effective.find((e) => e.id === 'how-to-refuse')!.engine.present).toBe(true);
    await ctx.close();
  });

  it('keeps one override in force per element: a new one withdraws the old, which stays on record', async () => {
    const { ctx, api, id } = await withMissingCharges();
    const first = await api['disclosures:overrule'](present(id));
    const second = await api['disclosures:overrule'](present(id, { reason: 'Billed like any message, second look.', reviewer: 'Lee' }));
    expect(await api['disclosures:overrides']({ id })).toEqual([second]);
    const all = await api['disclosures:overrides']({ id, withdrawn: true });
    expect(all.map((o) => o.id)).toEqual([first.id, second.id]);
    expect(all[0]).toMatchObject({ withdrawnBy: 'Lee', withdrawnAt: second.createdAt });
    await ctx.close();
  });

  it('withdraws an override, keeping who and when, and refuses to withdraw it twice or from another disclosure', async () => {
    const { ctx, api, id } = await withMissingCharges();
    const saved = await api['disclosures:overrule'](present(id));
    const other = await api['disclosures:create']({ surface: 'install' });
    const wrong = await errorOf(api['disclosures:withdrawOverride']({ id: other.id, overrideId: saved.id, reviewer: 'Kim' }));
    expect(wrong).toMatchObject({ code: 'not-found', key: 'checks.override-not-found' });
    const withdrawn = await api['disclosures:withdrawOverride']({ id, overrideId: saved.id, reviewer: 'Park' });
    expect(withdrawn.withdrawnBy).toBe('Park');
    expect(withdrawn.withdrawnAt).toBeGreaterThanOrEqual(saved.createdAt);
    expect(await api['disclosures:overrides']({ id })).toEqual([]);
    expect(await api['disclosures:overrides']({ id, withdrawn: true })).toEqual([withdrawn]);
    const again = await errorOf(api['disclosures:withdrawOverride']({ id, overrideId: saved.id, reviewer: 'Park' }));
    expect(again.code).toBe('not-found');
    await ctx.close();
  });

  it('keeps an override when the text is edited, follows its quote when it moves, and flags it stale when it is gone', async () => {
    const { ctx, api, id, check } = await withMissingCharges();
    const saved = await api['disclosures:overrule'](present(id));
    const moved = `Hello.\n\n${NO_CHARGES}`;
    await api['disclosures:update']({ id, enText: moved });
    const [kept] = await api['disclosures:overrides']({ id });
    expect(kept).toEqual(saved);
    const after = effectiveElements(check.elements, [kept!], 'en', moved).find((e) => e.id === 'data-charges')!;
    expect(after).toMatchObject({ stale: false, present: true, evidence: { start: moved.indexOf(quote), text: quote } });
    const gone = NO_CHARGES.replace(quote, 'Receiving them is part of your plan.');
    await api['disclosures:update']({ id, enText: gone });
    const stale = effectiveElements(check.elements, await api['disclosures:overrides']({ id }), 'en', gone).find((e) => e.id === 'data-charges')!;
    expect(stale).toMatchObject({ stale: true, present: false });
    expect(stale.override?.id).toBe(saved.id);
    await ctx.close();
  });

  it('refuses an element the surface does not require, a range outside or unlike the saved text, and a blank selection', async () => {
    const { ctx, api, id } = await withMissingCharges();
    const unknown = await errorOf(api['disclosures:overrule'](present(id, { element: 'url-use' })));
    expect(unknown).toMatchObject({ code: 'bad-input', key: 'checks.unknown-element' });
    expect(formatMessage('checks.unknown-element', unknown.params, 'ko')).toContain('"url-use" 항목은 alimtalk 고지문의 필수 항목이 아닙니다');
    const outside = await errorOf(api['disclosures:overrule'](present(id, { evidence: { start: 5000, end: 5003, quote: 'abc' } })));
    expect(outside).toMatchObject({ code: 'bad-input', key: 'checks.evidence-outside' });
    const changed = await errorOf(api['disclosures:overrule'](present(id, { evidence: { start: 0, end: 4, quote: 'Ajax' } })));
    expect(changed).toMatchObject({ code: 'conflict', key: 'checks.evidence-changed' });
    expect(formatMessage('checks.evidence-changed', changed.params, 'ko')).toBe('본문이 바뀌어 고른 자리에 다음 문구가 더 이상 없습니다: "Ajax". 다시 선택하세요.');
    const blankAt = NO_CHARGES.indexOf('\n\n');
    const blank = await errorOf(api['disclosures:overrule'](present(id, { evidence: { start: blankAt, end: blankAt + 2, quote: '\n\n' } })));
    expect(blank).toMatchObject({ code: 'bad-input', key: 'checks.evidence-blank' });
    expect(await api['disclosures:overrides']({ id })).toEqual([]);
    await ctx.close();
  });

  it('refuses a reason or name that is empty or too long, a range that is not its quote, and evidence with "not sufficient"', async () => {
    const { ctx, api, id } = await withMissingCharges();
    const bad = async (input: Record<string, unknown>) => (await errorOf(api['disclosures:overrule'](input as never))).code;
    expect(await bad(present(id, { reason: '   ' }))).toBe('bad-input');
    expect(await bad(present(id, { reason: 'x'.repeat(1001) }))).toBe('bad-input');
    expect(await bad(present(id, { reviewer: '' }))).toBe('bad-input');
    expect(await bad(present(id, { reviewer: 'x'.repeat(101) }))).toBe('bad-input');
    expect(await bad(present(id, { evidence: { start: 10, end: 12, quote: 'abc' } }))).toBe('bad-input');
    expect(await bad(present(id, { evidence: undefined }))).toBe('bad-input');
    expect(await bad(present(id, { element: '../x' }))).toBe('bad-input');
    expect(await bad(present(id, { verdict: 'insufficient' }))).toBe('bad-input');
    expect(await bad(present(id, { locale: 'fr' }))).toBe('bad-input');
    expect(await bad(present(id, { id: 999 }))).toBe('not-found');
    expect(await api['disclosures:overrides']({ id })).toEqual([]);
    await ctx.close();
  });

  it('refuses to overrule a verdict the checks already agree with', async () => {
    const { ctx, api, id, check } = await withMissingCharges();
    expect(check.missing).not.toContain('how-to-refuse');
    const at = NO_CHARGES.indexOf('To stop');
    const agree = await errorOf(
      api['disclosures:overrule'](present(id, { element: 'how-to-refuse', evidence: { start: at, end: at + 7, quote: 'To stop' } })),
    );
    expect(agree).toMatchObject({ code: 'conflict', key: 'checks.already-present' });
    const missing = await errorOf(
      api['disclosures:overrule']({ id, locale: 'en', element: 'data-charges', verdict: 'insufficient', reason: 'r', reviewer: 'K' }),
    );
    expect(missing).toMatchObject({ code: 'conflict', key: 'checks.already-missing' });
    await ctx.close();
  });

  it('freezes the overrides of an approved disclosure, and deletes them with a draft that is deleted', async () => {
    const { ctx, api, id } = await withMissingCharges();
    const saved = await api['disclosures:overrule'](present(id));
    await api['disclosures:setStatus']({ id, status: 'in-review', actor: 'Lee' });
    await api['disclosures:setStatus']({ id, status: 'approved', actor: 'Kim' });
    const frozen = await errorOf(api['disclosures:overrule'](present(id)));
    expect(frozen).toMatchObject({ code: 'conflict', key: 'checks.frozen' });
    expect(isErrorKey(frozen.key)).toBe(true);
    const noWithdraw = await errorOf(api['disclosures:withdrawOverride']({ id, overrideId: saved.id, reviewer: 'K' }));
    expect(noWithdraw.key).toBe('checks.frozen');
    // Reviewed: kept for the record, never deleted.
    expect((await errorOf(api['disclosures:delete']({ id }))).key).toBe('review.delete-reviewed');
    const copy = await api['disclosures:duplicate']({ id, actor: 'Lee' });
    expect(copy.derivedFrom).toBe(id);
    await api['disclosures:overrule'](present(copy.id));
    await api['disclosures:delete']({ id: copy.id });
    const db = ctx.workspace().db;
    expect(db.prepare('SELECT count(*) AS n FROM check_overrides WHERE disclosure_id = ?').get(copy.id)).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM check_overrides WHERE disclosure_id = ?').get(id)).toEqual({ n: 1 });
    await ctx.close();
  });

  it('refuses approval while an element is missing in effect, and allows it once a reviewer rules it present', async () => {
    const { ctx, api, id } = await withMissingCharges();
    await api['disclosures:setStatus']({ id, status: 'in-review', actor: 'Lee' });
    const refused = await errorOf(api['disclosures:setStatus']({ id, status: 'approved', actor: 'Kim' }));
    expect(refused).toMatchObject({ code: 'conflict', key: 'checks.missing-elements' });
    expect(refused.params?.missing).toBe('en: data-charges');
    expect(formatMessage('checks.missing-elements', refused.params, 'ko')).toContain('필수 항목이 빠져 있어 approved 상태로 바꿀 수 없습니다(en: data-charges)');
    // A reviewer may overrule while the version is in review.
    const saved = await api['disclosures:overrule'](present(id));
    await api['disclosures:withdrawOverride']({ id, overrideId: saved.id, reviewer: 'Kim' });
    expect((await errorOf(api['disclosures:setStatus']({ id, status: 'approved', actor: 'Kim' }))).key).toBe('checks.missing-elements');
    await api['disclosures:overrule'](present(id));
    expect((await api['disclosures:setStatus']({ id, status: 'approved', actor: 'Kim' })).status).toBe('approved');
    await ctx.close();
  });

  it('lists each disclosure with its checklist in effect: missing elements and the overrides that decide one', async () => {
    const { ctx, api, id } = await withMissingCharges();
    const complete = await api['disclosures:create']({ surface: 'install' });
    const row = async (which: number) => (await api['disclosures:list']({})).find((r) => r.id === which)!.checklist;
    expect(await row(id)).toEqual({ missing: 1, overruled: 0 });
    expect(await row(complete.id)).toEqual({ missing: 0, overruled: 0 });
    const saved = await api['disclosures:overrule'](present(id));
    expect(await row(id)).toEqual({ missing: 0, overruled: 1 });
    await api['disclosures:withdrawOverride']({ id, overrideId: saved.id, reviewer: 'Kim' });
    expect(await row(id)).toEqual({ missing: 1, overruled: 0 });
    await api['disclosures:overrule'](present(id));
    expect(await row(id)).toEqual({ missing: 0, overruled: 1 });
    await api['disclosures:update']({ id, enText: NO_CHARGES.replace(QUOTE, 'They arrive in the chat app.') });
    expect(await row(id)).toEqual({ missing: 1, overruled: 0 });
    await ctx.close();
  });

  it('opens a workspace made before overrides existed and adds the table, keeping its disclosures', async () => {
    const file = path.join(tempDir('old-'), 'old.sqlite');
    const old = openDatabase(file);
    const before = migrations.filter((m) => m.version < 12);
    await migrate(old, file, undefined, before);
    old.prepare(
      "INSERT INTO disclosures (title, surface, status, ko_text, en_text, created_at, updated_at, version) VALUES ('Old', 'alimtalk', 'draft', '', ?, 1, 1, 3)",
    ).run(NO_CHARGES);
    expect(old.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'check_overrides'").get()).toEqual({ n: 0 });
    old.close();
    const ctx = new HandlerContext({ transport: 'in-process', settings: new MemorySettingsStore(), emit: () => {} });
    const api = inProcessApi(ctx);
    const info = await api['workspace:open']({ path: file });
    expect(info.schemaVersion).toBe(latestVersion);
    const [d] = await api['disclosures:list']({});
    expect(d).toMatchObject({ title: 'Old', version: 3 });
    const saved = await api['disclosures:overrule'](present(d!.id));
    expect(saved.version).toBe(3);
    await ctx.close();
  });
});
