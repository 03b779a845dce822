import { perBucketTitle } from './axis-titles.ts';
import { useState } from 'react';
import type { MetricFilter } from '../../../shared/metrics/types.ts';
import { useCoverage, useMarkers, useOptOut, useVolume } from '../../data/metrics-hooks.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ChartCard } from './ChartCard.tsx';
import { useChartTheme } from './chart-theme.ts';
import { useFormatters, usePeriodText } from './DashboardPage.tsx';
import { MarkerPanel } from './MarkerPanel.tsx';
import { bucketColumn, legendFor, stackSeries } from './series-helpers.ts';
import { TimeSeriesChart, type SeriesSpec } from './TimeSeriesChart.tsx';

/** The two trends under the KPI cards: volume by status, and opt-out rate beside notice coverage. */
export function OverviewTrends(props: { filter: MetricFilter | null; filterError: Error | null }) {
  const { t, locale } = useI18n();
  const f = useFormatters();
  const theme = useChartTheme();
  const period = usePeriodText();
  const { filter, filterError } = props;
  const volume = useVolume(filter, 'status');
  const optout = useOptOut(filter);
  const coverage = useCoverage(filter);
  const markers = useMarkers();
  const [markerId, setMarkerId] = useState<string | null>(null);
  const by = filter?.by ?? 'month';
  const waiting = !filter && !filterError;
  const markerList = markers.data ?? [];
  const markerColors = { user: theme.danger, disclosure: theme.accent };

  const volSeries = stackSeries(volume.data?.stackKeys ?? [], 'bar', theme.name, t, true);
  const rateSeries: SeriesSpec[] = [
    { key: 'coverage', label: t('dashboards.kpi.coverage'), kind: 'line', color: theme.name === 'dark' ? '#3fd0a4' : '#139b74' },
    // Opt-out rates are a few percent: their own axis keeps them readable beside coverage.
    { key: 'rate', label: t('dashboards.kpi.optOutRate'), kind: 'line', color: theme.danger, right: true },
  ];
  const coverageBy = new Map((coverage.data?.buckets ?? []).map((b) => [b.bucket, b.coverage]));
  const labels = [...new Set([...(optout.data?.buckets ?? []).map((b) => b.bucket), ...coverageBy.keys()])].sort();
  const rateBy = new Map((optout.data?.buckets ?? []).map((b) => [b.bucket, b.rate]));
  const rateRows = labels.map((label) => ({ label, rate: rateBy.get(label) ?? null, coverage: coverageBy.get(label) ?? null }));

  return (
    <div className="dash-grid">
      <ChartCard
        exportName={t('dashboards.notifications.volumeExport')}
        title={t('dashboards.notifications.volumeTitle', { stack: t('dashboards.notifications.stack.status') })}
        subtitle={period.text}
        period={period.key}
        definitions={['volume', 'buckets']}
        state={{ isPending: waiting || volume.isPending, error: filterError ?? volume.error, isEmpty: !volume.data || volume.data.total === 0, onRetry: () => void volume.refetch() }}
        legend={legendFor(volSeries, markerList, markerColors, t)}
        columns={[bucketColumn(t, locale), ...volSeries.map((s) => ({ key: s.key, label: s.label, numeric: true })), { key: 'total', label: t('dashboards.table.total'), numeric: true }]}
        rows={(volume.data?.buckets ?? []).map((b) => ({ bucket: b.bucket, ...b.stack, total: b.total }))}
      >
        <TimeSeriesChart
          rows={(volume.data?.buckets ?? []).map((b) => ({ label: b.bucket, ...b.stack }))}
          series={volSeries}
          by={by}
          stacked
          formatValue={f.compact}
          leftAxis={{ title: perBucketTitle(t, 'dashboards.axis.messages', by) }}
          markers={markerList}
          selectedMarkerId={markerId}
          onSelectMarker={(m) => setMarkerId(m.id)}
          height={240}
        />
      </ChartCard>
      <ChartCard
        exportName={t('dashboards.overview.ratesExport')}
        title={t('dashboards.overview.ratesTitle')}
        subtitle={period.text}
        period={period.key}
        definitions={['optout', 'coverage', 'markersAround']}
        state={{
          isPending: waiting || optout.isPending || coverage.isPending,
          error: filterError ?? optout.error ?? coverage.error,
          isEmpty: rateRows.every((r) => r.rate === null && r.coverage === null),
          onRetry: () => {
            void optout.refetch();
            void coverage.refetch();
          },
        }}
        legend={legendFor(rateSeries, markerList, markerColors, t)}
        columns={[
          bucketColumn(t, locale),
          { key: 'rate', label: t('dashboards.kpi.optOutRate'), numeric: true, format: (v) => f.percent(typeof v === 'number' ? v : null, 2) },
          { key: 'coverage', label: t('dashboards.kpi.coverage'), numeric: true, format: (v) => f.percent(typeof v === 'number' ? v : null, 2) },
        ]}
        rows={rateRows.map((r) => ({ bucket: r.label, rate: r.rate, coverage: r.coverage }))}
        footer={<MarkerPanel markers={markerList} selectedId={markerId} onSelect={setMarkerId} filter={filter} />}
      >
        <TimeSeriesChart
          rows={rateRows}
          series={rateSeries}
          by={by}
          formatValue={(v) => f.percent(v, 0)}
          formatRight={(v) => f.percent(v, 1)}
          leftAxis={{ title: t('dashboards.axis.coverage'), percent: true }}
          rightAxis={{ title: t('dashboards.axis.optOutRate'), percent: true }}
          markers={markerList}
          selectedMarkerId={markerId}
          onSelectMarker={(m) => setMarkerId(m.id)}
          height={240}
        />
      </ChartCard>
    </div>
  );
}
