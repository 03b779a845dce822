import { useState } from 'react';
import { BarChartView } from '../components/charts/BarChartView.tsx';
import { ChartCard } from '../components/charts/ChartCard.tsx';
import { useChartTheme } from '../components/charts/chart-theme.ts';
import { DashboardPage, useFormatters, usePeriodText, SummaryStat } from '../components/charts/DashboardPage.tsx';
import { MarkerPanel } from '../components/charts/MarkerPanel.tsx';
import { OptOutSplitTrend } from '../components/charts/OptOutSplitTrend.tsx';
import { RefusalsSection } from '../components/charts/RefusalsSection.tsx';
import { bucketColumn, legendFor } from '../components/charts/series-helpers.ts';
import { TimeSeriesChart, type SeriesSpec } from '../components/charts/TimeSeriesChart.tsx';
import { useCoverage, useMarkers, useMetricFilter, useOptOut } from '../data/metrics-hooks.ts';
import { perBucketTitle } from '../components/charts/axis-titles.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** Consent: opt-out rate trend and breakdowns, notice coverage, the funnel, time to opt-out, refusals honoured. */
export function ConsentPage() {
  const { t, locale } = useI18n();
  const f = useFormatters();
  const theme = useChartTheme();
  const period = usePeriodText();
  const { filter, error: filterError } = useMetricFilter();
  const optout = useOptOut(filter);
  const coverage = useCoverage(filter);
  const markers = useMarkers();
  const [markerId, setMarkerId] = useState<string | null>(null);
  const [breakdown, setBreakdown] = useState<'sender' | 'category'>('sender');
  const by = filter?.by ?? 'month';
  const markerList = markers.data ?? [];
  const markerColors = { user: theme.danger, disclosure: theme.accent };
  const waiting = !filter && !filterError;
  const o = optout.data;
  const c = coverage.data;
  const optState = { isPending: waiting || optout.isPending, error: filterError ?? optout.error, onRetry: () => void optout.refetch() };
  const covState = { isPending: waiting || coverage.isPending, error: filterError ?? coverage.error, onRetry: () => void coverage.refetch() };
  const muted = theme.name === 'dark' ? '#4a525e' : '#c9d3e6';

  const rateSeries: SeriesSpec[] = [
    { key: 'reached', label: t('dashboards.consent.reached'), kind: 'bar', color: muted },
    { key: 'rate', label: t('dashboards.kpi.optOutRate'), kind: 'line', color: theme.danger, right: true },
  ];
  const covSeries: SeriesSpec[] = [
    { key: 'pairs', label: t('dashboards.consent.pairs'), kind: 'bar', color: muted },
    { key: 'coverage', label: t('dashboards.kpi.coverage'), kind: 'line', color: theme.name === 'dark' ? '#3fd0a4' : '#139b74', right: true },
  ];
  const breakdownRows = (breakdown === 'sender' ? o?.bySender : o?.byCategory) ?? [];
  const funnel = c?.funnel;
  const funnelData = funnel
    ? [
        { label: t('dashboards.consent.funnelFirst'), value: funnel.firstMessage, color: theme.accent },
        { label: t('dashboards.consent.funnelNotice'), value: funnel.noticeShown, color: theme.name === 'dark' ? '#3fd0a4' : '#139b74', note: f.percent(funnel.firstMessage ? funnel.noticeShown / funnel.firstMessage : null) },
        { label: t('dashboards.consent.funnelOptOut'), value: funnel.optedOut, color: theme.danger, note: f.percent(funnel.noticeShown ? funnel.optedOut / funnel.noticeShown : null) },
      ]
    : [];

  return (
    <DashboardPage title={t('dashboards.consent.title')}>
      <dl className="dash-summary">
        <SummaryStat label={t('dashboards.kpi.optOutRate')} value={o ? f.percent(o.rate) : '—'} note={o ? t('dashboards.consent.ofReached', { opted: f.count(o.optedOut), reached: f.count(o.reached) }) : null} />
        <SummaryStat label={t('dashboards.kpi.coverage')} value={c ? f.percent(c.coverage) : '—'} note={c ? t('dashboards.consent.ofPairs', { covered: f.count(c.covered), pairs: f.count(c.pairs) }) : null} />
        <SummaryStat label={t('dashboards.consent.uncovered')} value={c ? f.count(c.uncovered) : '—'} />
      </dl>
      <ChartCard
        exportName={t('dashboards.consent.rateExport')}
        title={t('dashboards.consent.rateTitle')}
        subtitle={period.text}
        period={period.key}
        definitions={['optout', 'markersAround', 'buckets', 'filters']}
        state={{ ...optState, isEmpty: !o || o.reached === 0 }}
        legend={legendFor(rateSeries, markerList, markerColors, t)}
        columns={[bucketColumn(t, locale), { key: 'reached', label: t('dashboards.consent.reached'), numeric: true }, { key: 'optedOut', label: t('dashboards.consent.optedOut'), numeric: true }, { key: 'rate', label: t('dashboards.kpi.optOutRate'), numeric: true, format: (v) => f.percent(typeof v === 'number' ? v : null, 2) }]}
        rows={(o?.buckets ?? []).map((b) => ({ bucket: b.bucket, reached: b.reached, optedOut: b.optedOut, rate: b.rate }))}
        footer={<MarkerPanel markers={markerList} selectedId={markerId} onSelect={setMarkerId} filter={filter} />}
      >
        <TimeSeriesChart
          rows={(o?.buckets ?? []).map((b) => ({ label: b.bucket, reached: b.reached, rate: b.rate }))}
          series={rateSeries}
          by={by}
          formatValue={f.compact}
          formatRight={(v) => f.percent(v)}
          leftAxis={{ title: perBucketTitle(t, 'dashboards.axis.recipients', by) }}
          rightAxis={{ title: t('dashboards.axis.optOutRate'), percent: true }}
          markers={markerList}
          selectedMarkerId={markerId}
          onSelectMarker={(m) => setMarkerId(m.id)}
        />
      </ChartCard>
      <div className="dash-grid">
        <ChartCard
          exportName={t('dashboards.consent.breakdownExport')}
          title={t(breakdown === 'sender' ? 'dashboards.consent.bySender' : 'dashboards.consent.byCategory')}
          subtitle={period.text}
          period={period.key}
          definitions={['optout', 'filters']}
          state={{ ...optState, isEmpty: breakdownRows.length === 0 }}
          legend={[]}
          hideLegend
          controls={
            <select aria-label={t('dashboards.consent.breakdownBy')} value={breakdown} onChange={(e) => setBreakdown(e.target.value as 'sender' | 'category')}>
              <option value="sender">{t('dashboards.table.sender')}</option>
              <option value="category">{t('dashboards.table.category')}</option>
            </select>
          }
          columns={[{ key: 'key', label: t(breakdown === 'sender' ? 'dashboards.table.sender' : 'dashboards.table.category') }, { key: 'reached', label: t('dashboards.consent.reached'), numeric: true }, { key: 'optedOut', label: t('dashboards.consent.optedOut'), numeric: true }, { key: 'rate', label: t('dashboards.kpi.optOutRate'), numeric: true, format: (v) => f.percent(typeof v === 'number' ? v : null, 2) }]}
          rows={breakdownRows.map((r) => ({ key: r.key, reached: r.reached, optedOut: r.optedOut, rate: r.rate }))}
        >
          <BarChartView
            layout="horizontal"
            data={[...breakdownRows].sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1)).slice(0, 12).map((r) => ({ label: r.key || t('dashboards.series.none'), value: r.rate ?? 0, note: t('dashboards.consent.ofReached', { opted: f.count(r.optedOut), reached: f.count(r.reached) }) }))}
            formatValue={(v) => f.percent(v)}
            valueLabel={t('dashboards.kpi.optOutRate')}
            color={theme.danger}
            showValues
          />
        </ChartCard>
        <ChartCard
          exportName={t('dashboards.consent.funnelExport')}
          title={t('dashboards.consent.funnelTitle')}
          subtitle={period.text}
          period={period.key}
          definitions={['funnel', 'coverage']}
          state={{ ...covState, isEmpty: !funnel || funnel.firstMessage === 0 }}
          legend={[]}
          hideLegend
          columns={[{ key: 'step', label: t('dashboards.table.step') }, { key: 'pairs', label: t('dashboards.consent.pairs'), numeric: true }, { key: 'share', label: t('dashboards.table.ofPrevious'), numeric: true }]}
          rows={funnelData.map((d) => ({ step: d.label, pairs: d.value, share: d.note ?? '' }))}
        >
          <BarChartView layout="horizontal" data={funnelData} formatValue={f.count} valueLabel={t('dashboards.consent.pairs')} showValues />
        </ChartCard>
      </div>
      <OptOutSplitTrend filter={filter} dimension={breakdown} breakdown={breakdownRows} />
      <ChartCard
        exportName={t('dashboards.consent.coverageExport')}
        title={t('dashboards.consent.coverageTitle')}
        subtitle={period.text}
        period={period.key}
        definitions={['coverage', 'buckets']}
        state={{ ...covState, isEmpty: !c || c.pairs === 0 }}
        legend={legendFor(covSeries, markerList, markerColors, t)}
        columns={[bucketColumn(t, locale), { key: 'pairs', label: t('dashboards.consent.pairs'), numeric: true }, { key: 'covered', label: t('dashboards.consent.covered'), numeric: true }, { key: 'uncovered', label: t('dashboards.consent.uncovered'), numeric: true }, { key: 'coverage', label: t('dashboards.kpi.coverage'), numeric: true, format: (v) => f.percent(typeof v === 'number' ? v : null, 2) }]}
        rows={(c?.buckets ?? []).map((b) => ({ bucket: b.bucket, pairs: b.pairs, covered: b.covered, uncovered: b.uncovered, coverage: b.coverage }))}
      >
        <TimeSeriesChart
          rows={(c?.buckets ?? []).map((b) => ({ label: b.bucket, pairs: b.pairs, coverage: b.coverage }))}
          series={covSeries}
          by={by}
          formatValue={f.compact}
          formatRight={(v) => f.percent(v, 0)}
          leftAxis={{ title: perBucketTitle(t, 'dashboards.axis.pairs', by) }}
          rightAxis={{ title: t('dashboards.axis.coverage'), percent: true }}
          rightDomain={[0, 1]}
          markers={markerList}
          selectedMarkerId={markerId}
          onSelectMarker={(m) => setMarkerId(m.id)}
          height={260}
        />
      </ChartCard>
      <ChartCard
        exportName={t('dashboards.consent.timeExport')}
        title={t('dashboards.consent.timeTitle')}
        subtitle={period.text}
        period={period.key}
        definitions={['timeToOptOut']}
        state={{ ...covState, isEmpty: !c?.timeToOptOut.some((b) => b.count > 0) }}
        legend={[]}
        hideLegend
        columns={[{ key: 'label', label: t('dashboards.table.bin') }, { key: 'min', label: t('dashboards.table.fromHours'), numeric: true }, { key: 'max', label: t('dashboards.table.toHours'), numeric: true }, { key: 'count', label: t('dashboards.consent.pairs'), numeric: true }]}
        rows={(c?.timeToOptOut ?? []).map((b) => ({ label: b.label, min: b.min, max: b.max, count: b.count }))}
      >
        <BarChartView layout="vertical" data={(c?.timeToOptOut ?? []).map((b) => ({ label: b.label, value: b.count }))} formatValue={f.compact} valueLabel={t('dashboards.consent.pairs')} color={theme.danger} height={220} />
      </ChartCard>
      <RefusalsSection />
    </DashboardPage>
  );
}
