/**
 * Refusals over the warehouse: the same result as metrics/refusals.ts, assembled by its shared code
 * (assembleRefusals, refusalMessage). ClickHouse 18.16 has neither window functions nor ASOF JOIN, so
 * each recipient who ever opted out or blocked has their opt-in / opt-out / block / unblock events
 * gathered into one array in time order (then import order), and each of their messages (any status
 * but failed) takes the last element of it strictly before the message that is that sender's or
 * platform-wide: a violation when that is an opt-out or a block. Only the counts per day, sender and
 * status and the page's messages come back.
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
import { localName } from '../schema.ts';
import { sqlInt } from '../sql.ts';
import { scopeWhere } from './a-sql.ts';
import { consentSendersWhere, eachOf, n, REFUSING } from './b-sql.ts';
import { resolveWarehouseScope } from './scope.ts';

/** The consent actions that decide whether a message honoured a refusal. */
const STATE_ACTIONS = `action IN ('opt_in', 'opt_out', 'block', 'unblock')`;

/**
 * The scope's violating messages as one query level: `select` over the recipients' messages (a
 * Distributed table on a cluster) joined to their consent states read from the shard's own local
 * table, so that each shard joins its own recipients (both are sharded by recipient) and only what
 * `select` returns comes back. `l` is the latest state before the message (action at .4, time at .1,
 * sender at .5); `rest` follows the WHERE (GROUP BY, ORDER BY …).
 */
function violationsQuery(wh: Warehouse, q: QueryScope, select: string, rest: string): string {
  const consentLocal = wh.table(localName('nd_consent', wh.config));
  const each = (column: string) => eachOf('evs', column);
  return `WITH arrayFilter((e, s, t) -> e.1 < t AND (e.5 = '' OR e.5 = s), evs, ${each('sender_id')}, ${each('sent_at')}) AS before,
      before[length(before)] AS l
    SELECT ${select}
    FROM ${wh.table('nd_notifications')}
    ALL INNER JOIN (
      SELECT recipient_id, arraySort(groupArray((occurred_at, seq, row_no, action, sender_id))) AS evs
      FROM ${consentLocal} WHERE ${STATE_ACTIONS} AND ${consentSendersWhere(q.senders)}
      GROUP BY recipient_id HAVING countIf(${REFUSING}) > 0
    ) AS states USING recipient_id
    WHERE status <> 'failed' AND ${scopeWhere(q)} AND l.4 IN ('opt_out', 'block')
    ${rest}`;
}

/** Violations per local day, sender and status in the scope. */
async function violationCounts(wh: Warehouse, q: QueryScope): Promise<ViolationCount[]> {
  const rows = await wh.query<ViolationCount>(violationsQuery(wh, q, 'day, sender_id, status, count() AS n', 'GROUP BY day, sender_id, status'));
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
             template_id, category, status, concat(l.4, '|', toString(l.1), '|', l.5) AS latest`,
            `ORDER BY sent_at, seq, row_no LIMIT ${sqlInt(offset)}, ${sqlInt(limit)}`,
          ),
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
