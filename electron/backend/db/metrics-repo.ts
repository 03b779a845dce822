/**
 * The metric queries (one function per question; the metrics engine assembles results). Every value
 * is bound: sender and category filters become `IN (@s0, @s1, …)` lists of bound values (no list = all).
 * Rollup tables are keyed by local day number; raw tables by UTC epoch milliseconds.
 */
import type { Db } from './connection.ts';
import { firstsDaily, groupSums, notificationsDaily, templatesDaily, textAt } from '../metrics/rollup-cache.ts';
import { bindList, inListSql } from './in-list.ts';

/** The bound parameters of a filtered query. */
export interface QueryScope {
  fromDay: number;
  toDay: number;
  /** UTC ms of the start of fromDay (inclusive) and of the day after toDay (exclusive). */
  fromMs: number;
  toMs: number;
  /** Sender ids, or null for all. */
  senders: string[] | null;
  /** Categories ('' = none), or null for all. */
  categories: string[] | null;
}

const SENDER_IN = (s: QueryScope, alias = '') => inListSql(`${alias}sender_id`, 's', s.senders);
const CATEGORY_IN = (s: QueryScope, alias = '') => inListSql(`${alias}category`, 'c', s.categories);
const DAYS = `day BETWEEN @fromDay AND @toDay`;

/** The named parameters of a scope: period bounds and each filter value. */
function bind(s: QueryScope): Record<string, string | number> {
  const out: Record<string, string | number> = { fromDay: s.fromDay, toDay: s.toDay, fromMs: s.fromMs, toMs: s.toMs };
  bindList(out, 's', s.senders);
  bindList(out, 'c', s.categories);
  return out;
}

/** The first and last local day with any rollup row (null when the workspace is empty). */
export function dataDayRange(db: Db): { first: number | null; last: number | null } {
  return db
    .prepare(
      `SELECT min(d) AS first, max(d) AS last FROM (
         SELECT min(day) AS d FROM rollup_notifications_daily UNION ALL SELECT max(day) FROM rollup_notifications_daily
         UNION ALL SELECT min(day) FROM rollup_consent_daily UNION ALL SELECT max(day) FROM rollup_consent_daily
         UNION ALL SELECT min(day) FROM rollup_urls_daily UNION ALL SELECT max(day) FROM rollup_urls_daily)`,
    )
    .get() as { first: number | null; last: number | null };
}

export type StackColumn = 'status' | 'category' | 'sender_id';

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Ranks grouped counts: count descending, then key, then sender (two senders' templates may share an
 * id): a total order, so both engines rank alike whatever order their groups come in.
 */
export function ranked<T extends { count: number; key: string; senderId?: string }>(rows: T[], limit: number): T[] {
  return rows
    .sort((a, b) => b.count - a.count || compareText(a.key, b.key) || compareText(a.senderId ?? '', b.senderId ?? ''))
    .slice(0, limit);
}

/** Notifications per day, status and stack key (rollup columns). */
export function volumeByDay(db: Db, s: QueryScope, stack: StackColumn): { day: number; status: string; key: string; n: number }[] {
  const t = notificationsDaily(db);
  const g = groupSums(t, s, ['day', 'status', stack], ['messages']);
  return Array.from({ length: g.count }, (_, i) => ({
    day: t.day[g.row[i]!]!,
    status: textAt(t, 'status', g.row[i]!),
    key: textAt(t, stack, g.row[i]!),
    n: g.sums[0]![i]!,
  }));
}

/** Top senders by notifications in the period (rollup columns). */
export function topSenders(db: Db, s: QueryScope, limit: number): { key: string; count: number }[] {
  const t = notificationsDaily(db);
  const g = groupSums(t, s, ['sender_id'], ['messages']);
  return ranked(Array.from({ length: g.count }, (_, i) => ({ key: textAt(t, 'sender_id', g.row[i]!), count: g.sums[0]![i]! })), limit);
}

/** Top templates by notifications in the period (rollup columns). */
export function topTemplates(db: Db, s: QueryScope, limit: number): { key: string; senderId: string; count: number }[] {
  const t = templatesDaily(db);
  const g = groupSums(t, s, ['sender_id', 'template_id'], ['messages']);
  const rows = Array.from({ length: g.count }, (_, i) => ({
    key: textAt(t, 'template_id', g.row[i]!),
    senderId: textAt(t, 'sender_id', g.row[i]!),
    count: g.sums[0]![i]!,
  }));
  return ranked(rows.filter((r) => r.key !== ''), limit);
}

export interface ChargeableRow {
  /** The day number or the sender id, as grouped. */
  key: number | string;
  network: string;
  messages: number;
  known_messages: number;
  known_bytes: number;
}

