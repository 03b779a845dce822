import { emptyDataCost } from '../../../shared/metrics/empty.ts';
import type {
  CostModel,
  DataCostFigures,
  DataCostResult,
  HistogramBin,
} from '../../../shared/metrics/types.ts';
import type { Db } from '../db/connection.ts';
import { chargeableBy, firstsBy, type ChargeableRow, type QueryScope } from '../db/metrics-repo.ts';
import { HAS_KNOWN, PAIR_FIRST, RECIPIENT_FIRST, decodeUsage, recipientIdCount, usageSets, type UsageEntries } from '../rollups/index.ts';
import { allowedCodes, dayRange, usageColumns } from './rollup-cache.ts';
import { countsOf, releaseGroups, unionByGroup, unionInto, wholeBucketCounts } from './reach.ts';
import { loadCostModel } from './settings.ts';
import { resolveScope, toFilter, type FilterInput, type ResolvedScope } from './scope.ts';

/** Running sums for one group (a bucket, a sender, the whole period), split by network. */
interface Acc {
  chargeable: number;
  firsts: number;
  estimated: number;
  /** Bytes by network: [cellular, wifi, unknown]. */
  bytes: [number, number, number];
}

const NETWORK_INDEX: Record<string, 0 | 1 | 2> = { cellular: 0, wifi: 1, unknown: 2 };

function newAcc(): Acc {
  return { chargeable: 0, firsts: 0, estimated: 0, bytes: [0, 0, 0] };
}

/** Rounds a charge to a millionth of a won (drops binary floating-point noise such as 0.47500000000000003). */
function roundKrw(krw: number): number {
  return Math.round(krw * 1e6) / 1e6;
}

/** The figures of one group under the cost model (recipients filled in by the caller). */
function figures(a: Acc, model: CostModel, recipients: number): DataCostFigures {
  const [cellular, wifi, unknown] = a.bytes;
  // wifi costs nothing; known cellular counts in full; the cellular share applies to unknown network.
  const chargedKiB = (cellular + unknown * model.cellularShare) / 1024;
  return {
    totalBytes: cellular + wifi + unknown,
    chargeableMessages: a.chargeable,
    firstMessages: a.firsts,
    recipients,
    chargeKrw: { low: roundKrw(chargedKiB * model.tariffLowKrwPerKiB), high: roundKrw(chargedKiB * model.tariffHighKrwPerKiB) },
    chargedBytes: cellular + unknown,
    estimatedMessages: a.estimated,
  };
}

/** Recipients-by-bytes histogram bins: 0–16 KiB, then doubling up to 1 MiB, then open-ended. */
export const recipientBins: { label: string; min: number; max: number | null }[] = [
  { label: '< 16 KiB', min: 0, max: 16_384 },
  { label: '16–32 KiB', min: 16_384, max: 32_768 },
  { label: '32–64 KiB', min: 32_768, max: 65_536 },
  { label: '64–128 KiB', min: 65_536, max: 131_072 },
  { label: '128–256 KiB', min: 131_072, max: 262_144 },
  { label: '256–512 KiB', min: 262_144, max: 524_288 },
  { label: '512 KiB–1 MiB', min: 524_288, max: 1_048_576 },
  { label: '≥ 1 MiB', min: 1_048_576, max: null },
];

/** Chargeable messages per day or sender and network, with their known sizes (either engine's rows). */
export type ChargeRow = ChargeableRow;

/** First chargeable messages per day or sender and network, and how many of them have a known size. */
export interface FirstRow {
  key: number | string;
  network: string;
  messages: number;
  known_messages: number;
}

/** What the datacost figures are assembled from: rows keyed by day number or by sender id. */
export interface DataCostRows {
  chargeable: { day: ChargeRow[]; sender: ChargeRow[] };
  firsts: { day: FirstRow[]; sender: FirstRow[] };
}

/** Distinct recipients of chargeable messages: in the period, per bucket label and per sender. */
export interface RecipientCounts {
  total: number;
  bucket: (label: string) => number;
  sender: (senderId: string) => number;
}

