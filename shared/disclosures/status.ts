import type { DisclosureStatus } from './types.ts';

/**
 * Allowed status transitions: draft → in review → approved → published → retired, with the
 * way back (send back to draft from review or approval; retire from any state but retired).
 */
export const STATUS_TRANSITIONS: Record<DisclosureStatus, readonly DisclosureStatus[]> = {
  draft: ['in-review', 'retired'],
  'in-review': ['draft', 'approved', 'retired'],
  approved: ['draft', 'in-review', 'published', 'retired'],
  published: ['retired'],
  retired: [],
};

/** True when a disclosure may move from `from` to `to`. */
export function canTransition(from: DisclosureStatus, to: DisclosureStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

/**
 * True when a disclosure in this status may still be edited. Approved and published texts are
 * frozen (what a reviewer approved is what is published); send an approved one back to draft first.
 */
export function isEditable(status: DisclosureStatus): boolean {
  return status === 'draft' || status === 'in-review';
}
