import { seriesColor } from '../../../shared/charts/palette.ts';
import type { MetricFilter, OptOutBreakdownRow } from '../../../shared/metrics/types.ts';
import { useOptOutSplit } from '../../data/metrics-hooks.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ChartCard } from './ChartCard.tsx';
import { useChartTheme } from './chart-theme.ts';
import { useFormatters, usePeriodText } from './DashboardPage.tsx';
import { bucketColumn, legendFor } from './series-helpers.ts';
import { TimeSeriesChart, type SeriesSpec } from './TimeSeriesChart.tsx';

/** How many senders or categories get their own line. */
const LINES = 5;

/** The opt-out rate over time of the largest senders (or categories), one line each. */
export function OptOutSplitTrend(props: { filter: MetricFilter | null; dimension: 'sender' | 'category'; breakdown: readonly OptOutBreakdownRow[] }) {
  const { t, locale } = useI18n();
  const f = useFormatters();
  const theme = useChartTheme();
  const period = usePeriodText();
  const keys = [...props.breakdown].sort((a, b) => b.reached - a.reached).slice(0, LINES).map((r) => r.key);
  const results = useOptOutSplit(props.filter, props.dimension, keys);
  const series: SeriesSpec[] = keys.map((key, i) => ({ key, label: key || t('dashboards.series.none'), kind: 'line', color: seriesColor(i, theme.name) }));
  const labels = [...new Set(results.flatMap((r) => (r.data?.buckets ?? []).map((b) => b.bucket)))].sort();
  const byKey = keys.map((_, i) => new Map((results[i]?.data?.buckets ?? []).map((b) => [b.bucket, b.rate])));
  const rows = labels.map((label) => {
    const row: Record<string, string | number | null> = { label };
    keys.forEach((key, i) => (row[key] = byKey[i]!.get(label) ?? null));
    return row as { label: string } & Record<string, string | number | null>;
  });
  const title = t(props.dimension === 'sender' ? 'dashboards.consent.trendBySender' : 'dashboards.consent.trendByCategory');
  return (
    <ChartCard
      exportName={t('dashboards.consent.trendExport')}
      title={title}
      subtitle={t('dashboards.consent.trendSubtitle', { n: keys.length, period: period.text })}
      period={period.key}
      definitions={['optout', 'filters']}
      state={{
        isPending: props.filter === null || results.some((r) => r.isPending),
        error: results.find((r) => r.error)?.error ?? null,
        isEmpty: keys.length === 0 || rows.length === 0,
        onRetry: () => results.forEach((r) => void r.refetch()),
      }}
      legend={legendFor(series)}
      columns={[bucketColumn(t, locale), ...series.map((s) => ({ key: s.key, label: s.label, numeric: true, format: (v: unknown) => f.percent(typeof v === 'number' ? v : null, 2) }))]}
      rows={rows.map(({ label, ...rest }) => ({ bucket: label, ...rest }))}
    >
      <TimeSeriesChart rows={rows} series={series} by={props.filter?.by ?? 'month'} formatValue={(v) => f.percent(v, 1)} leftAxis={{ title: t('dashboards.axis.optOutRate'), percent: true }} height={260} />
    </ChartCard>
  );
}
