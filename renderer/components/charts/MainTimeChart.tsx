import { memo } from 'react';
import { Area, Bar, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { percentAxisMax } from '../../../shared/charts/axis.ts';
import { bucketStart, formatBucketLabel } from '../../../shared/charts/dates.ts';
import type { ChartRow } from '../../../shared/charts/series.ts';
import type { Marker } from '../../../shared/metrics/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useChartTheme } from './chart-theme.ts';
import type { TimeSeriesChartProps } from './time-chart-props.ts';

/** The chart's own props, with the window of rows in view and the marker lines placed on it. */
export type MainTimeChartProps = Pick<
  TimeSeriesChartProps,
  'series' | 'by' | 'stacked' | 'formatValue' | 'formatRight' | 'rightDomain' | 'leftAxis' | 'rightAxis' | 'selectedMarkerId' | 'onSelectMarker'
> & {
  visible: readonly (ChartRow & { labelEnd?: string })[];
  markerLines: readonly { marker: Marker; x: string }[];
  height: number;
};

/**
 * The drawn part of a time chart. Memoised: while the brush moves, only the brush re-renders at once;
 * this follows with the deferred window (so dragging never waits for a full chart render).
 */
export const MainTimeChart = memo(function MainTimeChart(props: MainTimeChartProps) {
  const { locale, t, timeZone } = useI18n();
  const theme = useChartTheme();
  const { visible, series, markerLines, height } = props;
  const tick = { fill: theme.muted, fontSize: 11 };
  const rightSeries = series.filter((s) => s.right);
  const axisTitle = (value: string, side: 'left' | 'right') => ({
    value,
    angle: side === 'left' ? -90 : 90,
    position: side === 'left' ? ('insideLeft' as const) : ('insideRight' as const),
    style: { textAnchor: 'middle' as const },
    fill: theme.muted,
    fontSize: 11,
  });
  const xTitle = t('dashboards.axis.x', { bucket: t(`dashboards.axis.bucket.${props.by}`), zone: timeZone });
  return (
    <div data-chart-main style={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 720, height }}>
        <ComposedChart data={visible as ChartRow[]} margin={{ top: 16, right: rightSeries.length ? 8 : 16, bottom: 4, left: 8 }} accessibilityLayer>
          <CartesianGrid stroke={theme.border} strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="label"
            tick={tick}
            tickLine={false}
            axisLine={{ stroke: theme.border }}
            tickFormatter={(v: string) => formatBucketLabel(props.by === 'week' ? (bucketStart(v) ?? v) : v, locale)}
            minTickGap={16}
            height={40}
            label={{ value: xTitle, position: 'insideBottom', fill: theme.muted, fontSize: 11 }}
          />
          <YAxis
            yAxisId="left"
            tick={tick}
            tickLine={false}
            axisLine={false}
            width={78}
            domain={props.leftAxis.percent ? [0, percentAxisMax] : undefined}
            tickFormatter={(v: number) => props.formatValue(v)}
            label={axisTitle(props.leftAxis.title, 'left')}
          />
          {rightSeries.length ? (
            <YAxis
              yAxisId="right"
              orientation="right"
              tick={tick}
              tickLine={false}
              axisLine={false}
              width={70}
              domain={props.rightDomain ?? (props.rightAxis?.percent ? [0, percentAxisMax] : [0, 'auto'])}
              label={props.rightAxis ? axisTitle(props.rightAxis.title, 'right') : undefined}
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
  );
});
