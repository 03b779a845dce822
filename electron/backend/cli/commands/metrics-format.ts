import type {
  CoverageResult,
  DataCostResult,
  OptOutResult,
  RefusalsResult,
  UrlsResult,
  VolumeResult,
} from '../../../../shared/metrics/types.ts';

type AnyMetric = VolumeResult | DataCostResult | OptOutResult | CoverageResult | RefusalsResult | UrlsResult;

const num = (n: number | null, digits = 0) =>
  n === null ? '—' : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

/** An aligned text table: the first row is the header; numeric cells right-aligned. */
export function textTable(rows: string[][]): string {
  if (rows.length === 0) return '';
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  return (
    rows
      .map((r, ri) =>
        r
          .map((cell, i) => (ri > 0 && /^[-\d,.%—]+$/.test(cell) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

/** A metric result as the human-readable output of `notice-desk metrics` (without --json). */
export function metricTable(r: AnyMetric): string {
  const head = `${r.metric} — ${r.period.from ?? '…'} to ${r.period.to ?? '…'} by ${r.by} (${r.period.timeZone})\n\n`;
  switch (r.metric) {
    case 'volume': {
      const statuses = ['sent', 'delivered', 'failed', 'blocked', 'fallback_sms'] as const;
      return (
        head +
        textTable([
          ['bucket', 'total', ...statuses],
          ...r.buckets.map((b) => [b.bucket, num(b.total), ...statuses.map((s) => num(b.byStatus[s] ?? 0))]),
          ['total', num(r.total), ...statuses.map((s) => num(r.byStatus[s] ?? 0))],
        ])
      );
    }
    case 'datacost': {
      const row = (label: string, f: DataCostResult) => [
        label, num(f.totalBytes), num(f.chargeableMessages), num(f.firstMessages), num(f.recipients),
        num(f.chargeKrw.low, 2), num(f.chargeKrw.high, 2),
      ];
      return (
        head +
        textTable([
          ['bucket', 'bytes', 'chargeable', 'first', 'recipients', 'KRW low', 'KRW high'],
          ...r.buckets.map((b) => row(b.bucket, { ...r, ...b })),
          row('total', r),
        ])
      );
    }
    case 'optout':
      return (
        head +
        textTable([
          ['bucket', 'reached', 'opted out', 'rate'],
          ...r.buckets.map((b) => [b.bucket, num(b.reached), num(b.optedOut), pct(b.rate)]),
          ['total', num(r.reached), num(r.optedOut), pct(r.rate)],
        ])
      );
    case 'coverage':
      return (
        head +
        textTable([
          ['bucket', 'pairs', 'covered', 'uncovered', 'coverage'],
          ...r.buckets.map((b) => [b.bucket, num(b.pairs), num(b.covered), num(b.uncovered), pct(b.coverage)]),
          ['total', num(r.pairs), num(r.covered), num(r.uncovered), pct(r.coverage)],
        ])
      );
    case 'refusals':
      return (
        head +
        `violations: ${num(r.violations)}\n` +
        `by status: ${Object.entries(r.byStatus).map(([k, v]) => `${k} ${v}`).join(', ') || '—'}\n` +
        `by sender: ${Object.entries(r.bySender).map(([k, v]) => `${k} ${v}`).join(', ') || '—'}\n\n` +
        textTable([
          ['sent at (UTC)', 'recipient', 'sender', 'status', 'refusal'],
          ...r.messages.map((m) => [m.sentAt, m.recipientId, m.senderId, m.status, `${m.refusal.action} ${m.refusal.occurredAt}`]),
        ]) +
        (r.violations > r.messages.length ? `… ${r.violations - r.messages.length} more (use --json)\n` : '')
      );
    case 'urls':
      return (
        head +
        textTable([
          ['bucket', 'shared', 'indexed', 'served'],
          ...r.buckets.map((b) => [b.bucket, num(b.shared), num(b.indexed), num(b.served)]),
          ['total', num(r.shared), num(r.indexed), num(r.served)],
        ]) +
        `\nmedian lag shared → indexed: ${r.medianLagHours === null ? '—' : `${num(r.medianLagHours, 1)} h`} (${r.lagCount} URLs)\n` +
        `indexed without notice: ${num(r.indexedWithoutNotice)} (URL-use notice: ${r.urlNoticeDate ?? 'none published'})\n`
      );
  }
}