/**
 * The datacost result of a resolved, non-empty scope from its rows and recipient counts, under the
 * cost model; the per-recipient distribution empty (the caller fills it in when asked for).
 * Shared by the SQLite engine and the warehouse (warehouse/metrics/datacost.ts).
 */
export function assembleDataCost(scope: ResolvedScope, model: CostModel, rows: DataCostRows, recipients: RecipientCounts): DataCostResult {
  const total = newAcc();
  const perBucket = new Map<string, Acc>();
  const perSender = new Map<string, Acc>();
  const accOf = (map: Map<string, Acc>, key: string) => {
    let a = map.get(key);
    if (!a) map.set(key, (a = newAcc()));
    return a;
  };
  // Rows per (day, network) feed the buckets and the total; rows per (sender, network) the senders.
  const targets = (key: number | string): Acc[] =>
    typeof key === 'number' ? [total, accOf(perBucket, scope.label(key))] : [accOf(perSender, key)];
  for (const by of ['day', 'sender'] as const) {
    for (const r of rows.chargeable[by]) {
      const net = NETWORK_INDEX[r.network] ?? 2;
      const unknown = r.messages - r.known_messages;
      for (const a of targets(r.key)) {
        a.chargeable += r.messages;
        a.estimated += unknown;
        a.bytes[net] += r.known_bytes + unknown * model.laterMessageBytes;
      }
    }
    for (const r of rows.firsts[by]) {
      const net = NETWORK_INDEX[r.network] ?? 2;
      const unknownFirsts = r.messages - r.known_messages;
      for (const a of targets(r.key)) {
        a.firsts += r.messages;
        a.bytes[net] += unknownFirsts * (model.firstMessageBytes - model.laterMessageBytes);
      }
    }
  }
  const buckets = scope.buckets.map((b) => ({
    bucket: b.label,
    ...figures(perBucket.get(b.label) ?? newAcc(), model, recipients.bucket(b.label)),
  }));
  const bySender = [...perSender.entries()]
    .map(([senderId, a]) => ({ senderId, ...figures(a, model, recipients.sender(senderId)) }))
    .sort((a, b) => b.totalBytes - a.totalBytes || (a.senderId < b.senderId ? -1 : 1));
  return {
    metric: 'datacost',
    by: scope.by,
    period: scope.period,
    costModel: model,
    ...figures(total, model, recipients.total),
    buckets,
    bySender,
    perRecipient: recipientBins.map((b) => ({ ...b, count: 0 })),
    perRecipientStats: { median: null, p90: null, max: null, mean: null },
  };
}

/** The per-recipient distribution: bin counts and statistics of each recipient's total bytes. */
export interface RecipientDistribution {
  bins: HistogramBin[];
  stats: DataCostResult['perRecipientStats'];
}

/** The 0-based positions, in sorted order, of the median's lower middle and of the 90th percentile among n totals. */
export function distributionRanks(n: number): { mid: number; p90: number } {
  return { mid: (n - 1) >>> 1, p90: Math.min(n - 1, Math.ceil(0.9 * n) - 1) };
}

/**
 * The distribution from its parts: bin counts (as `recipientBins`), n, the sum and the maximum, and
 * the order statistics at `distributionRanks(n)` (the median's two middles: equal when n is odd).
 */
export function recipientDistributionOf(
  counts: ArrayLike<number>,
  n: number,
  sum: number,
  max: number,
  ranks: { lowMid: number; highMid: number; p90: number } | null,
): RecipientDistribution {
  const bins: HistogramBin[] = recipientBins.map((b, i) => ({ ...b, count: counts[i]! }));
  if (n === 0 || ranks === null) return { bins, stats: { median: null, p90: null, max: null, mean: null } };
  return { bins, stats: { median: (ranks.lowMid + ranks.highMid) / 2, p90: ranks.p90, max, mean: sum / n } };
}

