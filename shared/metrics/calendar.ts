/**
 * Calendar arithmetic in a time zone, on "day numbers" (local calendar days since 1970-01-01).
 * Buckets: day `2016-03-07`, ISO week `2016-W10` (weeks start Monday), month `2016-03`.
 */
import type { Bucketing } from './types.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC in milliseconds at an instant (cached per UTC quarter hour). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0;
  let cache = offsetCache.get(timeZone);
  if (!cache) {
    cache = new Map();
    offsetCache.set(timeZone, cache);
  }
  const key = Math.floor(ms / (HOUR_MS / 4));
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const probe = key * (HOUR_MS / 4);
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(probe))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  const offset = asUtc - probe;
  if (cache.size > 200_000) cache.clear();
  cache.set(key, offset);
  return offset;
}

/** The local calendar day number of an instant. */
export function localDay(ms: number, timeZone: string): number {
  return Math.floor((ms + zoneOffsetMs(ms, timeZone)) / DAY_MS);
}

/** The UTC instant at which a local day starts (midnight, or the first instant after a DST gap). */
export function dayStartUtc(day: number, timeZone: string): number {
  const localMidnight = day * DAY_MS;
  let guess = localMidnight - zoneOffsetMs(localMidnight, timeZone);
  guess = localMidnight - zoneOffsetMs(guess, timeZone);
  if (localDay(guess, timeZone) < day) guess += HOUR_MS;
  return guess;
}

/** `YYYY-MM-DD` of a day number. */
export function dayLabel(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The day number of a `YYYY-MM-DD` date (throws on a malformed one). */
export function parseDay(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (dayLabel(ms / DAY_MS) !== date) throw new RangeError(`Not a calendar date: ${date}`);
  return ms / DAY_MS;
}

/** ISO weekday 1 (Monday) … 7 (Sunday) of a day number. */
function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday
}

/** The first day (number) of the bucket holding `day`. */
export function bucketStart(day: number, by: Bucketing): number {
  if (by === 'day') return day;
  if (by === 'week') return day - (isoWeekday(day) - 1);
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS;
}

/** The first day of the bucket after the one starting at `start`. */
export function nextBucketStart(start: number, by: Bucketing): number {
  if (by === 'day') return start + 1;
  if (by === 'week') return start + 7;
  const d = new Date(start * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS;
}

/** The label of the bucket starting at `start`: `2016-03-07`, `2016-W10` or `2016-03`. */
export function bucketLabel(start: number, by: Bucketing): string {
  if (by === 'day') return dayLabel(start);
  if (by === 'month') return dayLabel(start).slice(0, 7);
  const thursday = start + 3; // the ISO week's year is the year of its Thursday
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1) / DAY_MS;
  const week = Math.floor((thursday - jan1) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Every bucket overlapping [fromDay, toDay], in order, with its label and first day. */
export function bucketsBetween(fromDay: number, toDay: number, by: Bucketing): { label: string; start: number }[] {
  const out: { label: string; start: number }[] = [];
  if (toDay < fromDay) return out;
  for (let s = bucketStart(fromDay, by); s <= toDay; s = nextBucketStart(s, by)) {
    out.push({ label: bucketLabel(s, by), start: s });
  }
  return out;
}

/** A function mapping a day number to its bucket label (memoised per bucket). */
export function bucketLabeller(by: Bucketing): (day: number) => string {
  const cache = new Map<number, string>();
  return (day) => {
    let label = cache.get(day);
    if (label === undefined) {
      label = bucketLabel(bucketStart(day, by), by);
      cache.set(day, label);
    }
    return label;
  };
}
