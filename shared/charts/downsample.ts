/**
 * Downsampling for long series, so that ten years of daily points render as a few hundred SVG nodes.
 * Both functions return indices into the input (sorted, first and last always kept), so callers keep
 * whole rows (labels, stacked values) and never invent points.
 */

/**
 * Largest-Triangle-Three-Buckets (Steinarsson 2013): keeps the `threshold` points that best preserve
 * the visual shape of a line. Null y values are treated as 0 for the choice only.
 */
export function lttbIndices(xs: readonly number[], ys: readonly (number | null)[], threshold: number): number[] {
  const n = xs.length;
  if (ys.length !== n) throw new Error(`lttbIndices: ${n} x values but ${ys.length} y values`);
  if (threshold >= n || threshold <= 2) {
    if (threshold <= 2 && n > 2) return [0, n - 1];
    return Array.from({ length: n }, (_, i) => i);
  }
  const y = (i: number) => ys[i] ?? 0;
  const out: number[] = [0];
  const every = (n - 2) / (threshold - 2);
  let a = 0;
  for (let i = 0; i < threshold - 2; i++) {
    // Average of the next bucket: the third corner of the triangle.
    const nextStart = Math.floor((i + 1) * every) + 1;
    const nextEnd = Math.min(Math.floor((i + 2) * every) + 1, n);
    let avgX = 0;
    let avgY = 0;
    for (let j = nextStart; j < nextEnd; j++) {
      avgX += xs[j]!;
      avgY += y(j);
    }
    const len = Math.max(nextEnd - nextStart, 1);
    avgX /= len;
    avgY /= len;
    const start = Math.floor(i * every) + 1;
    const end = Math.floor((i + 1) * every) + 1;
    let best = start;
    let bestArea = -1;
    for (let j = start; j < end; j++) {
      const area = Math.abs((xs[a]! - avgX) * (y(j) - y(a)) - (xs[a]! - xs[j]!) * (avgY - y(a)));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    out.push(best);
    a = best;
  }
  out.push(n - 1);
  return out;
}

/**
 * Min/max per pixel column: splits the series into `columns` equal runs and keeps each run's lowest
 * and highest point (so no spike disappears). Returns at most 2 × columns + 2 indices.
 */
export function minMaxIndices(ys: readonly (number | null)[], columns: number): number[] {
  const n = ys.length;
  if (columns < 1) throw new Error('minMaxIndices: columns must be at least 1');
  if (n <= columns * 2) return Array.from({ length: n }, (_, i) => i);
  const keep = new Set<number>([0, n - 1]);
  const per = n / columns;
  for (let c = 0; c < columns; c++) {
    const start = Math.floor(c * per);
    const end = Math.min(Math.floor((c + 1) * per), n);
    let lo = start;
    let hi = start;
    for (let j = start; j < end; j++) {
      if ((ys[j] ?? 0) < (ys[lo] ?? 0)) lo = j;
      if ((ys[j] ?? 0) > (ys[hi] ?? 0)) hi = j;
    }
    keep.add(lo);
    keep.add(hi);
  }
  return [...keep].sort((p, q) => p - q);
}

/**
 * Downsamples chart rows for a line chart of several series: LTTB on the sum of the series (the shape
 * of the total), keeping whole rows. Rows are returned unchanged when already short enough.
 */
export function downsampleRows<R extends Record<string, unknown>>(
  rows: readonly R[],
  keys: readonly string[],
  threshold: number,
): R[] {
  if (rows.length <= threshold) return rows.slice();
  const xs = rows.map((_, i) => i);
  const ys = rows.map((row) => keys.reduce((sum, k) => sum + (typeof row[k] === 'number' ? (row[k] as number) : 0), 0));
  return lttbIndices(xs, ys, threshold).map((i) => rows[i]!);
}

/**
 * Aggregates rows for a stacked bar chart into at most `maxBars` bars by summing consecutive rows
 * (bars must add up; picking points would lose volume). Each merged row keeps the label of its first
 * row and gets `labelEnd` = the label of its last row.
 */
export function mergeRows<R extends { label: string }>(
  rows: readonly R[],
  keys: readonly string[],
  maxBars: number,
): (R & { labelEnd?: string })[] {
  if (rows.length <= maxBars) return rows.slice();
  const per = Math.ceil(rows.length / maxBars);
  const out: (R & { labelEnd?: string })[] = [];
  for (let i = 0; i < rows.length; i += per) {
    const group = rows.slice(i, i + per);
    const merged: Record<string, unknown> = { ...group[0]!, labelEnd: group[group.length - 1]!.label };
    for (const k of keys) {
      merged[k] = group.reduce((sum, row) => {
        const v = (row as Record<string, unknown>)[k];
        return sum + (typeof v === 'number' ? v : 0);
      }, 0);
    }
    out.push(merged as R & { labelEnd?: string });
  }
  return out;
}
