/**
 * The warehouse's tables (docs/warehouse.md): the canonical events of docs/canonical-model.md, the
 * materialized rollups the dashboards read, and two small bookkeeping tables. The SQL runs on
 * ClickHouse 18.16 (Debian's server) and on current releases.
 *
 * On one server every table has its plain name. On a cluster each shard holds `<name>_local` and the
 * server the app talks to holds a `Distributed` table `<name>` over them; events are sharded by
 * recipient (so that a recipient's messages, consent and firsts stay on one shard) and URL events by
 * URL. The rollups are materialized views on each shard's local event table.
 *
 * Conventions (shared with the importer and the metric SQL):
 * - instants are `Int64` milliseconds since the epoch (`sent_at`, `occurred_at`); `day` is the local
 *   calendar day number of that instant in the warehouse's time zone (`nd_meta`), as in SQLite;
 * - an absent optional text is `''` (the canonical format trims values and an empty value is absent);
 *   an unknown `bytes` is -1;
 * - `import_id` names the import (a UUID); `seq` orders imports and `row_no` the rows of one import,
 *   so that "the one imported first" is decidable as in SQLite.
 */
import { sqlIdent } from './sql.ts';

/**
 * 2: first messages kept per pair (`nd_firsts`); 3: messages sent despite a refusal (`nd_violations`).
 * A warehouse of an older version is upgraded on first use (init.ts).
 */
export const WAREHOUSE_SCHEMA_VERSION = 3;

/** A table the importer writes and the metrics read. */
export interface TableSpec {
  name: string;
  columns: [string, string][];
  engine: string;
  orderBy: string;
  /** The Distributed sharding key on a cluster. */
  shardBy: string;
}

/** The first columns of every event table: its import, the order of import, its dedupe key and event id. */
const PROVENANCE: [string, string][] = [
  ['import_id', 'String'],
  ['seq', 'UInt64'],
  ['row_no', 'UInt32'],
  ['dedupe_key', 'String'],
  ['event_id', 'String'],
];

export const eventTables = {
  notifications: {
    name: 'nd_notifications',
    columns: [
      ...PROVENANCE,
      ['sent_at', 'Int64'],
      ['day', 'Int32'],
      ['recipient_id', 'String'],
      ['sender_id', 'String'],
      ['template_id', 'String'],
      ['category', 'String'],
      ['status', 'String'],
      ['bytes', 'Int64'],
      ['network', 'String'],
      ['source_line', 'UInt32'],
    ],
    engine: 'MergeTree()',
    orderBy: '(recipient_id, sender_id, sent_at)',
    shardBy: 'sipHash64(recipient_id)',
  },
  consent: {
    name: 'nd_consent',
    columns: [
      ...PROVENANCE,
      ['occurred_at', 'Int64'],
      ['day', 'Int32'],
      ['recipient_id', 'String'],
      ['sender_id', 'String'],
      ['action', 'String'],
      ['disclosure_version', 'String'],
      ['source', 'String'],
      ['source_line', 'UInt32'],
    ],
    engine: 'MergeTree()',
    orderBy: '(recipient_id, occurred_at)',
    shardBy: 'sipHash64(recipient_id)',
  },
  urls: {
    name: 'nd_urls',
    columns: [
      ...PROVENANCE,
      ['occurred_at', 'Int64'],
      ['day', 'Int32'],
      ['url', 'String'],
      ['host', 'String'],
      ['action', 'String'],
      ['recipient_id', 'String'],
      ['engine', 'String'],
      ['source_line', 'UInt32'],
    ],
    engine: 'MergeTree()',
    orderBy: '(url, occurred_at)',
    shardBy: 'sipHash64(url)',
  },
} satisfies Record<string, TableSpec>;

/** Bookkeeping: the warehouse's settings, its imports, and the dedupe keys of stored events. */
export const bookTables = {
  meta: {
    name: 'nd_meta',
    columns: [
      ['key', 'String'],
      ['value', 'String'],
    ],
    engine: 'ReplacingMergeTree()',
    orderBy: 'key',
    shardBy: '0',
  },
  imports: {
    name: 'nd_imports',
    columns: [
      ['import_id', 'String'],
      ['seq', 'UInt64'],
      ['kind', 'String'],
      ['file_name', 'String'],
      ['sha256', 'String'],
      ['imported', 'UInt64'],
      ['duplicates', 'UInt64'],
      ['rejected', 'UInt64'],
      ['imported_at', 'Int64'],
      ['rows_read', 'UInt64'],
    ],
    engine: 'MergeTree()',
    orderBy: '(sha256, import_id)',
    shardBy: '0',
  },
  keys: {
    name: 'nd_keys',
    columns: [
      ['kind', 'String'],
      ['day', 'Int32'],
      ['dedupe_key', 'String'],
      ['import_id', 'String'],
    ],
    engine: 'MergeTree()',
    orderBy: '(kind, day, dedupe_key)',
    shardBy: 'sipHash64(dedupe_key)',
  },
} satisfies Record<string, TableSpec>;

