import { emptyCoverage, emptyOptOut } from '../../../shared/metrics/empty.ts';
import type {
  CoverageFigures,
  CoverageResult,
  HistogramBin,
  MetricFilter,
  OptOutFigures,
  OptOutResult,
} from '../../../shared/metrics/types.ts';
import type { Db } from '../db/connection.ts';
import { coverageByDay, dimensionCounts, senderCategoryPairs, type CoverageDay, type QueryScope } from '../db/metrics-repo.ts';
import { countsOf, intersectionCount, mergeGroups, popcount, releaseGroups, unionByGroup, unionInto, wholeBucketCounts } from './reach.ts';
import { ratio, resolveScope, toFilter, type FilterInput, type ResolvedScope } from './scope.ts';

/** Above this many (sender, category) pairs, sets go to sender and category groups directly. */
const PAIR_GROUPS_MAX = 64;
const PAIR_SEP = '\u001f';

/** Opt-out figures of the whole scope and, optionally, of each bucket, sender and category. */
function optOutTable(
  db: Db,
  q: QueryScope,
  label: ((day: number) => string) | null,
  senderKeys: readonly string[],
  categoryKeys: readonly string[],
  wholeBuckets: ReadonlyMap<string, number> = new Map(),
) {
  // Whole buckets' reached counts come precomputed (every set still reaches a sender group).
  const whole = senderKeys.length > 0 ? wholeBuckets : new Map<string, number>();
  // With few (sender, category) pairs, each stored set goes to its bucket and its pair only, and the
  // sender and category sets are merged from the pair sets (one bit set per id fewer).
  const byPair = senderKeys.length > 0 && categoryKeys.length > 0 && senderCategoryPairs(db) <= PAIR_GROUPS_MAX;
  const reachedSets = unionByGroup(db, 'reached', q, (r) => {
    const l = label ? label(r.day) : null;
    const g = l === null ? ['t'] : whole.has(l) ? [] : ['b' + l];
    if (byPair) g.push('p' + r.senderId + PAIR_SEP + r.category);
    else {
      if (senderKeys.length > 0) g.push('s' + r.senderId);
      if (categoryKeys.length > 0) g.push('c' + r.category);
    }
    return g;
  });
  if (byPair) {
    mergeGroups(reachedSets, 'p', (pair) => {
      const [sender, category] = pair.split(PAIR_SEP) as [string, string];
      return ['s' + sender, 'c' + category];
    });
  }
  const senderGroups = senderKeys.map((k) => 's' + k);
  const optSets = unionByGroup(
    db,
    'optout',
    q,
    (r) => {
      const g = label ? ['b' + label(r.day)] : ['t'];
      if (r.senderId === '') g.push(...senderGroups);
      else if (senderKeys.length > 0) g.push('s' + r.senderId);
      return g;
    },
    { withPlatform: true, ignoreCategories: true },
  );
  if (label) {
    // Every set went to a bucket and, with sender groups, to a sender: the fewer groups to merge.
    const prefix = senderKeys.length > 0 ? 's' : 'b';
    unionInto(reachedSets, 't', prefix);
    unionInto(optSets, 't', prefix);
  }
  const reached = countsOf(reachedSets);
  const narrowed = q.categories !== null;
  const opted = (group: string, reachGroup: string): number => {
    const bits = optSets.get(group);
    if (!bits) return 0;
    if (!narrowed && !reachGroup.startsWith('c')) return popcount(bits);
    const r = reachedSets.get(reachGroup);
    return r ? intersectionCount(bits, r) : 0;
  };
  const figures = (optGroup: string, reachGroup: string): OptOutFigures => {
    const n = reached(reachGroup);
    const o = opted(optGroup, reachGroup);
    return { reached: n, optedOut: o, rate: ratio(o, n) };
  };
  return {
    total: figures('t', 't'),
    bucket: (l: string) => {
      const n = whole.get(l);
      if (n === undefined) return figures('b' + l, 'b' + l);
      const o = opted('b' + l, 'b' + l);
      return { reached: n, optedOut: o, rate: ratio(o, n) };
    },
    sender: (k: string) => figures('s' + k, 's' + k),
    // Consent events have no category: a category's opt-outs are those of the recipients it reached.
    category: (k: string) => figures('t', 'c' + k),
    /** Gives the sets back for reuse (the figures cannot be asked for afterwards). */
    release: () => releaseGroups(reachedSets, optSets),
  };
}

/** Opt-out figures of one bound scope. */
export function optOutFigures(db: Db, q: QueryScope): OptOutFigures {
  const table = optOutTable(db, q, null, [], []);
  const total = table.total;
  table.release();
  return total;
}

/** Opt-out figures of the whole scope and of each bucket, sender and category (each engine computes them its own way). */
export interface OptOutTable {
  total: OptOutFigures;
  bucket: (label: string) => OptOutFigures;
  sender: (key: string) => OptOutFigures;
  category: (key: string) => OptOutFigures;
}

/**
 * The breakdown keys of an optout result: the filter's senders and categories, or else every one
 * present (the dimensions' order: count descending, then key).
 */
