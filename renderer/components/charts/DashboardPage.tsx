import type { ReactNode } from 'react';
import { formatBytes, formatCompact, formatKrw, formatKrwRange, formatPercent, krwFormatter } from '../../../shared/charts/axis.ts';
import { useWorkspace } from '../../data/app-hooks.ts';
import { useMetricFilter, useMetricsRefresh } from '../../data/metrics-hooks.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { FilterBar } from '../filters/FilterBar.tsx';
import './charts.css';

/** Number formatters every dashboard uses, in the current locale. */
export function useFormatters() {
  const { locale, formatNumber } = useI18n();
  const tag = locale === 'ko' ? 'ko-KR' : 'en-US';
  return {
    tag,
    count: (n: number) => formatNumber(n),
    compact: (n: number) => formatCompact(n, tag),
    bytes: (n: number) => formatBytes(n, tag),
    krw: (n: number) => formatKrw(n, tag),
    /** A low–high range of won at one precision. */
    krwRange: (low: number, high: number) => formatKrwRange(low, high, tag),
    /** One won format for amounts shown together (an axis, a column): precision from the largest. */
    krwFor: (values: readonly number[]) => krwFormatter(values, tag),
    percent: (r: number | null, digits = 1) => formatPercent(r, tag, digits),
    hours: (h: number | null) => (h === null ? '—' : `${new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }).format(h)} h`),
  };
}

/** The period a filter resolves to, for subtitles and export names. */
export function usePeriodText(): { text: string; key: string } {
  const { t } = useI18n();
  const { filter } = useMetricFilter();
  if (!filter || (!filter.from && !filter.to)) return { text: t('dashboards.filters.wholeRange'), key: 'all' };
  return { text: `${filter.from ?? '…'} – ${filter.to ?? '…'}`, key: `${filter.from ?? 'start'}..${filter.to ?? 'end'}` };
}

/** One figure of a page's summary row: a label, the value and an optional small note beside it. */
export function SummaryStat(props: { label: string; value: ReactNode; note?: ReactNode }) {
  return (
    <div className="dash-stat">
      <dt>{props.label}</dt>
      <dd>
        {props.value}
        {props.note ? <> <small>{props.note}</small></> : null}
      </dd>
    </div>
  );
}

/** The "demo data" label shown wherever demo figures show. */
export function DemoBadge() {
  const { t } = useI18n();
  const workspace = useWorkspace();
  if (!workspace.data?.demo) return null;
  return (
    <span className="dash-demo" title={t('dashboards.demo.hint')}>
      {t('dashboards.demo.label')}
    </span>
  );
}

/** The frame of every dashboard page: title, period, demo label, the global filters, then the figures. */
export function DashboardPage(props: { title: string; intro?: string; showBucket?: boolean; showDimensions?: boolean; children: ReactNode }) {
  useMetricsRefresh();
  const period = usePeriodText();
  return (
    <div className="dash-page">
      <div className="dash-head">
        <h1>{props.title}</h1>
        <span className="dash-period">{period.text}</span>
        <DemoBadge />
      </div>
      {props.intro ? <p className="muted dash-intro">{props.intro}</p> : null}
      <FilterBar showBucket={props.showBucket} showDimensions={props.showDimensions} />
      {props.children}
    </div>
  );
}
