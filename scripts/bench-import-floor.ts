/**
 * The write floor of an import, for `npm run bench:import`: how long SQLite alone takes to write
 * the rows a finished import left behind — its events, then every rollup row — when they are
 * already built in memory, in one transaction, with multi-row statements, in stored order. No parsing,
 * no validation, no lookups, no JavaScript aggregation: whatever the importer does, it cannot write
 * these rows faster than this on this machine.
 *
 *   node scripts/bench-import-floor.ts <finished workspace> <scratch workspace> [--event-indexes]
 *
 * Prints one JSON line: `{ tables: [{ table, rows, ms }], commitMs }`. With `--event-indexes`, the
 * event table's floor as shipped and without some of its indexes (EVENT_INDEX_VARIANTS).
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { openDatabase } from '../electron/backend/db/connection.ts';
import { withBulkLoadSettings } from '../electron/backend/db/events-repo.ts';
import { migrate } from '../electron/backend/db/migrate.ts';

/** The event table, then the rollup tables, in the order the importer fills them. */
export const FLOOR_TABLES = [
  'notifications',
  'rollup_notifications_daily',
  'rollup_templates_daily',
  'rollup_dimensions',
  'rollup_first_messages',
  'rollup_first_daily',
  'rollup_coverage_daily',
  'rollup_recipient_ids',
  'rollup_reach_daily',
  'rollup_usage_daily',
  'violations',
  'rollup_violations_daily',
] as const;

export interface FloorResult {
  tables: { table: string; rows: number; ms: number }[];
  commitMs: number;
}

/** Copies every FLOOR_TABLES row of `finished` (or the given tables) into a fresh workspace at `scratch`, timing only the writes. */
export async function measureFloor(
  finished: string,
  scratch: string,
  only: readonly string[] = FLOOR_TABLES,
  dropIndexes: readonly string[] = [],
): Promise<FloorResult> {
  for (const f of [scratch, `${scratch}-wal`, `${scratch}-shm`]) fs.rmSync(f, { force: true });
  const src = new Database(finished, { readonly: true });
  const db = openDatabase(scratch);
  await migrate(db, scratch);
  for (const index of dropIndexes) db.exec(`DROP INDEX ${index}`);
  // The importer's own connection settings: its validator has already checked every value.
  const result = await withBulkLoadSettings(db, async () => {
    const tables: FloorResult['tables'] = [];
    db.exec('BEGIN IMMEDIATE');
    for (const table of only) tables.push(writeTable(src, db, table));
    const t0 = performance.now();
    db.exec('COMMIT');
    return { tables, commitMs: performance.now() - t0 };
  });
  db.close();
  src.close();
  for (const f of [scratch, `${scratch}-wal`, `${scratch}-shm`]) fs.rmSync(f, { force: true });
  return result;
}

/** Copies one table's rows from `src` into `db` in multi-row statements; times only the writes. */
function writeTable(src: Database.Database, db: Database.Database, table: string): FloorResult['tables'][number] {
  const columns = (src.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
  const per = Math.max(1, Math.floor(999 / columns.length));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const many = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array(per).fill(tuple).join(', ')}`);
  const one = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuple}`);
  // Rows are read in stored order and bound outside the timed calls: only SQLite's writes count.
  const params: unknown[] = [];
  let rows = 0;
  let ms = 0;
  for (const row of src.prepare(`SELECT ${columns.join(', ')} FROM ${table}`).raw().iterate() as IterableIterator<unknown[]>) {
    for (const v of row) params.push(v);
    if (++rows % per === 0) {
      const t0 = performance.now();
      many.run(params);
      ms += performance.now() - t0;
      params.length = 0;
    }
  }
  for (let i = 0; i < params.length; i += columns.length) {
    const t0 = performance.now();
    one.run(params.slice(i, i + columns.length));
    ms += performance.now() - t0;
  }
  return { table, rows, ms };
}

/**
 * The event table's floor without some of its indexes, for weighing a schema change: the unique
 * dedupe index is the importer's; `notifications_by_import` serves deleting an import.
 * (`notifications_by_time`, a covering index by sent time, was dropped by migration 0013.)
 */
export const EVENT_INDEX_VARIANTS: { label: string; drop: string[] }[] = [
  { label: 'as shipped (dedupe, by_import)', drop: [] },
  { label: 'dedupe index only', drop: ['notifications_by_import'] },
  { label: 'no index at all', drop: ['notifications_by_import', 'notifications_dedupe'] },
];

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const [finished, scratch, flag] = process.argv.slice(2);
  if (!finished || !scratch) throw new Error('usage: bench-import-floor.ts <finished workspace> <scratch workspace> [--event-indexes]');
  if (flag === '--event-indexes') {
    for (const v of EVENT_INDEX_VARIANTS) {
      const r = await measureFloor(finished, scratch, ['notifications'], v.drop);
      const ms = r.tables[0]!.ms + r.commitMs;
      console.log(`${v.label.padEnd(42)} ${r.tables[0]!.rows} rows in ${(ms / 1000).toFixed(2)} s (commit ${(r.commitMs / 1000).toFixed(2)} s) = ${Math.round(r.tables[0]!.rows / (ms / 1000)).toLocaleString('en-US')} rows/s`);
    }
  } else process.stdout.write(JSON.stringify(await measureFloor(finished, scratch)) + '\n');
}
