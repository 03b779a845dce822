/**
 * Rows that arrive far out of time order, set aside during a read and stored after it in time order.
 *
 * The rollups are keyed by local day (and the first messages by recipient): a file in time order
 * touches a few days' rollup rows per flush, while a shuffled one, or one sorted by recipient,
 * touches every day's rows at every flush — and the import's page cache, too small to hold them,
 * writes them out to the write-ahead log again at each one (a shuffled 1M-row file read 5.0 GB
 * and wrote 4.5 GB through the file system where the same rows in time order read 1.7 and wrote
 * 1.2). So a row more than ORDER_SLACK_MS older than the latest row stored so far is staged in a
 * temporary table on disk instead (the validated event as JSON, its time and line), and the staged
 * rows are stored after the read, in time order, through the same writer. Nothing is staged from a
 * file in time order. The staging table lives in a scratch database file of its own, attached for
 * the length of one import (`attachReorderFile`): not in the connection's temporary database, which
 * keeps its tables and its statement journals in memory — moving those to disk had the import write
 * 7 GB instead of 1.2 — and not in the workspace, whose write-ahead log would take every row twice.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { EventKind } from '../../../shared/domain/canonical.ts';
import type { Db } from '../db/connection.ts';
import type { AnyEvent } from './validate.ts';

/** How far behind the latest row stored a row may be and still be stored as it comes (one day). */
export const ORDER_SLACK_MS = 86_400_000;

/** Staged rows written per multi-row statement (4 values each). */
const STAGE_BATCH = 200;
/** Staged rows read back per page (the writer may write between pages, not while a statement reads). */
const PAGE = 5000;

/** The time that orders an event: sent time of a notification, occurrence time otherwise. */
export function eventTime(kind: EventKind, e: AnyEvent): number {
  return kind === 'notifications' ? (e as { sentAt: number }).sentAt : (e as { occurredAt: number }).occurredAt;
}

/**
 * Attaches a new scratch database file as `reorder` (outside any transaction: SQLite attaches only
 * then) with no journal and no syncing, for one import; `detach` (after the import's commit or
 * rollback) detaches and deletes it. Its folder is private to this user (mkdtemp, mode 0700).
 * Null when no scratch file can be made (a full or read-only temporary folder): the import then
 * stores every row as it comes, as it did before.
 */
