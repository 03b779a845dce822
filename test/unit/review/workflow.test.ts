import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HandlerContext } from '../../../electron/backend/context.ts';
import { openDatabase } from '../../../electron/backend/db/connection.ts';
import { migrate } from '../../../electron/backend/db/migrate.ts';
import { latestVersion as latestSchema, migrations } from '../../../electron/backend/db/migrations/index.ts';
import { inProcessApi } from '../../../electron/backend/dispatch.ts';
import { versionSha256 } from '../../../electron/backend/review/review-repo.ts';
import { MemorySettingsStore } from '../../../electron/backend/settings-store.ts';
import type { AppError } from '../../../shared/contract/errors.ts';
import { formatMessage } from '../../../shared/contract/messages/index.ts';
import { STATUS_TRANSITIONS } from '../../../shared/disclosures/status.ts';
import { DISCLOSURE_STATUSES, type DisclosureStatus } from '../../../shared/disclosures/types.ts';
import { NO_CHARGES, ruledPresent } from '../../fixtures/disclosures/no-charges.ts';
import { tempDir } from '../helpers/tmp.ts';

async function workspace(file = path.join(tempDir('review-'), 'ws.sqlite')) {
  const ctx = new HandlerContext({ transport: 'in-process', settings: new MemorySettingsStore(), emit: () => {} });
  const api = inProcessApi(ctx);
  await api['workspace:create']({ path: file });
  return { ctx, api, db: () => ctx.workspace().db, file };
}

function errorOf(promise: Promise<unknown>): Promise<AppError> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e as AppError,
  );
}

/** The shortest way to bring a fresh draft to a status, naming who does each step. */
async function bringTo(api: Awaited<ReturnType<typeof workspace>>['api'], id: number, status: DisclosureStatus): Promise<void> {
  const path: Record<DisclosureStatus, DisclosureStatus[]> = {
    draft: [],
    'in-review': ['in-review'],
    'changes-requested': ['in-review', 'changes-requested'],
    approved: ['in-review', 'approved'],
    published: ['in-review', 'approved', 'published'],
    retired: ['retired'],
  };
  for (const to of path[status]) await api['disclosures:setStatus']({ id, status: to, actor: '김법무', note: to === 'changes-requested' ? '요금 문장을 고쳐 주세요' : undefined });
}

