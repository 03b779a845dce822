/**
 * The review view's threads as a file (docs/review.md#exports): CSV through the app's one CSV
 * writer (BOM, formula guard on every cell, one row per comment) or JSON (the threads as the
 * contract returns them, placed on the version).
 */
import { csvOfRecords, type CsvValue } from '../../../shared/metrics/csv.ts';
import type { PlacedThread } from '../../../shared/review/types.ts';

export type ThreadFilter = 'all' | 'open' | 'resolved' | 'orphaned';

/** Whether a placed thread shows under a filter of the review view. */
export function matchesFilter(t: PlacedThread, filter: ThreadFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'orphaned') return t.placed.state === 'orphaned';
  return t.placed.state !== 'orphaned' && t.status === filter;
}

const HEADER = [
  'thread_id',
  'made_on_version',
  'placed_on_version',
  'language',
  'thread_status',
  'anchor',
  'quote',
  'start',
  'end',
  'comment_no',
  'author',
  'written_at_utc',
  'edited_at_utc',
  'comment',
] as const;

function iso(ms: number | null): string {
  return ms === null ? '' : new Date(ms).toISOString();
}

/** One row per live comment of each thread. */
export function threadsCsv(threads: readonly PlacedThread[], placedOn: number): string {
  const rows: CsvValue[][] = [];
  for (const t of threads) {
    const live = t.comments.filter((c) => c.deletedAt === null);
    live.forEach((c, i) => {
      rows.push([
        t.id,
        t.versionNumber,
        placedOn,
        t.anchor.locale,
        t.status,
        t.placed.state,
        t.anchor.quote,
        t.placed.start,
        t.placed.end,
        i + 1,
        c.author,
        iso(c.createdAt),
        iso(c.editedAt),
        c.body,
      ]);
    });
  }
  return csvOfRecords(HEADER, rows);
}

/** The threads as JSON (deleted comments left out), with the version they are placed on. */
export function threadsJson(threads: readonly PlacedThread[], placedOn: number, disclosure: { id: number; title: string }): string {
  const out = threads.map((t) => ({ ...t, comments: t.comments.filter((c) => c.deletedAt === null) }));
  return `${JSON.stringify({ format: 'notice-desk/review-threads@1', disclosure, placedOnVersion: placedOn, threads: out }, null, 2)}\n`;
}