/** Datacost (docs/metrics.md): bytes, chargeable and first messages, recipients and the charge range. */
export function computeDataCost(db: Db, input: FilterInput, options: { perRecipient?: boolean } = {}): DataCostResult {
  const filter = toFilter(input);
  const scope = resolveScope(db, filter);
  const model = loadCostModel(db);
  if (!scope.query) return { ...emptyDataCost(filter.by, scope.zone), costModel: model, period: scope.period };
  const q = scope.query;
  const rows: DataCostRows = {
    chargeable: { day: chargeableBy(db, q, 'day'), sender: chargeableBy(db, q, 'sender_id') },
    firsts: { day: firstsBy(db, q, model.firstScope, 'day'), sender: firstsBy(db, q, model.firstScope, 'sender_id') },
  };
  // The whole period's set is the union of the sender sets (one bit set per id fewer).
  // Whole buckets of an unfiltered scope take their count from the worker's per-bucket counts.
  const whole = wholeBucketCounts(db, 'charged', scope);
  const chargedSets = unionByGroup(db, 'charged', q, (r) => {
    const label = scope.label(r.day);
    return whole.has(label) ? ['s' + r.senderId] : ['b' + label, 's' + r.senderId];
  });
  unionInto(chargedSets, 't', 's');
  const recipients = countsOf(chargedSets);
  const result = assembleDataCost(scope, model, rows, {
    total: recipients('t'),
    bucket: (label) => whole.get(label) ?? recipients('b' + label),
    sender: (senderId) => recipients('s' + senderId),
  });
  releaseGroups(chargedSets);
  if (options.perRecipient === false) return result;
  const dist = recipientDistribution(db, q, model);
  return { ...result, perRecipient: dist.bins, perRecipientStats: dist.stats };
}

/**
 * The k-th smallest value (0-based) of `xs[lo..hi]`, reordering that range in place so that every
 * value before position k is ≤ it and every value after is ≥ it (quickselect: linear time, where a
 * full sort of hundreds of thousands of totals would dominate the query).
 */
