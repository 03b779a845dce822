import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Bridge, WatchFolderView } from '../../../shared/contract/index.ts';
import { WatchFolderCard } from '../../../renderer/components/imports/ImportSettings.tsx';
import { setBridge } from '../../../renderer/data/api.ts';
import { memoryBridge, renderWith } from '../dashboards/harness.tsx';

/** Just the calls the watched-folder card makes; `picked` is what the native folder dialog returns. */
function cardBridge(transport: 'electron' | 'browser', picked: string | null, initial: WatchFolderView = { path: null, enabled: false, confirmed: false, ask: false }) {
  let view = initial;
  const { bridge, log } = memoryBridge({
    'app:info': () => ({ version: '0.1.0', transport, platform: 'linux', documentsDir: '/home/minji/Documents' }),
    'imports:watchFolder': () => view,
    'imports:watchLog': () => [],
    'workspace:pickPath': () => picked,
    'imports:confirmWatchFolder': (input) => (view = { ...view, confirmed: input.watch, ask: false }),
    'imports:setWatchFolder': (input) => (view = { path: input.path, enabled: input.enabled ?? true, confirmed: true, ask: false }),
  });
  const calls = () => log.calls.map((c): [string, unknown] => [c.name, c.input]);
  return { bridge, calls };
}

function renderCard(bridge: Bridge, locale: 'en' | 'ko' = 'en') {
  return renderWith(<WatchFolderCard />, bridge, locale);
}

afterEach(() => {
  cleanup();
  setBridge(null);
});

describe('the watched-folder card', () => {
  it('in Electron, sets the folder the native folder dialog picked; no path is typed', async () => {
    const { bridge, calls } = cardBridge('electron', '/home/minji/exports');
    renderCard(bridge);
    expect(await screen.findByText('No folder chosen.')).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
    fireEvent.click(await screen.findByRole('button', { name: 'Choose folder…' }));
    expect(await screen.findByText('/home/minji/exports')).toBeTruthy();
    expect(calls()).toContainEqual(['workspace:pickPath', { mode: 'folder' }]);
    expect(calls()).toContainEqual(['imports:setWatchFolder', { path: '/home/minji/exports', enabled: true }]);
  });

  it('in Electron, does nothing when the folder dialog is cancelled', async () => {
    const { bridge, calls } = cardBridge('electron', null);
    renderCard(bridge);
    fireEvent.click(await screen.findByRole('button', { name: 'Choose folder…' }));
    await waitFor(() => expect(calls().map(([n]) => n)).toContain('workspace:pickPath'));
    expect(calls().map(([n]) => n)).not.toContain('imports:setWatchFolder');
  });

  it('in browser mode, offers no way to set it from the page and says how to give it at launch', async () => {
    const { bridge } = cardBridge('browser', null);
    renderCard(bridge, 'ko');
    expect(await screen.findByText(/--watch-folder <폴더>/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '폴더 선택…' })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('says when the workspace’s folder is not watched on this computer and confirms it on request', async () => {
    const { bridge, calls } = cardBridge('browser', null, { path: '/Users/someone/exports', enabled: true, confirmed: false, ask: false });
    renderCard(bridge, 'ko');
    expect(await screen.findByText(/이 컴퓨터에서는 아직 감시하지 않습니다/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '이 컴퓨터에서 감시하기' }));
    await waitFor(() => expect(screen.queryByText(/아직 감시하지 않습니다/)).toBeNull());
    expect(calls()).toContainEqual(['imports:confirmWatchFolder', { watch: true }]);
  });
});
