import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { Locale, Settings, ThemeChoice } from '../../shared/contract/settings.ts';
import { shellStrings } from './menu-strings.ts';

/** What the menu's items do (wired to dialogs, the handler map and settings by the app). */
export interface MenuActions {
  newWorkspace(): void;
  /** Opens the UI's connect-to-ClickHouse dialog (a ClickHouse workspace). */
  connectWarehouse(): void;
  openWorkspace(): void;
  openRecent(file: string): void;
  clearRecent(): void;
  closeWorkspace(): void;
  openDemo(): void;
  setTheme(theme: ThemeChoice): void;
  setLocale(locale: Locale): void;
  about(): void;
}

export interface MenuInput {
  settings: Settings;
  actions: MenuActions;
  /** Reload and developer tools only outside a packaged app. */
  dev: boolean;
  platform: NodeJS.Platform;
}

/**
 * The application menu in the settings' locale: File (new, connect to ClickHouse, open, recent, close,
 * quit), Edit,
 * View (reload in development only, theme, language), Window, Help (about). Pure, so tests can
 * read it in both languages.
 */
export function menuTemplate(input: MenuInput): MenuItemConstructorOptions[] {
  const { settings, actions, dev, platform } = input;
  const s = shellStrings(settings.locale);
  const recent: MenuItemConstructorOptions[] = settings.recentWorkspaces.length
    ? [
        ...settings.recentWorkspaces.map((file) => ({
          label: `${path.basename(file)} — ${path.dirname(file)}`,
          click: () => actions.openRecent(file),
        })),
        { type: 'separator' as const },
        { label: s.clearRecent, click: () => actions.clearRecent() },
      ]
    : [{ label: s.noRecent, enabled: false }];
  const themeItem = (theme: ThemeChoice, label: string): MenuItemConstructorOptions => ({
    label,
    type: 'radio',
    checked: settings.theme === theme,
    click: () => actions.setTheme(theme),
  });
  const localeItem = (locale: Locale, label: string): MenuItemConstructorOptions => ({
    label,
    type: 'radio',
    checked: settings.locale === locale,
    click: () => actions.setLocale(locale),
  });
  const mac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: 'Notice Desk',
      submenu: [
        { label: s.about, click: () => actions.about() },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit', label: s.quit },
      ],
    });
  }
  template.push(
    {
      label: s.file,
      submenu: [
        { label: s.newWorkspace, accelerator: 'CmdOrCtrl+N', click: () => actions.newWorkspace() },
        { label: s.connectWarehouse, click: () => actions.connectWarehouse() },
        { label: s.openWorkspace, accelerator: 'CmdOrCtrl+O', click: () => actions.openWorkspace() },
        { label: s.openRecent, submenu: recent },
        { label: s.openDemo, click: () => actions.openDemo() },
        { type: 'separator' },
        { label: s.closeWorkspace, click: () => actions.closeWorkspace() },
        ...(mac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const, label: s.quit }]),
      ],
    },
    {
      label: s.edit,
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: s.view,
      submenu: [
        ...(dev
          ? [
              { role: 'reload' as const, label: s.reload },
              { role: 'toggleDevTools' as const, label: s.devTools },
              { type: 'separator' as const },
            ]
          : []),
        {
          label: s.theme,
          submenu: [themeItem('system', s.themeSystem), themeItem('light', s.themeLight), themeItem('dark', s.themeDark)],
        },
        { label: s.language, submenu: [localeItem('ko', '한국어'), localeItem('en', 'English')] },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: s.window, submenu: [{ role: 'minimize' }, { role: 'close' }] },
    { label: s.help, role: 'help', submenu: [{ label: s.about, click: () => actions.about() }] },
  );
  return template;
}
