import type { ConsentAction, NotificationStatus } from '../../../shared/domain/canonical.ts';
import { emptyRefusals } from '../../../shared/metrics/empty.ts';
import type { RefusalMessage, RefusalsResult } from '../../../shared/metrics/types.ts';
import type { Db } from '../db/connection.ts';
import { notificationDetails, violationPage, violationsByDay } from '../db/metrics-repo.ts';
import { resolveScope, toFilter, type FilterInput } from './scope.ts';

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
  const byStatus: Partial<Record<NotificationStatus, number>> = {};
  const bySender: Record<string, number> = {};
  const perBucket = new Map<string, { violations: number; byStatus: Partial<Record<NotificationStatus, number>> }>(
    scope.buckets.map((b) => [b.label, { violations: 0, byStatus: {} }]),
  );
  let violations = 0;
  for (const { day, sender_id: senderId, status: rawStatus, n } of violationsByDay(db, scope.query)) {
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
  // Only the page's rows are read from the stored violations and the notifications.
  const page = violations > offset ? violationPage(db, scope.query, offset, limit) : [];
  const details = new Map(notificationDetails(db, page.map((h) => h[0])).map((d) => [d.id, d]));
  const messages = page.map(([id, sentAt, senderId, status, latest]): RefusalMessage => {
    const d = details.get(id);
    const [action, at, sender] = latest.split('|') as [ConsentAction, string, string];
    return {
      id,
      eventId: d?.event_id ?? null,
      sentAt: new Date(sentAt).toISOString(),
      recipientId: d?.recipient_id ?? '',
      senderId,
      templateId: d?.template_id ?? null,
      category: d?.category ?? null,
      status: status as NotificationStatus,
      refusal: { action, occurredAt: new Date(Number(at)).toISOString(), scope: sender === '' ? 'platform' : 'sender' },
    };
  });
  return {
    metric: 'refusals',
    by: filter.by,
    period: scope.period,
    violations,
    byStatus,
    bySender,
    buckets: [...perBucket.entries()].map(([bucket, v]) => ({ bucket, ...v })),
    messages,
    offset,
    limit,
  };
}
