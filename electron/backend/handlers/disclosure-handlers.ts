import { createHash } from 'node:crypto';
import type { disclosureCalls } from '../../../shared/contract/disclosures.ts';
import { userError } from '../../../shared/contract/errors.ts';
import { canOverrule, isEditable } from '../../../shared/disclosures/status.ts';
import type { Disclosure } from '../../../shared/disclosures/types.ts';
import type { HandlerContext } from '../context.ts';
import {
  deleteDisclosure,
  mustGetDisclosure,
  insertDisclosure,
  listDisclosures,
  updateDisclosure,
} from '../db/disclosures-repo.ts';
import { getCheckOverride, insertCheckOverride, listCheckOverrides, withdrawCheckOverride } from '../db/check-overrides-repo.ts';
import { checklistInEffect, runChecks } from '../disclosures/checklist.ts';
import { exportDisclosure, exportFileName } from '../disclosures/export.ts';
import { loadDisclosureRules, loadRuleSet, loadTemplate, loadTemplates } from '../disclosures/resources.ts';
import { workspaceVariables, writeVariableOverrides } from '../disclosures/variables.ts';
import { workspaceTimeZone } from '../db/workspace-settings.ts';
import { appendAudit } from '../review/audit.ts';
import { listVersionSummaries } from '../review/review-repo.ts';
import { transition } from '../review/workflow.ts';
import { givenSavePath, savePath } from './save-path.ts';
import type { HandlersFor } from './types.ts';


/** The media type of each export format (for a cancelled save, which carries no bytes). */
const EXPORT_MIME = { pdf: 'application/pdf', html: 'text/html; charset=utf-8', md: 'text/markdown; charset=utf-8' } as const;

/** Overrides change the checklist only of a text still open to review (draft, in review). */
function mustBeOpen(d: Disclosure): void {
  if (!canOverrule(d.status)) throw userError('conflict', 'checks.frozen', { title: d.title, status: d.status }, { id: d.id, status: d.status });
}

function changed(ctx: HandlerContext): void {
  ctx.host.emit('data:changed', { reason: 'disclosures' });
}