/** A rollup: its table and the SELECT (over the local notifications table) that feeds it. */
export interface RollupSpec extends TableSpec {
  /** The materialized view's SELECT; `{source}` is the local event table it reads. */
  select: string;
}

/**
 * The materialized rollups. Every one is keyed by `import_id` too, so that deleting an import deletes
 * its rollup rows (a materialized view sees inserts only).
 */
export const rollupTables = {
  /**
   * Messages, known-size messages and known bytes per day, sender, category, status, network: what
   * volume, data charges and the filter lists count (no template: templates multiply the rows).
   */
  daily: {
    name: 'nd_r_daily',
    columns: [
      ['day', 'Int32'],
      ['sender_id', 'String'],
      ['category', 'String'],
      ['status', 'String'],
      ['network', 'String'],
      ['import_id', 'String'],
      ['n', 'UInt64'],
      ['known_n', 'UInt64'],
      ['known_bytes', 'UInt64'],
    ],
    engine: 'SummingMergeTree()',
    orderBy: '(day, sender_id, category, status, network, import_id)',
    shardBy: 'sipHash64(sender_id)',
    select: `SELECT day, sender_id, category, status, network, import_id,
      count() AS n, countIf(bytes >= 0) AS known_n, toUInt64(sumIf(bytes, bytes >= 0)) AS known_bytes
      FROM {source} GROUP BY day, sender_id, category, status, network, import_id`,
  },
  /** Messages per day, sender, category and template (top templates, the template filter list). */
  templates: {
    name: 'nd_r_templates',
    columns: [
      ['day', 'Int32'],
      ['sender_id', 'String'],
      ['category', 'String'],
      ['template_id', 'String'],
      ['import_id', 'String'],
      ['n', 'UInt64'],
    ],
    engine: 'SummingMergeTree()',
    orderBy: '(day, sender_id, category, template_id, import_id)',
    shardBy: 'sipHash64(sender_id)',
    select: `SELECT day, sender_id, category, template_id, import_id, count() AS n
      FROM {source} WHERE template_id <> '' GROUP BY day, sender_id, category, template_id, import_id`,
  },
  /** The distinct recipients per day, sender, category and status, as exact mergeable sets. */
  reach: {
    name: 'nd_r_reach',
    columns: [
      ['day', 'Int32'],
      ['sender_id', 'String'],
      ['category', 'String'],
      ['status', 'String'],
      ['import_id', 'String'],
      ['recipients', 'AggregateFunction(uniqExact, String)'],
    ],
    engine: 'AggregatingMergeTree()',
    orderBy: '(day, sender_id, category, status, import_id)',
    shardBy: 'sipHash64(sender_id)',
    select: `SELECT day, sender_id, category, status, import_id, uniqExactState(recipient_id) AS recipients
      FROM {source} GROUP BY day, sender_id, category, status, import_id`,
  },
} satisfies Record<string, RollupSpec>;

/**
 * Tables the importer derives from the events after it has loaded them, not a materialized view: a
 * later import or a delete can change a row, which a view (inserts only) cannot.
 */
export const derivedTables = {
  /**
   * Each (recipient, sender) pair's first chargeable message over the whole warehouse (docs/metrics.md,
   * datacost: sent time, event id as text, import order), refreshed by every import and delete for the
   * pairs it touched (firsts.ts). The row with the highest `version` is the pair's; `present = 0`: the
   * pair has no chargeable message any more. Sharded by recipient, as the events.
   */
  firsts: {
    name: 'nd_firsts',
    columns: [
      ['recipient_id', 'String'],
      ['sender_id', 'String'],
      ['sent_at', 'Int64'],
      ['event_id', 'String'],
      ['seq', 'UInt64'],
      ['row_no', 'UInt32'],
      ['day', 'Int32'],
      ['category', 'String'],
      ['network', 'String'],
      ['bytes', 'Int64'],
      ['present', 'UInt8'],
      ['version', 'UInt64'],
    ],
    engine: 'ReplacingMergeTree(version)',
    orderBy: '(recipient_id, sender_id)',
    shardBy: 'sipHash64(recipient_id)',
  },
  /**
   * Every message sent despite a refusal (docs/metrics.md, refusals: the latest opt-in, opt-out, block
   * or unblock of its sender or platform-wide strictly before it is an opt-out or a block), with that
   * latest event (`latest`: action|time|sender), refreshed by every import and delete for the
   * recipients it touched (violations.ts). Keyed by the message (import, row); the row with the highest
   * `version` is the message's, and `present = 0` says it is no longer a violation. Sharded by
   * recipient, as the events.
   */
  violations: {
    name: 'nd_violations',
    columns: [
      ['recipient_id', 'String'],
      ['import_id', 'String'],
      ['row_no', 'UInt32'],
      ['seq', 'UInt64'],
      ['sender_id', 'String'],
      ['event_id', 'String'],
      ['sent_at', 'Int64'],
      ['day', 'Int32'],
      ['category', 'String'],
      ['template_id', 'String'],
      ['status', 'String'],
      ['latest', 'String'],
      ['present', 'UInt8'],
      ['version', 'UInt64'],
    ],
    engine: 'ReplacingMergeTree(version)',
    // A message's day never changes: first in the key, so that a page's days bound what FINAL reads.
    orderBy: '(day, recipient_id, import_id, row_no)',
    shardBy: 'sipHash64(recipient_id)',
  },
} satisfies Record<string, TableSpec>;

