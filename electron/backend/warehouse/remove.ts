/**
 * Deleting imports from the warehouse (docs/warehouse.md): `ALTER TABLE … DELETE WHERE import_id …`
 * on every table keyed by import (events, dedupe keys, rollups, the import's row), then waiting for
 * the mutations to finish (18.16 has no `mutations_sync`), so that the figures no longer include
 * them when this returns. Before that, the first messages of the pairs they touched are recomputed
 * without them (firsts.ts: `nd_firsts` has no import column). Mutations run on a shard's local
 * tables: on a cluster, on every shard's server named in the config (`shards`), or else once with
 * `ON CLUSTER` (distributed DDL).
 */
import { userError } from '../../../shared/contract/errors.ts';
import type { Warehouse } from './client.ts';
import { refreshFirsts } from './firsts.ts';
import { refreshViolations } from './violations.ts';
import { bookTables, derivedTables, eventTables, localName, rollupTables, type SchemaTarget } from './schema.ts';
import { sqlIdent, sqlString, sqlStrings } from './sql.ts';

/** Every table that holds rows of an import (its `import_id` column). */
export function importKeyedTables(): string[] {
  return [
    ...Object.values(eventTables).map((t) => t.name),
    ...Object.values(rollupTables).map((t) => t.name),
    bookTables.keys.name,
    bookTables.imports.name,
    derivedTables.violations.name,
  ];
}

const MUTATION_WAIT_MS = 10 * 60_000;

async function waitForMutations(wh: Warehouse, target: SchemaTarget, tables: string[], onCluster: boolean): Promise<void> {
  const from = onCluster ? `cluster(${sqlString(target.cluster!)}, system.mutations)` : 'system.mutations';
  const sql = `SELECT count() AS n FROM ${from} WHERE database = ${sqlString(target.database)} AND has(${sqlStrings(tables)}, table) AND is_done = 0`;
  const deadline = Date.now() + MUTATION_WAIT_MS;
  let pause = 20;
  for (;;) {
    const [row] = await wh.query<{ n: number }>(sql);
    if (!row || Number(row.n) === 0) return;
    if (Date.now() > deadline) throw userError('unavailable', 'warehouse.timeout', { seconds: MUTATION_WAIT_MS / 1000 });
    await new Promise((r) => setTimeout(r, pause));
    pause = Math.min(1000, pause * 2);
  }
}

async function deleteOn(wh: Warehouse, target: SchemaTarget, tables: string[], where: string, onCluster: boolean): Promise<void> {
  const db = sqlIdent(target.database);
  const on = onCluster ? ` ON CLUSTER ${sqlIdent(target.cluster!)}` : '';
  for (const table of tables) await wh.command(`ALTER TABLE ${db}.${sqlIdent(table)}${on} DELETE WHERE ${where}`);
  await waitForMutations(wh, target, tables, onCluster);
}

/** Deletes every row of these imports from the warehouse and waits until the deletes are done. */
export async function deleteWarehouseImports(wh: Warehouse, importIds: readonly string[]): Promise<void> {
  if (importIds.length === 0) return;
  // First the pairs' first messages and the recipients' violations as if the imports were gone, while
  // their rows still say which pairs and recipients.
  await refreshFirsts(wh, importIds, 'without');
  await refreshViolations(wh, importIds, 'without');
  const { database, cluster, shards } = wh.config;
  const target: SchemaTarget = { database, cluster };
  const where = `has(${sqlStrings(importIds)}, import_id)`;
  const tables = importKeyedTables().map((t) => localName(t, target));
  if (cluster === null) return deleteOn(wh, target, tables, where, false);
  if (!shards || shards.length === 0) return deleteOn(wh, target, tables, where, true);
  for (const url of shards) {
    const shard = wh.shard(url);
    try {
      await deleteOn(shard, { database, cluster: null }, tables, where, false);
    } finally {
      await shard.close();
    }
  }
}