describe('the sign-off workflow', () => {
  it('allows exactly the transitions of the workflow, and refuses every other with a clear error', async () => {
    const { ctx, api } = await workspace();
    for (const from of DISCLOSURE_STATUSES) {
      for (const to of DISCLOSURE_STATUSES) {
        if (from === to) continue;
        const d = await api['disclosures:create']({ surface: 'install' });
        await bringTo(api, d.id, from);
        const call = api['disclosures:setStatus']({ id: d.id, status: to, actor: '김법무', note: '사유' });
        if (STATUS_TRANSITIONS[from].includes(to)) {
          expect((await call).status, `${from} → ${to}`).toBe(to);
        } else {
          const e = await errorOf(call);
          expect(e, `${from} → ${to}`).toMatchObject({ code: 'conflict', key: 'disclosures.bad-transition' });
          expect(formatMessage('disclosures.bad-transition', e.params, 'ko')).toContain(`${from} → ${to}`);
        }
      }
    }
    await ctx.close();
  });

  it('needs a name to submit, decide and publish, and a reason to request changes', async () => {
    const { ctx, api } = await workspace();
    const d = await api['disclosures:create']({ surface: 'install' });
    expect(await errorOf(api['disclosures:setStatus']({ id: d.id, status: 'in-review' }))).toMatchObject({ code: 'bad-input', key: 'review.name-required' });
    await api['disclosures:setStatus']({ id: d.id, status: 'in-review', actor: '이작성' });
    expect((await errorOf(api['disclosures:setStatus']({ id: d.id, status: 'changes-requested', actor: '김법무' }))).key).toBe('review.reason-required');
    expect((await errorOf(api['disclosures:setStatus']({ id: d.id, status: 'changes-requested', actor: '김법무', note: '   ' }))).key).toBe('review.reason-required');
    expect((await api['disclosures:get']({ id: d.id })).status).toBe('in-review');
    await ctx.close();
  });

  it('freezes a version on submission, locks the text under review and after approval, and records decisions with the version hash', async () => {
    const { ctx, api } = await workspace();
    const d = await api['disclosures:create']({ surface: 'alimtalk' });
    await api['disclosures:setStatus']({ id: d.id, status: 'in-review', actor: '이작성' });
    expect(await errorOf(api['disclosures:update']({ id: d.id, koText: 'x' }))).toMatchObject({ code: 'conflict', key: 'disclosures.locked' });
    await api['disclosures:setStatus']({ id: d.id, status: 'changes-requested', actor: '김법무', note: '요금 문장을 고쳐 주세요' });
    await api['disclosures:update']({ id: d.id, koText: `${d.koText}\n\n추가 문장입니다.` });
    await api['disclosures:setStatus']({ id: d.id, status: 'in-review', actor: '이작성' });
    const approved = await api['disclosures:setStatus']({ id: d.id, status: 'approved', actor: '김법무' });
    expect(approved.status).toBe('approved');
    expect(await errorOf(api['disclosures:update']({ id: d.id, enText: 'x' }))).toMatchObject({ key: 'disclosures.locked' });

    const versions = await api['review:versions']({ id: d.id });
    expect(versions.map((v) => [v.number, v.author])).toEqual([
      [1, '이작성'],
      [2, '이작성'],
    ]);
    const v1 = await api['review:version']({ id: d.id, number: 1 });
    const v2 = await api['review:version']({ id: d.id, number: 2 });
    expect(v1.koText).toBe(d.koText);
    expect(v2.koText).toBe(`${d.koText}\n\n추가 문장입니다.`);
    expect(v1.checks.ko.elements.length).toBeGreaterThan(0);
    expect(v1.checks.missing).toEqual({ ko: [], en: [] });
    // The hash is over a canonical serialisation: recomputed from the fields, it matches.
    const { id: _id, disclosureId: _d, sha256, ...fields } = v2;
    expect(versionSha256(fields)).toBe(sha256);
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(versionSha256({ ...fields, koText: `${fields.koText} ` })).not.toBe(sha256);

    const decisions = await api['review:decisions']({ id: d.id });
    expect(decisions.map((x) => [x.versionNumber, x.decision, x.reviewer, x.reason])).toEqual([
      [1, 'changes-requested', '김법무', '요금 문장을 고쳐 주세요'],
      [2, 'approved', '김법무', ''],
    ]);
    expect(decisions[1]!.versionSha256).toBe(v2.sha256);
    expect(await errorOf(api['review:version']({ id: d.id, number: 3 }))).toMatchObject({ code: 'not-found', key: 'review.version-not-found' });
    await ctx.close();
  });

  it('starts a new draft from a published disclosure, which stays in force; a reviewed disclosure cannot be deleted', async () => {
    const { ctx, api } = await workspace();
    const d = await api['disclosures:create']({ surface: 'url-notice' });
    await bringTo(api, d.id, 'published');
    const next = await api['disclosures:duplicate']({ id: d.id, actor: '이작성' });
    expect(next).toMatchObject({ status: 'draft', derivedFrom: d.id });
    expect((await api['disclosures:get']({ id: d.id })).status).toBe('published');
    const reviewed = await api['disclosures:create']({ surface: 'install' });
    await bringTo(api, reviewed.id, 'changes-requested');
    expect(await errorOf(api['disclosures:delete']({ id: reviewed.id }))).toMatchObject({ code: 'conflict', key: 'review.delete-reviewed' });
    await ctx.close();
  });
});

