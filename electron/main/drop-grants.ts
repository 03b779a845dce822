import fs from 'node:fs';
import type { PathPolicy } from '../backend/paths/policy.ts';
import type { IpcEventLike } from './security.ts';

/** The channel the preload sends dropped or picked files' paths on (never a contract call). */
export const DROP_CHANNEL = 'paths:dropped';

/** The part of Electron's ipcMain this binding uses (a fake in unit tests). */
export interface IpcMainOnLike<E extends IpcEventLike = IpcEventLike> {
  on(channel: string, listener: (event: E & { returnValue?: unknown }, payload: unknown) => void): void;
  removeAllListeners(channel: string): void;
}

/**
 * Grants files the user dropped on (or picked in) the window for 'import' only: the preload
 * resolves the page's File objects with webUtils.getPathForFile (a page cannot forge a File's disk
 * path) and sends them here synchronously. Only the app's own frame is heard, only existing regular
 * files are granted; the answer (`returnValue`) is each path's real path, or null where refused.
 */
export function grantDroppedFiles(policy: PathPolicy, payload: unknown): (string | null)[] {
  if (!Array.isArray(payload) || payload.length > 1000) return [];
  return payload.map((file) => {
    if (typeof file !== 'string' || file === '' || file.length > 4096) return null;
    try {
      if (!fs.statSync(file).isFile()) return null;
    } catch {
      return null;
    }
    return policy.allow(file, 'import');
  });
}

/** Binds DROP_CHANNEL on ipcMain; returns a function that removes the binding. */
export function bindDropGrants<E extends IpcEventLike>(
  ipc: IpcMainOnLike<E>,
  policy: PathPolicy,
  isTrusted: (event: E) => boolean,
): () => void {
  ipc.on(DROP_CHANNEL, (event, payload) => {
    event.returnValue = isTrusted(event) ? grantDroppedFiles(policy, payload) : [];
  });
  return () => ipc.removeAllListeners(DROP_CHANNEL);
}
