import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { emptyCoverage, emptyDataCost, emptyOptOut, emptyRefusals, emptyVolume } from '../../../shared/metrics/empty.ts';
import type { MetricFilter, OverviewResult } from '../../../shared/metrics/types.ts';
import { ConsentPage } from '../../../renderer/pages/ConsentPage.tsx';
import { DataChargesPage } from '../../../renderer/pages/DataChargesPage.tsx';
import { NotificationsPage } from '../../../renderer/pages/NotificationsPage.tsx';
import { OverviewPage } from '../../../renderer/pages/OverviewPage.tsx';
import { baseHandlers, installResizeObserver, memoryBridge, renderWith } from './harness.tsx';

beforeAll(installResizeObserver);
afterEach(cleanup);

const overview: OverviewResult = {
  metric: 'overview',
  period: { from: '2016-04-01', to: '2016-06-30', by: 'month', timeZone: 'Asia/Seoul' },
  previousPeriod: { from: '2016-01-01', to: '2016-03-31' },
  cards: [
    { id: 'notifications', value: 1200, previous: 1000, change: 200, page: 'notifications' },
    { id: 'recipients', value: 300, previous: 300, change: 0, page: 'notifications' },
    { id: 'senders', value: 5, previous: 4, change: 1, page: 'notifications' },
    { id: 'dataBytes', value: 15_360 + 2_048 * 2, previous: null, change: null, page: 'datacost' },
    { id: 'chargeLow', value: 0.475, previous: 0.4, change: 0.075, page: 'datacost' },
    { id: 'chargeHigh', value: 9.5, previous: 8, change: 1.5, page: 'datacost' },
    { id: 'optOutRate', value: 0.05, previous: 0.04, change: 0.01, page: 'consent' },
    { id: 'coverage', value: 0.8, previous: 0.6, change: 0.2, page: 'consent' },
    { id: 'violations', value: 3, previous: 0, change: 3, page: 'consent' },
    { id: 'urlsShared', value: 40, previous: 50, change: -10, page: 'urls' },
    { id: 'urlsIndexed', value: 10, previous: 10, change: 0, page: 'urls' },
  ],
};

/** The trends under the KPI cards ask these too. */
const trendHandlers = {
  'metrics:volume': () => emptyVolume('month'),
  'metrics:optout': () => emptyOptOut('month'),
  'metrics:coverage': () => emptyCoverage('month'),
};

