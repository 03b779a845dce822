import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { Locale } from '../../shared/contract/settings.ts';
import type { PickMode } from '../backend/context.ts';
import type { PathUse } from '../backend/paths/policy.ts';
import { shellStrings } from './menu-strings.ts';

export type { PickMode } from '../backend/context.ts';

/** What a path picked in each dialog is granted for (and nothing else). */
export const PICK_GRANTS: Record<PickMode, PathUse> = {
  create: 'workspace-create',
  open: 'workspace-open',
  folder: 'watch-folder',
};

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

/** Options of the save dialog main shows for `disclosures:export` (the page never names the file). */
export function saveExportDialogOptions(locale: Locale, defaultDir: string, fileName: string): SaveDialogOptions {
  const s = shellStrings(locale);
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1];
  return {
    title: s.saveExportTitle,
    buttonLabel: s.saveExportButton,
    defaultPath: `${defaultDir}/${fileName}`,
    ...(ext ? { filters: [{ name: ext.toUpperCase(), extensions: [ext] }] } : {}),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

/** Options of the folder dialog for `workspace:pickPath` in folder mode (the watched exports folder). */
export function folderDialogOptions(locale: Locale, defaultDir: string): OpenDialogOptions {
  const s = shellStrings(locale);
  return {
    title: s.folderTitle,
    buttonLabel: s.folderButton,
    defaultPath: defaultDir,
    properties: ['openDirectory', 'createDirectory'],
  };
}
