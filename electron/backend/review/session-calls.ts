import { userError } from '../../../shared/contract/errors.ts';
import type { CallName } from '../../../shared/contract/index.ts';
import { REVIEWER_STATUSES } from '../../../shared/review/session.ts';
import type { HandlerContext } from '../context.ts';

/**
 * What each call may do in a review file's session: `reviewer` — reading, or what a reviewer does
 * (comments, thread status, checklist rulings, the decision, saving the file, leaving the session);
 * `author` — changing the text, the data or the workspace, refused there. Every call is named, so a
 * new call must be placed before it compiles.
 */
export const REVIEW_SESSION_CALLS: Record<CallName, 'reviewer' | 'author'> = {
  'app:info': 'reviewer',
  'app:openExternal': 'reviewer',
  'audit:list': 'reviewer',
  'audit:verify': 'reviewer',
  'demo:create': 'reviewer', // leaves the session for the demo workspace
  'disclosures:check': 'reviewer',
  'disclosures:create': 'author',
  'disclosures:delete': 'author',
  'disclosures:duplicate': 'author',
  'disclosures:export': 'reviewer',
  'disclosures:get': 'reviewer',
  'disclosures:list': 'reviewer',
  'disclosures:overrides': 'reviewer',
  'disclosures:overrule': 'reviewer',
  'disclosures:rules': 'reviewer',
  'disclosures:setStatus': 'reviewer', // to REVIEWER_STATUSES only (below)
  'disclosures:setVariables': 'author',
  'disclosures:templates': 'reviewer',
  'disclosures:update': 'author',
  'disclosures:variables': 'reviewer',
  'disclosures:withdrawOverride': 'reviewer',
  'evidence:verify': 'reviewer',
  'evidence:write': 'author',
  'imports:cancel': 'reviewer',
  'imports:confirmWatchFolder': 'author',
  'imports:delete': 'author',
  'imports:deletePreset': 'author',
  'imports:exportRejects': 'reviewer',
  'imports:list': 'reviewer',
  'imports:presets': 'reviewer',
  'imports:preview': 'reviewer',
  'imports:privacy': 'reviewer',
  'imports:rejects': 'reviewer',
  'imports:results': 'reviewer',
  'imports:savePreset': 'author',
  'imports:setPrivacy': 'author',
  'imports:setWatchFolder': 'author',
  'imports:start': 'author',
  'imports:watchFolder': 'reviewer',
  'imports:watchLog': 'reviewer',
  'markers:add': 'author',
  'markers:around': 'reviewer',
  'markers:list': 'reviewer',
  'markers:remove': 'author',
  'metrics:coverage': 'reviewer',
  'metrics:datacost': 'reviewer',
  'metrics:dimensions': 'reviewer',
  'metrics:exportCsv': 'reviewer',
  'metrics:getCostModel': 'reviewer',
  'metrics:getFilters': 'reviewer',
  'metrics:optout': 'reviewer',
  'metrics:overview': 'reviewer',
  'metrics:refusals': 'reviewer',
  'metrics:resetCostModel': 'author',
  'metrics:setCostModel': 'author',
  'metrics:setFilters': 'reviewer',
  'metrics:urls': 'reviewer',
  'metrics:volume': 'reviewer',
  'review:comment': 'reviewer',
  'review:compare': 'reviewer',
  'review:decisions': 'reviewer',
  'review:deleteComment': 'reviewer',
  'review:editComment': 'reviewer',
  'review:exportFile': 'reviewer',
  'review:exportThreads': 'reviewer',
  'review:importFile': 'author',
  'review:openFile': 'reviewer', // opens another review file in its place
  'review:reply': 'reviewer',
  'review:saveFile': 'reviewer',
  'review:setThreadStatus': 'reviewer',
  'review:threads': 'reviewer',
  'review:version': 'reviewer',
  'review:versions': 'reviewer',
  'settings:get': 'reviewer',
  'settings:set': 'reviewer',
  'workspace:close': 'reviewer',
  'workspace:connectWarehouse': 'reviewer', // leaves the session for the new ClickHouse workspace
  'workspace:create': 'reviewer',
  'workspace:current': 'reviewer',
  'workspace:list': 'reviewer',
  'workspace:open': 'reviewer',
  'workspace:passwordStorage': 'reviewer',
  'workspace:pickPath': 'reviewer',
  'workspace:setTimeZone': 'author',
  'workspace:setWarehousePassword': 'author',
};

/** Refuses, in a review file's session, a call (or a status) that is the author's; does nothing elsewhere. */
export function assertReviewerMay(name: CallName, input: unknown, ctx: HandlerContext): void {
  const origin = ctx.session?.reviewFile;
  if (!origin) return;
  const status = name === 'disclosures:setStatus' ? (input as { status: string }).status : null;
  if (REVIEW_SESSION_CALLS[name] === 'reviewer' && (status === null || (REVIEWER_STATUSES as readonly string[]).includes(status))) return;
  const call = status === null ? name : `${name} → ${status}`;
  throw userError('conflict', 'review.session-reviewer-only', { file: origin.fileName, call }, { call });
}
