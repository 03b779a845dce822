import type {
  ConsentEvent,
  EventKind,
  NotificationEvent,
  UrlEvent,
} from '../../../shared/domain/canonical.ts';
import type { Db } from './connection.ts';
import type Database from 'better-sqlite3';

/** The insert columns of each event table, in bind order. */
export const eventColumns: Record<EventKind, readonly string[]> = {
  notifications: [
    'import_id', 'dedupe_key', 'event_id', 'sent_at', 'sent_at_raw', 'zone_assumed', 'recipient_id',
    'sender_id', 'template_id', 'category', 'status', 'bytes', 'network', 'source_line',
  ],
  consent: [
    'import_id', 'dedupe_key', 'event_id', 'occurred_at', 'occurred_at_raw', 'zone_assumed', 'recipient_id',
    'sender_id', 'action', 'disclosure_version', 'source', 'source_line',
  ],
  urls: [
    'import_id', 'dedupe_key', 'event_id', 'occurred_at', 'occurred_at_raw', 'zone_assumed', 'url', 'action',
    'recipient_id', 'engine', 'source_line',
  ],
};

type Value = string | number | null;

/** Appends one notification's bind values to `out` (the order of `eventColumns.notifications`). */
export function pushNotification(out: Value[], importId: number, key: number, e: NotificationEvent, line: number): void {
  out.push(importId, key, e.eventId, e.sentAt, e.sentAtRaw, e.zoneAssumed ? 1 : 0, e.recipientId, e.senderId,
    e.templateId, e.category, e.status, e.bytes, e.network, line);
}

/** Appends one consent event's bind values to `out`. */
export function pushConsent(out: Value[], importId: number, key: number, e: ConsentEvent, line: number): void {
  out.push(importId, key, e.eventId, e.occurredAt, e.occurredAtRaw, e.zoneAssumed ? 1 : 0, e.recipientId,
    e.senderId, e.action, e.disclosureVersion, e.source, line);
}

/** Appends one URL event's bind values to `out`. */
export function pushUrl(out: Value[], importId: number, key: number, e: UrlEvent, line: number): void {
  out.push(importId, key, e.eventId, e.occurredAt, e.occurredAtRaw, e.zoneAssumed ? 1 : 0, e.url, e.action,
    e.recipientId, e.engine, line);
}

/** A stored event as the dedupe check needs it (the domain shape, from its row). */
export type StoredEvent = { id: number } & (NotificationEvent | ConsentEvent | UrlEvent);

const SELECT_BY_KEY: Record<EventKind, string> = {
  notifications: `SELECT id, event_id AS eventId, sent_at AS sentAt, recipient_id AS recipientId, sender_id AS senderId,
    template_id AS templateId, category, status, bytes, network FROM notifications WHERE dedupe_key = ?`,
  consent: `SELECT id, event_id AS eventId, occurred_at AS occurredAt, recipient_id AS recipientId, sender_id AS senderId,
    action, disclosure_version AS disclosureVersion, source FROM consent WHERE dedupe_key = ?`,
  urls: `SELECT id, event_id AS eventId, occurred_at AS occurredAt, url, action, recipient_id AS recipientId, engine
    FROM urls WHERE dedupe_key = ?`,
};

/** Prepared statements for writing one kind of event during an import. */
export interface EventStatements {
  /** A multi-row `INSERT OR IGNORE` for `rows` rows (cached per size, a few sizes at a time). */
  insertMany(rows: number): Database.Statement;
  findByKey(key: number): StoredEvent | undefined;
  maxId(): number;
}

/** Prepares the insert and lookup statements of one event table. */
export function prepareEventStatements(db: Db, kind: EventKind): EventStatements {
  const columns = eventColumns[kind];
  const tuple = `(${columns.map(() => '?').join(',')})`;
  const cache = new Map<number, Database.Statement>();
  const find = db.prepare(SELECT_BY_KEY[kind]);
  const max = db.prepare(`SELECT coalesce(max(id), 0) AS m FROM ${kind}`).pluck();
  return {
    insertMany(rows) {
      let stmt = cache.get(rows);
      if (!stmt) {
        // Partial batches come in many sizes over a long import: keep few compiled statements.
        if (cache.size >= 8) {
          const largest = Math.max(...cache.keys());
          for (const k of [...cache.keys()]) if (k !== largest) cache.delete(k);
        }
        stmt = db.prepare(
          `INSERT OR IGNORE INTO ${kind} (${columns.join(',')}) VALUES ${Array(rows).fill(tuple).join(',')}`,
        );
        cache.set(rows, stmt);
      }
      return stmt;
    },
    findByKey(key) {
      return find.get(key) as StoredEvent | undefined;
    },
    maxId() {
      return max.get() as number;
    },
  };
}

/**
 * SQLite's page cache during a bulk load (KiB): a quarter of the connection's usual 64 MiB. The
 * 1M-row import bench ran as fast with 16 MiB as with 64 (rows/s within noise) and peaked 57 MiB
 * lower; at 10M rows 32 MiB was no faster with rollups.
 */
export const BULK_LOAD_CACHE_KIB = 16384;

/**
 * Runs a bulk load with this connection set up for it, and restores its settings afterwards:
 * - foreign-key checks off (they halved the insert rate). Safe for the importer: every row it writes
 *   carries the id of the import row it inserted in the same transaction. Deletes keep their ON
 *   DELETE CASCADE once the checks are back on; the pragma cannot change inside a transaction, so
 *   this must be called outside one;
 * - CHECK constraints off (a quarter of each event insert): the importer's validator enforces each
 *   of them before a row is written (a test holds its value lists to the schema's);
 * - a smaller page cache (BULK_LOAD_CACHE_KIB), which keeps an import's peak memory flat.
 */
export async function withBulkLoadSettings<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  const ignoreChecks = db.pragma('ignore_check_constraints', { simple: true }) as number;
  const cache = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  db.pragma('ignore_check_constraints = ON');
  db.pragma(`cache_size = -${BULK_LOAD_CACHE_KIB}`);
  try {
    return await fn();
  } finally {
    if (foreignKeys) db.pragma('foreign_keys = ON');
    if (!ignoreChecks) db.pragma('ignore_check_constraints = OFF');
    db.pragma(`cache_size = ${cache}`);
  }
}
