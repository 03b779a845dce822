/**
 * The warehouse's first messages (docs/warehouse.md): `nd_firsts` keeps each (recipient, sender)
 * pair's first chargeable message, so that a page counts first messages from one row per pair instead
 * of ordering every message of the workspace on each request. An import refreshes the pairs its
 * chargeable messages touched once its rows are in; a delete refreshes the pairs of the imports it
 * deletes as if they were gone, before it deletes them. A refresh recomputes those pairs from the
 * events and writes them under a new, higher `version` (the table keeps the highest), so running it
 * again — after a failure, or twice — gives the same rows.
 */
import type { ClickHouseSettings } from '@clickhouse/client';
import type { Warehouse } from './client.ts';
import { derivedTables, eventTables, localName } from './schema.ts';
import { sqlStrings } from './sql.ts';

/** Statuses of chargeable messages (docs/metrics.md, datacost). */
export const CHARGEABLE = `status IN ('sent', 'delivered')`;

/** The order of "first" (docs/metrics.md, datacost): sent time, then event id as text (absent '' first), then import order. */
export const FIRST_ORDER = '(sent_at, event_id, seq, row_no)';

/**
 * Settings of a query that groups `nd_firsts` FINAL per recipient (or pair): each shard finishes its
 * own groups (they are sharded by recipient, as the events), and no condition is moved before the
 * FINAL merge (18.16 would otherwise move a WHERE on a non-key column into PREWHERE, which filters
 * out a pair's newest row before the merge and lets an older one through). A query that only reads
 * the pairs, grouping by day or sender, takes the second setting alone (metrics/a-sql.ts).
 */
export const FIRSTS_SETTINGS: ClickHouseSettings = { distributed_group_by_no_merge: '1', optimize_move_to_prewhere: 0 };

const COLUMNS = 'recipient_id, sender_id, sent_at, event_id, seq, row_no, day, category, network, bytes, present, version';

/** A version above every one written so far. */
async function nextVersion(wh: Warehouse): Promise<number> {
  const [row] = await wh.query<{ v: number }>(`SELECT max(version) AS v FROM ${wh.table(derivedTables.firsts.name)}`);
  return Math.max(Date.now() * 1000, Number(row?.v ?? 0) + 1);
}

/** Settings of a refresh: per-shard groups on a cluster, and the rows on their shards before it returns. */
function refreshSettings(wh: Warehouse): ClickHouseSettings {
  return wh.config.cluster === null ? {} : ({ distributed_group_by_no_merge: '1', insert_distributed_sync: 1 } as ClickHouseSettings);
}

/**
 * Recomputes the first message of every pair these imports' chargeable messages belong to. `with`:
 * from all events (after an import). `without`: as if these imports were deleted (before deleting
 * them); a pair with no other chargeable message gets `present = 0`. The pairs are found on each
 * shard in its own events (the IN reads the shard's local table), which hold all of a pair's.
 */
export async function refreshFirsts(wh: Warehouse, importIds: readonly string[], mode: 'with' | 'without'): Promise<void> {
  if (importIds.length === 0) return;
  const ids = sqlStrings(importIds);
  const local = wh.table(localName(eventTables.notifications.name, wh.config));
  const touched = `(recipient_id, sender_id) IN (SELECT recipient_id, sender_id FROM ${local} WHERE ${CHARGEABLE} AND has(${ids}, import_id))`;
  await writeFirsts(wh, touched, mode === 'with' ? null : `NOT has(${ids}, import_id)`);
}

/** Recomputes every pair's first message (a warehouse upgraded from schema version 1). */
export async function rebuildFirsts(wh: Warehouse): Promise<void> {
  await writeFirsts(wh, '1', null);
}

async function writeFirsts(wh: Warehouse, pairs: string, keep: string | null): Promise<void> {
  const version = await nextVersion(wh);
  const t = '(sent_at, event_id, seq, row_no, day, category, network, bytes)';
  const first = keep === null ? `argMin(${t}, ${FIRST_ORDER})` : `argMinIf(${t}, ${FIRST_ORDER}, ${keep})`;
  const present = keep === null ? '1' : `countIf(${keep}) > 0`;
  // The GROUP BY reads the Distributed table itself, so that each shard groups its own pairs.
  await wh.maintain(
    `INSERT INTO ${wh.table(derivedTables.firsts.name)} (${COLUMNS})
     SELECT recipient_id, sender_id, f.1, f.2, f.3, f.4, f.5, f.6, f.7, f.8, present, ${version} FROM (
       SELECT recipient_id, sender_id, ${first} AS f, toUInt8(${present}) AS present
       FROM ${wh.table(eventTables.notifications.name)} WHERE ${CHARGEABLE} AND ${pairs}
       GROUP BY recipient_id, sender_id
     )`,
    refreshSettings(wh),
  );
}
