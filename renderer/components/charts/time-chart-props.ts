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
