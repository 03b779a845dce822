import type { ConsentAction, NotificationStatus } from '../../../shared/domain/canonical.ts';
import { emptyRefusals } from '../../../shared/metrics/empty.ts';
import type { RefusalMessage, RefusalsResult } from '../../../shared/metrics/types.ts';
import type { Db } from '../db/connection.ts';
import { refusalViolations } from '../db/metrics-repo.ts';
import { localDay } from '../../../shared/metrics/calendar.ts';
import { resolveScope, toFilter, type FilterInput } from './scope.ts';

/** Refusals (METRICS.md): violations by status, sender and bucket, and one page of the messages. */
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
  const messages: RefusalMessage[] = [];
  let violations = 0;
  for (const r of refusalViolations(db, scope.query)) {
    const status = r.status as NotificationStatus;
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    bySender[r.sender_id] = (bySender[r.sender_id] ?? 0) + 1;
    const b = perBucket.get(scope.label(localDay(r.sent_at, scope.zone)));
    if (b) {
      b.violations++;
      b.byStatus[status] = (b.byStatus[status] ?? 0) + 1;
    }
    if (violations >= offset && messages.length < limit) {
      const [action, at, sender] = r.latest.split('|') as [ConsentAction, string, string];
      messages.push({
        id: r.id,
        eventId: r.event_id,
        sentAt: new Date(r.sent_at).toISOString(),
        recipientId: r.recipient_id,
        senderId: r.sender_id,
        templateId: r.template_id,
        category: r.category,
        status,
        refusal: { action, occurredAt: new Date(Number(at)).toISOString(), scope: sender === '' ? 'platform' : 'sender' },
      });
    }
    violations++;
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
    offset,
    limit,
  };
}
