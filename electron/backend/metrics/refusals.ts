import type { ConsentAction, NotificationStatus } from '../../../shared/domain/canonical.ts';
import { emptyRefusals } from '../../../shared/metrics/empty.ts';
import type { MetricFilter, RefusalMessage, RefusalsResult } from '../../../shared/metrics/types.ts';
import type { Db } from '../db/connection.ts';
import { notificationDetails, violationPage, violationsByDay } from '../db/metrics-repo.ts';
import { resolveScope, toFilter, type FilterInput, type ResolvedScope } from './scope.ts';

/** Violations per local day, sender and status (either engine's counts). */
export interface ViolationCount {
  day: number;
  sender_id: string;
  status: string;
  n: number;
}

/** A violating message's fields (absent texts as null or ''), and the refusal it ignored. */
export interface ViolationRow {
  id: number;
  eventId: string | null;
  sentAt: number;
  recipientId: string;
  senderId: string;
  templateId: string | null;
  category: string | null;
  status: string;
  /** The refusal in force: "action|occurred_at|sender ('' = platform-wide)". */
  latest: string;
}

/** A violation as the result lists it (both engines). */
export function refusalMessage(v: ViolationRow): RefusalMessage {
  const [action, at, sender] = v.latest.split('|') as [ConsentAction, string, string];
  return {
    id: v.id,
    eventId: v.eventId || null,
    sentAt: new Date(v.sentAt).toISOString(),
    recipientId: v.recipientId,
    senderId: v.senderId,
    templateId: v.templateId || null,
    category: v.category || null,
    status: v.status as NotificationStatus,
    refusal: { action, occurredAt: new Date(Number(at)).toISOString(), scope: sender === '' ? 'platform' : 'sender' },
  };
}

/** The total of violation counts. */
export function violationsIn(counts: readonly ViolationCount[]): number {
  return counts.reduce((s, c) => s + c.n, 0);
}

/** The refusals result from the scope's violation counts and one page of its violations (both engines). */
export function assembleRefusals(
  filter: MetricFilter,
  scope: ResolvedScope,
  page: { offset: number; limit: number },
  counts: readonly ViolationCount[],
  messages: RefusalMessage[],
): RefusalsResult {
  const byStatus: Partial<Record<NotificationStatus, number>> = {};
  const bySender: Record<string, number> = {};
  const perBucket = new Map<string, { violations: number; byStatus: Partial<Record<NotificationStatus, number>> }>(
    scope.buckets.map((b) => [b.label, { violations: 0, byStatus: {} }]),
  );
  let violations = 0;
  for (const { day, sender_id: senderId, status: rawStatus, n } of counts) {
    const status = rawStatus as NotificationStatus;
    violations += n;
    byStatus[status] = (byStatus[status] ?? 0) + n;
    bySender[senderId] = (bySender[senderId] ?? 0) + n;
    const b = perBucket.get(scope.label(day));
    if (b) {
      b.violations += n;
      b.byStatus[status] = (b.byStatus[status] ?? 0) + n;
    }
  }
  return {
    metric: 'refusals',
    by: filter.by,
    period: scope.period,
    violations,
    byStatus,
    bySender,
    buckets: [...perBucket.entries()].map(([bucket, v]) => ({ bucket, ...v })),
    messages,
    offset: page.offset,
    limit: page.limit,
  };
}

/** Refusals (docs/metrics.md): violations by status, sender and bucket, and one page of the messages. */
export function computeRefusals(
  db: Db,
  input: FilterInput & { offset?: number; limit?: number },
): RefusalsResult {
  const filter = toFilter(input);
  const offset = input.offset ?? 0;
  const limit = input.limit ?? 100;
  const scope = resolveScope(db, filter);
  if (!scope.query) return { ...emptyRefusals(filter.by, scope.zone), period: scope.period, offset, limit };
  const counts = violationsByDay(db, scope.query);
  // Only the page's rows are read from the stored violations and the notifications.
  const page = violationsIn(counts) > offset ? violationPage(db, scope.query, offset, limit) : [];
  const details = new Map(notificationDetails(db, page.map((h) => h[0])).map((d) => [d.id, d]));
  const messages = page.map(([id, sentAt, senderId, status, latest]): RefusalMessage => {
    const d = details.get(id);
    return refusalMessage({
      id,
      eventId: d?.event_id ?? null,
      sentAt,
      recipientId: d?.recipient_id ?? '',
      senderId,
      templateId: d?.template_id ?? null,
      category: d?.category ?? null,
      status,
      latest,
    });
  });
  return assembleRefusals(filter, scope, { offset, limit }, counts, messages);
}
