import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useChartTheme } from './chart-theme.ts';

/** One bar: its category label, value, and optional colour and second line for the tooltip. */
export interface BarDatum {
  label: string;
  value: number;
  color?: string;
  note?: string;
}

export interface BarChartViewProps {
  data: readonly BarDatum[];
  /** `horizontal`: categories down the side (rankings, funnels); `vertical`: bins along the bottom (histograms). */
  layout: 'horizontal' | 'vertical';
  formatValue: (value: number) => string;
  /** What the values are (the value axis's title and the tooltip's name), e.g. "Notifications". */
  valueLabel: string;
  color?: string;
  height?: number;
  /** Print the value at the end of each bar. */
  showValues?: boolean;
  /** Explicit value-axis ticks (e.g. round binary steps for bytes). */
  ticks?: number[];
}

/**
 * Bars over categories (top senders, domains, funnel steps) or bins (histograms), with tooltip and
 * keyboard access (recharts' accessibility layer: focus the chart, then arrow keys).
 */
export function BarChartView(props: BarChartViewProps) {
  const theme = useChartTheme();
  const horizontal = props.layout === 'horizontal';
  const height = props.height ?? (horizontal ? Math.max(160, props.data.length * 34 + 40) : 260);
  const tick = { fill: theme.muted, fontSize: 11 };
  const fill = props.color ?? theme.accent;
  const longest = props.data.reduce((m, d) => Math.max(m, d.label.length), 0);
  return (
    <div data-chart-main style={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height }}>
        <BarChart
          data={props.data as BarDatum[]}
          layout={horizontal ? 'vertical' : 'horizontal'}
          margin={{ top: 8, right: horizontal ? 72 : 16, bottom: 4, left: 4 }}
          accessibilityLayer
        >
          <CartesianGrid stroke={theme.border} strokeDasharray="3 3" horizontal={!horizontal} vertical={horizontal} />
          {horizontal ? (
            <>
              <XAxis
                type="number"
                tick={tick}
                tickLine={false}
                axisLine={false}
                ticks={props.ticks}
                domain={props.ticks ? [0, props.ticks[props.ticks.length - 1]!] : undefined}
                tickFormatter={(v: number) => props.formatValue(v)}
                height={40}
                label={{ value: props.valueLabel, position: 'insideBottom', fill: theme.muted, fontSize: 11 }}
              />
              <YAxis type="category" dataKey="label" tick={{ ...tick, fill: theme.text }} tickLine={false} axisLine={{ stroke: theme.border }} width={Math.min(200, 16 + longest * 8)} />
            </>
          ) : (
            <>
              <XAxis type="category" dataKey="label" tick={tick} tickLine={false} axisLine={{ stroke: theme.border }} interval="preserveStartEnd" />
              <YAxis
                type="number"
                tick={tick}
                tickLine={false}
                axisLine={false}
                width={72}
                tickFormatter={(v: number) => props.formatValue(v)}
                label={{ value: props.valueLabel, angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' }, fill: theme.muted, fontSize: 11 }}
              />
            </>
          )}
          <Tooltip
            cursor={{ fill: theme.border, fillOpacity: 0.35 }}
            contentStyle={{ background: theme.surface, border: `1px solid ${theme.border}`, borderRadius: 8, color: theme.text, fontSize: 12 }}
            labelStyle={{ color: theme.text, fontWeight: 600 }}
            formatter={(value: unknown, _name: unknown, item) => {
              const note = (item?.payload as BarDatum | undefined)?.note;
              const text = props.formatValue(Number(value));
              return [note ? `${text} · ${note}` : text, props.valueLabel];
            }}
          />
          <Bar dataKey="value" name={props.valueLabel} fill={fill} radius={horizontal ? [0, 4, 4, 0] : [4, 4, 0, 0]} isAnimationActive={false} maxBarSize={horizontal ? 24 : 64}>
            {props.data.map((d) => (
              <Cell key={d.label} fill={d.color ?? fill} />
            ))}
            {props.showValues ? (
              <LabelList dataKey="value" position={horizontal ? 'right' : 'top'} fill={theme.text} fontSize={11} formatter={(v: unknown) => props.formatValue(Number(v))} />
            ) : null}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
