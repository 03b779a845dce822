import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../../shared/contract/settings.ts';
import { createDialogOptions, openDialogOptions, withSqliteExtension } from '../../../electron/main/dialogs.ts';
import { menuTemplate, type MenuActions } from '../../../electron/main/menu.ts';

function recorder() {
  const calls: string[] = [];
  const actions: MenuActions = {
    newWorkspace: () => calls.push('new'),
    connectWarehouse: () => calls.push('connect'),
    openWorkspace: () => calls.push('open'),
    openRecent: (file) => calls.push(`recent:${file}`),
    clearRecent: () => calls.push('clear'),
    closeWorkspace: () => calls.push('close'),
    openDemo: () => calls.push('demo'),
    setTheme: (t) => calls.push(`theme:${t}`),
    setLocale: (l) => calls.push(`locale:${l}`),
    about: () => calls.push('about'),
  };
  return { calls, actions };
}

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((i) => [
    ...(i.label ? [i.label] : []),
    ...(Array.isArray(i.submenu) ? labels(i.submenu as MenuItemConstructorOptions[]) : []),
  ]);
}

function find(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | undefined {
  for (const item of items) {
    if (item.label === label) return item;
    if (Array.isArray(item.submenu)) {
      const hit = find(item.submenu as MenuItemConstructorOptions[], label);
      if (hit) return hit;
    }
  }
  return undefined;
}

const click = (item: MenuItemConstructorOptions | undefined) =>
  (item?.click as (() => void) | undefined)?.();

describe('the application menu', () => {
  const settings = (patch: Partial<Settings>): Settings => ({ ...defaultSettings, ...patch });

  it('speaks Korean when the locale is ko and English when it is en', () => {
    const { actions } = recorder();
    const ko = labels(menuTemplate({ settings: settings({ locale: 'ko' }), actions, dev: false, platform: 'win32' }));
    const en = labels(menuTemplate({ settings: settings({ locale: 'en' }), actions, dev: false, platform: 'win32' }));
    expect(ko).toEqual(expect.arrayContaining(['파일', '새 워크스페이스…', 'ClickHouse에 연결…', '워크스페이스 열기…', '최근 워크스페이스', '보기', '테마', '도움말']));
    expect(en).toEqual(expect.arrayContaining(['File', 'New Workspace…', 'Connect to ClickHouse…', 'Open Workspace…', 'Open Recent', 'View', 'Theme', 'Help']));
    expect(ko).not.toContain('File');
  });

  it('lists recent workspaces and opens the one clicked', () => {
    const { calls, actions } = recorder();
    const template = menuTemplate({
      settings: settings({ locale: 'en', recentWorkspaces: ['/data/kakao-2016.sqlite'] }),
      actions,
      dev: false,
      platform: 'linux',
    });
    const recent = find(template, 'Open Recent')?.submenu as MenuItemConstructorOptions[];
    expect(recent[0]?.label).toBe('kakao-2016.sqlite — /data');
    click(recent[0]);
    click(find(template, 'New Workspace…'));
    click(find(template, 'Connect to ClickHouse…'));
    click(find(template, 'Dark'));
    click(find(template, '한국어'));
    expect(calls).toEqual(['recent:/data/kakao-2016.sqlite', 'new', 'connect', 'theme:dark', 'locale:ko']);
  });

  it('says so when there is no recent workspace', () => {
    const template = menuTemplate({ settings: settings({ locale: 'en' }), actions: recorder().actions, dev: false, platform: 'linux' });
    const recent = find(template, 'Open Recent')?.submenu as MenuItemConstructorOptions[];
    expect(recent).toEqual([{ label: 'No recent workspaces', enabled: false }]);
  });

  it('offers reload and developer tools only in development', () => {
    const { actions } = recorder();
    const roles = (dev: boolean) =>
      JSON.stringify(menuTemplate({ settings: settings({ locale: 'en' }), actions, dev, platform: 'linux' }));
    expect(roles(true)).toContain('"reload"');
    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(false)).not.toContain('"reload"');
    expect(roles(false)).not.toContain('toggleDevTools');
  });

  it('checks the current theme', () => {
    const template = menuTemplate({ settings: settings({ locale: 'en', theme: 'light' }), actions: recorder().actions, dev: false, platform: 'darwin' });
    expect(find(template, 'Light')?.checked).toBe(true);
    expect(find(template, 'Dark')?.checked).toBe(false);
    expect(template[0]?.label).toBe('Notice Desk');
  });
});

describe('the workspace dialogs', () => {
  it('filter .sqlite files, in the locale', () => {
    expect(createDialogOptions('en', '/home/u/Documents').filters).toEqual([{ name: 'Notice Desk workspace', extensions: ['sqlite'] }]);
    expect(openDialogOptions('ko', '/home/u/Documents')).toMatchObject({
      title: '워크스페이스 열기',
      filters: [{ name: 'Notice Desk 워크스페이스', extensions: ['sqlite'] }],
      properties: ['openFile'],
    });
  });

  it('add .sqlite to a save path typed without an extension', () => {
    expect(withSqliteExtension('/w/kakao')).toBe('/w/kakao.sqlite');
    expect(withSqliteExtension('/w/kakao.sqlite')).toBe('/w/kakao.sqlite');
    expect(withSqliteExtension('/w.v2/kakao')).toBe('/w.v2/kakao.sqlite');
  });
});
