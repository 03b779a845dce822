import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { Locale } from '../../shared/contract/settings.ts';
import { shellStrings } from './menu-strings.ts';

export type PickMode = 'create' | 'open';

/** File filter for workspaces (SQLite files). */
export function workspaceFilters(locale: Locale): { name: string; extensions: string[] }[] {
  return [{ name: shellStrings(locale).workspaceFilter, extensions: ['sqlite'] }];
}

/** Options of the save dialog for `workspace:pickPath` in create mode. */
export function createDialogOptions(locale: Locale, defaultDir: string): SaveDialogOptions {
  const s = shellStrings(locale);
  return {
    title: s.createTitle,
    buttonLabel: s.createButton,
    defaultPath: `${defaultDir}/notice-desk.sqlite`,
    filters: workspaceFilters(locale),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

/** Options of the open dialog for `workspace:pickPath` in open mode. */
export function openDialogOptions(locale: Locale, defaultDir: string): OpenDialogOptions {
  const s = shellStrings(locale);
  return {
    title: s.openTitle,
    buttonLabel: s.openButton,
    defaultPath: defaultDir,
    filters: workspaceFilters(locale),
    properties: ['openFile'],
  };
}

/** A picked save path with the `.sqlite` extension added when the user typed none. */
export function withSqliteExtension(file: string): string {
  return /\.[^/\\]+$/.test(file) ? file : `${file}.sqlite`;
}
