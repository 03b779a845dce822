import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ChartCard, type ChartCardProps } from '../../../renderer/components/charts/ChartCard.tsx';
import { TimeSeriesChart, MAX_RECTANGLES } from '../../../renderer/components/charts/TimeSeriesChart.tsx';
import { baseHandlers, blobBytes, blobText, captureDownloads, installResizeObserver, memoryBridge, renderWith } from './harness.tsx';

beforeAll(installResizeObserver);
afterEach(cleanup);

const bridge = memoryBridge(baseHandlers()).bridge;

function card(overrides: Partial<ChartCardProps> = {}) {
  const props: ChartCardProps = {
    exportName: 'notification-volume',
    title: 'Notifications by sender',
    period: '2016-01-01..2016-06-30',
    definitions: ['volume'],
    state: { isPending: false, error: null, isEmpty: false },
    legend: [{ label: 'Delivered', color: '#2f5bd3' }],
    columns: [
      { key: 'sender', label: 'Sender' },
      { key: 'count', label: 'Notifications', numeric: true },
    ],
    rows: [
      { sender: '=HYPERLINK("http://x")', count: 12 },
      { sender: '배송 알림, "빠른"', count: -3 },
    ],
    ...overrides,
  };
  return <ChartCard {...props}><div>chart here</div></ChartCard>;
}

describe('chart card', () => {
  it('shows the data as an accessible table when "view as table" is pressed', () => {
    renderWith(card(), bridge);
    expect(screen.queryByRole('table')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'View as table' }));
    const table = screen.getByRole('table', { name: 'Notifications by sender' });
    expect(table.querySelectorAll('tbody tr')).toHaveLength(2);
    expect(screen.getByRole('rowheader', { name: '배송 알림, "빠른"' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'View as chart' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('exports the chart data as CSV with formula cells neutralised and Korean kept', async () => {
    const downloads = captureDownloads();
    try {
      renderWith(card(), bridge);
      fireEvent.click(screen.getByRole('button', { name: 'CSV: export the data of Notifications by sender' }));
      await waitFor(() => expect(downloads.files).toHaveLength(1));
      const file = downloads.files[0]!;
      expect(file.name).toBe('notification-volume-2016-01-01..2016-06-30.csv');
      const bytes = await blobBytes(file.blob);
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = (await blobText(file.blob)).replace(/^\uFEFF/, '');
      expect(text).toBe('sender,count\r\n"\'=HYPERLINK(""http://x"")",12\r\n"배송 알림, ""빠른""",-3\r\n');
    } finally {
      downloads.restore();
    }
  });

  it('says it is loading while figures are computed', () => {
    renderWith(card({ state: { isPending: true, error: null, isEmpty: false } }), bridge);
    expect(screen.getByRole('status').textContent).toContain('Loading figures');
    expect((screen.getByRole('button', { name: 'CSV: export the data of Notifications by sender' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows an error with its message and a retry that asks again', () => {
    const onRetry = vi.fn();
    renderWith(card({ state: { isPending: false, error: new Error('The workspace file is locked.'), isEmpty: false, onRetry } }), bridge);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The workspace file is locked.');
    expect(alert.textContent).toContain('Try again');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('says what to do when the period is empty', () => {
    renderWith(card({ state: { isPending: false, error: null, isEmpty: true } }), bridge);
    expect(screen.getByText('Nothing in this period')).toBeTruthy();
    expect(screen.getByText(/Widen the period/)).toBeTruthy();
  });

  it('sends an empty workspace to the Imports page instead of suggesting a wider period', async () => {
    const empty = memoryBridge({
      ...baseHandlers(),
      'metrics:dimensions': () => ({ senders: [], categories: [], templates: [], firstDate: null, lastDate: null, timeZone: 'Asia/Seoul' }),
    }).bridge;
    renderWith(card({ state: { isPending: false, error: null, isEmpty: true } }), empty);
    expect(await screen.findByText('No data in this workspace yet')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to Imports' }).getAttribute('href')).toBe('#/imports');
  });

  it('shows the definition of the figure in Korean under "how is this computed"', () => {
    renderWith(card(), bridge, 'ko');
    expect(screen.getByText('어떻게 계산하나요?')).toBeTruthy();
    expect(screen.getByText(/구간별 알림 건수입니다/)).toBeTruthy();
  });
});

describe('time chart', () => {
  it('draws ten years of daily buckets as at most MAX_RECTANGLES bar rectangles', () => {
    const rows = Array.from({ length: 3653 }, (_, i) => {
      const d = new Date(Date.UTC(2007, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      return { label: d, delivered: 100 + (i % 30), failed: i % 7 };
    });
    const { container } = renderWith(
      <TimeSeriesChart
        rows={rows}
        by="day"
        stacked
        formatValue={String}
        leftAxis={{ title: 'Messages per day' }}
        series={[
          { key: 'delivered', label: 'Delivered', color: '#2f5bd3', kind: 'bar' },
          { key: 'failed', label: 'Failed', color: '#8a8f98', kind: 'bar' },
        ]}
      />,
      bridge,
    );
    const main = container.querySelector('[data-chart-main]')!;
    const bars = main.querySelectorAll('.recharts-bar-rectangle');
    expect(bars.length).toBeGreaterThan(0);
    expect(bars.length).toBeLessThanOrEqual(MAX_RECTANGLES);
  });
});
