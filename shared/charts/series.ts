/**
 * Reshaping metric results into chart rows: pivoting per-bucket breakdowns into one row per bucket
 * with one numeric column per series, keeping the top series and folding the rest into "other".
 */

/** One row of a chart: the bucket label plus one numeric value per series key. */
export interface ChartRow {
  label: string;
  [series: string]: number | string | null;
}

/**
 * The one key of the folded small series, wherever it is made (the volume metric's stack, the charts'
 * pivots and rankings) and recognised (the legend's "Other" / "기타").
 */
export const OTHER_KEY = '__other__';

/** The `n` largest keys of a record of counts, largest first (ties by key, for stable output). */
export function topKeys(totals: Readonly<Record<string, number>>, n: number): string[] {
  return Object.entries(totals)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, n)
    .map(([k]) => k);
}

/**
 * Pivots `[{bucket, values: {series: n}}]` into chart rows with the `maxSeries` largest series (by
 * total) as columns and every other series summed into `OTHER_KEY`. Missing values become 0.
 */
export function pivotBuckets(
  buckets: readonly { bucket: string; values: Readonly<Record<string, number>> }[],
  maxSeries = 8,
): { rows: ChartRow[]; keys: string[] } {
  const totals: Record<string, number> = {};
  for (const b of buckets) for (const [k, v] of Object.entries(b.values)) totals[k] = (totals[k] ?? 0) + v;
  const all = Object.keys(totals);
  const keep = all.length <= maxSeries ? topKeys(totals, all.length) : topKeys(totals, maxSeries - 1);
  const keepSet = new Set(keep);
  const folded = all.length > keep.length;
  const keys = folded ? [...keep, OTHER_KEY] : keep;
  const rows = buckets.map((b) => {
    const row: ChartRow = { label: b.bucket };
    for (const k of keys) row[k] = 0;
    for (const [k, v] of Object.entries(b.values)) {
      const key = keepSet.has(k) ? k : OTHER_KEY;
      row[key] = (row[key] as number) + v;
    }
    return row;
  });
  return { rows, keys };
}

/** Turns a record of counts into `[{label, value}]` sorted largest first, top `n` plus "other". */
export function rankCounts(counts: Readonly<Record<string, number>>, n = 10): { label: string; value: number }[] {
  const keys = topKeys(counts, n);
  const rows = keys.map((k) => ({ label: k, value: counts[k]! }));
  const rest = Object.entries(counts)
    .filter(([k]) => !keys.includes(k))
    .reduce((sum, [, v]) => sum + v, 0);
  if (rest > 0) rows.push({ label: OTHER_KEY, value: rest });
  return rows;
}

/**
 * The change of a figure against the previous period: absolute difference and relative change
 * (null when either side is unknown or the previous value is 0).
 */
export function trend(current: number | null, previous: number | null): { delta: number | null; ratio: number | null } {
  if (current === null || previous === null) return { delta: null, ratio: null };
  return { delta: current - previous, ratio: previous === 0 ? null : (current - previous) / Math.abs(previous) };
}

/** One histogram bin: `[from, to)` (the last bin includes its upper edge) and its count. */
export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

/**
 * Bins raw values into `bins` equal-width bins between their min and max (one bin when every value is
 * the same). Non-finite values are ignored.
 */
export function histogram(values: readonly number[], bins: number): HistogramBin[] {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0 || bins < 1) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const v of finite) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === max) return [{ from: min, to: max, count: finite.length }];
  const width = (max - min) / bins;
  const out: HistogramBin[] = Array.from({ length: bins }, (_, i) => ({
    from: min + i * width,
    to: i === bins - 1 ? max : min + (i + 1) * width,
    count: 0,
  }));
  for (const v of finite) out[Math.min(Math.floor((v - min) / width), bins - 1)]!.count++;
  return out;
}

/**
 * The row a date's bucket falls on in a chart whose rows may have been merged (`labelEnd`) or
 * downsampled: the last row whose label is at or before the bucket, when the bucket is within the
 * rows' span. Labels of one bucketing sort as strings (`2016-03-07`, `2016-W10`, `2016-03`).
 */
export function snapToRow(rows: readonly { label: string; labelEnd?: string }[], bucket: string): string | null {
  if (rows.length === 0) return null;
  const last = rows[rows.length - 1]!;
  if (bucket < rows[0]!.label || bucket > (last.labelEnd ?? last.label)) return null;
  let found: string | null = null;
  for (const row of rows) {
    if (row.label <= bucket) found = row.label;
    else break;
  }
  return found;
}