export const disclosureHandlers: HandlersFor<keyof typeof disclosureCalls> = {
  'disclosures:list': (_input, ctx) => {
    const { db } = ctx.workspace();
    return listDisclosures(db).map((summary) => {
      const { missing, overruled } = checklistInEffect(db, mustGetDisclosure(db, summary.id));
      return { ...summary, checklist: { missing: missing.ko.length + missing.en.length, overruled } };
    });
  },
  'disclosures:get': (input, ctx) => mustGetDisclosure(ctx.workspace().db, input.id),
  'disclosures:create': (input, ctx) => {
    const { db } = ctx.workspace();
    const ko = input.from === 'template' ? loadTemplate(input.surface, 'ko') : null;
    const en = input.from === 'template' ? loadTemplate(input.surface, 'en') : null;
    const title = input.title ?? ko?.title ?? loadTemplate(input.surface, 'ko').title;
    const id = insertDisclosure(db, { title, surface: input.surface, koText: ko?.text ?? '', enText: en?.text ?? '' }, Date.now());
    changed(ctx);
    return mustGetDisclosure(db, id);
  },
  'disclosures:update': (input, ctx) => {
    const { db } = ctx.workspace();
    const current = mustGetDisclosure(db, input.id);
    if (!isEditable(current.status)) {
      throw userError('conflict', 'disclosures.locked', { title: current.title, status: current.status }, { id: input.id, status: current.status });
    }
    const saved = updateDisclosure(
      db,
      input.id,
      { title: input.title, surface: input.surface, koText: input.koText, enText: input.enText },
      Math.max(Date.now(), current.updatedAt),
      input.expectedVersion,
    );
    if (!saved) {
      throw userError('conflict', 'disclosures.changed-elsewhere', { title: current.title, version: current.version }, {
        id: input.id,
        version: current.version,
      });
    }
    return { id: input.id, ...saved };
  },
  'disclosures:setStatus': (input, ctx) => {
    const { db } = ctx.workspace();
    const current = mustGetDisclosure(db, input.id);
    if (current.status === input.status) return current;
    const { disclosure } = transition(db, input.id, {
      to: input.status,
      actor: input.actor,
      ...(input.note !== undefined ? { note: input.note } : {}),
      ...(input.effectiveAt !== undefined ? { effectiveAt: input.effectiveAt } : {}),
      now: Math.max(Date.now(), current.updatedAt),
    });
    changed(ctx);
    return disclosure;
  },
  'disclosures:duplicate': (input, ctx) => {
    const { db } = ctx.workspace();
    const source = mustGetDisclosure(db, input.id);
    const title = input.title ?? `${source.title} (사본 / copy)`;
    const now = Date.now();
    const id = db.transaction(() => {
      const made = insertDisclosure(db, { title, surface: source.surface, koText: source.koText, enText: source.enText, derivedFrom: source.id }, now);
      appendAudit(db, { at: now, actor: input.actor, action: 'draft-from', subject: `disclosure:${made}`, details: { from: source.id, fromStatus: source.status } });
      return made;
    })();
    changed(ctx);
    return mustGetDisclosure(db, id);
  },
  'disclosures:delete': (input, ctx) => {
    const { db } = ctx.workspace();
    const current = mustGetDisclosure(db, input.id);
    if (current.publishedAt !== null) {
      throw userError('conflict', 'disclosures.published-no-delete', { title: current.title }, { id: input.id });
    }
    const versions = listVersionSummaries(db, input.id).length;
    if (versions > 0) throw userError('conflict', 'review.delete-reviewed', { title: current.title, count: versions }, { id: input.id });
    deleteDisclosure(db, input.id);
    changed(ctx);
    return null;
  },
  'disclosures:variables': (_input, ctx) => workspaceVariables(ctx.session?.db ?? null),
  'disclosures:setVariables': (input, ctx) => {
    const { db } = ctx.workspace();
    writeVariableOverrides(db, input.overrides);
    changed(ctx);
    return workspaceVariables(db);
  },
  'disclosures:templates': () => loadTemplates(),
  'disclosures:rules': () => loadDisclosureRules(),
  'disclosures:check': (input, ctx) => {
    const result = runChecks(ctx.session?.db ?? null, input.text, input.locale, input.surface);
    return { locale: input.locale, surface: input.surface, ...result };
  },
  'disclosures:overrides': (input, ctx) => {
    const { db } = ctx.workspace();
    mustGetDisclosure(db, input.id);
    return listCheckOverrides(db, input.id, { withdrawn: input.withdrawn });
  },
  'disclosures:overrule': (input, ctx) => {
    const { db } = ctx.workspace();
    const d = mustGetDisclosure(db, input.id);
    mustBeOpen(d);
    const allowed = loadRuleSet(input.locale).requirements.filter((r) => r.surfaces.includes(d.surface)).map((r) => r.id);
    if (!allowed.includes(input.element)) {
      throw userError('bad-input', 'checks.unknown-element', { element: input.element, surface: d.surface, allowed: allowed.join(', ') });
    }
    const text = input.locale === 'ko' ? d.koText : d.enText;
    const check = runChecks(db, text, input.locale, d.surface);
    const enginePresent = !check.missing.includes(input.element);
    let evidence: { start: number; end: number; quote: string };
    if (input.verdict === 'present') {
      if (enginePresent) throw userError('conflict', 'checks.already-present', { element: input.element });
      const { start, end, quote } = input.evidence;
      if (end > text.length) throw userError('bad-input', 'checks.evidence-outside', { start, end, length: text.length });
      if (text.slice(start, end) !== quote) throw userError('conflict', 'checks.evidence-changed', { quote: quote.slice(0, 80) });
      if (!/[\p{L}\p{N}]/u.test(quote)) throw userError('bad-input', 'checks.evidence-blank');
      evidence = { start, end, quote };
    } else {
      if (!enginePresent) throw userError('conflict', 'checks.already-missing', { element: input.element });
      // The sentence the checks took as evidence is the one judged not sufficient.
      const found = check.elements.find((e) => e.id === input.element);
      const start = found?.start ?? 0;
      const end = found?.end ?? 0;
      evidence = { start, end, quote: text.slice(start, end) };
    }
    const now = Date.now();
    const saved = db.transaction(() => {
      const made = insertCheckOverride(db, {
      disclosureId: d.id,
      locale: input.locale,
      element: input.element,
      verdict: input.verdict,
      evidence,
      reason: input.reason,
      reviewer: input.reviewer,
      createdAt: now,
      version: d.version,
      textSha256: createHash('sha256').update(text, 'utf8').digest('hex'),
      enginePresent,
      });
      appendAudit(db, {
        at: now,
        actor: input.reviewer,
        action: 'override',
        subject: `disclosure:${d.id}`,
        details: { override: made.id, locale: input.locale, element: input.element, verdict: input.verdict, reason: input.reason, quote: evidence.quote.slice(0, 200) },
      });
      return made;
    })();
    changed(ctx);
    return saved;
  },
  'disclosures:withdrawOverride': (input, ctx) => {
    const { db } = ctx.workspace();
    const d = mustGetDisclosure(db, input.id);
    const found = getCheckOverride(db, input.overrideId);
    if (!found || found.disclosureId !== d.id || found.withdrawnAt !== null) {
      throw userError('not-found', 'checks.override-not-found', { id: d.id, overrideId: input.overrideId });
    }
    mustBeOpen(d);
    const at = Math.max(Date.now(), found.createdAt);
    db.transaction(() => {
      withdrawCheckOverride(db, found.id, input.reviewer, at);
      appendAudit(db, { at, actor: input.reviewer, action: 'override-withdraw', subject: `disclosure:${d.id}`, details: { override: found.id, element: found.element, locale: found.locale } });
    })();
    changed(ctx);
    return getCheckOverride(db, found.id)!;
  },
  'disclosures:export': async (input, ctx) => {
    const given = givenSavePath(ctx, input.path);
    const session = ctx.workspace();
    const disclosure = mustGetDisclosure(session.db, input.id);
    const fileName = exportFileName(disclosure.title, disclosure.id, input.format);
    const target = await savePath(ctx, given, fileName);
    if (target === null) return { path: null, fileName, mimeType: EXPORT_MIME[input.format], bytes: 0, base64: null };
    const result = await exportDisclosure(disclosure, input.format, {
      overrides: listCheckOverrides(session.db, disclosure.id),
      variables: workspaceVariables(session.db).values,
      timeZone: workspaceTimeZone(session.db),
      rules: loadDisclosureRules(),
      ...(target !== undefined ? { path: target } : {}),
    });
    appendAudit(session.db, {
      at: Date.now(),
      actor: input.actor,
      action: 'export',
      subject: `disclosure:${disclosure.id}`,
      details: { format: input.format, fileName: result.fileName, bytes: result.bytes, status: disclosure.status, draftVersion: disclosure.version },
    });
    return result;
  },
};
