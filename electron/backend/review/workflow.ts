/**
 * The sign-off workflow (docs/review.md#workflow): every status change goes through `transition`,
 * which checks the move, freezes a version on submission, records a reviewer's decision on the
 * version in review, refuses approval and publication while a required element is missing, and
 * appends the audit entries — all in one transaction, so a change and its record are stored
 * together or not at all.
 */
import { randomUUID } from 'node:crypto';
import { userError } from '../../../shared/contract/errors.ts';
import { canTransition, needsActor, STATUS_TRANSITIONS } from '../../../shared/disclosures/status.ts';
import type { Disclosure, DisclosureStatus } from '../../../shared/disclosures/types.ts';
import type { DisclosureVersion, ReviewDecision, ReviewOrigin, VersionChecks } from '../../../shared/review/types.ts';
import type { Db } from '../db/connection.ts';
import { changeDisclosureStatus, mustGetDisclosure } from '../db/disclosures-repo.ts';
import { checklistInEffect, effectiveGaps, runChecks } from '../disclosures/checklist.ts';
import { appendAudit } from './audit.ts';
import { insertDecision, insertVersion, latestVersion } from './review-repo.ts';

/** What a status change asks for. */
export interface TransitionInput {
  to: DisclosureStatus;
  /** The person doing it (Settings' name); required to submit, decide and publish. */
  actor: string;
  /** For changes requested: the reason (required). Otherwise a note kept in the history. */
  note?: string;
  /** When publishing: when the notice takes effect (default now). */
  effectiveAt?: number;
  now: number;
  /** Where a decision was made (a review file or Word file merged back, or the app). */
  origin?: ReviewOrigin;
  /** A decision's id when it comes from elsewhere (merge by id); a new UUID otherwise. */
  decisionId?: string;
  /** The version a decision was made on, when it comes from a review file; must be the latest. */
  decidedVersion?: number;
}

export interface TransitionResult {
  disclosure: Disclosure;
  version: DisclosureVersion | null;
  decision: ReviewDecision | null;
}

/** The checks of both texts as they stand, and the verdict in effect, frozen with a version. */
export function freezeChecks(db: Db, d: Disclosure): VersionChecks {
  return {
    ko: runChecks(db, d.koText, 'ko', d.surface),
    en: runChecks(db, d.enText, 'en', d.surface),
    missing: checklistInEffect(db, d).missing,
  };
}


/** Moves a disclosure to `input.to`, with everything the move records. */
export function transition(db: Db, id: number, input: TransitionInput): TransitionResult {
  return db.transaction((): TransitionResult => {
    const current = mustGetDisclosure(db, id);
    const actor = input.actor.trim();
    if (!canTransition(current.status, input.to)) {
      const allowed = STATUS_TRANSITIONS[current.status];
      throw userError(
        'conflict',
        'disclosures.bad-transition',
        { from: current.status, to: input.to, allowed: allowed.join(', ') || '—' },
        { id, from: current.status, to: input.to, allowed },
      );
    }
    if (needsActor(input.to) && !actor) throw userError('bad-input', 'review.name-required', { action: input.to }, { id, to: input.to });
    const note = input.note?.trim() ? input.note.trim() : null;
    if (input.to === 'changes-requested' && !note) throw userError('bad-input', 'review.reason-required', undefined, { id });
    if (input.to === 'approved' || input.to === 'published') {
      const missing = effectiveGaps(db, current);
      if (missing.length) {
        throw userError('conflict', 'checks.missing-elements', { title: current.title, to: input.to, missing: missing.join('; ') }, { id, missing });
      }
    }
    const subject = `disclosure:${id}`;
    let version: DisclosureVersion | null = null;
    let decision: ReviewDecision | null = null;
    if (input.to === 'in-review') {
      version = insertVersion(db, {
        disclosureId: id,
        title: current.title,
        surface: current.surface,
        koText: current.koText,
        enText: current.enText,
        checks: freezeChecks(db, current),
        author: actor,
        createdAt: input.now,
        draftVersion: current.version,
      });
      appendAudit(db, { at: input.now, actor, action: 'version', subject, details: { number: version.number, sha256: version.sha256 } });
    }
    if (input.to === 'approved' || input.to === 'changes-requested') {
      const latest = latestVersion(db, id);
      if (!latest) throw userError('conflict', 'review.no-version', { title: current.title, action: input.to }, { id });
      if (input.decidedVersion !== undefined && input.decidedVersion !== latest.number) {
        throw userError('conflict', 'review.stale-version', { title: current.title, decided: input.decidedVersion, latest: latest.number }, { id });
      }
      decision = {
        id: input.decisionId ?? randomUUID(),
        versionNumber: latest.number,
        decision: input.to,
        reviewer: actor,
        reason: note ?? '',
        decidedAt: input.now,
        versionSha256: latest.sha256,
        origin: input.origin ?? 'app',
      };
      insertDecision(db, id, decision);
      appendAudit(db, {
        at: input.now,
        actor,
        action: 'decision',
        subject,
        details: { decision: decision.decision, id: decision.id, version: latest.number, sha256: latest.sha256, reason: decision.reason, origin: decision.origin },
      });
    }
    const effectiveAt = input.to === 'published' ? (input.effectiveAt ?? input.now) : undefined;
    changeDisclosureStatus(db, id, {
      from: current.status,
      to: input.to,
      at: input.now,
      note,
      ...(effectiveAt !== undefined ? { effectiveAt } : {}),
    });
    const published = input.to === 'published' ? latestVersion(db, id) : null;
    appendAudit(db, {
      at: input.now,
      actor,
      action: 'status',
      subject,
      details: {
        from: current.status,
        to: input.to,
        ...(note ? { note } : {}),
        ...(effectiveAt !== undefined ? { effectiveAt } : {}),
        ...(published ? { version: published.number, sha256: published.sha256 } : {}),
      },
    });
    return { disclosure: mustGetDisclosure(db, id), version, decision };
  })();
}
