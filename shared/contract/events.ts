/** Progress of a long job (import, migration, …) running in the backend's worker. */
export interface JobProgress {
  jobId: string;
  kind: string;
  phase: string;
  /** How far the job is, in its own unit: bytes of the file read for an import (records are `rows`). */
  done: number;
  total: number | null;
  message?: string;
  /** Records read so far (imports). */
  rows?: number;
}

/** What the native menu asks the UI to do (Electron: an item whose work is a dialog of the UI). */
export type UiCommand = 'connect-warehouse';

/** Events pushed from the backend to the UI (IPC `send` in Electron, server-sent events in browser mode). */
export interface EventMap {
  'job:progress': JobProgress;
  'workspace:changed': { path: string | null };
  'data:changed': { reason: string };
  'ui:command': { command: UiCommand };
}
export type EventName = keyof EventMap;
export const eventNames: readonly EventName[] = ['job:progress', 'workspace:changed', 'data:changed', 'ui:command'];
