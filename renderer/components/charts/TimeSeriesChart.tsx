import { useMemo, useState } from 'react';
import {
  Area,
  AreaChart,
  Bar,
  Brush,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { bucketOf, bucketStart, formatBucketLabel, type Bucket } from '../../../shared/charts/dates.ts';
import { downsampleRows, mergeRows } from '../../../shared/charts/downsample.ts';
import { snapToRow, type ChartRow } from '../../../shared/charts/series.ts';
import type { Marker } from '../../../shared/metrics/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useChartTheme } from './chart-theme.ts';

/** One series of a time chart. */
export interface SeriesSpec {
  key: string;
  label: string;
  color: string;
  kind: 'bar' | 'line' | 'area';
  /** Right axis (e.g. a rate beside counts). */
  right?: boolean;
}

export interface TimeSeriesChartProps {
  rows: readonly ChartRow[];
  series: readonly SeriesSpec[];
  by: Bucket;
  stacked?: boolean;
  formatValue: (value: number) => string;
  formatRight?: (value: number) => string;
  /** Fixed right-axis domain (rates: [0, 1]). */
  rightDomain?: [number, number | 'auto'];
  markers?: readonly Marker[];
  selectedMarkerId?: string | null;
  onSelectMarker?: (marker: Marker) => void;
  height?: number;
}

/** Most bars a chart draws (consecutive buckets are summed beyond it). */
export const MAX_BARS = 200;
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
  const hasBars = series.some((s) => s.kind === 'bar');

  // The whole range, reduced, for the brush's overview strip; `__i` maps back to the full rows.
  const overview = useMemo(() => {
    const indexed = rows.map((r, i) => ({ ...r, __i: i, __total: keys.reduce((sum, k) => sum + (typeof r[k] === 'number' ? (r[k] as number) : 0), 0) }));
    return downsampleRows(indexed, ['__total'], OVERVIEW_POINTS);
  }, [rows, keys]);

  const [start, end] = windowRange ?? [0, rows.length - 1];
  const visible = useMemo(() => {
    const slice = rows.slice(start, end + 1);
    return hasBars ? mergeRows(slice, keys, MAX_BARS) : downsampleRows(slice, keys, MAX_POINTS);
  }, [rows, start, end, hasBars, keys]);

  const markerLines = (props.markers ?? [])
    .map((m) => ({ marker: m, x: snapToRow(visible, bucketOf(m.date, props.by)) }))
    .filter((m): m is { marker: Marker; x: string } => m.x !== null);

  const tick = { fill: theme.muted, fontSize: 11 };
  const height = props.height ?? 300;
  const showBrush = rows.length > 40;
  const rightSeries = series.filter((s) => s.right);

  return (
    <div className="ts-chart">
      <div data-chart-main style={{ width: '100%', height }}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 720, height }}>
          <ComposedChart data={visible} margin={{ top: 16, right: rightSeries.length ? 8 : 16, bottom: 4, left: 4 }} accessibilityLayer>
            <CartesianGrid stroke={theme.border} strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="label"
              tick={tick}
              tickLine={false}
              axisLine={{ stroke: theme.border }}
              tickFormatter={(v: string) => formatBucketLabel(props.by === 'week' ? (bucketStart(v) ?? v) : v, locale)}
              minTickGap={16}
            />
            <YAxis yAxisId="left" tick={tick} tickLine={false} axisLine={false} width={64} tickFormatter={(v: number) => props.formatValue(v)} />
            {rightSeries.length ? (
              <YAxis
                yAxisId="right"
                orientation="right"
                tick={tick}
                tickLine={false}
                axisLine={false}
                width={56}
                domain={props.rightDomain ?? [0, 'auto']}
                tickFormatter={(v: number) => (props.formatRight ?? props.formatValue)(v)}
              />
            ) : null}
            <Tooltip
              cursor={{ fill: theme.border, fillOpacity: 0.35 }}
              contentStyle={{ background: theme.surface, border: `1px solid ${theme.border}`, borderRadius: 8, color: theme.text, fontSize: 12 }}
              labelStyle={{ color: theme.text, fontWeight: 600 }}
              labelFormatter={(label: unknown, payload) => {
                const row = payload?.[0]?.payload as (ChartRow & { labelEnd?: string }) | undefined;
                const first = formatBucketLabel(String(label), locale, true);
                return row?.labelEnd && row.labelEnd !== row.label ? `${first} – ${formatBucketLabel(row.labelEnd, locale, true)}` : first;
              }}
              formatter={(value: unknown, name: unknown) => {
                const spec = series.find((s) => s.key === name || s.label === name);
                const n = typeof value === 'number' ? value : Number(value);
                const text = spec?.right ? (props.formatRight ?? props.formatValue)(n) : props.formatValue(n);
                return [text, spec?.label ?? String(name)];
              }}
            />
            {series.map((s) => {
              const axis = s.right ? 'right' : 'left';
              const stack = props.stacked && !s.right ? 'stack' : undefined;
              if (s.kind === 'bar') return <Bar key={s.key} dataKey={s.key} name={s.label} yAxisId={axis} stackId={stack} fill={s.color} isAnimationActive={false} maxBarSize={48} />;
              if (s.kind === 'area')
                return <Area key={s.key} dataKey={s.key} name={s.label} yAxisId={axis} stackId={stack} type="linear" stroke={s.color} fill={s.color} fillOpacity={0.25} strokeWidth={2} dot={false} isAnimationActive={false} connectNulls />;
              return <Line key={s.key} dataKey={s.key} name={s.label} yAxisId={axis} type="linear" stroke={s.color} strokeWidth={2} dot={visible.length <= 40 ? { r: 3 } : false} isAnimationActive={false} connectNulls />;
            })}
            {markerLines.map(({ marker, x }) => {
              const selected = marker.id === props.selectedMarkerId;
              const color = marker.kind === 'disclosure' ? theme.accent : theme.danger;
              return (
                <ReferenceLine
                  key={marker.id}
                  x={x}
                  yAxisId="left"
                  stroke={color}
                  strokeWidth={selected ? 2.5 : 1.5}
                  strokeDasharray="4 3"
                  label={{ value: marker.label, position: 'insideTopLeft', fill: color, fontSize: 11, onClick: () => props.onSelectMarker?.(marker) }}
                  onClick={() => props.onSelectMarker?.(marker)}
                  style={{ cursor: props.onSelectMarker ? 'pointer' : undefined }}
                />
              );
            })}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
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
