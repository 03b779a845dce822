import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorProvider } from '../../../renderer/components/errors.tsx';
import { OpenReviewFileButton } from '../../../renderer/components/OpenReviewFileButton.tsx';
import { ExchangeView } from '../../../renderer/components/review/ExchangeView.tsx';
import { setBridge } from '../../../renderer/data/api.ts';
import type { WorkspaceInfo } from '../../../shared/contract/workspace.ts';
import { fakeBridge, renderWith } from './fake-bridge.tsx';

afterEach(() => {
  cleanup();
  setBridge(null);
});

const SESSION: WorkspaceInfo = {
  path: '/tmp/notice-desk-review-x/review.sqlite',
  name: 'review',
  schemaVersion: 14,
  timeZone: 'Asia/Seoul',
  counts: { notifications: 0, consent: 0, urls: 0, imports: 0 },
  demo: false,
  reviewFile: { fileName: '배송 안내 v2.noticereview', disclosureId: 7 },
  warehouse: null,
};

describe('a reviewer with no workspace', () => {
  it('opens the review file they were sent from the welcome screen', async () => {
    const bridge = fakeBridge({ 'review:openFile': () => SESSION, 'workspace:current': () => SESSION });
    renderWith(bridge, <ErrorProvider><OpenReviewFileButton /></ErrorProvider>, 'ko');
    expect(screen.getByRole('button', { name: '검토 파일 열기' })).toBeTruthy();
    fireEvent.change(screen.getByTestId('open-review-file'), { target: { files: [new File(['PK'], '배송 안내 v2.noticereview')] } });
    await waitFor(() => expect(bridge.inputs('review:openFile')).toEqual([{ path: '/uploads/배송 안내 v2.noticereview' }]));
  });

  it('saves the review file back from the review panel, with their name, only in a review-file session', async () => {
    const bridge = fakeBridge({
      'workspace:current': () => SESSION,
      'review:saveFile': () => ({ path: '/home/k/배송 안내 v2.noticereview', fileName: '배송 안내 v2.noticereview', mimeType: 'application/vnd.notice-desk.review+zip', bytes: 10, base64: null }),
    });
    renderWith(bridge, <ExchangeView id={7} latest={2} editable={false} author="김법무" beforeChange={async () => {}} onOpen={() => {}} />, 'ko');
    const button = await screen.findByRole('button', { name: '검토 파일 저장' });
    expect(screen.getByTestId('review-file-session').textContent).toContain('배송 안내 v2.noticereview');
    fireEvent.click(button);
    await screen.findByText('/home/k/배송 안내 v2.noticereview 파일을 저장했습니다.');
    expect(bridge.inputs('review:saveFile')).toEqual([{ actor: '김법무' }]);
    cleanup();
    const other = fakeBridge({ 'workspace:current': () => ({ ...SESSION, reviewFile: null }) });
    renderWith(other, <ExchangeView id={7} latest={2} editable={false} author="김법무" beforeChange={async () => {}} onOpen={() => {}} />, 'ko');
    await waitFor(() => expect(other.inputs('workspace:current').length).toBeGreaterThan(0));
    expect(screen.queryByTestId('review-file-session')).toBeNull();
  });
});
