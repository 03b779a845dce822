import { useState } from 'react';
import type { VolumeStackBy } from '../../shared/metrics/types.ts';
import { BarChartView } from '../components/charts/BarChartView.tsx';
import { ChartCard } from '../components/charts/ChartCard.tsx';
import { useChartTheme } from '../components/charts/chart-theme.ts';
import { DashboardPage, useFormatters, usePeriodText, SummaryStat } from '../components/charts/DashboardPage.tsx';
import { MarkerPanel } from '../components/charts/MarkerPanel.tsx';
import { bucketColumn, legendFor, seriesLabel, stackSeries } from '../components/charts/series-helpers.ts';
import { TimeSeriesChart } from '../components/charts/TimeSeriesChart.tsx';
import { useMarkers, useMetricFilter, useVolume } from '../data/metrics-hooks.ts';
import { perBucketTitle } from '../components/charts/axis-titles.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/types.ts';

/** Notifications: volume by bucket stacked by status, category or sender; top senders and templates; first vs later. */
export function NotificationsPage() {
  const { t, locale } = useI18n();
  const f = useFormatters();
  const theme = useChartTheme();
  const period = usePeriodText();
  const { filter, error: filterError } = useMetricFilter();
  const [stackBy, setStackBy] = useState<VolumeStackBy>('status');
  const volume = useVolume(filter, stackBy);
  const markers = useMarkers();
  const [markerId, setMarkerId] = useState<string | null>(null);
  const data = volume.data;
  const by = filter?.by ?? 'month';
  const pending = (!filter && !filterError) || volume.isPending;
  const error = filterError ?? volume.error;
  const empty = !data || data.total === 0;
  const retry = () => void volume.refetch();

  const series = stackSeries(data?.stackKeys ?? [], 'bar', theme.name, t, stackBy === 'status');
  const rows = (data?.buckets ?? []).map((b) => ({ label: b.bucket, ...b.stack }));
  const tableRows = (data?.buckets ?? []).map((b) => ({ bucket: b.bucket, ...b.stack, total: b.total }));
  const markerList = markers.data ?? [];
  const markerColors = { user: theme.danger, disclosure: theme.accent };

  const firstSeries = [
    { key: 'firstMessages', label: t('dashboards.notifications.first'), kind: 'bar' as const, color: theme.name === 'dark' ? '#ffae4d' : '#e07b00' },
    { key: 'laterMessages', label: t('dashboards.notifications.later'), kind: 'bar' as const, color: theme.accent },
  ];
  const firstRows = (data?.buckets ?? []).map((b) => ({ label: b.bucket, firstMessages: b.firstMessages, laterMessages: b.laterMessages }));

  return (
    <DashboardPage title={t('dashboards.notifications.title')}>
      <dl className="dash-summary">
        <SummaryStat label={t('dashboards.kpi.notifications')} value={data ? f.count(data.total) : '—'} />
        {(['delivered', 'sent', 'failed', 'blocked', 'fallback_sms'] as const).map((s) => (
          <SummaryStat key={s} label={t(`dashboards.status.${s}`)} value={data ? f.count(data.byStatus[s] ?? 0) : '—'} note={data && data.total ? f.percent((data.byStatus[s] ?? 0) / data.total) : null} />
        ))}
      </dl>
      <ChartCard
        exportName={t('dashboards.notifications.volumeExport')}
        title={t('dashboards.notifications.volumeTitle', { stack: t(`dashboards.notifications.stack.${stackBy}` as MessageKey) })}
        subtitle={period.text}
        period={period.key}
        definitions={['volume', 'buckets', 'filters']}
        state={{ isPending: pending, error, isEmpty: empty, onRetry: retry }}
        legend={legendFor(series, markerList, markerColors, t)}
        columns={[bucketColumn(t, locale), ...series.map((s) => ({ key: s.key, label: s.label, numeric: true })), { key: 'total', label: t('dashboards.table.total'), numeric: true }]}
        rows={tableRows}
        controls={
          <label className="visually-hidden-label">
            <span className="visually-hidden">{t('dashboards.notifications.stackBy')}</span>
            <select value={stackBy} onChange={(e) => setStackBy(e.target.value as VolumeStackBy)} aria-label={t('dashboards.notifications.stackBy')}>
              {(['status', 'category', 'sender'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`dashboards.notifications.stack.${s}`)}
                </option>
              ))}
            </select>
          </label>
        }
        footer={<MarkerPanel markers={markerList} selectedId={markerId} onSelect={setMarkerId} filter={filter} />}
      >
        <TimeSeriesChart rows={rows} series={series} by={by} stacked formatValue={f.compact} leftAxis={{ title: perBucketTitle(t, 'dashboards.axis.messages', by) }} markers={markerList} selectedMarkerId={markerId} onSelectMarker={(m) => setMarkerId(m.id)} />
      </ChartCard>
      <div className="dash-grid">
        <ChartCard
          exportName={t('dashboards.notifications.topSendersExport')}
          title={t('dashboards.notifications.topSenders')}
          subtitle={period.text}
          period={period.key}
          definitions={['volume', 'filters']}
          state={{ isPending: pending, error, isEmpty: empty || !data?.topSenders.length, onRetry: retry }}
          legend={[]}
          hideLegend
          columns={[{ key: 'sender', label: t('dashboards.table.sender') }, { key: 'count', label: t('dashboards.table.notifications'), numeric: true }]}
          rows={(data?.topSenders ?? []).map((s) => ({ sender: s.key, count: s.count }))}
        >
          <BarChartView layout="horizontal" data={(data?.topSenders ?? []).map((s) => ({ label: seriesLabel(s.key, t), value: s.count }))} formatValue={f.count} valueLabel={t('dashboards.table.notifications')} showValues />
        </ChartCard>
        <ChartCard
          exportName={t('dashboards.notifications.topTemplatesExport')}
          title={t('dashboards.notifications.topTemplates')}
          subtitle={period.text}
          period={period.key}
          definitions={['volume', 'filters']}
          state={{ isPending: pending, error, isEmpty: empty || !data?.topTemplates.length, onRetry: retry, emptyHint: t('dashboards.state.emptyTemplates') }}
          legend={[]}
          hideLegend
          columns={[{ key: 'template', label: t('dashboards.table.template') }, { key: 'count', label: t('dashboards.table.notifications'), numeric: true }]}
          rows={(data?.topTemplates ?? []).map((s) => ({ template: s.key, count: s.count }))}
        >
          <BarChartView layout="horizontal" data={(data?.topTemplates ?? []).map((s) => ({ label: seriesLabel(s.key, t), value: s.count }))} formatValue={f.count} valueLabel={t('dashboards.table.notifications')} color={theme.name === 'dark' ? '#3fd0a4' : '#139b74'} showValues />
        </ChartCard>
      </div>
      <ChartCard
        exportName={t('dashboards.notifications.firstExport')}
        title={t('dashboards.notifications.firstTitle')}
        subtitle={data ? t('dashboards.notifications.firstSubtitle', { first: f.count(data.firstMessages), later: f.count(data.laterMessages) }) : period.text}
        period={period.key}
        definitions={['firstMessages', 'chargeable']}
        state={{ isPending: pending, error, isEmpty: empty || data.firstMessages + data.laterMessages === 0, onRetry: retry }}
        legend={legendFor(firstSeries)}
        columns={[bucketColumn(t, locale), { key: 'firstMessages', label: t('dashboards.notifications.first'), numeric: true }, { key: 'laterMessages', label: t('dashboards.notifications.later'), numeric: true }]}
        rows={(data?.buckets ?? []).map((b) => ({ bucket: b.bucket, firstMessages: b.firstMessages, laterMessages: b.laterMessages }))}
      >
        <TimeSeriesChart rows={firstRows} series={firstSeries} by={by} stacked formatValue={f.compact} leftAxis={{ title: perBucketTitle(t, 'dashboards.axis.messages', by) }} height={240} />
      </ChartCard>
    </DashboardPage>
  );
}
