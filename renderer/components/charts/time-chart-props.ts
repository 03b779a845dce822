import type { Bucket } from '../../../shared/charts/dates.ts';
import type { ChartRow } from '../../../shared/charts/series.ts';
import type { Marker } from '../../../shared/metrics/types.ts';

/*
 * The props of a time chart, apart from its components: TimeSeriesChart renders MainTimeChart, and
 * both read these types, so neither imports the other's module for them (no import cycle).
 */

/** One series of a time chart. */
export interface SeriesSpec {
  key: string;
  label: string;
  color: string;
  kind: 'bar' | 'line' | 'area';
  /** Right axis (e.g. a rate beside counts). */
  right?: boolean;
}

/** A value axis: its title (quantity and unit, e.g. "Messages per week") and whether it shows shares 0..1. */
export interface AxisSpec {
  title: string;
  /** Shares drawn as percentages: the axis runs 0 to at most 100 %, and 0–100 % with no data above zero. */
  percent?: boolean;
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
  /** The left (value) axis's title; the bottom axis is titled with the bucket and the time zone. */
  leftAxis: AxisSpec;
  /** The right axis's title, when a series is drawn against it. */
  rightAxis?: AxisSpec;
  markers?: readonly Marker[];
  selectedMarkerId?: string | null;
  onSelectMarker?: (marker: Marker) => void;
  height?: number;
}
