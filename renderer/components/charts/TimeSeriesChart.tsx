import { useDeferredValue, useMemo, useState } from 'react';
import { Area, AreaChart, Brush, ResponsiveContainer } from 'recharts';
import { bucketOf, formatBucketLabel } from '../../../shared/charts/dates.ts';
import { downsampleRows, mergeRows } from '../../../shared/charts/downsample.ts';
import { snapToRow } from '../../../shared/charts/series.ts';
import type { Marker } from '../../../shared/metrics/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useChartTheme } from './chart-theme.ts';
import { MainTimeChart } from './MainTimeChart.tsx';
import type { TimeSeriesChartProps } from './time-chart-props.ts';

export type { SeriesSpec, TimeSeriesChartProps } from './time-chart-props.ts';

/** Most bars a chart draws (consecutive buckets are summed beyond it). */
export const MAX_BARS = 200;
/** Most bar rectangles a stacked chart draws (bars × stacked series), so many series mean fewer bars. */
export const MAX_RECTANGLES = 600;
/** Most points a line draws (LTTB beyond it). */
export const MAX_POINTS = 500;
const OVERVIEW_POINTS = 300;

/**
 * A time chart over bucket labels: stacked bars, lines or areas, a right axis for rates, vertical
 * marker lines, a brush over the whole range (the main chart shows the brushed window), and
 * keyboard access through recharts' accessibility layer (arrow keys move the tooltip).
 * Long series are reduced before rendering: bars are merged (sums preserved), lines downsampled (LTTB).
 */
export function TimeSeriesChart(props: TimeSeriesChartProps) {
  const { t, locale } = useI18n();
  const theme = useChartTheme();
  const { rows, series } = props;
  const [windowRange, setWindowRange] = useState<[number, number] | null>(null);
  const [brushKey, setBrushKey] = useState(0);
  const keys = useMemo(() => series.map((s) => s.key), [series]);

  // The whole range, reduced, for the brush's overview strip; `__i` maps back to the full rows.
  const overview = useMemo(() => {
    const indexed = rows.map((r, i) => ({ ...r, __i: i, __total: keys.reduce((sum, k) => sum + (typeof r[k] === 'number' ? (r[k] as number) : 0), 0) }));
    return downsampleRows(indexed, ['__total'], OVERVIEW_POINTS);
  }, [rows, keys]);

  // The brush moves at once; the main chart follows when React has time (no blocked frames).
  const deferredRange = useDeferredValue(windowRange);
  const [start, end] = deferredRange ?? [0, rows.length - 1];
  const barCount = series.filter((s) => s.kind === 'bar').length;
  const visible = useMemo(() => {
    const slice = rows.slice(start, end + 1);
    const maxBars = Math.max(40, Math.min(MAX_BARS, Math.floor(MAX_RECTANGLES / Math.max(barCount, 1))));
    return barCount > 0 ? mergeRows(slice, keys, maxBars) : downsampleRows(slice, keys, MAX_POINTS);
  }, [rows, start, end, barCount, keys]);

  const markerLines = useMemo(
    () =>
      (props.markers ?? [])
        .map((m) => ({ marker: m, x: snapToRow(visible, bucketOf(m.date, props.by)) }))
        .filter((m): m is { marker: Marker; x: string } => m.x !== null),
    [props.markers, visible, props.by],
  );

  const height = props.height ?? 300;
  const showBrush = rows.length > 40;

  return (
    <div className="ts-chart">
      <MainTimeChart
        visible={visible}
        series={series}
        by={props.by}
        stacked={props.stacked}
        formatValue={props.formatValue}
        formatRight={props.formatRight}
        rightDomain={props.rightDomain}
        leftAxis={props.leftAxis}
        rightAxis={props.rightAxis}
        markerLines={markerLines}
        selectedMarkerId={props.selectedMarkerId}
        onSelectMarker={props.onSelectMarker}
        height={height}
      />
      {showBrush ? (
        <div className="ts-brush" style={{ width: '100%', height: 56 }} aria-label={t('dashboards.chart.brushLabel')}>
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 720, height: 56 }}>
            <AreaChart data={overview} margin={{ top: 0, right: 16, bottom: 0, left: 68 }}>
              <Brush
                key={brushKey}
                dataKey="label"
                height={52}
                travellerWidth={8}
                stroke={theme.muted}
                fill={theme.surface}
                tickFormatter={(v: string) => formatBucketLabel(v, locale)}
                onChange={(range: { startIndex?: number; endIndex?: number }) => {
                  const s = overview[range.startIndex ?? 0]?.__i ?? 0;
                  const e = overview[range.endIndex ?? overview.length - 1]?.__i ?? rows.length - 1;
                  setWindowRange(s === 0 && e === rows.length - 1 ? null : [s, e]);
                }}
              >
                <AreaChart data={overview}>
                  <Area dataKey="__total" type="linear" stroke={theme.accent} fill={theme.accent} fillOpacity={0.18} isAnimationActive={false} dot={false} />
                </AreaChart>
              </Brush>
            </AreaChart>
          </ResponsiveContainer>
        </div>
      ) : null}
      {windowRange ? (
        <button
          type="button"
          className="chart-btn chart-reset-zoom"
          onClick={() => {
            setWindowRange(null);
            setBrushKey((k) => k + 1);
          }}
        >
          {t('dashboards.chart.resetZoom')}
        </button>
      ) : null}
    </div>
  );
}
