import type { DisclosureStatus } from './types.ts';

/**
 * Allowed status transitions (docs/review.md#workflow): draft → in review (a frozen version) →
 * approved or changes requested (a reviewer's decision, with a reason) → published (with an
 * effective date) → retired. In review can be withdrawn to draft; changes requested is edited and
 * submitted again (a new version). Approved and published are locked: editing starts a new draft
 * from them (`disclosures:duplicate`). Anything but retired can be retired.
 */
export const STATUS_TRANSITIONS: Record<DisclosureStatus, readonly DisclosureStatus[]> = {
  draft: ['in-review', 'retired'],
  'in-review': ['draft', 'approved', 'changes-requested', 'retired'],
  'changes-requested': ['draft', 'in-review', 'retired'],
  approved: ['published', 'retired'],
  published: ['retired'],
  retired: [],
};

/** True when a disclosure may move from `from` to `to`. */
export function canTransition(from: DisclosureStatus, to: DisclosureStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

/**
 * True when a disclosure in this status may still be edited: a draft, or one a reviewer sent back.
 * In review, the version under review is what the reviewer reads; approved and published texts are
 * what was signed off.
 */
export function isEditable(status: DisclosureStatus): boolean {
  return status === 'draft' || status === 'changes-requested';
}

/** True while reviewers may still overrule a check verdict (before sign-off). */
export function canOverrule(status: DisclosureStatus): boolean {
  return status === 'draft' || status === 'in-review' || status === 'changes-requested';
}

/** Transitions that a person must put their name to (Settings' name): submission and decisions. */
export function needsActor(to: DisclosureStatus): boolean {
  return to === 'in-review' || to === 'approved' || to === 'changes-requested' || to === 'published';
}