/** Chargeable messages per day (or per sender) and network, with their known byte counts (rollup columns). */
export function chargeableBy(db: Db, s: QueryScope, by: 'day' | 'sender_id'): ChargeableRow[] {
  const t = notificationsDaily(db);
  const only = { column: 'status', values: ['sent', 'delivered'] };
  const g = groupSums(t, s, [by, 'network'], ['messages', 'known_bytes_messages', 'known_bytes'], only);
  return Array.from({ length: g.count }, (_, i) => ({
    key: by === 'day' ? t.day[g.row[i]!]! : textAt(t, by, g.row[i]!),
    network: textAt(t, 'network', g.row[i]!),
    messages: g.sums[0]![i]!,
    known_messages: g.sums[1]![i]!,
    known_bytes: g.sums[2]![i]!,
  }));
}

/** First messages (pair or recipient scope) per day (rollup columns): the first/later split of the volume page. */
export function firstsPerDay(db: Db, s: QueryScope, scope: 'pair' | 'recipient'): { day: number; n: number }[] {
  const t = firstsDaily(db, scope);
  const g = groupSums(t, s, ['day'], ['messages']);
  return Array.from({ length: g.count }, (_, i) => ({ day: t.day[g.row[i]!]!, n: g.sums[0]![i]! }));
}

/** First messages (pair or recipient scope) per day (or per sender) and network (rollup columns). */
export function firstsBy(
  db: Db,
  s: QueryScope,
  scope: 'pair' | 'recipient',
  by: 'day' | 'sender_id',
): { key: number | string; network: string; messages: number; known_messages: number }[] {
  const t = firstsDaily(db, scope);
  const g = groupSums(t, s, [by, 'network'], ['messages', 'known_bytes_messages']);
  return Array.from({ length: g.count }, (_, i) => ({
    key: by === 'day' ? t.day[g.row[i]!]! : textAt(t, by, g.row[i]!),
    network: textAt(t, 'network', g.row[i]!),
    messages: g.sums[0]![i]!,
    known_messages: g.sums[1]![i]!,
  }));
}

/** Per day of the first message: pairs, covered, noticed, and noticed pairs that opted out by lag bin. */
export interface CoverageDay {
  day: number;
  pairs: number;
  covered: number;
  noticed: number;
  opted: number;
  /** Opted-out pairs per lag bin: < 1 h, 1–24 h, 1–7 d, 7–30 d, 30–90 d, ≥ 90 d. */
  lags: [number, number, number, number, number, number];
}

/** Coverage per day of the first message, with the time to opt-out of noticed pairs (coverage rollup). */
export function coverageByDay(db: Db, s: QueryScope): CoverageDay[] {
  const rows = db
    .prepare(
      `SELECT day, sum(pairs), sum(covered), sum(noticed), sum(opted), sum(lag_1h), sum(lag_1d), sum(lag_7d), sum(lag_30d),
              sum(lag_90d), sum(lag_more)
       FROM rollup_coverage_daily WHERE ${DAYS} AND ${SENDER_IN(s)} AND ${CATEGORY_IN(s)} GROUP BY day`,
    )
    .raw()
    .all(bind(s)) as number[][];
  return rows.map((r) => ({
    day: r[0]!,
    pairs: r[1]!,
    covered: r[2]!,
    noticed: r[3]!,
    opted: r[4]!,
    lags: [r[5]!, r[6]!, r[7]!, r[8]!, r[9]!, r[10]!],
  }));
}

/** A stored violation: [id, sent_at, sender_id, status, latest] (latest = "action|occurred_at|sender or ''"). */
export type RefusalHit = [number, number, string, string, string];

/** Violations per day, sender and status in the scope (violations rollup, see rollups/violations.ts). */
export function violationsByDay(db: Db, s: QueryScope): { day: number; sender_id: string; status: string; n: number }[] {
  return db
    .prepare(
      `SELECT day, sender_id, status, sum(violations) AS n FROM rollup_violations_daily
       WHERE ${DAYS} AND ${SENDER_IN(s)} AND ${CATEGORY_IN(s)} GROUP BY day, sender_id, status`,
    )
    .all(bind(s)) as { day: number; sender_id: string; status: string; n: number }[];
}

/** The number of violations in the scope (violations rollup). */
export function violationTotal(db: Db, s: QueryScope): number {
  return db
    .prepare(`SELECT coalesce(sum(violations), 0) FROM rollup_violations_daily WHERE ${DAYS} AND ${SENDER_IN(s)} AND ${CATEGORY_IN(s)}`)
    .pluck()
    .get(bind(s)) as number;
}

