import { formatBucketLabel } from '../../../shared/charts/dates.ts';
import { OTHER_KEY } from '../../../shared/charts/series.ts';
import { seriesColor, statusColor, type ThemeName } from '../../../shared/charts/palette.ts';
import type { LegendItem } from '../../../shared/charts/svg-export.ts';
import type { Marker } from '../../../shared/metrics/types.ts';
import type { I18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/types.ts';
import type { TableColumn } from './DataTable.tsx';
import type { SeriesSpec } from './TimeSeriesChart.tsx';

const STATUSES = new Set(['sent', 'delivered', 'failed', 'blocked', 'fallback_sms']);

/** True for the key of the folded small series (`OTHER_KEY`, the same in every metric and chart). */
export function isOtherKey(key: string): boolean {
  return key === OTHER_KEY;
}

/** The label of a series key: statuses and "other" translated, sender/category ids as they are. */
export function seriesLabel(key: string, t: I18n['t']): string {
  if (isOtherKey(key)) return t('dashboards.series.other');
  if (STATUSES.has(key)) return t(`dashboards.status.${key}` as MessageKey);
  if (key === '' || key === 'null' || key === '(none)') return t('dashboards.series.none');
  return key;
}

/** Series specs for stack keys, coloured by status (fixed colours) or by position. */
export function stackSeries(keys: readonly string[], kind: SeriesSpec['kind'], theme: ThemeName, t: I18n['t'], byStatus: boolean): SeriesSpec[] {
  return keys.map((key, i) => ({
    key,
    label: seriesLabel(key, t),
    kind,
    color: isOtherKey(key) ? seriesColor(0, theme, true) : byStatus ? statusColor(key, i, theme) : seriesColor(i, theme),
  }));
}

/** Legend items for series plus marker lines (for the screen and the exported files). */
export function legendFor(series: readonly SeriesSpec[], markers: readonly Marker[] = [], colors?: { user: string; disclosure: string }, t?: I18n['t']): LegendItem[] {
  const items: LegendItem[] = series.map((s) => ({ label: s.label, color: s.color }));
  if (colors && t && markers.some((m) => m.kind === 'user')) items.push({ label: t('dashboards.markers.kindUser'), color: colors.user, dashed: true });
  if (colors && t && markers.some((m) => m.kind === 'disclosure')) items.push({ label: t('dashboards.markers.kindDisclosure'), color: colors.disclosure, dashed: true });
  return items;
}

/** The bucket column of a table, with the bucket label formatted for people. */
export function bucketColumn(t: I18n['t'], locale: string): TableColumn {
  return { key: 'bucket', label: t('dashboards.table.bucket'), format: (v) => `${formatBucketLabel(String(v), locale, true)} (${String(v)})` };
}
