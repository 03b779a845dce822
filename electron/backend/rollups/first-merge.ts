/**
 * Merging first-message candidates into rollup_first_messages (the step of firsts.ts) set-wise: the
 * candidates' keys go into a temporary table, the stored firsts they compete with come back in one
 * join, and the winners are written sorted by key in multi-row statements — no statement per pair.
 */
import type Database from 'better-sqlite3';
import type { Db } from '../db/connection.ts';
import { SEP } from './keys.ts';
import type { UsageDeltas } from './usage.ts';

/** A first-message candidate (the earliest chargeable message seen for a pair or a recipient). */
export interface FirstCandidate {
  recipientId: string;
  senderId: string;
  sentAt: number;
  eventId: string | null;
  day: number;
  category: string;
  network: string;
  bytes: number | null;
}

/** A stored first message. */
export interface FirstRow {
  sender_id: string;
  sent_at: number;
  event_id: string | null;
  day: number;
  category: string;
  network: string;
  bytes: number | null;
  notice_at: number | null;
  optout_at?: number | null;
}

/** Adds `sign` × one first message to the daily first-message counts (in memory). */
export function bumpFirstDaily(map: Map<string, number[]>, scope: string, c: FirstRow | FirstCandidate, sign: number): void {
  const senderId = 'sender_id' in c ? c.sender_id : c.senderId;
  const key = scope + SEP + c.day + SEP + senderId + SEP + c.category + SEP + c.network;
  let v = map.get(key);
  if (!v) map.set(key, (v = [0, 0]));
  v[0]! += sign;
  if (c.bytes !== null) v[1]! += sign;
}

/** Upper bounds (ms, exclusive) of the opt-out lag bins of rollup_coverage_daily (the `coverage` statement; consent.ts optOutBins). */
const LAG_BOUNDS = [3_600_000, 86_400_000, 604_800_000, 2_592_000_000, 7_776_000_000];

/**
 * Adds `sign` × one pair's first message to the in-memory coverage deltas of its (day, sender,
 * category): [pairs, covered, noticed, opted, six lag bins], as the `coverage` statement counts it.
 */
