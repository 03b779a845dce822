// @vitest-environment jsdom
import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatPercent } from '../../../shared/charts/axis.ts';
import { TimeSeriesChart } from '../../../renderer/components/charts/TimeSeriesChart.tsx';
import type { TimeSeriesChartProps } from '../../../renderer/components/charts/time-chart-props.ts';
import { baseHandlers, installResizeObserver, memoryBridge, renderWith } from './harness.tsx';

beforeAll(installResizeObserver);
afterEach(cleanup);

const bridge = memoryBridge(baseHandlers()).bridge;
const weeks = ['2016-W10', '2016-W11', '2016-W12', '2016-W13'];

function chart(props: Partial<TimeSeriesChartProps> & Pick<TimeSeriesChartProps, 'rows' | 'series' | 'leftAxis'>, locale: 'en' | 'ko' = 'en') {
  const { container } = renderWith(<TimeSeriesChart by="week" formatValue={(v) => formatPercent(v, 'en-US', 0)} {...props} />, bridge, locale);
  const main = container.querySelector('[data-chart-main]')!;
  const ticks = (axis: string) => [...main.querySelectorAll(`.recharts-${axis}-tick-labels .recharts-cartesian-axis-tick-value`)].map((n) => n.textContent);
  const labels = [...main.querySelectorAll('.recharts-label')].map((n) => n.textContent);
  return { ticks, labels };
}

describe('time chart axes', () => {
  it('read 0–100 % for a percent axis with no data above zero (it read 0–400 %)', () => {
    const rows = weeks.map((label) => ({ label, rate: 0 }));
    const { ticks } = chart({ rows, series: [{ key: 'rate', label: 'Opt-out rate', color: '#c33', kind: 'line' }], leftAxis: { title: 'Opt-out rate (%)', percent: true } });
    const left = ticks('yAxis');
    expect(left[0]).toBe('0%');
    expect(left[left.length - 1]).toBe('100%');
    expect(left.some((v) => /[2-9]\d\d%|1\d[1-9]%/.test(v ?? ''))).toBe(false);
  });

  it('keep a percent axis close to its data, never above 100 %', () => {
    const rows = weeks.map((label, i) => ({ label, rate: 0.01 * (i + 1) }));
    const { ticks } = chart({ rows, series: [{ key: 'rate', label: 'Opt-out rate', color: '#c33', kind: 'line' }], leftAxis: { title: 'Opt-out rate (%)', percent: true } });
    const top = ticks('yAxis').at(-1)!;
    expect(Number.parseFloat(top)).toBeLessThanOrEqual(10);
  });

  it('carry titles: the quantity per bucket on the value axes, the bucket and the time zone below', () => {
    const rows = weeks.map((label, i) => ({ label, reached: 10 * i, rate: 0.02 }));
    const { labels } = chart({
      rows,
      series: [
        { key: 'reached', label: 'Reached', color: '#999', kind: 'bar' },
        { key: 'rate', label: 'Opt-out rate', color: '#c33', kind: 'line', right: true },
      ],
      formatValue: String,
      leftAxis: { title: 'Recipients reached per week' },
      rightAxis: { title: 'Opt-out rate (%)', percent: true },
    });
    expect(labels).toEqual(expect.arrayContaining(['Recipients reached per week', 'Opt-out rate (%)', 'Week (Mon–Sun) · Asia/Seoul']));
  });

  it('word the bucket and the time zone in Korean', () => {
    const rows = weeks.map((label) => ({ label, n: 1 }));
    const { labels } = chart({ rows, series: [{ key: 'n', label: '메시지', color: '#999', kind: 'bar' }], formatValue: String, leftAxis: { title: '주별 메시지 수' } }, 'ko');
    expect(labels).toEqual(expect.arrayContaining(['주별 메시지 수', '주(월–일) · Asia/Seoul']));
  });
});
