/**
 * Timestamp reading for imports (docs/canonical-model.md "Timestamps"): ISO-8601 with an offset or Z, ISO-8601
 * or `YYYY-MM-DD HH:mm[:ss[.SSS]]` without one (local time in the import's zone, flagged
 * "zone assumed"), epoch seconds (≤10 digits) or milliseconds (13 digits). Results are UTC ms.
 */

import { zoneOffsetMs } from '../../../shared/metrics/calendar.ts';

export interface ParsedTime {
  utc: number;
  zoneAssumed: boolean;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|UTC|[+-]\d{2}(?::?\d{2})?)?$/;
const EPOCH = /^-?\d{1,13}$/;

/** Converts a wall-clock time in `zone` (given as if it were UTC ms) to the real UTC instant. */
export function localToUtc(wallMs: number, zone: string): number {
  const first = wallMs - zoneOffsetMs(wallMs, zone);
  return wallMs - zoneOffsetMs(first, zone);
}

function fraction(text: string | undefined): number {
  if (!text) return 0;
  return Number((text + '00').slice(0, 3));
}

/** Reads one timestamp; null when it cannot be read. */
export function parseTimestamp(raw: string, zone: string): ParsedTime | null {
  const text = raw.trim();
  if (text === '') return null;
  if (EPOCH.test(text)) {
    const digits = text.replace('-', '').length;
    if (digits <= 10) return { utc: Number(text) * 1000, zoneAssumed: false };
    if (digits === 13) return { utc: Number(text), zoneAssumed: false };
    return null;
  }
  const m = ISO.exec(text);
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac, off] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, fraction(frac));
  if (new Date(wall).getUTCDate() !== day) return null; // 2016-02-30
  if (m[4] === undefined && off === undefined) {
    // A bare date: midnight local time.
    return { utc: localToUtc(wall, zone), zoneAssumed: true };
  }
  if (off === undefined) return { utc: localToUtc(wall, zone), zoneAssumed: true };
  if (off === 'Z' || off === 'z' || off === 'UTC') return { utc: wall, zoneAssumed: false };
  const sign = off[0] === '-' ? -1 : 1;
  const digits = off.slice(1).replace(':', '');
  const offMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0');
  return { utc: wall - sign * offMin * 60_000, zoneAssumed: false };
}

const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};
const RFC2822 =
  /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|GMT|UTC|Z)?$/;

/** Converts an RFC 2822 date (`Thu, 30 Jul 2015 20:12:31 +0000`) to ISO-8601; null when it is not one. */
export function rfc2822ToIso(raw: string): string | null {
  const m = RFC2822.exec(raw.trim());
  if (!m) return null;
  const month = MONTHS[m[2]!.toLowerCase()];
  if (month === undefined) return null;
  const pad = (n: string | number, w = 2) => String(n).padStart(w, '0');
  const off = !m[7] || m[7] === 'GMT' || m[7] === 'UTC' || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].slice(3)}`;
  return `${m[3]}-${pad(month + 1)}-${pad(m[1]!)}T${m[4]}:${m[5]}:${m[6] ?? '00'}${off}`;
}

/** Timestamp layouts the generic column mapper offers besides automatic ISO/epoch reading. */
export const timestampFormats = [
  'auto',
  'YYYY/MM/DD HH:mm:ss',
  'YYYY.MM.DD HH:mm:ss',
  'DD/MM/YYYY HH:mm:ss',
  'MM/DD/YYYY HH:mm:ss',
  'YYYYMMDDHHmmss',
  'epoch-s',
  'epoch-ms',
] as const;
export type TimestampFormat = (typeof timestampFormats)[number];

/**
 * Rewrites a timestamp in a user-chosen layout into the canonical `YYYY-MM-DD HH:mm:ss` (or epoch
 * digits) so the one canonical reader handles it; returns the text unchanged for `auto` or when it
 * does not fit (the canonical reader then rejects it with a clear reason).
 */
export function normaliseTimestamp(raw: string, format: TimestampFormat): string {
  const text = raw.trim();
  if (format === 'auto') return text;
  if (format === 'epoch-s' || format === 'epoch-ms') {
    const n = Number(text);
    if (!Number.isFinite(n)) return text;
    return String(Math.round(format === 'epoch-s' ? n * 1000 : n)).padStart(13, '0');
  }
  const digits = text.match(/\d+/g);
  if (!digits) return text;
  let y: string, mo: string, d: string, rest: string[];
  if (format === 'YYYYMMDDHHmmss') {
    const all = digits.join('');
    if (all.length < 8) return text;
    [y, mo, d] = [all.slice(0, 4), all.slice(4, 6), all.slice(6, 8)];
    rest = [all.slice(8, 10), all.slice(10, 12), all.slice(12, 14)].filter((x) => x !== '');
  } else if (format === 'DD/MM/YYYY HH:mm:ss') {
    [d, mo, y, ...rest] = digits as [string, string, string, ...string[]];
  } else if (format === 'MM/DD/YYYY HH:mm:ss') {
    [mo, d, y, ...rest] = digits as [string, string, string, ...string[]];
  } else {
    [y, mo, d, ...rest] = digits as [string, string, string, ...string[]];
  }
  if (!y || !mo || !d) return text;
  const pad = (s: string | undefined) => (s ?? '0').padStart(2, '0');
  const pm = /\bpm\b|오후/i.test(text) && Number(rest[0] ?? 0) < 12 ? 12 : 0;
  const am = /\bam\b|오전/i.test(text) && Number(rest[0] ?? 0) === 12 ? -12 : 0;
  const hh = String(Number(rest[0] ?? 0) + pm + am);
  return `${y.padStart(4, '0')}-${pad(mo)}-${pad(d)} ${pad(hh)}:${pad(rest[1])}:${pad(rest[2])}`;
}
