/** Small display helpers of the Imports page. */

/** Bytes as B / KB / MB / GB (1024-based), with the locale's number format. */
export function formatBytes(bytes: number, formatNumber: (n: number, o?: Intl.NumberFormatOptions) => string): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${formatNumber(value, { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
}

/** A duration as `1:05` (minutes:seconds) or `1:02:05`. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** What a progress row shows: the bar's percentage and the bytes read, when the figures are bytes. */
export interface ProgressFigures {
  pct: number;
  bytes: { done: number; total: number } | null;
}

/** The phases in which a job's `done` / `total` count bytes of the file (uploading, reading). */
const BYTE_PHASES = new Set(['uploading', 'import']);

/**
 * The figures of a job's progress row. `job:progress` carries no unit: while a file is read, `done` /
 * `total` are bytes, but the final event of an import puts its record count in `done` (with no total,
 * so the last byte total stays). Bytes are shown only while they are bytes, and as the whole file once
 * the import is done; records always come from `rows` ("10 B of 763 B" was ten records).
 */
export function progressFigures(job: { phase: string; done: number; total: number | null }): ProgressFigures {
  if (job.phase === 'done') return { pct: 100, bytes: job.total ? { done: job.total, total: job.total } : null };
  if (!BYTE_PHASES.has(job.phase) || !job.total) return { pct: 0, bytes: null };
  const done = Math.min(job.done, job.total);
  return { pct: Math.min(100, Math.round((done / job.total) * 100)), bytes: { done, total: job.total } };
}