export function optOutKeys(
  filter: MetricFilter,
  dims: { senders: readonly { key: string }[]; categories: readonly { key: string }[] },
): { senders: string[]; categories: string[] } {
  return {
    senders: filter.senders.length > 0 ? filter.senders : dims.senders.map((s) => s.key),
    categories: filter.categories.length > 0 ? filter.categories : dims.categories.map((c) => c.key),
  };
}

/** The optout result from its figures (both engines). */
export function assembleOptOut(
  filter: MetricFilter,
  scope: ResolvedScope,
  keys: { senders: readonly string[]; categories: readonly string[] },
  table: OptOutTable,
): OptOutResult {
  return {
    metric: 'optout',
    by: filter.by,
    period: scope.period,
    ...table.total,
    buckets: scope.buckets.map((b) => ({ bucket: b.label, ...table.bucket(b.label) })),
    bySender: keys.senders.map((key) => ({ key, ...table.sender(key) })),
    byCategory: keys.categories.map((key) => ({ key, ...table.category(key) })),
  };
}

/** Optout (docs/metrics.md): reached, opted out and rate per bucket, by sender and by category. */
export function computeOptOut(db: Db, input: FilterInput): OptOutResult {
  const filter = toFilter(input);
  const scope = resolveScope(db, filter);
  if (!scope.query) return { ...emptyOptOut(filter.by, scope.zone), period: scope.period };
  const keys = optOutKeys(filter, dimensionCounts(db));
  const table = optOutTable(db, scope.query, scope.label, keys.senders, keys.categories, wholeBucketCounts(db, 'reached', scope));
  const result = assembleOptOut(filter, scope, keys, table);
  table.release();
  return result;
}

/** Time-to-opt-out bins, in hours (the coverage rollup's lag columns, migration 0011). */
export const optOutBins: { label: string; min: number; max: number | null }[] = [
  { label: '< 1 h', min: 0, max: 1 },
  { label: '1–24 h', min: 1, max: 24 },
  { label: '1–7 d', min: 24, max: 168 },
  { label: '7–30 d', min: 168, max: 720 },
  { label: '30–90 d', min: 720, max: 2160 },
  { label: '≥ 90 d', min: 2160, max: null },
];

/** Coverage figures from pairs and covered counts. */
function coverageFigures(pairs: number, covered: number): CoverageFigures {
  return { pairs, covered, uncovered: pairs - covered, coverage: ratio(covered, pairs) };
}

/** Coverage figures of the per-day coverage counts of one scope (both engines). */
export function coverageOfDays(days: Iterable<CoverageDay>): CoverageFigures {
  let pairs = 0;
  let covered = 0;
  for (const r of days) {
    pairs += r.pairs;
    covered += r.covered;
  }
  return coverageFigures(pairs, covered);
}

/** Coverage figures of one bound scope. */
export function coverageOf(db: Db, q: QueryScope): CoverageFigures {
  return coverageOfDays(coverageByDay(db, q));
}

/** The coverage result from the per-day coverage counts of the scope (both engines). */
export function assembleCoverage(
  filter: MetricFilter,
  scope: ResolvedScope,
  days: Iterable<CoverageDay>,
  funnel: boolean | undefined,
): CoverageResult {
  const perBucket = new Map<string, { pairs: number; covered: number }>();
  let pairs = 0;
  let covered = 0;
  let noticed = 0;
  let opted = 0;
  const lags = optOutBins.map(() => 0);
  for (const r of days) {
    opted += r.opted;
    r.lags.forEach((n, i) => (lags[i]! += n));
    const label = scope.label(r.day);
    const b = perBucket.get(label) ?? { pairs: 0, covered: 0 };
    b.pairs += r.pairs;
    b.covered += r.covered;
    perBucket.set(label, b);
    pairs += r.pairs;
    covered += r.covered;
    noticed += r.noticed;
  }
  const timeToOptOut: HistogramBin[] = optOutBins.map((b, i) => ({ ...b, count: funnel === false ? 0 : lags[i]! }));
  return {
    metric: 'coverage',
    by: filter.by,
    period: scope.period,
    ...coverageFigures(pairs, covered),
    buckets: scope.buckets.map((b) => {
      const v = perBucket.get(b.label) ?? { pairs: 0, covered: 0 };
      return { bucket: b.label, ...coverageFigures(v.pairs, v.covered) };
    }),
    funnel: { firstMessage: pairs, noticeShown: noticed, optedOut: funnel === false ? 0 : opted },
    timeToOptOut,
  };
}

/** Coverage (docs/metrics.md) per bucket of the first message, with the funnel and time to opt-out. */
export function computeCoverage(db: Db, input: FilterInput & { funnel?: boolean }): CoverageResult {
  const filter = toFilter(input);
  const scope = resolveScope(db, filter);
  if (!scope.query) return { ...emptyCoverage(filter.by, scope.zone), period: scope.period };
  return assembleCoverage(filter, scope, coverageByDay(db, scope.query), input.funnel);
}
