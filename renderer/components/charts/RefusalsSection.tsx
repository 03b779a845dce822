import { useState } from 'react';
import { statusColor } from '../../../shared/charts/palette.ts';
import type { NotificationStatus } from '../../../shared/domain/canonical.ts';
import { exportMetricCsv, useMetricFilter, useRefusals } from '../../data/metrics-hooks.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/types.ts';
import { BarChartView } from './BarChartView.tsx';
import { ChartCard } from './ChartCard.tsx';
import { useChartTheme } from './chart-theme.ts';
import { useFormatters, usePeriodText } from './DashboardPage.tsx';

const PAGE = 50;

/**
 * Refusals honoured: violations by status (SMS fallback sent around a block shown apart) and the
 * paged list of violating messages, exported whole as CSV by the engine.
 */
export function RefusalsSection() {
  const { t, formatDateTime } = useI18n();
  const f = useFormatters();
  const theme = useChartTheme();
  const period = usePeriodText();
  const { filter, error: filterError } = useMetricFilter();
  const [offset, setOffset] = useState(0);
  const refusals = useRefusals(filter, offset, PAGE);
  const data = refusals.data;
  const state = { isPending: (!filter && !filterError) || refusals.isPending, error: filterError ?? refusals.error, onRetry: () => void refusals.refetch() };
  const statuses = Object.entries(data?.byStatus ?? {}) as [NotificationStatus, number][];
  const fallback = data?.byStatus.fallback_sms ?? 0;
  const status = (s: string) => t(`dashboards.status.${s}` as MessageKey);
  const action = (a: string) => t(`dashboards.consentAction.${a}` as MessageKey);

  return (
    <>
      <h2 className="dash-section">{t('dashboards.refusals.title')}</h2>
      <div className="dash-grid">
        <ChartCard
          exportName={t('dashboards.refusals.byStatusExport')}
          title={t('dashboards.refusals.byStatus')}
          subtitle={data ? t('dashboards.refusals.total', { n: f.count(data.violations) }) : period.text}
          period={period.key}
          definitions={['refusals', 'filters']}
          state={{ ...state, isEmpty: !data || data.violations === 0, emptyHint: t('dashboards.refusals.none') }}
          legend={statuses.map(([s], i) => ({ label: status(s), color: statusColor(s, i, theme.name) }))}
          hideLegend
          columns={[{ key: 'status', label: t('dashboards.table.status'), format: (v) => status(String(v)) }, { key: 'violations', label: t('dashboards.refusals.violations'), numeric: true }]}
          rows={statuses.map(([s, n]) => ({ status: s, violations: n }))}
          footer={
            fallback > 0 ? (
              <p className="refusal-fallback" role="note">
                <strong>{t('dashboards.refusals.fallbackTitle', { n: f.count(fallback) })}</strong> {t('dashboards.refusals.fallbackText')}
              </p>
            ) : null
          }
        >
          <BarChartView
            layout="horizontal"
            data={statuses.map(([s, n], i) => ({ label: status(s), value: n, color: statusColor(s, i, theme.name) }))}
            formatValue={f.count}
            valueLabel={t('dashboards.refusals.violations')}
            showValues
          />
        </ChartCard>
        <ChartCard
          exportName={t('dashboards.refusals.bySenderExport')}
          title={t('dashboards.refusals.bySender')}
          subtitle={period.text}
          period={period.key}
          definitions={['refusals']}
          state={{ ...state, isEmpty: !data || data.violations === 0, emptyHint: t('dashboards.refusals.none') }}
          legend={[]}
          hideLegend
          columns={[{ key: 'sender', label: t('dashboards.table.sender') }, { key: 'violations', label: t('dashboards.refusals.violations'), numeric: true }]}
          rows={Object.entries(data?.bySender ?? {}).sort((a, b) => b[1] - a[1]).map(([sender, n]) => ({ sender, violations: n }))}
        >
          <BarChartView
            layout="horizontal"
            data={Object.entries(data?.bySender ?? {}).sort((a, b) => b[1] - a[1]).slice(0, 12).map(([label, value]) => ({ label, value }))}
            formatValue={f.count}
            valueLabel={t('dashboards.refusals.violations')}
            color={theme.danger}
            showValues
          />
        </ChartCard>
      </div>
      <ChartCard
        exportName={t('dashboards.refusals.messagesExport')}
        title={t('dashboards.refusals.messages')}
        subtitle={data ? t('dashboards.refusals.showing', { from: f.count(data.violations ? offset + 1 : 0), to: f.count(Math.min(offset + PAGE, data.violations)), total: f.count(data.violations) }) : period.text}
        period={period.key}
        definitions={['refusals']}
        state={{ ...state, isEmpty: !data || data.violations === 0, emptyHint: t('dashboards.refusals.none') }}
        legend={[]}
        tableOnly
        csv={async () => {
          const out = await exportMetricCsv({ ...filter!, metric: 'refusals', table: 'messages' });
          return { csv: out.csv, fileName: out.fileName };
        }}
        columns={[
          { key: 'sentAt', label: t('dashboards.table.sentAt'), format: (v) => formatDateTime(Date.parse(String(v))) },
          { key: 'recipientId', label: t('dashboards.table.recipient') },
          { key: 'senderId', label: t('dashboards.table.sender') },
          { key: 'templateId', label: t('dashboards.table.template') },
          { key: 'status', label: t('dashboards.table.status'), format: (v) => status(String(v)) },
          { key: 'refusal', label: t('dashboards.refusals.inForce') },
          { key: 'refusalAt', label: t('dashboards.refusals.refusedAt'), format: (v) => formatDateTime(Date.parse(String(v))) },
        ]}
        rows={(data?.messages ?? []).map((m) => ({
          sentAt: m.sentAt,
          recipientId: m.recipientId,
          senderId: m.senderId,
          templateId: m.templateId,
          status: m.status,
          refusal: `${action(m.refusal.action)} (${t(m.refusal.scope === 'platform' ? 'dashboards.refusals.platform' : 'dashboards.refusals.sender')})`,
          refusalAt: m.refusal.occurredAt,
        }))}
        footer={
          data && data.violations > PAGE ? (
            <div className="pager">
              <button type="button" className="chart-btn" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                {t('dashboards.refusals.prev')}
              </button>
              <button type="button" className="chart-btn" disabled={offset + PAGE >= data.violations} onClick={() => setOffset(offset + PAGE)}>
                {t('dashboards.refusals.next')}
              </button>
            </div>
          ) : null
        }
      />
    </>
  );
}
