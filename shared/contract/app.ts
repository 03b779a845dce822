import { z } from 'zod';
import { call } from './define.ts';

/** Facts about the running app and transport. */
export interface AppInfo {
  version: string;
  transport: 'electron' | 'browser' | 'in-process';
  platform: string;
  /** Default folder to suggest for new workspaces. */
  documentsDir: string;
}

export const appCalls = {
  'app:info': call<AppInfo>()(z.object({}).strict()),
  /** Opens an http(s) link the user clicked in the system browser. */
  'app:openExternal': call<null>()(z.object({ url: z.string().url() }).strict()),
};