/** One page of the scope's stored violations in (sent_at, id) order. */
export function violationPage(db: Db, s: QueryScope, offset: number, limit: number): RefusalHit[] {
  return db
    .prepare(
      `SELECT id, sent_at, sender_id, status, latest FROM violations INDEXED BY violations_by_time
       WHERE sent_at >= @fromMs AND sent_at < @toMs AND ${SENDER_IN(s)} AND ${CATEGORY_IN(s)}
       ORDER BY sent_at, id LIMIT @limit OFFSET @offset`,
    )
    .raw()
    .all({ ...bind(s), offset, limit }) as RefusalHit[];
}

export interface RefusalDetail {
  id: number;
  event_id: string | null;
  recipient_id: string;
  template_id: string | null;
  category: string | null;
}

/** The stored fields of some notifications, by id (any order). */
export function notificationDetails(db: Db, ids: readonly number[]): RefusalDetail[] {
  if (ids.length === 0) return [];
  return db
    .prepare(
      `SELECT id, event_id, recipient_id, template_id, category FROM notifications
       WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as RefusalDetail[];
}

/** The stored per-day URL sets (shared / indexed / served) in a day range (URL rollup). */
export function urlSetsBetween(db: Db, fromDay: number, toDay: number): IterableIterator<[number, string, Buffer]> {
  return db
    .prepare(
      `SELECT day, action, ids FROM rollup_url_sets_daily
       WHERE day BETWEEN ? AND ? AND action IN ('shared', 'indexed', 'served')`,
    )
    .raw()
    .iterate(fromDay, toDay) as IterableIterator<[number, string, Buffer]>;
}

/** The number of URL ids assigned (the size of a bitset over them). */
export function urlIdCount(db: Db): number {
  return db.prepare('SELECT coalesce(max(idx), -1) + 1 FROM rollup_url_ids').pluck().get() as number;
}

/** Hours from first shared to first indexed, for URLs first shared in [fromMs, toMs) and indexed later (URL rollup). */
export function urlLagsHours(db: Db, fromMs: number, toMs: number): number[] {
  return db
    .prepare(
      `SELECT (first_indexed - first_shared) / 3600000.0 FROM rollup_url_ids INDEXED BY rollup_url_ids_by_shared
       WHERE first_shared >= ? AND first_shared < ? AND first_indexed > first_shared`,
    )
    .pluck()
    .all(fromMs, toMs) as number[];
}

/**
 * URLs first indexed in [fromMs, toMs) and before `beforeMs` (null: no bound): their count, and the
 * first `limit` of them in URL order with their first indexed instant (URL rollup).
 */
export function urlsFirstIndexed(
  db: Db,
  fromMs: number,
  toMs: number,
  beforeMs: number | null,
  limit: number,
): { count: number; first: [string, number][] } {
  const end = beforeMs === null ? toMs : Math.min(toMs, beforeMs);
  const where = `first_indexed >= @fromMs AND first_indexed < @end`;
  const p = { fromMs, end, limit };
  return {
    count: db.prepare(`SELECT count(*) FROM rollup_url_ids INDEXED BY rollup_url_ids_by_indexed WHERE ${where}`).pluck().get(p) as number,
    first: db
      .prepare(`SELECT url, first_indexed FROM rollup_url_ids INDEXED BY rollup_url_ids_by_indexed WHERE ${where} ORDER BY url LIMIT @limit`)
      .raw()
      .all(p) as [string, number][],
  };
}

/** Every host with the ids of its URLs, comma-separated (URL rollup). */
export function urlIdsByHost(db: Db): [string, string][] {
  return db
    .prepare('SELECT host, group_concat(idx) FROM rollup_url_ids INDEXED BY rollup_url_ids_by_host GROUP BY host')
    .raw()
    .all() as [string, string][];
}

/** The number of distinct (sender, category) pairs with notifications (all-time dimensions rollup). */
export function senderCategoryPairs(db: Db): number {
  return db.prepare('SELECT count(*) FROM (SELECT DISTINCT sender_id, category FROM rollup_dimensions)').pluck().get() as number;
}

/** Senders, categories and templates present, with their notification counts (all-time dimensions rollup). */
export function dimensionCounts(db: Db): {
  senders: { key: string; count: number }[];
  categories: { key: string; count: number }[];
  templates: { key: string; senderId: string; count: number }[];
} {
  const group = (col: string) =>
    db.prepare(`SELECT ${col} AS key, sum(messages) AS count FROM rollup_dimensions GROUP BY ${col} ORDER BY count DESC, key`).all() as {
      key: string;
      count: number;
    }[];
  return {
    senders: group('sender_id'),
    categories: group('category'),
    templates: db
      .prepare(
        `SELECT template_id AS key, sender_id AS senderId, sum(messages) AS count FROM rollup_dimensions
         WHERE template_id <> '' GROUP BY sender_id, template_id ORDER BY count DESC, key, senderId`,
      )
      .all() as { key: string; senderId: string; count: number }[],
  };
}
