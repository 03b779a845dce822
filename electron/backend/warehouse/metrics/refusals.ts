/**
 * Refusals over the warehouse: the same result as metrics/refusals.ts, assembled by its shared code
 * (assembleRefusals, refusalMessage), read from `nd_violations` (violations.ts), which the importer
 * keeps: every message sent despite a refusal, with the latest opt-out or block before it. Only the
 * counts per day, sender and status and the page's messages come back.
 *
 * A message's `id`: SQLite's is its local row id; the warehouse has no row ids, so it is a 53-bit hash
 * of the message's import and row in it (`bitAnd(cityHash64(import_id, row_no), 2^53 - 1)`): stable
 * across queries, imports and deletions, the same on every server, but not the SQLite workspace's
 * number for the same message. Ties in sent time are listed in import order, as SQLite's row ids.
 */
import { emptyRefusals } from '../../../../shared/metrics/empty.ts';
import type { RefusalsResult } from '../../../../shared/metrics/types.ts';
import type { Db } from '../../db/connection.ts';
import type { QueryScope } from '../../db/metrics-repo.ts';
import { assembleRefusals, refusalMessage, violationsIn, type ViolationCount } from '../../metrics/refusals.ts';
import { toFilter, type FilterInput } from '../../metrics/scope.ts';
import type { Warehouse } from '../client.ts';
import { derivedTables } from '../schema.ts';
import { sqlInt } from '../sql.ts';
import { VIOLATIONS_SETTINGS } from '../violations.ts';
import { scopeWhere } from './a-sql.ts';
import { n } from './b-sql.ts';
import { resolveWarehouseScope } from './scope.ts';

/** `select` over the scope's violating messages; `rest` follows the WHERE (GROUP BY, ORDER BY …). */
function violationsQuery(wh: Warehouse, q: QueryScope, select: string, rest: string): string {
  return `SELECT ${select} FROM ${wh.table(derivedTables.violations.name)} FINAL WHERE present = 1 AND ${scopeWhere(q)} ${rest}`;
}

/** Violations per local day, sender and status in the scope. */
async function violationCounts(wh: Warehouse, q: QueryScope): Promise<ViolationCount[]> {
  const rows = await wh.query<ViolationCount>(
    violationsQuery(wh, q, 'day, sender_id, status, count() AS n', 'GROUP BY day, sender_id, status'),
    VIOLATIONS_SETTINGS,
  );
  return rows.map((r) => ({ day: n(r.day), sender_id: r.sender_id, status: r.status, n: n(r.n) }));
}

/** The number of violations in the scope. */
export async function warehouseViolationTotal(wh: Warehouse, q: QueryScope): Promise<number> {
  return violationsIn(await violationCounts(wh, q));
}

/** Refusals (docs/metrics.md): violations by status, sender and bucket, and one page of the messages. */
export async function warehouseRefusals(
  wh: Warehouse,
  db: Db,
  input: FilterInput & { offset?: number; limit?: number },
): Promise<RefusalsResult> {
  const filter = toFilter(input);
  const offset = input.offset ?? 0;
  const limit = input.limit ?? 100;
  const scope = await resolveWarehouseScope(wh, db, filter);
  if (!scope.query) return { ...emptyRefusals(filter.by, scope.zone), period: scope.period, offset, limit };
  const counts = await violationCounts(wh, scope.query);
  type Row = {
    id: number;
    event_id: string;
    sent_at: number;
    recipient_id: string;
    sender_id: string;
    template_id: string;
    category: string;
    status: string;
    latest: string;
  };
  const page =
    violationsIn(counts) > offset && limit > 0
      ? await wh.query<Row>(
          violationsQuery(
            wh,
            scope.query,
            `bitAnd(cityHash64(import_id, row_no), 9007199254740991) AS id, event_id, sent_at, recipient_id, sender_id,
             template_id, category, status, latest`,
            `ORDER BY sent_at, seq, row_no LIMIT ${sqlInt(offset)}, ${sqlInt(limit)}`,
          ),
          VIOLATIONS_SETTINGS,
        )
      : [];
  const messages = page.map((r) =>
    refusalMessage({
      id: n(r.id),
      eventId: r.event_id,
      sentAt: n(r.sent_at),
      recipientId: r.recipient_id,
      senderId: r.sender_id,
      templateId: r.template_id,
      category: r.category,
      status: r.status,
      latest: r.latest,
    }),
  );
  return assembleRefusals(filter, scope, { offset, limit }, counts, messages);
}
