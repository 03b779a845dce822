/**
 * The rollups the dashboards read most, loaded as columns (typed arrays, dictionary-coded text) so
 * a query aggregates in memory instead of grouping rows in SQL; the distinct-recipient sets as one
 * id array per kind, with their distinct counts per calendar bucket; the per-recipient usage sets.
 *
 * On a read-only connection (the metrics query worker's) the loaded columns are kept until another
 * connection commits (`PRAGMA data_version` changes): every query still aggregates the rollup rows
 * it needs; only the reading and decoding is shared. A writable connection (the CLI, the in-process
 * API) reloads on every call, so it can never see stale rollups. Id sets beyond MAX_CACHED_IDS and
 * usage sets beyond MAX_CACHED_USAGE_BYTES are never kept (memory stays bounded whatever the
 * workspace size); queries then read them from SQLite.
 */
import { bucketStart } from '../../../shared/metrics/calendar.ts';
import type { Bucketing } from '../../../shared/metrics/types.ts';
import type { Db } from '../db/connection.ts';
import { decodeUsage, recipientIdCount, type UsageEntries } from '../rollups/index.ts';

/** The most recipient ids kept in memory per kind (4 bytes each). */
const MAX_CACHED_IDS = 50_000_000;

interface CacheState {
  version: number;
  entries: Map<string, unknown>;
}

const caches = new WeakMap<Db, CacheState>();

/**
 * `build()` once per data version on a read-only connection (a null result — too large to keep —
 * is remembered too, until the data changes); every call on a writable one.
 */
export function cached<T>(db: Db, key: string, build: () => T): T {
  if (!db.readonly) return build();
  const version = db.pragma('data_version', { simple: true }) as number;
  let state = caches.get(db);
  if (!state || state.version !== version) caches.set(db, (state = { version, entries: new Map() }));
  if (state.entries.has(key)) return state.entries.get(key) as T;
  const value = build();
  state.entries.set(key, value);
  return value;
}

/** A text column as codes into its distinct values. */
export interface TextColumn {
  codes: Int32Array;
  values: string[];
}

/** A rollup table sorted by day: its day column, text columns and numeric columns. */
export interface DailyColumns {
  rows: number;
  day: Int32Array;
  text: Record<string, TextColumn>;
  num: Record<string, Float64Array>;
}

