import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/contract/errors.ts';
import { setBridge } from '../../../renderer/data/api.ts';
import { WORKSPACES_DIR, memoryBridge, testWorkspace } from './memory-bridge.ts';
import { renderApp } from './render-app.tsx';

afterEach(() => {
  cleanup();
  setBridge(null);
  delete document.documentElement.dataset.theme;
});

describe('the app frame', () => {
  it('opens on the welcome screen in Korean when no workspace is open', async () => {
    renderApp(memoryBridge());
    expect(await screen.findByRole('heading', { level: 1, name: '노티스 데스크에 오신 것을 환영합니다' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('ko');
  });

  it('navigates with the sidebar and marks the active link', async () => {
    renderApp(memoryBridge({ locale: 'en' }, testWorkspace('/w/review.sqlite')));
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Overview' }).getAttribute('aria-current')).toBe('page');
    fireEvent.click(within(nav).getByRole('link', { name: 'Settings' }));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect(within(nav).getByRole('link', { name: 'Settings' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: 'Overview' }).getAttribute('aria-current')).toBeNull();
  });

  it('moves focus between sidebar links with the arrow keys', async () => {
    renderApp(memoryBridge({ locale: 'en' }));
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const overview = within(nav).getByRole('link', { name: 'Overview' });
    overview.focus();
    fireEvent.keyDown(overview, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(within(nav).getByRole('link', { name: 'Imports' }));
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toBe(within(nav).getByRole('link', { name: 'Settings' }));
  });

  it('switches the language at run time and saves it', async () => {
    const bridge = memoryBridge();
    renderApp(bridge);
    await screen.findByRole('heading', { level: 1, name: '노티스 데스크에 오신 것을 환영합니다' });
    fireEvent.click(within(screen.getByRole('group', { name: '언어' })).getByRole('button', { name: /EN/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome to Notice Desk' })).toBeTruthy();
    expect(bridge.settings.locale).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('link', { name: 'Data charges' })).toBeTruthy();
  });

  it('sets data-theme on <html> from the theme choice', async () => {
    const bridge = memoryBridge({ locale: 'en' });
    renderApp(bridge);
    const group = await screen.findByRole('group', { name: 'Theme' });
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('light'));
    fireEvent.click(within(group).getByRole('button', { name: 'Dark' }));
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    expect(bridge.settings.theme).toBe('dark');
    expect(within(group).getByRole('button', { name: 'Dark' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(within(group).getByRole('button', { name: 'Light' }));
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('light'));
    expect(document.documentElement.dataset.themeChoice).toBe('light');
  });

  it('shows the workspace name, its time zone and a demo badge in the top bar', async () => {
    renderApp(memoryBridge({ locale: 'en' }, testWorkspace('/w/sample.sqlite', 'Europe/London', true)));
    expect(await screen.findByRole('button', { name: /^Workspace\s*sample$/ })).toBeTruthy();
    const topBar = document.querySelector<HTMLElement>('header.topbar')!;
    expect(within(topBar).getByText('Europe/London')).toBeTruthy();
    expect(within(topBar).getByText('Demo data')).toBeTruthy();
  });

  it('leaves a slot for a demo workspace action on the welcome screen', async () => {
    renderApp(memoryBridge({ locale: 'en' }), 'overview', { demoAction: <button type="button">Open demo workspace</button> });
    expect(await screen.findByRole('button', { name: 'Open demo workspace' })).toBeTruthy();
  });
});

describe('the workspace switcher', () => {
  it('creates a workspace by name in browser mode, never by a typed path', async () => {
    const bridge = memoryBridge({ locale: 'en' });
    renderApp(bridge);
    fireEvent.click(await screen.findByRole('button', { name: 'Create a workspace' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create a workspace' });
    await waitFor(() => expect(dialog.textContent).toContain(WORKSPACES_DIR));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Enter a name for the workspace.');
    fireEvent.change(within(dialog).getByLabelText<HTMLInputElement>('Workspace name'), { target: { value: 'q4-review' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await screen.findByRole('button', { name: /^Workspace\s*q4-review$/ })).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(bridge.calls).toContainEqual(['workspace:create', { name: 'q4-review' }]);
    expect(bridge.calls.some(([name, input]) => name === 'workspace:create' && 'path' in (input as object))).toBe(false);
    expect(await screen.findByRole('heading', { name: 'Overview' })).toBeTruthy();
  });

  it('creates directly with the path the native dialog returned', async () => {
    const bridge = memoryBridge({ locale: 'en' });
    bridge.pickedPath = 'C:\\Users\\minji\\Documents\\native.sqlite';
    renderApp(bridge);
    fireEvent.click(await screen.findByRole('button', { name: 'Create a workspace' }));
    expect(await screen.findByRole('button', { name: /^Workspace\s*native$/ })).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(bridge.calls).toContainEqual(['workspace:pickPath', { mode: 'create' }]);
  });

  it('does nothing when the native dialog is cancelled in Electron', async () => {
    const bridge = memoryBridge({ locale: 'en' });
    bridge.transport = 'electron';
    renderApp(bridge);
    fireEvent.click(await screen.findByRole('button', { name: 'Open a workspace' }));
    await waitFor(() => expect(bridge.calls.map(([name]) => name)).toContain('workspace:pickPath'));
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(bridge.workspace).toBeNull();
  });

  it('opens a recent workspace from the menu', async () => {
    const bridge = memoryBridge({ locale: 'en', recentWorkspaces: ['/w/a.sqlite', '/w/b.sqlite'] }, testWorkspace('/w/a.sqlite'));
    bridge.existing.add('/w/b.sqlite');
    renderApp(bridge);
    fireEvent.click(await screen.findByRole('button', { name: /^Workspace\s*a$/ }));
    const menu = screen.getByRole('group', { name: /^Workspace\s*actions$/ });
    fireEvent.click(within(menu).getByRole('button', { name: 'b.sqlite' }));
    expect(await screen.findByRole('button', { name: /^Workspace\s*b$/ })).toBeTruthy();
    expect(bridge.calls).toContainEqual(['workspace:open', { path: '/w/b.sqlite' }]);
  });

  it('opens from the workspaces folder in browser mode, and shows the backend’s error in the dialog', async () => {
    const bridge = memoryBridge({ locale: 'en', recentWorkspaces: ['/gone/old.sqlite'] });
    bridge.existing.add(`${WORKSPACES_DIR}/kakao-2016.sqlite`);
    renderApp(bridge);
    fireEvent.click(await screen.findByRole('button', { name: 'Open a workspace' }));
    const dialog = await screen.findByRole('dialog', { name: 'Open a workspace' });
    expect(within(dialog).queryByRole('textbox')).toBeNull();
    const folder = await within(dialog).findByRole('list', { name: 'Workspaces in this folder' });
    expect(within(folder).getAllByRole('button')).toHaveLength(1);
    // A recent workspace that has gone: the backend's error shows in the dialog.
    fireEvent.click(within(within(dialog).getByRole('list', { name: 'Recent workspaces' })).getByRole('button'));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('/gone/old.sqlite does not exist.');
    fireEvent.click(within(folder).getByRole('button'));
    expect(await screen.findByRole('button', { name: /^Workspace\s*kakao-2016$/ })).toBeTruthy();
    expect(bridge.calls).toContainEqual(['workspace:open', { path: `${WORKSPACES_DIR}/kakao-2016.sqlite` }]);
  });

  it('closes the menu with Escape and gives focus back to its button', async () => {
    renderApp(memoryBridge({ locale: 'en' }, testWorkspace('/w/a.sqlite')));
    const button = await screen.findByRole('button', { name: /^Workspace\s*a$/ });
    fireEvent.click(button);
    const menu = screen.getByRole('group', { name: 'Workspace actions' });
    expect(button.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(within(menu).getByRole('button', { name: 'New workspace…' }), { key: 'Escape' });
    expect(screen.queryByRole('group', { name: 'Workspace actions' })).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('closes the open workspace and returns to the welcome screen', async () => {
    renderApp(memoryBridge({ locale: 'en' }, testWorkspace('/w/a.sqlite')));
    fireEvent.click(await screen.findByRole('button', { name: /^Workspace\s*a$/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Close workspace' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome to Notice Desk' })).toBeTruthy();
  });

  it('shows a failed call’s message in an alert instead of swallowing it', async () => {
    const bridge = memoryBridge({ locale: 'en' });
    bridge.failNext('workspace:pickPath', new AppError('internal', 'The file dialog could not be opened.'));
    renderApp(bridge);
    fireEvent.click(await screen.findByRole('button', { name: 'Create a workspace' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The file dialog could not be opened.');
    expect(alert.textContent).toContain('internal');
    fireEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('shows an alert when the settings cannot be read at start-up', async () => {
    const bridge = memoryBridge({ locale: 'en' });
    bridge.failNext('settings:get', new AppError('unauthorized', 'The local bridge refused the call (401).'), 5);
    renderApp(bridge);
    expect((await screen.findByRole('alert')).textContent).toContain('The local bridge refused the call (401).');
  });

  it('shows an alert when settings cannot be saved', async () => {
    const bridge = memoryBridge({ locale: 'en' });
    bridge.failNext('settings:set', new AppError('file-unreadable', 'The settings file is read-only.'));
    renderApp(bridge);
    fireEvent.click(within(await screen.findByRole('group', { name: 'Theme' })).getByRole('button', { name: 'Dark' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The settings file is read-only.');
    expect(bridge.settings.theme).toBe('system');
  });
});
