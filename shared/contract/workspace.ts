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
  /** Set when a review file is open without a workspace (docs/review.md): its name and disclosure. */
  reviewFile: { fileName: string; disclosureId: number } | null;
}

/** Browser mode's workspaces folder and what is in it (Electron: no folder, the native dialogs choose). */
export interface WorkspaceListing {
  dir: string | null;
  files: { name: string; path: string; modifiedAt: number }[];
}

const pathInput = z.object({ path: z.string().min(1).max(4096) }).strict();

/** A path the user chose (Electron dialog, CLI), or (browser mode) a name in the private workspaces folder. */
const createInput = z.union([pathInput, z.object({ name: z.string().min(1).max(100) }).strict()]);

export const workspaceCalls = {
  /**
   * Creates a new workspace file (refuses to overwrite a file that is not an empty workspace): at a
   * path the user chose in the host's dialog, or by name in browser mode's workspaces folder.
   */
  'workspace:create': call<WorkspaceInfo>()(createInput),
  /** Opens (and migrates, in a worker, after a backup) a workspace the user chose, a recent one, or (browser mode) one of the folder's. */
  'workspace:open': call<WorkspaceInfo>()(pathInput),
  /** Browser mode's workspaces folder and its workspaces (Electron: no folder). */
  'workspace:list': call<WorkspaceListing>()(z.object({}).strict()),
  /** Closes the open workspace, if any. */
  'workspace:close': call<null>()(z.object({}).strict()),
  /** The open workspace, or null. */
  'workspace:current': call<WorkspaceInfo | null>()(z.object({}).strict()),
  /** Sets the workspace's own time zone (buckets, dates). */
  'workspace:setTimeZone': call<WorkspaceInfo>()(z.object({ timeZone: z.string().min(1) }).strict()),
  /**
   * Asks the host for a path in a native dialog (Electron; null in browser mode): a workspace file to
   * create or open, or a folder to watch. Only a path picked here (or dropped) is accepted later.
   */
  'workspace:pickPath': call<string | null>()(z.object({ mode: z.enum(['create', 'open', 'folder']) }).strict()),
};
