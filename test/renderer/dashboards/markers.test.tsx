import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MarkerAroundResult } from '../../../shared/metrics/types.ts';
import { MarkerPanel } from '../../../renderer/components/charts/MarkerPanel.tsx';
import { useMetricsRefresh, useOverview } from '../../../renderer/data/metrics-hooks.ts';
import { baseHandlers, installResizeObserver, memoryBridge, renderWith } from './harness.tsx';

beforeAll(installResizeObserver);
afterEach(cleanup);

const markers = [
  { id: 'd1', date: '2016-04-01', label: '새 고지문 게시', kind: 'disclosure' as const },
  { id: 'u1', date: '2016-02-15', label: 'Prompt redesign', kind: 'user' as const },
];

function around(input: { date: string; days?: number }): MarkerAroundResult {
  const days = input.days ?? 30;
  return {
    date: input.date,
    days,
    before: { from: '2016-03-02', to: '2016-03-31', reached: 200, optedOut: 10, rate: 0.05, pairs: 100, covered: 60, uncovered: 40, coverage: 0.6 },
    after: { from: '2016-04-01', to: '2016-04-30', reached: 200, optedOut: 6, rate: 0.03, pairs: 100, covered: 90, uncovered: 10, coverage: 0.9 },
    difference: { rate: -0.02, coverage: 0.3 },
  };
}

describe('marker panel', () => {
  it('shows opt-out rate and coverage before and after the selected marker, with the difference', async () => {
    const b = memoryBridge({ ...baseHandlers({ markers }), 'markers:around': (i) => around(i) });
    renderWith(<MarkerPanel markers={markers} selectedId="d1" onSelect={() => {}} filter={{ senders: ['shop-hanbit'], categories: [] }} />, b.bridge);
    const table = await screen.findByRole('table');
    const rate = within(table).getByRole('row', { name: /Opt-out rate/ });
    expect(rate.textContent).toContain('5.0%');
    expect(rate.textContent).toContain('3.0%');
    expect(rate.textContent).toContain('-2.0 pp');
    expect(within(table).getByRole('row', { name: /Notice coverage/ }).textContent).toContain('+30.0 pp');
    expect(b.log.named('markers:around')).toEqual([{ date: '2016-04-01', days: 30, senders: ['shop-hanbit'], categories: [] }]);
  });

  it('asks again with the number of days the user types', async () => {
    const b = memoryBridge({ ...baseHandlers({ markers }), 'markers:around': (i) => around(i) });
    renderWith(<MarkerPanel markers={markers} selectedId="d1" onSelect={() => {}} filter={null} />, b.bridge);
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('Days each side'), { target: { value: '7' } });
    await waitFor(() => expect(b.log.named('markers:around')).toContainEqual({ date: '2016-04-01', days: 7, senders: [], categories: [] }));
  });

  it('selects a marker from its button and adds a user marker', async () => {
    const selected: (string | null)[] = [];
    const b = memoryBridge({ ...baseHandlers({ markers }), 'markers:add': (m) => ({ id: 'u2', kind: 'user', ...m }) });
    renderWith(<MarkerPanel markers={markers} selectedId={null} onSelect={(id) => selected.push(id)} filter={null} />, b.bridge);
    fireEvent.click(screen.getByRole('button', { name: /새 고지문 게시/ }));
    expect(selected).toEqual(['d1']);
    // Only the user's own markers can be removed.
    expect(screen.queryByRole('button', { name: 'Remove marker 새 고지문 게시' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Remove marker Prompt redesign' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add marker' }));
    fireEvent.change(screen.getByLabelText('Date'), { target: { value: '2016-05-01' } });
    fireEvent.change(screen.getByLabelText('Label'), { target: { value: '  약관 개정 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save marker' }));
    await waitFor(() => expect(b.log.named('markers:add')).toEqual([{ date: '2016-05-01', label: '약관 개정' }]));
  });
});

function Probe() {
  useMetricsRefresh();
  const q = useOverview({ from: null, to: null, by: 'month', senders: [], categories: [] });
  return <p>{q.data ? `cards ${q.data.cards.length}` : 'waiting'}</p>;
}

describe('metrics hooks', () => {
  it('refetch figures when the backend says the data changed', async () => {
    let n = 0;
    const b = memoryBridge({
      ...baseHandlers(),
      'metrics:overview': () => ({ metric: 'overview', period: { from: null, to: null, by: 'month', timeZone: 'Asia/Seoul' }, previousPeriod: null, cards: Array.from({ length: ++n }, () => ({ id: 'notifications', value: 1, previous: null, change: null, page: 'notifications' })) }),
    });
    renderWith(<Probe />, b.bridge);
    await screen.findByText('cards 1');
    b.emit('data:changed', { reason: 'import' });
    await screen.findByText('cards 2');
  });
});
