/**
 * The URL rollups (migration 0007): dense URL ids with host and first shared / first indexed
 * instants, and per (local day, action) the set of URLs with such an event. Kept by recomputing,
 * from the raw URL events, the days and URLs an import (or a removal) touched: the importer only
 * notes a day and a URL per row (the step); `flush` does the work once per batch.
 */
import { dayStartUtc, localDay } from '../../../shared/metrics/calendar.ts';
import type { Db } from '../db/connection.ts';
import { workspaceTimeZone } from '../db/workspace-settings.ts';
import type { RollupStep } from './step.ts';

/** The host of a URL ('' when unparsable). */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/**
 * Recomputes the rollups of some URLs (id, host, firsts) and local days (sets) from the raw rows,
 * leaving out one import's rows when `exceptImport` is given (a removal in progress).
 */
export function refreshUrlRollups(db: Db, days: Iterable<number>, urls: Iterable<string>, exceptImport: number | null = null): void {
  const except = exceptImport ?? -1;
  const zone = workspaceTimeZone(db);
  const getIdx = db.prepare('SELECT idx FROM rollup_url_ids WHERE url = ?').pluck();
  const maxIdx = db.prepare('SELECT coalesce(max(idx), -1) FROM rollup_url_ids').pluck();
  const firsts = db.prepare(
    `SELECT min(CASE WHEN action = 'shared' THEN occurred_at END) AS shared, min(CASE WHEN action = 'indexed' THEN occurred_at END) AS indexed
     FROM urls INDEXED BY urls_by_url WHERE url = ? AND action IN ('shared', 'indexed') AND import_id <> ?`,
  );
  const put = db.prepare(
    `INSERT INTO rollup_url_ids (url, idx, host, first_shared, first_indexed) VALUES (@url, @idx, @host, @shared, @indexed)
     ON CONFLICT (url) DO UPDATE SET first_shared = excluded.first_shared, first_indexed = excluded.first_indexed`,
  );
  let next: number | null = null;
  const idOf = (url: string): number => {
    const found = getIdx.get(url) as number | undefined;
    if (found !== undefined) return found;
    next ??= (maxIdx.get() as number) + 1;
    put.run({ url, idx: next, host: hostOf(url), shared: null, indexed: null });
    return next++;
  };
  for (const url of urls) {
    const f = firsts.get(url, except) as { shared: number | null; indexed: number | null };
    // Ids are never reused; a URL with no events left keeps its id with empty firsts.
    const idx = idOf(url);
    put.run({ url, idx, host: '', shared: f.shared, indexed: f.indexed });
  }
  const events = db
    .prepare(
      `SELECT DISTINCT action, url FROM urls INDEXED BY urls_by_time
       WHERE occurred_at >= ? AND occurred_at < ? AND import_id <> ?`,
    )
    .raw();
  const drop = db.prepare('DELETE FROM rollup_url_sets_daily WHERE day = ?');
  const putSet = db.prepare('INSERT INTO rollup_url_sets_daily (day, action, ids) VALUES (?, ?, ?)');
  for (const day of days) {
    const sets = new Map<string, number[]>();
    for (const [action, url] of events.all(dayStartUtc(day, zone), dayStartUtc(day + 1, zone), except) as [string, string][]) {
      let ids = sets.get(action);
      if (!ids) sets.set(action, (ids = []));
      ids.push(idOf(url));
    }
    drop.run(day);
    for (const [action, ids] of sets) {
      const sorted = Uint32Array.from(ids).sort();
      putSet.run(day, action, Buffer.from(sorted.buffer, sorted.byteOffset, sorted.byteLength));
    }
  }
}

/** The URL-set step: notes the days and URLs of the URL events it is fed; `flush` refreshes their rollups. */
export function urlSetsStep(zone: string): RollupStep {
  let days = new Set<number>();
  let urls = new Set<string>();
  return {
    addUrl(e) {
      days.add(localDay(e.occurredAt, zone));
      urls.add(e.url);
    },
    flush(ctx) {
      if (days.size === 0 && urls.size === 0) return;
      refreshUrlRollups(ctx.db, days, urls);
      days = new Set();
      urls = new Set();
    },
  };
}

/** Takes one import's URL events out of the URL rollups (before its rows are deleted). */
export function removeImportFromUrlRollups(db: Db, importId: number): void {
  const zone = workspaceTimeZone(db);
  const days = new Set<number>();
  const urls = new Set<string>();
  for (const [at, url] of db.prepare('SELECT occurred_at, url FROM urls WHERE import_id = ?').raw().iterate(importId) as IterableIterator<[number, string]>) {
    days.add(localDay(at, zone));
    urls.add(url);
  }
  refreshUrlRollups(db, days, urls, importId);
}

/** Rebuilds the URL rollups from every raw URL event. */
export function rebuildUrlRollups(db: Db): void {
  db.exec('DELETE FROM rollup_url_ids; DELETE FROM rollup_url_sets_daily;');
  const zone = workspaceTimeZone(db);
  const days = new Set<number>();
  for (const at of db.prepare('SELECT DISTINCT occurred_at FROM urls INDEXED BY urls_by_time').pluck().iterate() as IterableIterator<number>) {
    days.add(localDay(at, zone));
  }
  const urls = db.prepare('SELECT DISTINCT url FROM urls INDEXED BY urls_by_url').pluck().all() as string[];
  refreshUrlRollups(db, days, urls);
}
