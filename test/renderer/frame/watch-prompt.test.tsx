import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setBridge } from '../../../renderer/data/api.ts';
import { memoryBridge, testWorkspace } from './memory-bridge.ts';
import { renderApp } from './render-app.tsx';

afterEach(() => {
  cleanup();
  setBridge(null);
});

const FOLDER = '/Users/someone-else/exports';

describe('the watched folder of a workspace opened for the first time', () => {
  it('asks in Korean before watching it, and “감시하기” confirms it', async () => {
    const bridge = memoryBridge({}, testWorkspace('/w/shared.sqlite'));
    bridge.watchFolder = { path: FOLDER, enabled: true, confirmed: false, ask: true };
    renderApp(bridge);
    const dialog = await screen.findByRole('dialog', { name: '이 컴퓨터에서 이 폴더를 감시할까요?' });
    expect(dialog.textContent).toContain(FOLDER);
    expect(document.activeElement?.textContent).toBe('나중에');
    fireEvent.click(screen.getByRole('button', { name: '감시하기' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(bridge.calls).toContainEqual(['imports:confirmWatchFolder', { watch: true }]);
    expect(bridge.watchFolder.confirmed).toBe(true);
  });

  it('“Not now” and Escape put it off without watching', async () => {
    const bridge = memoryBridge({ locale: 'en' }, testWorkspace('/w/shared.sqlite'));
    bridge.watchFolder = { path: FOLDER, enabled: true, confirmed: false, ask: true };
    renderApp(bridge);
    await screen.findByRole('dialog', { name: 'Watch this folder on this computer?' });
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(bridge.calls).toContainEqual(['imports:confirmWatchFolder', { watch: false }]);
    expect(bridge.watchFolder.confirmed).toBe(false);
  });

  it('does not ask for a folder already confirmed here, nor without a workspace', async () => {
    const bridge = memoryBridge({ locale: 'en' }, testWorkspace('/w/mine.sqlite'));
    bridge.watchFolder = { path: FOLDER, enabled: true, confirmed: true, ask: false };
    renderApp(bridge);
    await screen.findByRole('navigation', { name: 'Main' });
    await waitFor(() => expect(bridge.calls.some(([name]) => name === 'imports:watchFolder')).toBe(true));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