export function bumpCoverage(
  map: Map<string, number[]>,
  key: string,
  sentAt: number,
  noticeAt: number | null,
  optOutAt: number | null,
  sign: number,
): void {
  let v = map.get(key);
  if (!v) map.set(key, (v = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
  v[0]! += sign;
  if (noticeAt === null) return;
  v[2]! += sign;
  if (noticeAt <= sentAt) v[1]! += sign;
  if (optOutAt === null) return;
  v[3]! += sign;
  const lag = optOutAt - sentAt;
  let bin = 0;
  while (bin < LAG_BOUNDS.length && lag >= LAG_BOUNDS[bin]!) bin++;
  v[4 + bin]! += sign;
}

/** True when message a comes strictly before b (sent time, then event id; null ids first). */
export function earlier(aAt: number, aId: string | null, bAt: number, bId: string | null): boolean {
  if (aAt !== bAt) return aAt < bAt;
  if (aId === bId) return false;
  if (aId === null) return true;
  if (bId === null) return false;
  return aId < bId;
}

/** Keys staged per multi-row statement (5 values each). */
const KEY_BATCH = 192;
/** Winners written per multi-row statement (12 values each). */
const PUT_BATCH = 80;
const PUT_ROW = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

interface MergeStatements {
  clear: Database.Statement;
  stage: Map<number, Database.Statement>;
  put: Map<number, Database.Statement>;
  existing: Database.Statement;
  notices: Database.Statement;
  optOuts: Database.Statement;
}

const prepared = new WeakMap<Db, MergeStatements>();

function statements(db: Db): MergeStatements {
  // Made on every call, not only with the statements: a TEMP table created inside an import's
  // transaction goes away when that import is rolled back (a refused file), while the cached
  // statements stay; SQLite re-prepares them against the table made again here.
  db.exec(
    `CREATE TEMP TABLE IF NOT EXISTS rollup_first_keys_v2
       (k INTEGER PRIMARY KEY, recipient_id TEXT NOT NULL, sender_key TEXT NOT NULL, sender_id TEXT NOT NULL, sent_at INTEGER NOT NULL)`,
  );
  let s = prepared.get(db);
  if (!s) {
    s = {
      clear: db.prepare('DELETE FROM temp.rollup_first_keys_v2'),
      stage: new Map(),
      put: new Map(),
      existing: db.prepare(
        `SELECT k.k, f.sender_id, f.sent_at, f.event_id, f.day, f.category, f.network, f.bytes, f.notice_at, f.optout_at
         FROM temp.rollup_first_keys_v2 k
         JOIN rollup_first_messages f ON f.scope = ? AND f.recipient_id = k.recipient_id AND f.sender_key = k.sender_key`,
      ),
      // The first notices that apply to each candidate: its sender's and the platform-wide one.
      notices: db.prepare(
        `SELECT k.k, n.first_at FROM temp.rollup_first_keys_v2 k
         JOIN rollup_notice_first n ON n.recipient_id = k.recipient_id AND n.sender_id = k.sender_id
         UNION ALL
         SELECT k.k, n.first_at FROM temp.rollup_first_keys_v2 k
         JOIN rollup_notice_first n ON n.recipient_id = k.recipient_id AND n.sender_id = ''`,
      ).raw(),
      // Each pair candidate's first opt-out or block (its sender's or platform-wide) at or after it.
      optOuts: db.prepare(
        `SELECT k.k, min(c.occurred_at) FROM temp.rollup_first_keys_v2 k
         JOIN consent c INDEXED BY consent_by_recipient ON c.recipient_id = k.recipient_id AND c.occurred_at >= k.sent_at
         WHERE c.action IN ('opt_out', 'block') AND (c.sender_id IS NULL OR c.sender_id = k.sender_id) AND c.import_id <> ?
         GROUP BY k.k`,
      ).raw(),
    };
    prepared.set(db, s);
  }
  return s;
}

/**
 * Runs `params` (rows of `width` values) through the full-batch statement, the remainder one row
 * at a time: only two statements are ever compiled, whatever the remainder sizes.
 */
function runRows(
  db: Db,
  cache: Map<number, Database.Statement>,
  batch: number,
  width: number,
  params: (string | number | null)[],
  sql: (rows: number) => string,
): void {
  const rows = params.length / width;
  const stmt = (n: number) => {
    let s = cache.get(n);
    if (!s) cache.set(n, (s = db.prepare(sql(n))));
    return s;
  };
  if (rows === batch) stmt(batch).run(params);
  else for (let i = 0; i < rows; i++) stmt(1).run(params.slice(i * width, (i + 1) * width));
}

const stageSql = (rows: number) =>
  `INSERT INTO temp.rollup_first_keys_v2 (k, recipient_id, sender_key, sender_id, sent_at) VALUES ${Array(rows).fill('(?, ?, ?, ?, ?)').join(',')}`;
const putSql = (rows: number) =>
  `INSERT OR REPLACE INTO rollup_first_messages
    (scope, recipient_id, sender_key, sender_id, sent_at, event_id, day, category, network, bytes, notice_at, optout_at)
   VALUES ${Array(rows).fill(PUT_ROW).join(',')}`;

/**
 * Merges first-message candidates into rollup_first_messages: a candidate replaces the stored first
 * when it is earlier; the daily first counts (`firstDaily`), the usage rollup's first flags and, when
 * given, the coverage deltas of pair firsts (`coverage`, keyed day, sender, category) move with it.
 */
export function mergeFirstCandidates(
  db: Db,
  scope: 'pair' | 'recipient',
  candidates: Map<string, FirstCandidate>,
  firstDaily: Map<string, number[]>,
  usage: UsageDeltas | null = null,
  excludeImport = -1,
  coverage: Map<string, number[]> | null = null,
): void {
  if (candidates.size === 0) return;
  const s = statements(db);
  const pair = scope === 'pair';
  const list = [...candidates.values()];
  list.sort((a, b) =>
    a.recipientId < b.recipientId ? -1 : a.recipientId > b.recipientId ? 1 : !pair || a.senderId === b.senderId ? 0 : a.senderId < b.senderId ? -1 : 1,
  );
  const n = list.length;
  s.clear.run();
  const params: (string | number | null)[] = [];
  for (let start = 0; start < n; start += KEY_BATCH) {
    const end = Math.min(n, start + KEY_BATCH);
    params.length = 0;
    for (let i = start; i < end; i++) params.push(i, list[i]!.recipientId, pair ? list[i]!.senderId : '', list[i]!.senderId, list[i]!.sentAt);
    runRows(db, s.stage, KEY_BATCH, 5, params, stageSql);
  }
  const old = new Map<number, FirstRow>();
  for (const r of s.existing.all(scope) as (FirstRow & { k: number })[]) old.set(r.k, r);
  const noticeAt = new Map<number, number>();
  for (const [k, at] of s.notices.all() as [number, number][]) {
    const cur = noticeAt.get(k);
    if (cur === undefined || at < cur) noticeAt.set(k, at);
  }
  const optOutAt = new Map<number, number>();
  if (pair) for (const [k, at] of s.optOuts.all(excludeImport) as [number, number][]) optOutAt.set(k, at);
  s.clear.run();
  const winners: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = list[i]!;
    const o = old.get(i);
    if (o && !earlier(c.sentAt, c.eventId, o.sent_at, o.event_id)) continue;
    if (o) {
      bumpFirstDaily(firstDaily, scope, o, -1);
      usage?.first(scope, o.day, o.sender_id, o.category, c.recipientId, o.bytes, -1);
      if (coverage && pair) bumpCoverage(coverage, o.day + SEP + o.sender_id + SEP + o.category, o.sent_at, o.notice_at, o.optout_at ?? null, -1);
    }
    bumpFirstDaily(firstDaily, scope, c, 1);
    usage?.first(scope, c.day, c.senderId, c.category, c.recipientId, c.bytes, 1);
    if (coverage && pair) bumpCoverage(coverage, c.day + SEP + c.senderId + SEP + c.category, c.sentAt, noticeAt.get(i) ?? null, optOutAt.get(i) ?? null, 1);
    winners.push(i);
  }
  for (let start = 0; start < winners.length; start += PUT_BATCH) {
    const end = Math.min(winners.length, start + PUT_BATCH);
    params.length = 0;
    for (let i = start; i < end; i++) {
      const k = winners[i]!;
      const c = list[k]!;
      params.push(scope, c.recipientId, pair ? c.senderId : '', c.senderId, c.sentAt, c.eventId, c.day, c.category, c.network, c.bytes,
        noticeAt.get(k) ?? null, optOutAt.get(k) ?? null);
    }
    runRows(db, s.put, PUT_BATCH, 12, params, putSql);
  }
}