export type EventTableKind = keyof typeof eventTables;

/** Where the tables live and how they are named. */
export interface SchemaTarget {
  database: string;
  /** A cluster name from the servers' `remote_servers`, or null for one server. */
  cluster: string | null;
}

/** The name a table has on a shard (`_local` on a cluster). */
export function localName(name: string, target: SchemaTarget): string {
  return target.cluster === null ? name : `${name}_local`;
}

function columnList(spec: TableSpec): string {
  return spec.columns.map(([c, t]) => `  ${c} ${t}`).join(',\n');
}

function qualified(target: SchemaTarget, name: string): string {
  return `${sqlIdent(target.database)}.${sqlIdent(name)}`;
}

const allTables = (): TableSpec[] => [
  ...Object.values(bookTables),
  ...Object.values(eventTables),
  ...Object.values(rollupTables),
  ...Object.values(derivedTables),
];

/**
 * The statements every shard runs (on one server: all statements): local tables and rollup views.
 * `onCluster`: each statement once for every shard of the target's cluster (distributed DDL).
 */
export function shardStatements(target: SchemaTarget, options: { onCluster?: boolean } = {}): string[] {
  const on = options.onCluster && target.cluster !== null ? ` ON CLUSTER ${sqlIdent(target.cluster)}` : '';
  const out = [`CREATE DATABASE IF NOT EXISTS ${sqlIdent(target.database)}${on}`];
  for (const spec of allTables()) {
    out.push(
      `CREATE TABLE IF NOT EXISTS ${qualified(target, localName(spec.name, target))}${on} (\n${columnList(spec)}\n) ENGINE = ${spec.engine} ORDER BY ${spec.orderBy}`,
    );
  }
  const source = qualified(target, localName(eventTables.notifications.name, target));
  for (const spec of Object.values(rollupTables)) {
    out.push(
      `CREATE MATERIALIZED VIEW IF NOT EXISTS ${qualified(target, `${spec.name}_mv`)}${on} TO ${qualified(target, localName(spec.name, target))} AS\n${spec.select.replace('{source}', source)}`,
    );
  }
  return out;
}

/** The names every shard must hold (local tables and rollup views) for the schema to be whole. */
export function shardTableNames(target: SchemaTarget): string[] {
  return [...allTables().map((t) => localName(t.name, target)), ...Object.values(rollupTables).map((t) => `${t.name}_mv`)];
}

/** The statements of the server the app talks to on a cluster: a Distributed table over each local one. */
export function distributedStatements(target: SchemaTarget): string[] {
  if (target.cluster === null) return [];
  const cluster = sqlIdent(target.cluster);
  return allTables().map(
    (spec) =>
      `CREATE TABLE IF NOT EXISTS ${qualified(target, spec.name)} AS ${qualified(target, localName(spec.name, target))}\n` +
      `ENGINE = Distributed(${cluster}, ${sqlIdent(target.database)}, ${sqlIdent(localName(spec.name, target))}, ${spec.shardBy})`,
  );
}

/** The table names the app reads and writes (the Distributed ones on a cluster). */
export function readTableNames(): string[] {
  return allTables().map((t) => t.name);
}

/** The whole DDL as `warehouse schema` prints it, with comments saying where each part runs. */
export function schemaScript(target: SchemaTarget): string {
  const parts: string[] = [];
  const head =
    target.cluster === null
      ? '-- Notice Desk warehouse schema (one server). Run on the server the app connects to.'
      : `-- Notice Desk warehouse schema for cluster ${target.cluster}.\n-- Part 1: run on EVERY shard (or once with ON CLUSTER where distributed DDL is configured).`;
  parts.push(head);
  parts.push(...shardStatements(target).map((s) => s + ';'));
  if (target.cluster !== null) {
    parts.push('-- Part 2: run on every server the app connects to: Distributed tables over the shards.');
    parts.push(...distributedStatements(target).map((s) => s + ';'));
  }
  return parts.join('\n\n') + '\n';
}
