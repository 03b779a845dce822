import os from 'node:os';
import path from 'node:path';
import pkg from '../../../package.json' with { type: 'json' };
import type { appCalls } from '../../../shared/contract/app.ts';
import { userError } from '../../../shared/contract/errors.ts';
import type { HandlersFor } from './types.ts';

export const appHandlers: HandlersFor<keyof typeof appCalls> = {
  'app:info': (_input, ctx) => ({
    version: pkg.version,
    transport: ctx.host.transport,
    platform: process.platform,
    documentsDir: path.join(os.homedir(), 'Documents'),
  }),
  'app:openExternal': async (input, ctx) => {
    const url = new URL(input.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw userError('bad-input', 'app.only-http-links');
    }
    await ctx.host.openExternal?.(url.toString());
    return null;
  },
};
