import type { Locale } from '../../../shared/disclosures/types.ts';
import type { PlacedThread } from '../../../shared/review/types.ts';

export const THREAD_FILTERS = ['open', 'resolved', 'orphaned', 'all'] as const;
/** Which threads the list shows (the same meaning as `review:exportThreads`' filter). */
export type ThreadFilter = (typeof THREAD_FILTERS)[number];

/** True when a thread is shown under a filter: open and resolved count placed threads only; orphaned ones have their own panel. */
export function matchesThreadFilter(t: PlacedThread, filter: ThreadFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'orphaned') return t.placed.state === 'orphaned';
  return t.placed.state !== 'orphaned' && t.status === filter;
}

/** How many threads each filter shows. */
export function threadCounts(threads: readonly PlacedThread[]): Record<ThreadFilter, number> {
  const counts = { open: 0, resolved: 0, orphaned: 0, all: threads.length };
  for (const t of threads) {
    if (t.placed.state === 'orphaned') counts.orphaned++;
    else counts[t.status]++;
  }
  return counts;
}

/** A placed range of one locale's text, with the threads that sit on it. */
export interface Highlight {
  start: number;
  end: number;
  threadIds: string[];
}

/**
 * The text of one locale cut where placed threads begin and end: each piece with the ids of the
 * threads covering it (none for plain text). Overlapping threads give pieces covered by several.
 */
export function segmentText(text: string, threads: readonly PlacedThread[], locale: Locale): Highlight[] {
  const ranges = threads
    .filter((t) => t.anchor.locale === locale && t.placed.start !== null && t.placed.end !== null && t.placed.end > t.placed.start)
    .map((t) => ({ id: t.id, start: Math.min(t.placed.start!, text.length), end: Math.min(t.placed.end!, text.length) }));
  const cuts = new Set([0, text.length]);
  for (const r of ranges) {
    cuts.add(r.start);
    cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Highlight[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    out.push({ start, end, threadIds: ranges.filter((r) => r.start <= start && r.end >= end).map((r) => r.id) });
  }
  return out;
}
