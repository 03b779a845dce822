import { z } from 'zod';
import { call } from './define.ts';

/** What the UI knows of the open workspace. */
export interface WorkspaceInfo {
  path: string;
  name: string;
  schemaVersion: number;
  timeZone: string;
  counts: { notifications: number; consent: number; urls: number; imports: number };
  /** True for the demo workspace built from the bundled samples. */
  demo: boolean;
}

const pathInput = z.object({ path: z.string().min(1) }).strict();

export const workspaceCalls = {
  /** Creates a new workspace file (refuses to overwrite a file that is not an empty workspace). */
  'workspace:create': call<WorkspaceInfo>()(pathInput),
  /** Opens (and migrates, in a worker, after a backup) an existing workspace. */
  'workspace:open': call<WorkspaceInfo>()(pathInput),
  /** Closes the open workspace, if any. */
  'workspace:close': call<null>()(z.object({}).strict()),
  /** The open workspace, or null. */
  'workspace:current': call<WorkspaceInfo | null>()(z.object({}).strict()),
  /** Sets the workspace's own time zone (buckets, dates). */
  'workspace:setTimeZone': call<WorkspaceInfo>()(z.object({ timeZone: z.string().min(1) }).strict()),
  /** Asks the host for a file path (native dialog in Electron; null in browser mode). */
  'workspace:pickPath': call<string | null>()(z.object({ mode: z.enum(['create', 'open']) }).strict()),
};