export function attachReorderFile(db: Db): { detach(): void } | null {
  let dir: string;
  try {
    removeOrphanedScratch();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `${SCRATCH_PREFIX}${process.pid}-`));
    const file = path.join(dir, 'reorder.sqlite');
    // Made here: a connection opened with fileMustExist (the import worker's) attaches no new file.
    fs.writeFileSync(file, '', { mode: 0o600 });
    db.prepare('ATTACH DATABASE ? AS reorder').run(file);
  } catch {
    return null;
  }
  db.pragma('reorder.journal_mode = OFF');
  db.pragma('reorder.synchronous = OFF');
  db.pragma(`reorder.cache_size = -${REORDER_CACHE_KIB}`);
  return {
    detach() {
      try {
        if (!db.inTransaction) db.exec('DETACH DATABASE reorder');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

const SCRATCH_PREFIX = 'notice-desk-reorder-';

/**
 * Removes the scratch folders of processes that are gone (an import killed mid-way cannot remove
 * its own; a shuffled 1M-row file leaves about 250 MB). A folder's name holds its process id; a
 * folder of a live process, this one's included, is left alone.
 */
export function removeOrphanedScratch(): void {
  for (const name of fs.readdirSync(os.tmpdir())) {
    const m = new RegExp(`^${SCRATCH_PREFIX}(\\d+)-`).exec(name);
    if (!m || processAlive(Number(m[1]))) continue;
    fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The scratch database's page cache (KiB). */
const REORDER_CACHE_KIB = 4096;

/** One staged row as it comes back. */
export interface StagedRow {
  kind: EventKind;
  line: number;
  event: AnyEvent;
}

/** The out-of-order rows of one import. */
export class ReorderStage {
  /** Rows staged so far. */
  staged = 0;
  private latest = -Infinity;
  private readonly db: Db;
  private params: (string | number)[] = [];
  private batch: Database.Statement | null = null;
  private one: Database.Statement | null = null;
  private made = false;
  private readonly enabled: boolean;

  /** `enabled`: a scratch file is attached (attachReorderFile); without one every row is admitted. */
  constructor(db: Db, enabled = true) {
    this.db = db;
    this.enabled = enabled;
  }

  /**
   * True when the row may be stored now (it is at most ORDER_SLACK_MS behind the latest row stored
   * so far); false when it was staged instead.
   */
  admit(kind: EventKind, event: AnyEvent, line: number): boolean {
    const t = eventTime(kind, event);
    if (!this.enabled || t >= this.latest - ORDER_SLACK_MS) {
      if (t > this.latest) this.latest = t;
      return true;
    }
    if (!this.made) this.make();
    this.params.push(t, kind, line, JSON.stringify(event));
    this.staged++;
    if (this.params.length === STAGE_BATCH * 4) this.write();
    return false;
  }

  /**
   * The staged rows in time order (then in the order they came), a page at a time: the caller may
   * write to the database between pages. The table is dropped after the last page.
   */
  *drain(): Generator<StagedRow[]> {
    if (!this.made) return;
    this.write();
    const page = this.db.prepare(
      `SELECT rowid, t, kind, line, event FROM reorder.import_reorder INDEXED BY import_reorder_by_time
       WHERE t > @t OR (t = @t AND rowid > @id) ORDER BY t, rowid LIMIT ${PAGE}`,
    );
    let at = { t: -Number.MAX_VALUE, id: 0 };
    for (;;) {
      const rows = page.all(at) as { rowid: number; t: number; kind: EventKind; line: number; event: string }[];
      if (rows.length === 0) break;
      const last = rows[rows.length - 1]!;
      at = { t: last.t, id: last.rowid };
      yield rows.map((r) => ({ kind: r.kind, line: r.line, event: JSON.parse(r.event) as AnyEvent }));
    }
    this.dispose();
  }

  /** Drops the staging table (after the last page, or when the import fails). */
  dispose(): void {
    if (!this.made) return;
    this.made = false;
    this.params = [];
    this.batch = null;
    this.one = null;
    this.db.exec('DROP TABLE IF EXISTS reorder.import_reorder');
  }

  private make(): void {
    this.db.exec('DROP TABLE IF EXISTS reorder.import_reorder');
    this.db.exec('CREATE TABLE reorder.import_reorder (t INTEGER NOT NULL, kind TEXT NOT NULL, line INTEGER NOT NULL, event TEXT NOT NULL)');
    // Kept as the rows come, not built afterwards: CREATE INDEX sorts in the connection's temporary
    // storage, which is memory (a shuffled 1M-row file peaked at 253 MiB with it, 231 without).
    this.db.exec('CREATE INDEX reorder.import_reorder_by_time ON import_reorder (t)');
    this.made = true;
  }

  private write(): void {
    const rows = this.params.length / 4;
    if (rows === 0) return;
    if (rows === STAGE_BATCH) {
      this.batch ??= this.db.prepare(`INSERT INTO reorder.import_reorder (t, kind, line, event) VALUES ${Array(STAGE_BATCH).fill('(?, ?, ?, ?)').join(', ')}`);
      this.batch.run(this.params);
    } else {
      this.one ??= this.db.prepare('INSERT INTO reorder.import_reorder (t, kind, line, event) VALUES (?, ?, ?, ?)');
      for (let i = 0; i < rows; i++) this.one.run(this.params.slice(i * 4, i * 4 + 4));
    }
    this.params = [];
  }
}