describe('the audit trail', () => {
  async function withTrail() {
    const w = await workspace();
    const d = await w.api['disclosures:create']({ surface: 'alimtalk' });
    await w.api['disclosures:update']({ id: d.id, enText: NO_CHARGES });
    await w.api['disclosures:overrule'](ruledPresent(d.id));
    await bringTo(w.api, d.id, 'published');
    await w.api['disclosures:export']({ id: d.id, format: 'md', actor: '이작성' });
    return { ...w, id: d.id };
  }

  it('records every status change, version, decision, override and export, chained by hash', async () => {
    const { ctx, api, id } = await withTrail();
    const entries = (await api['audit:list']({})).reverse();
    expect(entries.map((e) => e.action)).toEqual(['override', 'version', 'status', 'decision', 'status', 'status', 'export']);
    expect(entries.every((e) => e.subject === `disclosure:${id}`)).toBe(true);
    expect(entries[3]).toMatchObject({ actor: '김법무', details: { decision: 'approved', version: 1 } });
    expect(entries[5]!.details).toMatchObject({ from: 'approved', to: 'published', version: 1 });
    entries.forEach((e, i) => expect(e.prevHash).toBe(i === 0 ? '0'.repeat(64) : entries[i - 1]!.hash));
    const verified = await api['audit:verify']({});
    expect(verified).toEqual({ ok: true, entries: 7, firstBad: null, head: entries.at(-1)!.hash });
    await ctx.close();
  });

  it('finds the first entry that was edited, deleted or inserted', async () => {
    for (const tamper of ['edit-details', 'edit-actor', 'delete', 'insert', 'reorder'] as const) {
      const { ctx, api, db } = await withTrail();
      const raw = db();
      if (tamper === 'edit-details') raw.prepare(`UPDATE audit_log SET details = replace(details, '"approved"', '"changes-requested"') WHERE seq = 4`).run();
      if (tamper === 'edit-actor') raw.prepare(`UPDATE audit_log SET actor = '다른사람' WHERE seq = 4`).run();
      if (tamper === 'delete') raw.prepare('DELETE FROM audit_log WHERE seq = 4').run();
      if (tamper === 'insert') {
        // Shift the later entries up and put a forged one at 4, carrying the right link to 3.
        raw.prepare('UPDATE audit_log SET seq = seq + 100 WHERE seq >= 4').run();
        raw.prepare('UPDATE audit_log SET seq = seq - 99 WHERE seq >= 104').run();
        const prev = raw.prepare('SELECT hash FROM audit_log WHERE seq = 3').get() as { hash: string };
        raw.prepare("INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash) VALUES (4, 1, 'x', 'decision', 'disclosure:1', '{}', ?, ?)").run(prev.hash, 'f'.repeat(64));
      }
      if (tamper === 'reorder') raw.prepare('UPDATE audit_log SET at = at + 1 WHERE seq = 4').run();
      const result = await api['audit:verify']({});
      expect(result.ok, tamper).toBe(false);
      expect(result.firstBad, tamper).toEqual({ seq: 4, reason: tamper === 'delete' ? 'gap' : 'hash' });
      expect(result.entries, tamper).toBe(3);
      await ctx.close();
    }
  });

  it('keeps a workspace made before the review existed: disclosures, history and overrides survive the table rebuild', async () => {
    const file = path.join(tempDir('old-review-'), 'old.sqlite');
    const old = openDatabase(file);
    await migrate(old, file, undefined, migrations.filter((m) => m.version < 14));
    old.prepare(
      "INSERT INTO disclosures (id, title, surface, status, ko_text, en_text, created_at, updated_at, published_at, effective_at, version) VALUES (7, 'Old', 'alimtalk', 'published', '한', ?, 1, 2, 3, 4, 5)",
    ).run(NO_CHARGES);
    old.prepare("INSERT INTO disclosure_status_history (disclosure_id, from_status, to_status, changed_at, note) VALUES (7, NULL, 'draft', 1, NULL), (7, 'approved', 'published', 3, 'ok')").run();
    old.prepare(
      `INSERT INTO check_overrides (disclosure_id, locale, element, verdict, evidence_start, evidence_end, evidence_quote, reason, reviewer, created_at, disclosure_version, text_sha256, engine_present)
       VALUES (7, 'en', 'data-charges', 'present', 0, 3, 'abc', 'r', 'K', 1, 5, 'x', 0)`,
    ).run();
    old.close();
    const ctx = new HandlerContext({ transport: 'in-process', settings: new MemorySettingsStore(), emit: () => {} });
    const api = inProcessApi(ctx);
    expect((await api['workspace:open']({ path: file })).schemaVersion).toBe(latestSchema);
    const d = await api['disclosures:get']({ id: 7 });
    expect(d).toMatchObject({ title: 'Old', status: 'published', publishedAt: 3, effectiveAt: 4, version: 5, derivedFrom: null, enText: NO_CHARGES });
    expect(d.history.map((h) => h.to)).toEqual(['draft', 'published']);
    expect(await api['disclosures:overrides']({ id: 7 })).toHaveLength(1);
    const db = ctx.workspace().db;
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // The rebuilt table still cascades: a draft deleted takes its overrides with it.
    const draft = await api['disclosures:create']({ surface: 'install' });
    await api['disclosures:overrule']({ ...ruledPresent(draft.id), element: 'data-charges' }).catch(() => undefined);
    await api['disclosures:delete']({ id: draft.id });
    expect(db.prepare('SELECT count(*) AS n FROM disclosure_status_history WHERE disclosure_id = ?').get(draft.id)).toEqual({ n: 0 });
    await ctx.close();
  });
});
