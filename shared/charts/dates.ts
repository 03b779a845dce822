import { bucketLabel, bucketStart as firstDayOfBucket, parseDay } from '../metrics/calendar.ts';
import { DEFAULT_TIME_ZONE } from '../time-zone.ts';

/**
 * Calendar-date helpers for dashboards. Dates are civil `YYYY-MM-DD` strings in the workspace's time
 * zone; arithmetic is done on UTC midnights so that no local clock or DST can shift a day.
 */

/** A date range of inclusive civil dates; null ends mean "from the first" / "to the last" data. */
export interface DateRange {
  from: string | null;
  to: string | null;
}

export type Bucket = 'day' | 'week' | 'month';

export const datePresets = ['last7', 'last30', 'last90', 'thisMonth', 'last6Months', 'last365', 'all'] as const;
export type DatePreset = (typeof datePresets)[number];

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a well-formed, existing calendar date `YYYY-MM-DD`. */
export function isCivilDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** Epoch ms of UTC midnight of a civil date (throws on a malformed date). */
export function civilToUtcMs(date: string): number {
  if (!isCivilDate(date)) throw new Error(`Expected a date as YYYY-MM-DD, got "${date}"`);
  return Date.parse(`${date}T00:00:00Z`);
}

/** The civil date of a UTC-midnight epoch ms. */
export function utcMsToCivil(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Adds (or subtracts) whole days to a civil date. */
export function addDays(date: string, days: number): string {
  return utcMsToCivil(civilToUtcMs(date) + days * DAY_MS);
}

/** Adds whole months, clamping the day to the target month's length (Mar 31 − 1 month = Feb 28/29). */
export function addMonths(date: string, months: number): string {
  const ms = civilToUtcMs(date);
  const d = new Date(ms);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return utcMsToCivil(target.getTime());
}

/** Number of days in an inclusive range (2016-01-01..2016-01-01 is 1). */
export function daysInclusive(from: string, to: string): number {
  return Math.round((civilToUtcMs(to) - civilToUtcMs(from)) / DAY_MS) + 1;
}

/** Today's civil date in a time zone (default: Asia/Seoul), for an instant (default: now). */
export function todayIn(timeZone = DEFAULT_TIME_ZONE, now: number = Date.now()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * The range of a preset, ending on `anchor` (today, or the last day with data so that imported history
 * is not an empty chart). `all` is unbounded.
 */
export function presetRange(preset: DatePreset, anchor: string): DateRange {
  switch (preset) {
    case 'last7':
      return { from: addDays(anchor, -6), to: anchor };
    case 'last30':
      return { from: addDays(anchor, -29), to: anchor };
    case 'last90':
      return { from: addDays(anchor, -89), to: anchor };
    case 'thisMonth':
      return { from: `${anchor.slice(0, 7)}-01`, to: anchor };
    case 'last6Months':
      return { from: addMonths(addDays(anchor, 1), -6), to: anchor };
    case 'last365':
      return { from: addDays(anchor, -364), to: anchor };
    case 'all':
      return { from: null, to: null };
  }
}

/**
 * The period of equal length just before a closed range (for "vs previous period" trends); null when
 * the range is open on either side.
 */
export function previousPeriod(range: DateRange): { from: string; to: string } | null {
  if (!range.from || !range.to) return null;
  const days = daysInclusive(range.from, range.to);
  return { from: addDays(range.from, -days), to: addDays(range.from, -1) };
}

/** Monday of ISO week `week` of ISO year `year`. */
export function isoWeekMonday(year: number, week: number): string {
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Dow = (new Date(jan4).getUTCDay() + 6) % 7; // 0 = Monday
  return utcMsToCivil(jan4 - jan4Dow * DAY_MS + (week - 1) * 7 * DAY_MS);
}

/** The bucket label (`2016-03-07`, `2016-W10`, `2016-03`) a civil date falls in: the metrics engine's own bucketing. */
export function bucketOf(date: string, by: Bucket): string {
  return bucketLabel(firstDayOfBucket(parseDay(date), by), by);
}

/** The first civil date of a bucket label, or null when the label is not a bucket label. */
export function bucketStart(label: string): string | null {
  if (isCivilDate(label)) return label;
  const week = /^(\d{4})-W(\d{2})$/.exec(label);
  if (week) return isoWeekMonday(Number(week[1]), Number(week[2]));
  const month = /^(\d{4})-(\d{2})$/.exec(label);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) return `${label}-01`;
  return null;
}

/** A bucket size that keeps a chart readable: day up to ~120 days, week up to ~2 years, else month. */
export function suggestBucket(days: number): Bucket {
  if (days <= 120) return 'day';
  if (days <= 730) return 'week';
  return 'month';
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** A cached UTC date formatter: building one costs far more than using it (axes format hundreds of ticks). */
function dateFormat(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${tag}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(tag, { timeZone: 'UTC', ...options });
    formats.set(key, format);
  }
  return format;
}

/**
 * A bucket label for people: `2016-03-07` → "Mar 7" / "3월 7일", `2016-W10` → "W10 (Mar 7)",
 * `2016-03` → "Mar 2016" / "2016년 3월". `long` adds the year to days and weeks.
 */
export function formatBucketLabel(label: string, locale: string, long = false): string {
  const start = bucketStart(label);
  if (!start) return label;
  const tag = locale === 'ko' ? 'ko-KR' : locale === 'en' ? 'en-US' : locale;
  const ms = civilToUtcMs(start);
  const fmt = (o: Intl.DateTimeFormatOptions) => dateFormat(tag, o).format(ms);
  if (/^\d{4}-\d{2}$/.test(label)) return fmt({ year: 'numeric', month: 'short' });
  const day = fmt(long ? { year: 'numeric', month: 'short', day: 'numeric' } : { month: 'short', day: 'numeric' });
  const week = /-W(\d{2})$/.exec(label);
  return week ? `W${week[1]} (${day})` : day;
}
