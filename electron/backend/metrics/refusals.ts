import type { ConsentAction, NotificationStatus } from '../../../shared/domain/canonical.ts';
import { emptyRefusals } from '../../../shared/metrics/empty.ts';
import type { RefusalMessage, RefusalsResult } from '../../../shared/metrics/types.ts';
import type { Db } from '../db/connection.ts';
import { notificationDetails, refusalViolations, type QueryScope, type RefusalHit } from '../db/metrics-repo.ts';
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
  const hits: RefusalHit[] = [];
  for (const r of refusalViolations(db, scope.query)) {
    const [, sentAt, senderId, rawStatus] = r;
    const status = rawStatus as NotificationStatus;
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    bySender[senderId] = (bySender[senderId] ?? 0) + 1;
    const b = perBucket.get(scope.label(localDay(sentAt, scope.zone)));
    if (b) {
      b.violations++;
      b.byStatus[status] = (b.byStatus[status] ?? 0) + 1;
    }
    hits.push(r);
  }
  const violations = hits.length;
  // The page in (sent_at, id) order; only its rows are read from the table.
  hits.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const page = hits.slice(offset, offset + limit);
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

/** Violation counts before and at-or-after `cutMs` in one scan of a bound scope (the overview's two periods). */
export function violationsAround(db: Db, q: QueryScope, cutMs: number): { before: number; after: number } {
  let before = 0;
  let after = 0;
  for (const [, sentAt] of refusalViolations(db, q)) {
    if (sentAt < cutMs) before++;
    else after++;
  }
  return { before, after };
}
