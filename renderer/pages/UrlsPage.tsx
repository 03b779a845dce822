import { useState } from 'react';
import { BarChartView } from '../components/charts/BarChartView.tsx';
import { ChartCard } from '../components/charts/ChartCard.tsx';
import { useChartTheme } from '../components/charts/chart-theme.ts';
import { DashboardPage, useFormatters, usePeriodText, SummaryStat } from '../components/charts/DashboardPage.tsx';
import { MarkerPanel } from '../components/charts/MarkerPanel.tsx';
import { bucketColumn, legendFor } from '../components/charts/series-helpers.ts';
import { TimeSeriesChart, type SeriesSpec } from '../components/charts/TimeSeriesChart.tsx';
import { useMarkers, useMetricFilter, useUrls } from '../data/metrics-hooks.ts';
import { perBucketTitle } from '../components/charts/axis-titles.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** URLs: shared / indexed / served per bucket, sharing→indexing lag, top domains, URLs indexed without notice. */
export function UrlsPage() {
  const { t, locale, formatDateTime } = useI18n();
  const f = useFormatters();
  const theme = useChartTheme();
  const period = usePeriodText();
  const { filter, error: filterError } = useMetricFilter();
  const urls = useUrls(filter);
  const markers = useMarkers();
  const [markerId, setMarkerId] = useState<string | null>(null);
  const data = urls.data;
  const by = filter?.by ?? 'month';
  const markerList = markers.data ?? [];
  const state = { isPending: (!filter && !filterError) || urls.isPending, error: filterError ?? urls.error, onRetry: () => void urls.refetch() };
  const empty = !data || data.shared + data.indexed + data.served === 0;
  const dark = theme.name === 'dark';
  const series: SeriesSpec[] = [
    { key: 'shared', label: t('dashboards.urls.shared'), kind: 'line', color: theme.accent },
    { key: 'indexed', label: t('dashboards.urls.indexed'), kind: 'line', color: dark ? '#ffae4d' : '#e07b00' },
    { key: 'served', label: t('dashboards.urls.served'), kind: 'line', color: dark ? '#ff7fb6' : '#c2417a' },
  ];

  return (
    <DashboardPage title={t('dashboards.urls.title')} showDimensions={false}>
      <dl className="dash-summary">
        <SummaryStat label={t('dashboards.urls.shared')} value={data ? f.count(data.shared) : '—'} />
        <SummaryStat label={t('dashboards.urls.indexed')} value={data ? f.count(data.indexed) : '—'} />
        <SummaryStat label={t('dashboards.urls.served')} value={data ? f.count(data.served) : '—'} />
        <SummaryStat label={t('dashboards.urls.medianLag')} value={data ? f.hours(data.medianLagHours) : '—'} note={data ? t('dashboards.urls.lagSample', { n: f.count(data.lagCount) }) : null} />
        <SummaryStat label={t('dashboards.urls.withoutNotice')} value={data ? f.count(data.indexedWithoutNotice) : '—'} />
      </dl>
      <ChartCard
        exportName={t('dashboards.urls.overTimeExport')}
        title={t('dashboards.urls.overTime')}
        subtitle={period.text}
        period={period.key}
        definitions={['urls', 'buckets', 'filters']}
        state={{ ...state, isEmpty: empty }}
        legend={legendFor(series, markerList, { user: theme.danger, disclosure: theme.accent }, t)}
        columns={[bucketColumn(t, locale), ...series.map((s) => ({ key: s.key, label: s.label, numeric: true }))]}
        rows={(data?.buckets ?? []).map((b) => ({ bucket: b.bucket, shared: b.shared, indexed: b.indexed, served: b.served }))}
        footer={<MarkerPanel markers={markerList} selectedId={markerId} onSelect={setMarkerId} filter={filter} />}
      >
        <TimeSeriesChart
          rows={(data?.buckets ?? []).map((b) => ({ label: b.bucket, shared: b.shared, indexed: b.indexed, served: b.served }))}
          series={series}
          by={by}
          formatValue={f.compact}
          leftAxis={{ title: perBucketTitle(t, 'dashboards.axis.urlEvents', by) }}
          markers={markerList}
          selectedMarkerId={markerId}
          onSelectMarker={(m) => setMarkerId(m.id)}
        />
      </ChartCard>
      <div className="dash-grid">
        <ChartCard
          exportName={t('dashboards.urls.lagExport')}
          title={t('dashboards.urls.lagTitle')}
          subtitle={data ? t('dashboards.urls.lagSubtitle', { median: f.hours(data.medianLagHours), n: f.count(data.lagCount) }) : period.text}
          period={period.key}
          definitions={['urlLag']}
          state={{ ...state, isEmpty: !data || data.lagCount === 0, emptyHint: t('dashboards.urls.noLag') }}
          legend={[]}
          hideLegend
          columns={[{ key: 'label', label: t('dashboards.table.bin') }, { key: 'min', label: t('dashboards.table.fromHours'), numeric: true }, { key: 'max', label: t('dashboards.table.toHours'), numeric: true }, { key: 'count', label: t('dashboards.urls.urlsCount'), numeric: true }]}
          rows={(data?.lagHistogram ?? []).map((b) => ({ label: b.label, min: b.min, max: b.max, count: b.count }))}
        >
          <BarChartView layout="vertical" data={(data?.lagHistogram ?? []).map((b) => ({ label: b.label, value: b.count }))} formatValue={f.compact} valueLabel={t('dashboards.urls.urlsCount')} color={dark ? '#ffae4d' : '#e07b00'} height={240} />
        </ChartCard>
        <ChartCard
          exportName={t('dashboards.urls.domainsExport')}
          title={t('dashboards.urls.topDomains')}
          subtitle={period.text}
          period={period.key}
          definitions={['topDomains']}
          state={{ ...state, isEmpty: !data?.topDomains.length }}
          legend={[]}
          hideLegend
          columns={[{ key: 'domain', label: t('dashboards.table.domain') }, { key: 'count', label: t('dashboards.urls.urlsCount'), numeric: true }]}
          rows={(data?.topDomains ?? []).map((d) => ({ domain: d.key, count: d.count }))}
        >
          <BarChartView layout="horizontal" data={(data?.topDomains ?? []).map((d) => ({ label: d.key, value: d.count }))} formatValue={f.count} valueLabel={t('dashboards.urls.urlsCount')} showValues />
        </ChartCard>
      </div>
      <ChartCard
        exportName={t('dashboards.urls.withoutNoticeExport')}
        title={t('dashboards.urls.withoutNoticeTitle')}
        subtitle={
          data
            ? data.urlNoticeDate
              ? t('dashboards.urls.noticeDate', { date: data.urlNoticeDate, n: f.count(data.indexedWithoutNotice) })
              : t('dashboards.urls.noNotice', { n: f.count(data.indexedWithoutNotice) })
            : period.text
        }
        period={period.key}
        definitions={['indexedWithoutNotice']}
        state={{ ...state, isEmpty: !data || data.indexedWithoutNotice === 0, emptyHint: t('dashboards.urls.noneWithoutNotice') }}
        legend={[]}
        tableOnly
        columns={[{ key: 'url', label: t('dashboards.table.url') }, { key: 'firstIndexedAt', label: t('dashboards.urls.firstIndexed'), format: (v) => formatDateTime(Date.parse(String(v))) }]}
        rows={(data?.indexedWithoutNoticeUrls ?? []).map((u) => ({ url: u.url, firstIndexedAt: u.firstIndexedAt }))}
      />
    </DashboardPage>
  );
}