describe('overview page', () => {
  it('shows every KPI with its trend against the previous period and a link to its page', async () => {
    const { log } = (() => {
      const b = memoryBridge({ ...baseHandlers({ filters: { preset: 'custom', from: '2016-04-01', to: '2016-06-30' } }), 'metrics:overview': () => overview, ...trendHandlers });
      renderWith(<OverviewPage />, b.bridge);
      return b;
    })();
    await screen.findByText('1,200');
    expect(screen.getByText(/\+20% vs previous period \(1,000\)/)).toBeTruthy();
    expect(screen.getByText('19 KiB')).toBeTruthy();
    expect(screen.getByText('₩0.48 – ₩9.50')).toBeTruthy();
    expect(screen.getByText(/\+1\.0 pp vs previous period/)).toBeTruthy();
    expect(screen.getByText(/\+20\.0 pp vs previous period/)).toBeTruthy();
    expect(screen.getByText('Each figure is compared with the previous period of equal length: 2016-01-01 – 2016-03-31.')).toBeTruthy();
    const links = screen.getAllByRole('link').map((a) => a.getAttribute('href'));
    expect(links).toEqual(expect.arrayContaining(['#/notifications', '#/data-charges', '#/consent', '#/urls']));
    expect(screen.getByText(/\+3 vs previous period \(0\)/)).toBeTruthy();
    expect(log.named('metrics:overview')[0]).toMatchObject({ from: '2016-04-01', to: '2016-06-30' });
  });

  it('makes no comparison for "all data", which has no period before it', async () => {
    const b = memoryBridge({ ...baseHandlers(), 'metrics:overview': () => overview, ...trendHandlers });
    renderWith(<OverviewPage />, b.bridge);
    await screen.findByText('1,200');
    expect((b.log.named('metrics:overview')[0] as MetricFilter).from).toBeNull();
    expect(screen.queryByText(/vs previous period/)).toBeNull();
    expect(screen.getAllByText('No previous period to compare')).toHaveLength(10);
    expect(screen.getByText('Choose a bounded period to compare each figure with the period before it.')).toBeTruthy();
  });

  it('labels a demo workspace as demo data', async () => {
    const b = memoryBridge({ ...baseHandlers({ demo: true }), 'metrics:overview': () => overview, ...trendHandlers });
    renderWith(<OverviewPage />, b.bridge, 'ko');
    expect(await screen.findByText('데모 데이터')).toBeTruthy();
  });

  it('asks every figure again with the new period when a preset is chosen', async () => {
    const b = memoryBridge({ ...baseHandlers(), 'metrics:overview': () => overview, ...trendHandlers });
    renderWith(<OverviewPage />, b.bridge);
    await screen.findByText('1,200');
    fireEvent.change(screen.getByLabelText('Period'), { target: { value: 'last30' } });
    await waitFor(() => expect(b.log.named('metrics:setFilters')).toEqual([{ preset: 'last30', from: null, to: null }]));
    // Presets end on the last day with data (2016-06-30), not on today.
    await waitFor(() => expect(b.log.named('metrics:overview').some((i) => (i as MetricFilter).from === '2016-06-01' && (i as MetricFilter).to === '2016-06-30')).toBe(true));
  });

  it('keeps "last 6 months" as dates the workspace can store', async () => {
    const b = memoryBridge({ ...baseHandlers(), 'metrics:overview': () => overview, ...trendHandlers });
    renderWith(<OverviewPage />, b.bridge);
    await screen.findByText('1,200');
    fireEvent.change(screen.getByLabelText('Period'), { target: { value: 'last6Months' } });
    await waitFor(() => expect(b.log.named('metrics:setFilters')).toEqual([{ preset: 'custom', from: '2016-01-01', to: '2016-06-30' }]));
    await waitFor(() => expect((screen.getByLabelText('Period') as HTMLSelectElement).value).toBe('last6Months'));
  });
});

