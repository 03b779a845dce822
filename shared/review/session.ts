import type { DisclosureStatus } from '../disclosures/types.ts';

/**
 * In a review file's session (a .noticereview opened with no workspace) the reviewer decides: these
 * are the only statuses they may move the version in review to. Submitting again, withdrawing,
 * retiring or starting a new draft belong to the author, in the workspace the file came from — a
 * version made in the session would be refused there.
 */
export const REVIEWER_STATUSES: readonly DisclosureStatus[] = ['approved', 'changes-requested'];
