import { z } from 'zod';
import { call } from './define.ts';
import { DEFAULT_TIME_ZONE } from '../time-zone.ts';

export const localeSchema = z.enum(['ko', 'en']);
export const themeSchema = z.enum(['system', 'light', 'dark']);

/** App-wide settings kept in electron-store (Electron) or a JSON file (browser mode, CLI). */
export const settingsSchema = z.object({
  locale: localeSchema,
  theme: themeSchema,
  timeZone: z.string().min(1),
  reviewerName: z.string().max(200),
  recentWorkspaces: z.array(z.string()).max(20),
  /**
   * Watched folders the user confirmed on this computer, one hash per (workspace file, workspace id,
   * folder): a workspace from someone else names a folder, but only a confirmation here starts polling it.
   */
  watchConsents: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(200),
});
export type Settings = z.infer<typeof settingsSchema>;
export type Locale = z.infer<typeof localeSchema>;
export type ThemeChoice = z.infer<typeof themeSchema>;

/** Defaults for a first launch. */
export const defaultSettings: Settings = {
  locale: 'ko',
  theme: 'system',
  timeZone: DEFAULT_TIME_ZONE,
  reviewerName: '',
  recentWorkspaces: [],
  watchConsents: [],
};

export const settingsCalls = {
  'settings:get': call<Settings>()(z.object({}).strict()),
  /**
   * Changes what the user chooses in Settings (not the watched-folder confirmations, which only the
   * backend records). Recent workspaces can only be cleared: they are opened without a dialog, so
   * only the backend adds to them.
   */
  'settings:set': call<Settings>()(
    settingsSchema
      .omit({ watchConsents: true })
      .extend({ recentWorkspaces: z.array(z.string()).max(0) })
      .partial()
      .strict(),
  ),
};