describe('notifications page', () => {
  it('re-asks volume stacked by sender and shows the status breakdown', async () => {
    const volume = {
      ...emptyVolume('month'),
      total: 10,
      byStatus: { delivered: 8, failed: 2 },
      stackKeys: ['delivered', 'failed'],
      buckets: [{ bucket: '2016-01', total: 10, byStatus: { delivered: 8, failed: 2 }, stack: { delivered: 8, failed: 2 }, firstMessages: 3, laterMessages: 5 }],
      topSenders: [{ key: 'shop-hanbit', count: 10 }],
      firstMessages: 3,
      laterMessages: 5,
    };
    const b = memoryBridge({ ...baseHandlers(), 'metrics:volume': () => volume });
    renderWith(<NotificationsPage />, b.bridge);
    const volumeCard = await screen.findByRole('region', { name: 'Notifications by status' });
    const toggle = within(volumeCard).getByRole('button', { name: 'View as table' }) as HTMLButtonElement;
    await waitFor(() => expect(toggle.disabled).toBe(false));
    fireEvent.click(toggle);
    const table = within(volumeCard).getByRole('table');
    expect(within(table).getByRole('rowheader').textContent).toBe('Jan 2016 (2016-01)');
    expect([...table.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['8', '2', '10']);
    fireEvent.change(screen.getByLabelText('Stack by'), { target: { value: 'sender' } });
    await waitFor(() => expect(b.log.named('metrics:volume').some((i) => (i as { stackBy: string }).stackBy === 'sender')).toBe(true));
  });
});

describe('data charges page', () => {
  it('shows each default with its source and saves a changed field', async () => {
    const b = memoryBridge({ ...baseHandlers(), 'metrics:datacost': () => emptyDataCost('month') });
    renderWith(<DataChargesPage />, b.bridge);
    const field = await screen.findByLabelText('First-message size');
    expect(screen.getByText(/Kakao's own average for the first notification message/)).toBeTruthy();
    fireEvent.change(field, { target: { value: '20480' } });
    fireEvent.blur(field);
    await waitFor(() => expect(b.log.named('metrics:setCostModel')).toEqual([{ firstMessageBytes: 20480 }]));
    // Every figure that depends on the model is asked again.
    await waitFor(() => expect(b.log.named('metrics:datacost').length).toBeGreaterThanOrEqual(2));
    fireEvent.click(await screen.findByRole('button', { name: 'Reset to default' }));
    await waitFor(() => expect(b.log.named('metrics:setCostModel')).toContainEqual({ firstMessageBytes: 15360 }));
  });

  it('refuses a size that is not a whole number of bytes', async () => {
    const b = memoryBridge({ ...baseHandlers(), 'metrics:datacost': () => emptyDataCost('month') });
    renderWith(<DataChargesPage />, b.bridge);
    const field = await screen.findByLabelText('Later-message size');
    fireEvent.change(field, { target: { value: '-5' } });
    fireEvent.blur(field);
    expect(screen.getByRole('alert').textContent).toContain('Enter a number from 0 to 100,000,000.');
    expect(b.log.named('metrics:setCostModel')).toEqual([]);
  });
});

describe('consent page', () => {
  it('draws the opt-out rate over time of the largest senders, asking once per sender', async () => {
    const optout = {
      ...emptyOptOut('month'),
      reached: 30,
      optedOut: 3,
      rate: 0.1,
      buckets: [{ bucket: '2016-01', reached: 30, optedOut: 3, rate: 0.1 }],
      bySender: [
        { key: 'shop-hanbit', reached: 20, optedOut: 1, rate: 0.05 },
        { key: 'deli-express', reached: 10, optedOut: 2, rate: 0.2 },
      ],
    };
    const b = memoryBridge({
      ...baseHandlers(),
      'metrics:optout': () => optout,
      'metrics:coverage': () => emptyCoverage('month'),
      'metrics:refusals': () => emptyRefusals('month'),
    });
    renderWith(<ConsentPage />, b.bridge);
    await screen.findByRole('region', { name: 'Opt-out rate over time, by sender' });
    await waitFor(() =>
      expect(b.log.named('metrics:optout').map((i) => (i as MetricFilter).senders)).toEqual(expect.arrayContaining([[], ['shop-hanbit'], ['deli-express']])),
    );
  });

  it('lists violating messages and shows SMS fallback around a block apart', async () => {
    const refusals = {
      ...emptyRefusals('month'),
      violations: 2,
      byStatus: { delivered: 1, fallback_sms: 1 },
      bySender: { 'shop-hanbit': 2 },
      messages: [
        {
          id: 1,
          eventId: 'm-9',
          sentAt: '2016-03-02T01:00:00.000Z',
          recipientId: 'r-1',
          senderId: 'shop-hanbit',
          templateId: 'T1',
          category: '배송',
          status: 'fallback_sms' as const,
          refusal: { action: 'block' as const, occurredAt: '2016-03-01T01:00:00.000Z', scope: 'sender' as const },
        },
      ],
    };
    const b = memoryBridge({
      ...baseHandlers(),
      'metrics:optout': () => emptyOptOut('month'),
      'metrics:coverage': () => emptyCoverage('month'),
      'metrics:refusals': () => refusals,
    });
    renderWith(<ConsentPage />, b.bridge);
    expect(await screen.findByText('1 SMS fallbacks around a block.')).toBeTruthy();
    const list = screen.getByRole('table', { name: 'Messages sent after a refusal' });
    expect(within(list).getByText('Block (this sender)')).toBeTruthy();
    expect(within(list).getByText('SMS fallback')).toBeTruthy();
    expect(within(list).getByText('Mar 2, 2016, 10:00 AM')).toBeTruthy();
    // Opt-out and coverage are empty: they say what to do.
    expect(screen.getAllByText('Nothing in this period').length).toBeGreaterThan(0);
  });
});
