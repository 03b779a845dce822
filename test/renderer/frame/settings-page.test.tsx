import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { EmptyState } from '../../../renderer/components/EmptyState.tsx';
import { setBridge } from '../../../renderer/data/api.ts';
import { I18nProvider } from '../../../renderer/i18n/I18nProvider.tsx';
import { memoryBridge, testWorkspace } from './memory-bridge.ts';
import { renderApp } from './render-app.tsx';

afterEach(() => {
  cleanup();
  setBridge(null);
});

describe('the Settings page', () => {
  it('saves the locale and theme chosen with its radio buttons', async () => {
    const bridge = memoryBridge({ locale: 'en' });
    renderApp(bridge, 'settings');
    fireEvent.click(await screen.findByRole('radio', { name: 'Dark' }));
    await waitFor(() => expect(bridge.settings.theme).toBe('dark'));
    fireEvent.click(screen.getByRole('radio', { name: '한국어' }));
    expect(await screen.findByRole('heading', { level: 1, name: '설정' })).toBeTruthy();
    expect(bridge.settings.locale).toBe('ko');
  });

  it('saves the reviewer display name', async () => {
    const bridge = memoryBridge({ locale: 'en' });
    renderApp(bridge, 'settings');
    fireEvent.change(await screen.findByLabelText('Reviewer display name'), { target: { value: '  Kim Minji ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(bridge.settings.reviewerName).toBe('Kim Minji'));
  });

  it('filters the time zones by search and applies the app default', async () => {
    const bridge = memoryBridge({ locale: 'en' });
    renderApp(bridge, 'settings');
    const group = await screen.findByRole('group', { name: 'Default time zone' });
    fireEvent.change(within(group).getByRole('searchbox'), { target: { value: 'new york' } });
    const list = within(group).getByRole('listbox');
    const options = within(list).getAllByRole('option').map((o) => (o as HTMLOptionElement).value);
    expect(options).toContain('America/New_York');
    expect(options).not.toContain('Europe/Paris');
    fireEvent.change(list, { target: { value: 'America/New_York' } });
    fireEvent.click(within(group).getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(bridge.settings.timeZone).toBe('America/New_York'));
  });

  it('sets the open workspace’s own time zone through workspace:setTimeZone', async () => {
    const bridge = memoryBridge({ locale: 'en' }, testWorkspace('/w/a.sqlite'));
    renderApp(bridge, 'settings');
    const group = await screen.findByRole('group', { name: /Time zone of the open workspace/ });
    fireEvent.change(within(group).getByRole('listbox'), { target: { value: 'Asia/Tokyo' } });
    fireEvent.click(within(group).getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(bridge.workspace?.timeZone).toBe('Asia/Tokyo'));
    expect(bridge.calls).toContainEqual(['workspace:setTimeZone', { timeZone: 'Asia/Tokyo' }]);
    expect(await screen.findAllByText('Asia/Tokyo')).not.toHaveLength(0);
  });

  it('lists recent workspaces and clears the list', async () => {
    const bridge = memoryBridge({ locale: 'en', recentWorkspaces: ['/w/a.sqlite', '/w/b.sqlite'] });
    renderApp(bridge, 'settings');
    expect(await screen.findByText('/w/b.sqlite')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear list' }));
    expect(await screen.findByText('No recent workspaces.')).toBeTruthy();
    expect(bridge.settings.recentWorkspaces).toEqual([]);
  });
});

describe('EmptyState', () => {
  it('renders title, body, hint and action as before', () => {
    render(
      <I18nProvider locale="en" timeZone="Asia/Seoul">
        <EmptyState title="Consent" body="Opt-out rates will appear here." hint="Import consent events." action={<button type="button">Import files</button>} />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Consent' })).toBeTruthy();
    expect(screen.getByText('Opt-out rates will appear here.')).toBeTruthy();
    expect(screen.getByText('Import consent events.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Import files' })).toBeTruthy();
  });
});
