import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { userError, type AppError, type WorkspaceInfo } from '../../shared/contract/index.ts';
import { emptyCoverage, emptyOptOut, emptyVolume } from '../../shared/metrics/empty.ts';
import type { DimensionsResult, OverviewResult } from '../../shared/metrics/types.ts';
import { OverviewPage } from '../../renderer/pages/OverviewPage.tsx';
import { baseHandlers, installResizeObserver, memoryBridge, renderWith } from './dashboards/harness.tsx';
import { testWorkspace } from './frame/memory-bridge.ts';

beforeAll(installResizeObserver);
afterEach(cleanup);

const SECRET = 'nd-tester-password';

const WORKSPACE: WorkspaceInfo = {
  ...testWorkspace('/ws/platform.sqlite'),
  warehouse: { url: 'http://ch.example:8123', database: 'notice_desk', user: 'analyst', cluster: null },
};

const DIMS: DimensionsResult = { senders: [], categories: [], templates: [], firstDate: '2016-01-01', lastDate: '2016-06-30', timeZone: 'Asia/Seoul' };

const overview: OverviewResult = {
  metric: 'overview',
  period: { from: null, to: null, by: 'month', timeZone: 'Asia/Seoul' },
  previousPeriod: null,
  cards: [
    { id: 'notifications', value: 1200, previous: null, change: null, page: 'notifications' },
    { id: 'urlsShared', value: 40, previous: null, change: null, page: 'urls' },
  ],
} as unknown as OverviewResult;

/** The Overview of a ClickHouse workspace whose metric calls fail with `failure()` until it returns null. */
function mount(failure: () => AppError | null, setPassword: (password: string) => AppError | null, locale: 'ko' | 'en' = 'en') {
  const guard = <T,>(value: () => T) => () => {
    const error = failure();
    if (error) throw error;
    return value();
  };
  const b = memoryBridge({
    ...baseHandlers(),
    'app:info': () => ({ version: '0.1.0', transport: 'browser', platform: 'linux', documentsDir: '/d' }),
    'workspace:current': () => WORKSPACE,
    'workspace:passwordStorage': () => ({ persistent: false }),
    'workspace:setWarehousePassword': ({ password }) => {
      const error = setPassword(password);
      if (error) throw error;
      return WORKSPACE;
    },
    'metrics:dimensions': guard(() => DIMS),
    'metrics:overview': guard(() => overview),
    'metrics:volume': guard(() => emptyVolume('month')),
    'metrics:optout': guard(() => emptyOptOut('month')),
    'metrics:coverage': guard(() => emptyCoverage('month')),
  });
  renderWith(<OverviewPage />, b.bridge, locale);
  return b;
}

describe('a ClickHouse workspace’s pages when the warehouse fails', () => {
  it('offers the password where it is missing, checks it in a dialog, and loads the figures once it is accepted', async () => {
    let password: string | null = null;
    const b = mount(
      () => (password === SECRET ? null : userError('unauthorized', 'warehouse.no-password', { user: 'analyst', url: 'http://ch.example:8123' })),
      (given) => (given === SECRET ? ((password = given), null) : userError('unauthorized', 'warehouse.auth', { url: 'http://ch.example:8123', user: 'analyst' })),
      'ko',
    );
    const prompts = await screen.findAllByRole('button', { name: '비밀번호 입력' });
    expect(prompts.length).toBeGreaterThan(0);
    expect(screen.getAllByText('이 ClickHouse 워크스페이스의 수치를 보려면 사용자 analyst의 비밀번호가 필요합니다.').length).toBe(prompts.length);
    // A password fixes it: no dead-end "try again".
    expect(screen.queryByRole('button', { name: '다시 시도' })).toBeNull();

    fireEvent.click(prompts[0]!);
    const dialog = await screen.findByRole('dialog', { name: 'ClickHouse 비밀번호' });
    expect(dialog.textContent).toContain('http://ch.example:8123의 사용자 analyst의 비밀번호를 입력하세요.');
    expect(document.activeElement).toBe(within(dialog).getByLabelText('비밀번호'));
    fireEvent.change(within(dialog).getByLabelText('비밀번호'), { target: { value: 'guess' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '이 비밀번호 사용' }));
    const alert = await within(dialog).findByTestId('warehouse-password-error');
    expect(alert.textContent).toContain('비밀번호가 받아들여지지 않았습니다');
    expect(alert.textContent).toContain('사용자 이름이나 비밀번호가 틀립니다.');
    expect(document.body.textContent).not.toContain('guess');

    fireEvent.change(within(dialog).getByLabelText('비밀번호'), { target: { value: SECRET } });
    fireEvent.click(within(dialog).getByRole('button', { name: '이 비밀번호 사용' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(b.log.named('workspace:setWarehousePassword')).toEqual([
      { password: 'guess', remember: false },
      { password: SECRET, remember: false },
    ]);
    // The pages ask again and show the figures.
    expect(await screen.findByText('1,200')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '비밀번호 입력' })).toBeNull();
    expect(document.body.textContent).not.toContain(SECRET);
  });

  it('says an unreachable server is unreachable, with Retry, and no password prompt', async () => {
    let down = true;
    const b = mount(
      () => (down ? userError('unavailable', 'warehouse.unreachable', { url: 'http://ch.example:8123', reason: 'ECONNREFUSED' }) : null),
      () => null,
    );
    const retries = await screen.findAllByRole('button', { name: 'Try again' });
    expect(screen.getAllByText(/The ClickHouse server at http:\/\/ch\.example:8123 could not be reached \(ECONNREFUSED\)/).length).toBeGreaterThan(0);
    expect(screen.getAllByText(/local work is not affected/).length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: 'Enter password' })).toBeNull();
    const before = b.log.named('metrics:dimensions').length;
    down = false;
    fireEvent.click(retries[0]!);
    await waitFor(() => expect(b.log.named('metrics:dimensions').length).toBeGreaterThan(before));
  });
});
