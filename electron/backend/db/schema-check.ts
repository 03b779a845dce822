import path from 'node:path';
import Database from 'better-sqlite3';
import { userError } from '../../../shared/contract/errors.ts';
import type { Db } from './connection.ts';
import { migrations as appMigrations } from './migrations/index.ts';
import type { Migration } from './migrations/types.ts';

/** One row of `sqlite_schema`, its SQL with whitespace normalised. */
interface SchemaObject {
  type: string;
  name: string;
  table: string;
  sql: string | null;
}

/** How many objects a refusal names before "…and N more" (the message stays readable). */
const NAMED_IN_MESSAGE = 8;

/** Statistics tables `ANALYZE` creates: data about the schema, not part of it, and never executed. */
const STATISTICS = /^sqlite_stat\d$/;

/** Whitespace is not meaning: `CREATE TABLE t (a)` and `CREATE TABLE t(\n  a\n)` are the same. */
function normaliseSql(sql: string | null): string | null {
  if (sql === null) return null;
  return sql
    .replace(/\s+/g, ' ')
    .replace(/\s*([(),;=])\s*/g, '$1')
    .trim();
}

function readSchema(db: Db): Map<string, SchemaObject> {
  const rows = db.prepare('SELECT type, name, tbl_name AS "table", sql FROM sqlite_schema').all() as SchemaObject[];
  const out = new Map<string, SchemaObject>();
  for (const row of rows) {
    if (row.type === 'table' && STATISTICS.test(row.name)) continue;
    out.set(`${row.type}\u001f${row.name}`, { ...row, sql: normaliseSql(row.sql) });
  }
  return out;
}

const expectedByList = new WeakMap<readonly Migration[], Map<number, Map<string, SchemaObject>>>();

/**
 * The schema the app's own migrations make at `version`: they run once per process on an
 * in-memory database (milliseconds) and the result is kept.
 */
function expectedSchema(version: number, list: readonly Migration[]): Map<string, SchemaObject> {
  let byVersion = expectedByList.get(list);
  if (!byVersion) {
    byVersion = new Map();
    expectedByList.set(list, byVersion);
  }
  const known = byVersion.get(version);
  if (known) return known;
  const memory = new Database(':memory:');
  try {
    memory.pragma('trusted_schema = OFF');
    for (const m of list) {
      if (m.version > version) break;
      memory.transaction(() => m.up(memory))();
    }
    const schema = readSchema(memory);
    byVersion.set(version, schema);
    return schema;
  } finally {
    memory.close();
  }
}

/** What differs between a file's schema and the one the app makes at the file's version. */
export interface SchemaDifferences {
  /** Objects the migrations never create (a trigger, a view, a table…). */
  unknown: string[];
  /** Objects whose definition is not the migrations' one. */
  changed: string[];
  /** Objects the migrations create that the file lacks. */
  missing: string[];
}

function label(o: SchemaObject): string {
  return o.type === 'trigger' || o.type === 'index' ? `${o.type.toUpperCase()} ${o.name} ON ${o.table}` : `${o.type.toUpperCase()} ${o.name}`;
}

/** Compares a workspace's schema with what the migrations make at its `user_version`. */
export function schemaDifferences(db: Db, list: readonly Migration[] = appMigrations): SchemaDifferences {
  const version = db.pragma('user_version', { simple: true }) as number;
  const expected = expectedSchema(version, list);
  const actual = readSchema(db);
  const out: SchemaDifferences = { unknown: [], changed: [], missing: [] };
  for (const [key, object] of actual) {
    const want = expected.get(key);
    if (!want) out.unknown.push(label(object));
    else if (want.sql !== object.sql || want.table !== object.table) out.changed.push(label(object));
  }
  for (const [key, object] of expected) if (!actual.has(key)) out.missing.push(label(object));
  return out;
}

/**
 * Refuses a workspace whose schema is not exactly what the app's migrations make at its version:
 * a trigger, view or table someone added (or a definition they changed) would run with the app's
 * rights on every import and could rewrite evidence silently. Read-only: the file is never touched.
 */
export function assertTrustedSchema(db: Db, file: string, list: readonly Migration[] = appMigrations): void {
  const diff = schemaDifferences(db, list);
  const named = [...diff.unknown, ...diff.changed, ...diff.missing];
  if (named.length === 0) return;
  const shown = named.slice(0, NAMED_IN_MESSAGE).join(', ');
  const objects = named.length > NAMED_IN_MESSAGE ? `${shown}, … +${named.length - NAMED_IN_MESSAGE}` : shown;
  throw userError('untrusted-workspace', 'workspace.untrusted-objects', { file: path.basename(file), objects }, {
    file,
    ...diff,
  });
}
