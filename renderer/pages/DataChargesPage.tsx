import { binaryTicks } from '../../shared/charts/axis.ts';
import { BarChartView } from '../components/charts/BarChartView.tsx';
import { ChartCard } from '../components/charts/ChartCard.tsx';
import { useChartTheme } from '../components/charts/chart-theme.ts';
import { CostModelEditor } from '../components/charts/CostModelEditor.tsx';
import { DashboardPage, useFormatters, usePeriodText, SummaryStat } from '../components/charts/DashboardPage.tsx';
import { MarkerPanel } from '../components/charts/MarkerPanel.tsx';
import { bucketColumn, legendFor } from '../components/charts/series-helpers.ts';
import { TimeSeriesChart, type SeriesSpec } from '../components/charts/TimeSeriesChart.tsx';
import { useDataCost, useMarkers, useMetricFilter } from '../data/metrics-hooks.ts';
import { perBucketTitle } from '../components/charts/axis-titles.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useState } from 'react';

/** Data charges: the cost model editor, totals, charge range over time, by sender, per-recipient distribution. */
export function DataChargesPage() {
  const { t, locale } = useI18n();
  const f = useFormatters();
  const theme = useChartTheme();
  const period = usePeriodText();
  const { filter, error: filterError } = useMetricFilter();
  const cost = useDataCost(filter);
  const markers = useMarkers();
  const [markerId, setMarkerId] = useState<string | null>(null);
  const data = cost.data;
  const pending = (!filter && !filterError) || cost.isPending;
  const error = filterError ?? cost.error;
  const empty = !data || data.chargeableMessages === 0;
  const retry = () => void cost.refetch();
  const by = filter?.by ?? 'month';
  const markerList = markers.data ?? [];

  const chargeSeries: SeriesSpec[] = [
    { key: 'high', label: t('dashboards.charges.high'), kind: 'area', color: theme.name === 'dark' ? '#ffae4d' : '#e07b00' },
    { key: 'low', label: t('dashboards.charges.low'), kind: 'area', color: theme.accent },
  ];
  const chargeRows = (data?.buckets ?? []).map((b) => ({ label: b.bucket, low: b.chargeKrw.low, high: b.chargeKrw.high }));
  const senders = [...(data?.bySender ?? [])].sort((a, b) => b.totalBytes - a.totalBytes);
  // One won precision per chart and per table, never ₩9.50 beside ₩150.
  const bucketKrw = f.krwFor(chargeRows.flatMap((r) => [r.low, r.high]));
  const senderKrw = f.krwFor(senders.flatMap((s) => [s.chargeKrw.low, s.chargeKrw.high]));
  const krwCell = (format: (n: number) => string) => (v: unknown) => (typeof v === 'number' ? format(v) : '—');

  return (
    <DashboardPage title={t('dashboards.charges.title')}>
      <CostModelEditor />
      <dl className="dash-summary" aria-label={t('dashboards.charges.totals')}>
        <SummaryStat label={t('dashboards.charges.totalBytes')} value={data ? f.bytes(data.totalBytes) : '—'} />
        <SummaryStat label={t('dashboards.kpi.charge')} value={data ? f.krwRange(data.chargeKrw.low, data.chargeKrw.high) : '—'} />
        <SummaryStat label={t('dashboards.charges.chargeable')} value={data ? f.count(data.chargeableMessages) : '—'} />
        <SummaryStat label={t('dashboards.notifications.first')} value={data ? f.count(data.firstMessages) : '—'} />
        <SummaryStat label={t('dashboards.kpi.recipients')} value={data ? f.count(data.recipients) : '—'} />
        <SummaryStat label={t('dashboards.charges.estimated')} value={data ? f.count(data.estimatedMessages) : '—'} note={data && data.chargeableMessages ? f.percent(data.estimatedMessages / data.chargeableMessages) : null} />
      </dl>
      <ChartCard
        exportName={t('dashboards.charges.overTimeExport')}
        title={t('dashboards.charges.overTime')}
        subtitle={period.text}
        period={period.key}
        definitions={['charge', 'messageSize', 'chargeable', 'buckets']}
        state={{ isPending: pending, error, isEmpty: empty, onRetry: retry }}
        legend={legendFor(chargeSeries, markerList, { user: theme.danger, disclosure: theme.accent }, t)}
        columns={[
          bucketColumn(t, locale),
          { key: 'totalBytes', label: t('dashboards.charges.totalBytes'), numeric: true },
          { key: 'chargeableMessages', label: t('dashboards.charges.chargeable'), numeric: true },
          { key: 'firstMessages', label: t('dashboards.notifications.first'), numeric: true },
          { key: 'recipients', label: t('dashboards.kpi.recipients'), numeric: true },
          { key: 'low', label: t('dashboards.charges.low'), numeric: true, format: krwCell(bucketKrw) },
          { key: 'high', label: t('dashboards.charges.high'), numeric: true, format: krwCell(bucketKrw) },
        ]}
        rows={(data?.buckets ?? []).map((b) => ({
          bucket: b.bucket,
          totalBytes: b.totalBytes,
          chargeableMessages: b.chargeableMessages,
          firstMessages: b.firstMessages,
          recipients: b.recipients,
          low: b.chargeKrw.low,
          high: b.chargeKrw.high,
        }))}
        footer={<MarkerPanel markers={markerList} selectedId={markerId} onSelect={setMarkerId} filter={filter} />}
      >
        <TimeSeriesChart rows={chargeRows} series={chargeSeries} by={by} formatValue={bucketKrw} leftAxis={{ title: perBucketTitle(t, 'dashboards.axis.chargeKrw', by) }} markers={markerList} selectedMarkerId={markerId} onSelectMarker={(m) => setMarkerId(m.id)} />
      </ChartCard>
      <div className="dash-grid">
        <ChartCard
          exportName={t('dashboards.charges.bySenderExport')}
          title={t('dashboards.charges.bySender')}
          subtitle={period.text}
          period={period.key}
          definitions={['datacost', 'charge']}
          state={{ isPending: pending, error, isEmpty: empty || senders.length === 0, onRetry: retry }}
          legend={[]}
          hideLegend
          columns={[
            { key: 'sender', label: t('dashboards.table.sender') },
            { key: 'totalBytes', label: t('dashboards.charges.totalBytes'), numeric: true },
            { key: 'chargeableMessages', label: t('dashboards.charges.chargeable'), numeric: true },
            { key: 'recipients', label: t('dashboards.kpi.recipients'), numeric: true },
            { key: 'low', label: t('dashboards.charges.low'), numeric: true, format: krwCell(senderKrw) },
            { key: 'high', label: t('dashboards.charges.high'), numeric: true, format: krwCell(senderKrw) },
          ]}
          rows={senders.map((s) => ({ sender: s.senderId, totalBytes: s.totalBytes, chargeableMessages: s.chargeableMessages, recipients: s.recipients, low: s.chargeKrw.low, high: s.chargeKrw.high }))}
        >
          <BarChartView
            layout="horizontal"
            data={senders.slice(0, 12).map((s) => ({ label: s.senderId, value: s.totalBytes, note: `${senderKrw(s.chargeKrw.low)} – ${senderKrw(s.chargeKrw.high)}` }))}
            formatValue={f.bytes}
            ticks={binaryTicks(senders[0]?.totalBytes ?? 0)}
            valueLabel={t('dashboards.charges.totalBytes')}
            showValues
          />
        </ChartCard>
        <ChartCard
          exportName={t('dashboards.charges.perRecipientExport')}
          title={t('dashboards.charges.perRecipient')}
          subtitle={
            data?.perRecipientStats.median != null
              ? t('dashboards.charges.perRecipientStats', { median: f.bytes(data.perRecipientStats.median), p90: f.bytes(data.perRecipientStats.p90 ?? 0), max: f.bytes(data.perRecipientStats.max ?? 0) })
              : period.text
          }
          period={period.key}
          definitions={['perRecipient', 'messageSize']}
          state={{ isPending: pending, error, isEmpty: empty || !data?.perRecipient.length, onRetry: retry }}
          legend={[]}
          hideLegend
          columns={[
            { key: 'min', label: t('dashboards.table.fromBytes'), numeric: true },
            { key: 'max', label: t('dashboards.table.toBytes'), numeric: true },
            { key: 'count', label: t('dashboards.kpi.recipients'), numeric: true },
          ]}
          rows={(data?.perRecipient ?? []).map((b) => ({ min: b.min, max: b.max, count: b.count }))}
        >
          <BarChartView
            layout="vertical"
            data={(data?.perRecipient ?? []).map((b) => ({ label: b.max === null ? `≥ ${f.bytes(b.min)}` : `${f.bytes(b.min)}–${f.bytes(b.max)}`, value: b.count }))}
            formatValue={f.compact}
            valueLabel={t('dashboards.kpi.recipients')}
            color={theme.name === 'dark' ? '#3fd0a4' : '#139b74'}
          />
        </ChartCard>
      </div>
    </DashboardPage>
  );
}