/** Loads `SELECT day, text…, num… FROM table WHERE where ORDER BY day` as columns. */
function loadColumns(db: Db, table: string, text: readonly string[], num: readonly string[], where = '1'): DailyColumns {
  const rows = db.prepare(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get() as number;
  const day = new Int32Array(rows);
  const dicts = text.map(() => new Map<string, number>());
  const out: DailyColumns = { rows, day, text: {}, num: {} };
  const codes = text.map((c): TextColumn => (out.text[c] = { codes: new Int32Array(rows), values: [] }));
  const nums = num.map((c) => (out.num[c] = new Float64Array(rows)));
  const stmt = db.prepare(`SELECT day, ${[...text, ...num].join(', ')} FROM ${table} WHERE ${where} ORDER BY day`).raw();
  let i = 0;
  for (const r of stmt.iterate() as IterableIterator<(string | number)[]>) {
    if (i >= rows) break;
    day[i] = r[0] as number;
    for (let t = 0; t < text.length; t++) {
      const v = r[1 + t] as string;
      let code = dicts[t]!.get(v);
      if (code === undefined) {
        code = codes[t]!.values.length;
        dicts[t]!.set(v, code);
        codes[t]!.values.push(v);
      }
      codes[t]!.codes[i] = code;
    }
    for (let k = 0; k < num.length; k++) nums[k]![i] = r[1 + text.length + k] as number;
    i++;
  }
  out.rows = i;
  return out;
}

/** rollup_notifications_daily as columns. */
export function notificationsDaily(db: Db): DailyColumns {
  return cached(db, 'notifications', () =>
    loadColumns(db, 'rollup_notifications_daily', ['sender_id', 'category', 'status', 'network'], ['messages', 'known_bytes_messages', 'known_bytes']),
  );
}

/** rollup_first_daily of one scope as columns. */
export function firstsDaily(db: Db, scope: 'pair' | 'recipient'): DailyColumns {
  return cached(db, `firsts:${scope}`, () =>
    loadColumns(db, 'rollup_first_daily', ['sender_id', 'category', 'network'], ['messages', 'known_bytes_messages'], `scope = '${scope}'`),
  );
}

/** rollup_templates_daily as columns. */
export function templatesDaily(db: Db): DailyColumns {
  return cached(db, 'templates', () => loadColumns(db, 'rollup_templates_daily', ['sender_id', 'template_id', 'category'], ['messages']));
}

/** The row range [lo, hi) of days in [fromDay, toDay] (the day column is sorted). */
export function dayRange(day: Int32Array, fromDay: number, toDay: number): [number, number] {
  const bound = (v: number) => {
    let lo = 0;
    let hi = day.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (day[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return [bound(fromDay), bound(toDay + 1)];
}

/** Which codes of a text column pass a filter list (null: no filter, every code passes). */
export function allowedCodes(column: TextColumn, values: readonly string[] | null): Uint8Array | null {
  if (values === null) return null;
  const wanted = new Set(values);
  return Uint8Array.from(column.values, (v) => (wanted.has(v) ? 1 : 0));
}

/** The distinct-recipient sets of one kind: row i holds ids[start[i] .. start[i + 1]). */
export interface ReachColumns {
  rows: number;
  day: Int32Array;
  sender: TextColumn;
  category: TextColumn;
  start: Uint32Array;
  ids: Uint32Array;
}

/**
 * rollup_reach_daily of one kind as columns, or null when it holds more than MAX_CACHED_IDS ids
 * (the caller then streams the sets of its day range from SQLite).
 */
export function reachColumns(db: Db, kind: string): ReachColumns | null {
  return cached(
    db,
    `reach:${kind}`,
    (): ReachColumns | null => {
      const size = db
        .prepare('SELECT count(*) AS n, coalesce(sum(length(ids)), 0) / 4 AS ids FROM rollup_reach_daily WHERE kind = ?')
        .get(kind) as { n: number; ids: number };
      if (size.ids > MAX_CACHED_IDS) return null;
      const out: ReachColumns = {
        rows: size.n,
        day: new Int32Array(size.n),
        sender: { codes: new Int32Array(size.n), values: [] },
        category: { codes: new Int32Array(size.n), values: [] },
        start: new Uint32Array(size.n + 1),
        ids: new Uint32Array(size.ids),
      };
      const senders = new Map<string, number>();
      const categories = new Map<string, number>();
      const bytes = new Uint8Array(out.ids.buffer);
      let i = 0;
      let at = 0;
      for (const r of db
        .prepare('SELECT day, sender_id, category, ids FROM rollup_reach_daily WHERE kind = ? ORDER BY day')
        .raw()
        .iterate(kind) as IterableIterator<[number, string, string, Buffer]>) {
        if (i >= size.n || at + r[3].byteLength / 4 > size.ids) break;
        out.day[i] = r[0];
        out.sender.codes[i] = codeOf(out.sender, senders, r[1]);
        out.category.codes[i] = codeOf(out.category, categories, r[2]);
        out.start[i] = at;
        bytes.set(r[3], at * 4);
        at += r[3].byteLength / 4;
        i++;
      }
      out.rows = i;
      out.start[i] = at;
      return out;
    },
  );
}

/** The filter of a daily query: a day range and sender / category lists (null = all). */
export interface DailyFilter {
  fromDay: number;
  toDay: number;
  senders: readonly string[] | null;
  categories: readonly string[] | null;
}

/** Groups are numbered through a dense table when the key space is at most this large, else a Map. */
const DENSE_KEYS = 1 << 22;

/** Groups of a `groupSums`: per group, one of its rows (to read its key columns) and its sums. */
export interface Groups {
  count: number;
  row: Int32Array;
  sums: Float64Array[];
}

/** The text value of a column at a row. */
export function textAt(t: DailyColumns, column: string, row: number): string {
  const col = t.text[column]!;
  return col.values[col.codes[row]!]!;
}

/**
 * `SELECT keys…, sum(values…) FROM table WHERE day in range AND sender/category in lists [AND
 * only(column) in list] GROUP BY keys…` over loaded columns ('day' or a text column as keys).
 */
export function groupSums(
  t: DailyColumns,
  f: DailyFilter,
  keys: readonly string[],
  values: readonly string[],
  only?: { column: string; values: readonly string[] },
): Groups {
  const [lo, hi] = dayRange(t.day, f.fromDay, f.toDay);
  const filterCodes: Int32Array[] = [];
  const filterOk: Uint8Array[] = [];
  const filter = (column: string, list: readonly string[] | null) => {
    const col = t.text[column];
    const ok = col ? allowedCodes(col, list) : null;
    if (col && ok) {
      filterCodes.push(col.codes);
      filterOk.push(ok);
    }
  };
  filter('sender_id', f.senders);
  filter('category', f.categories);
  if (only) filter(only.column, only.values);
  const nf = filterCodes.length;
  const keyCodes = keys.map((k) => (k === 'day' ? t.day : t.text[k]!.codes));
  const keyBase = keys.map((k) => (k === 'day' ? f.fromDay : 0));
  const radix = keys.map((k) => (k === 'day' ? Math.max(1, f.toDay - f.fromDay + 1) : Math.max(1, t.text[k]!.values.length)));
  const space = radix.reduce((a, b) => a * b, 1);
  const dense = space <= DENSE_KEYS ? new Int32Array(space).fill(-1) : null;
  const sparse = dense ? null : new Map<number, number>();
  const valueCols = values.map((v) => t.num[v]!);
  const nv = valueCols.length;
  const nk = keys.length;
  let row = new Int32Array(1024);
  let sums = valueCols.map(() => new Float64Array(1024));
  let count = 0;
  for (let r = lo; r < hi; r++) {
    let pass = true;
    for (let i = 0; i < nf; i++) if (filterOk[i]![filterCodes[i]![r]!] === 0) pass = false;
    if (!pass) continue;
    let key = 0;
    for (let k = 0; k < nk; k++) key = key * radix[k]! + keyCodes[k]![r]! - keyBase[k]!;
    let g = dense ? dense[key]! : (sparse!.get(key) ?? -1);
    if (g < 0) {
      g = count++;
      if (dense) dense[key] = g;
      else sparse!.set(key, g);
      if (g >= row.length) {
        const grow = (a: Int32Array) => {
          const b = new Int32Array(a.length * 2);
          b.set(a);
          return b;
        };
        row = grow(row);
        sums = sums.map((a) => {
          const b = new Float64Array(a.length * 2);
          b.set(a);
          return b;
        });
      }
      row[g] = r;
    }
    for (let v = 0; v < nv; v++) sums[v]![g]! += valueCols[v]![r]!;
  }
  return { count, row, sums };
}

/**
 * Distinct recipients of one kind per calendar bucket (day, ISO week or month, by start day) over
 * all senders and categories: one pass over the loaded sets in day order, counting new bits in one
 * scratch bitset cleared per bucket. Derived from the reach columns and kept with them; null when
 * they are not kept (too large).
 */
export function bucketCounts(db: Db, kind: string, by: Bucketing): Map<number, number> | null {
  return cached(
    db,
    `counts:${kind}:${by}`,
    (): Map<number, number> | null => {
      const cols = reachColumns(db, kind);
      if (!cols || !db.readonly) return null;
      const bits = new Uint32Array(Math.ceil(recipientIdCount(db) / 32));
      const out = new Map<number, number>();
      let current = Number.NaN;
      let count = 0;
      for (let r = 0; r < cols.rows; r++) {
        const start = bucketStart(cols.day[r]!, by);
        if (start !== current) {
          if (!Number.isNaN(current)) out.set(current, count);
          bits.fill(0);
          current = start;
          count = 0;
        }
        const end = cols.start[r + 1]!;
        for (let i = cols.start[r]!; i < end; i++) {
          const id = cols.ids[i]!;
          const w = id >>> 5;
          const m = 1 << (id & 31);
          if ((bits[w]! & m) === 0) {
            bits[w]! |= m;
            count++;
          }
        }
      }
      if (!Number.isNaN(current)) out.set(current, count);
      return out;
    },
  );
}

/** The most bytes of stored usage sets kept in memory. */
const MAX_CACHED_USAGE_BYTES = 256 * 1024 * 1024;

/** The per-recipient usage sets (rollups/usage.ts), decoded, with their day, sender and category. */
export interface UsageColumns {
  rows: number;
  day: Int32Array;
  sender: TextColumn;
  category: TextColumn;
  sets: UsageEntries[];
}

/**
 * rollup_usage_daily as decoded sets over one buffer, or null when its sets take more than
 * MAX_CACHED_USAGE_BYTES (the caller then reads the sets of its day range from SQLite).
 */
export function usageColumns(db: Db): UsageColumns | null {
  return cached(
    db,
    'usage',
    (): UsageColumns | null => {
      const size = db.prepare('SELECT count(*) AS n, coalesce(sum(length(entries)), 0) AS bytes FROM rollup_usage_daily').get() as {
        n: number;
        bytes: number;
      };
      // Each set starts 8-byte aligned (its known sums are float64).
      const capacity = size.bytes + 8 * size.n;
      if (capacity > MAX_CACHED_USAGE_BYTES) return null;
      const buffer = new ArrayBuffer(capacity);
      const bytes = new Uint8Array(buffer);
      const out: UsageColumns = {
        rows: 0,
        day: new Int32Array(size.n),
        sender: { codes: new Int32Array(size.n), values: [] },
        category: { codes: new Int32Array(size.n), values: [] },
        sets: [],
      };
      const senders = new Map<string, number>();
      const categories = new Map<string, number>();
      let at = 0;
      for (const r of db
        .prepare('SELECT day, sender_id, category, entries FROM rollup_usage_daily ORDER BY day')
        .raw()
        .iterate() as IterableIterator<[number, string, string, Buffer]>) {
        if (out.rows >= size.n || at + r[3].byteLength > capacity) break;
        bytes.set(r[3], at);
        out.day[out.rows] = r[0];
        out.sender.codes[out.rows] = codeOf(out.sender, senders, r[1]);
        out.category.codes[out.rows] = codeOf(out.category, categories, r[2]);
        out.sets.push(decodeUsage(bytes.subarray(at, at + r[3].byteLength)));
        at += Math.ceil(r[3].byteLength / 8) * 8;
        out.rows++;
      }
      return out;
    },
  );
}

/** The code of a text value in a dictionary-coded column (assigned on first sight). */
function codeOf(col: TextColumn, dict: Map<string, number>, v: string): number {
  let c = dict.get(v);
  if (c === undefined) {
    dict.set(v, (c = col.values.length));
    col.values.push(v);
  }
  return c;
}

/** Loads every kept column set (the query worker calls this when idle after a data change). */
export function warmRollupColumns(db: Db): void {
  notificationsDaily(db);
  templatesDaily(db);
  firstsDaily(db, 'pair');
  firstsDaily(db, 'recipient');
  for (const kind of ['reached', 'charged', 'optout']) reachColumns(db, kind);
  for (const kind of ['reached', 'charged']) for (const by of ['week', 'month'] as const) bucketCounts(db, kind, by);
  usageColumns(db);
}
