/**
 * The warehouse's refusal violations (docs/warehouse.md): `nd_violations` keeps every message sent
 * despite a refusal, so that the refusals page and the overview count violations from those rows
 * instead of joining every message of every recipient who ever refused to their consent history on
 * each request. A message's verdict depends on its recipient's opt-ins, opt-outs, blocks and unblocks,
 * so an import refreshes the recipients its messages and those consent events belong to, once its
 * rows are in; a delete refreshes the recipients of the imports it deletes as if they were gone, before
 * it deletes them. A refresh first writes a `present = 0` row over each of those recipients' stored
 * violations (version v), then their violations as the events say now (version v + 1): the table keeps
 * a message's highest version, so running a refresh again gives the same rows.
 */
import type { ClickHouseSettings } from '@clickhouse/client';
import type { Warehouse } from './client.ts';
import { derivedTables, eventTables, localName } from './schema.ts';
import { sqlStrings } from './sql.ts';
import { eachOf, REFUSING } from './metrics/b-sql.ts';

/** The consent actions that decide whether a message honoured a refusal. */
const STATE_ACTIONS = `action IN ('opt_in', 'opt_out', 'block', 'unblock')`;

const KEPT = 'recipient_id, import_id, row_no, seq, sender_id, event_id, sent_at, day, category, template_id, status, latest';
const COLUMNS = `${KEPT}, present, version`;

/**
 * Settings of a query that reads `nd_violations` FINAL: no condition moved before the FINAL merge
 * (18.16 would otherwise move `present = 1` into PREWHERE and let a message's older row through).
 */
export const VIOLATIONS_SETTINGS: ClickHouseSettings = { optimize_move_to_prewhere: 0 };

/** Settings of a refresh: the rows on their shards before it returns. */
function refreshSettings(wh: Warehouse): ClickHouseSettings {
  return { ...VIOLATIONS_SETTINGS, ...(wh.config.cluster === null ? {} : ({ insert_distributed_sync: 1 } as ClickHouseSettings)) };
}

/** A version above every one written so far. */
async function nextVersion(wh: Warehouse): Promise<number> {
  const [row] = await wh.query<{ v: number }>(`SELECT max(version) AS v FROM ${wh.table(derivedTables.violations.name)}`);
  return Math.max(Date.now() * 1000, Number(row?.v ?? 0) + 1);
}

/**
 * The violating messages of the recipients `recipients` selects (a condition on `recipient_id`), from
 * the events `keep` keeps (all when null), with `version`: the messages read through the Distributed
 * table, each shard joining them to its own recipients' consent states (both are sharded by
 * recipient). `l` is the latest state before the message (action at .4, time at .1, sender at .5).
 */
function violationRows(wh: Warehouse, recipients: string, keep: string | null, version: number): string {
  const consentLocal = wh.table(localName(eventTables.consent.name, wh.config));
  const kept = keep === null ? '1' : keep;
  const each = (column: string) => eachOf('evs', column);
  return `WITH arrayFilter((e, s, t) -> e.1 < t AND (e.5 = '' OR e.5 = s), evs, ${each('sender_id')}, ${each('sent_at')}) AS before,
      before[length(before)] AS l
    SELECT recipient_id, import_id, row_no, seq, sender_id, event_id, sent_at, day, category, template_id, status,
      concat(l.4, '|', toString(l.1), '|', l.5) AS latest, toUInt8(1) AS present, toUInt64(${version}) AS version
    FROM ${wh.table(eventTables.notifications.name)}
    ALL INNER JOIN (
      SELECT recipient_id, arraySort(groupArray((occurred_at, seq, row_no, action, sender_id))) AS evs
      FROM ${consentLocal} WHERE ${STATE_ACTIONS} AND ${kept} AND (${recipients})
      GROUP BY recipient_id HAVING countIf(${REFUSING}) > 0
    ) AS states USING recipient_id
    WHERE status <> 'failed' AND ${kept} AND (${recipients}) AND l.4 IN ('opt_out', 'block')`;
}

async function writeViolations(wh: Warehouse, recipients: string, keep: string | null): Promise<void> {
  const version = await nextVersion(wh);
  const table = wh.table(derivedTables.violations.name);
  // What the recipients' stored violations were is overwritten first, by rows saying "no longer".
  await wh.maintain(
    `INSERT INTO ${table} (${COLUMNS}) SELECT ${KEPT}, toUInt8(0), toUInt64(${version})
     FROM ${table} FINAL WHERE present = 1 AND (${recipients})`,
    refreshSettings(wh),
  );
  await wh.maintain(`INSERT INTO ${table} (${COLUMNS}) ${violationRows(wh, recipients, keep, version + 1)}`, refreshSettings(wh));
}

/**
 * Recomputes the violations of every recipient these imports' messages or consent states belong to.
 * `with`: from all events (after an import). `without`: as if these imports were deleted (before
 * deleting them). The recipients are found on each shard in its own events, which hold all of theirs.
 */
export async function refreshViolations(wh: Warehouse, importIds: readonly string[], mode: 'with' | 'without'): Promise<void> {
  if (importIds.length === 0) return;
  const ids = sqlStrings(importIds);
  const local = (kind: 'notifications' | 'consent') => wh.table(localName(eventTables[kind].name, wh.config));
  const recipients =
    `recipient_id IN (SELECT recipient_id FROM ${local('notifications')} WHERE has(${ids}, import_id))` +
    ` OR recipient_id IN (SELECT recipient_id FROM ${local('consent')} WHERE ${STATE_ACTIONS} AND has(${ids}, import_id))`;
  await writeViolations(wh, recipients, mode === 'with' ? null : `NOT has(${ids}, import_id)`);
}

/** Recomputes every recipient's violations (a warehouse upgraded from a schema version before 3). */
export async function rebuildViolations(wh: Warehouse): Promise<void> {
  await writeViolations(wh, '1', null);
}