export function kthSmallest(xs: Float64Array, k: number, lo = 0, hi = xs.length - 1): number {
  while (lo < hi) {
    const pivot = xs[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (xs[i]! < pivot) i++;
      while (xs[j]! > pivot) j--;
      if (i <= j) {
        const t = xs[i]!;
        xs[i++] = xs[j]!;
        xs[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return xs[k]!;
  }
  return xs[k]!;
}

/** Recipient ids per block of the distribution's pass (256 KiB of running totals). */
const ID_BLOCK = 32_768;

/** The bin of a total in `recipientBins` (under 16 KiB, then one bin per doubling, the last open-ended). */
function binOf(total: number): number {
  if (total < 16_384) return 0;
  return Math.min(recipientBins.length - 1, 32 - Math.clz32(Math.floor(total / 16_384)));
}

let scratch: { totals: Float64Array; seen: Uint8Array; values: Float64Array } | null = null;

/**
 * Zeroed per-recipient working arrays, reused from call to call (a distribution over a million
 * recipients would otherwise allocate and collect 17 MB each time).
 */
function scratchFor(size: number) {
  if (!scratch || scratch.totals.length < size) {
    scratch = { totals: new Float64Array(size), seen: new Uint8Array(size), values: new Float64Array(size) };
  } else {
    scratch.totals.fill(0, 0, size);
    scratch.seen.fill(0, 0, size);
  }
  return scratch;
}

/**
 * Adds one stored set's entries below `blockEnd` to the running totals, from its cursors on (the
 * hot loop, kept in its own small function so it is optimised on its own). cost = [later bytes,
 * extra bytes of a first message, the first-message flag bit].
 */
function addUntil(
  set: UsageEntries,
  s: number,
  blockEnd: number,
  cursor: Uint32Array,
  knownCursor: Uint32Array,
  totals: Float64Array,
  seen: Uint8Array,
  cost: Float64Array,
): void {
  const { idx, known, unknown, flags } = set;
  const later = cost[0]!;
  const extra = cost[1]!;
  const bit = cost[2]!;
  const len = idx.length;
  let i = cursor[s]!;
  let k = knownCursor[s]!;
  for (; i < len; i++) {
    const id = idx[i]!;
    if (id >= blockEnd) break;
    const f = flags[i]!;
    let v = unknown[i]! * later;
    if ((f & bit) !== 0) v += extra;
    if ((f & HAS_KNOWN) !== 0) v += known[k++]!;
    totals[id]! += v;
    seen[id] = 1;
  }
  cursor[s] = i;
  knownCursor[s] = k;
}

/**
 * Collects the final totals of ids [from, to) that received anything: values, bin counts, acc =
 * [n, sum, max]. Branch-free on `seen` (about two in three ids are seen, in no order a branch
 * predictor could follow): an unseen id's total is 0, adds nothing and is overwritten.
 */
function collect(from: number, to: number, totals: Float64Array, seen: Uint8Array, values: Float64Array, counts: Float64Array, acc: Float64Array): void {
  let n = acc[0]!;
  let sum = acc[1]!;
  let max = acc[2]!;
  const last = values.length - 1;
  for (let id = from; id < to; id++) {
    const t = totals[id]!;
    const s = seen[id]!;
    values[n < last ? n : last] = t;
    n += s;
    sum += t;
    if (t > max) max = t;
    counts[binOf(t)]! += s;
  }
  acc[0] = n;
  acc[1] = sum;
  acc[2] = max;
}

/** The per-recipient distribution of bytes received in the period (usage rollup: one pass over the stored sets). */
function recipientDistribution(db: Db, q: QueryScope, model: CostModel): RecipientDistribution {
  const size = recipientIdCount(db);
  const { totals, seen, values: all } = scratchFor(size);
  const later = model.laterMessageBytes;
  const extra = model.firstMessageBytes - model.laterMessageBytes;
  const bit = model.firstScope === 'pair' ? PAIR_FIRST : RECIPIENT_FIRST;
  const sets: UsageEntries[] = [];
  const kept = usageColumns(db);
  if (kept) {
    const [lo, hi] = dayRange(kept.day, q.fromDay, q.toDay);
    const senderOk = allowedCodes(kept.sender, q.senders);
    const categoryOk = allowedCodes(kept.category, q.categories);
    for (let r = lo; r < hi; r++) {
      if ((senderOk && !senderOk[kept.sender.codes[r]!]) || (categoryOk && !categoryOk[kept.category.codes[r]!])) continue;
      sets.push(kept.sets[r]!);
    }
  } else for (const blob of usageSets(db, q.fromDay, q.toDay, q.senders, q.categories)) sets.push(decodeUsage(blob));
  // Each stored set is sorted by recipient id: walking all of them one id block at a time keeps the
  // running totals of that block in cache (random access across all recipients would miss it), and
  // once every set has passed the block its totals are final and are collected in id order.
  const cursor = new Uint32Array(sets.length);
  const knownCursor = new Uint32Array(sets.length);
  const counts = new Float64Array(recipientBins.length);
  // [values collected, sum, max]
  const acc = Float64Array.of(0, 0, -Infinity);
  const cost = Float64Array.of(later, extra, bit);
  for (let blockStart = 0; blockStart < size; blockStart += ID_BLOCK) {
    const blockEnd = Math.min(size, blockStart + ID_BLOCK);
    for (let s = 0; s < sets.length; s++) addUntil(sets[s]!, s, blockEnd, cursor, knownCursor, totals, seen, cost);
    collect(blockStart, blockEnd, totals, seen, all, counts, acc);
  }
  const n = acc[0]!;
  const values = all.subarray(0, n);
  if (n === 0) return recipientDistributionOf(counts, 0, 0, 0, null);
  // The median's select leaves larger values after it, so the p90 select only searches those.
  const { mid, p90 } = distributionRanks(n);
  const lowMid = kthSmallest(values, mid);
  let highMid = lowMid;
  if (n % 2 === 0) {
    highMid = Infinity;
    for (let i = mid + 1; i < n; i++) if (values[i]! < highMid) highMid = values[i]!;
  }
  return recipientDistributionOf(counts, n, acc[1]!, acc[2]!, {
    lowMid,
    highMid,
    p90: kthSmallest(values, p90, Math.min(p90, mid), n - 1),
  });
}
