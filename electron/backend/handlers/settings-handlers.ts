import type { settingsCalls } from '../../../shared/contract/settings.ts';
import type { HandlersFor } from './types.ts';

export const settingsHandlers: HandlersFor<keyof typeof settingsCalls> = {
  'settings:get': (_input, ctx) => ctx.host.settings.get(),
  'settings:set': (input, ctx) => ctx.host.settings.set(input),
};
