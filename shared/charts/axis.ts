/** Axis helpers: "nice" tick values and compact labels for counts and byte sizes. */

/** Up to about `count` evenly spaced round tick values covering [min, max] (1, 2, 2.5 or 5 × 10^k steps). */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) return [min];
  const lo = Math.min(min, max);
  const hi = Math.max(min, max);
  const raw = (hi - lo) / Math.max(count - 1, 1);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const start = Math.floor(lo / step) * step;
  const ticks: number[] = [];
  for (let v = start; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  if (ticks[ticks.length - 1]! < hi) ticks.push(Number((ticks[ticks.length - 1]! + step).toPrecision(12)));
  return ticks;
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/** A byte count in binary units with up to `digits` fraction digits: 15360 → "15 KiB". */
export function formatBytes(bytes: number, locale = 'en-US', digits = 1): string {
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : digits }).format(value);
  return `${text} ${BYTE_UNITS[unit]}`;
}

/** A compact count for axis ticks: 12,300 → "12K" (en) / "1.2만" (ko). */
export function formatCompact(value: number, locale = 'en-US'): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** A ratio 0..1 as a percentage with `digits` fraction digits; "—" for null. */
export function formatPercent(ratio: number | null, locale = 'en-US', digits = 1): string {
  if (ratio === null || !Number.isFinite(ratio)) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(ratio);
}

/**
 * Fraction digits for a set of won amounts shown together (an axis, a range, a column): whole won when
 * the largest is ₩10 or more; two decimals only when every amount is below ₩10 (per-message charges).
 */
export function krwDigits(maxAbs: number): 0 | 2 {
  return Number.isFinite(maxAbs) && Math.abs(maxAbs) < 10 ? 2 : 0;
}

/** A KRW amount with `digits` fraction digits (default: `krwDigits` of the amount itself). */
export function formatKrw(value: number, locale = 'en-US', digits: 0 | 2 = krwDigits(Math.abs(value))): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'KRW', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** A low–high range of won at one precision (never "₩9.50 – ₩150"). */
export function formatKrwRange(low: number, high: number, locale = 'en-US'): string {
  const digits = krwDigits(Math.max(Math.abs(low), Math.abs(high)));
  return `${formatKrw(low, locale, digits)} – ${formatKrw(high, locale, digits)}`;
}

/** A formatter for many won amounts shown together: one precision chosen from the largest of them. */
export function krwFormatter(values: readonly number[], locale = 'en-US'): (value: number) => string {
  const digits = krwDigits(values.reduce((m, v) => (Number.isFinite(v) ? Math.max(m, Math.abs(v)) : m), 0));
  return (value) => formatKrw(value, locale, digits);
}

/**
 * The top of a percent axis (values are shares 0..1) from its largest value: the data's maximum up
 * to 100 %, and 100 % when there is nothing above zero (an axis of no data read 0–400 %).
 */
export function percentAxisMax(dataMax: number): number {
  return Number.isFinite(dataMax) && dataMax > 0 ? Math.min(dataMax, 1) : 1;
}

/** Round ticks for a byte axis from 0 to `max`: steps that are round in KiB/MiB/GiB (0, 2 MiB, 4 MiB…). */
export function binaryTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0];
  let unit = 1;
  while (max / unit >= 1024 && unit < 1024 ** 5) unit *= 1024;
  return niceTicks(0, max / unit, count).map((v) => v * unit);
}
