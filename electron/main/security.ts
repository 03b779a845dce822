import { APP_ORIGIN, isAppUrl } from './app-protocol.ts';

/** The parts of Electron's WebFrameMain a sender check reads. */
export interface FrameLike {
  readonly url: string;
  readonly origin?: string;
  readonly parent: FrameLike | null;
  /** Identify a frame across wrapper objects (Electron's WebFrameMain). */
  readonly processId?: number;
  readonly routingId?: number;
}

/** The parts of an IPC event a sender check reads. */
export interface IpcEventLike {
  readonly senderFrame: FrameLike | null;
}

/**
 * True only when an IPC message comes from the app's own main frame: the very frame object of our
 * window's main frame, top-level (no parent), showing an `app://notice-desk` page. Sub-frames, other
 * windows, destroyed frames (null) and pages of any other origin are refused — in the spirit of VS
 * Code's validatedIpcMain and GitHub Desktop's isTrustedIPCSender.
 */
export function isTrustedSender(frame: FrameLike | null | undefined, mainFrame: FrameLike | null | undefined): boolean {
  if (!frame || !mainFrame) return false;
  if (!sameFrame(frame, mainFrame)) return false;
  if (frame.parent !== null) return false;
  if (frame.origin !== undefined && frame.origin !== APP_ORIGIN) return false;
  return isAppUrl(frame.url);
}

/** The same frame: the same object, or the same process and routing id. */
function sameFrame(a: FrameLike, b: FrameLike): boolean {
  if (a === b) return true;
  return a.processId !== undefined && a.routingId !== undefined && a.processId === b.processId && a.routingId === b.routingId;
}

/** True for the links `shell.openExternal` may open: absolute http(s) URLs only. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * `will-navigate` / `will-redirect` policy: the window never leaves the app. Returns true when the
 * navigation must be prevented (everything except reloading an app page).
 */
export function shouldPreventNavigation(url: string): boolean {
  return !isAppUrl(url);
}

/** `setWindowOpenHandler`: no new windows, ever (http(s) links go to the system browser instead). */
export function windowOpenDecision(details: { url: string }): { action: 'deny'; openExternally: string | null } {
  return { action: 'deny', openExternally: isSafeExternalUrl(details.url) ? details.url : null };
}

/** `setPermissionRequestHandler`: every permission (camera, notifications, geolocation, …) is denied. */
export function denyPermissionRequest(
  _webContents: unknown,
  _permission: string,
  callback: (granted: boolean) => void,
): void {
  callback(false);
}

/** `setPermissionCheckHandler`: every permission check answers no. */
export function denyPermissionCheck(): boolean {
  return false;
}

/**
 * `webRequest.onBeforeRequest` policy: the app loads nothing from the network. Requests for the
 * app's own protocol, devtools, about: and inline data are let through; http(s), ws(s), ftp and file are not.
 */
export function shouldBlockRequest(url: string): boolean {
  const scheme = url.slice(0, url.indexOf(':') + 1).toLowerCase();
  return !['app:', 'devtools:', 'data:', 'blob:', 'about:'].includes(scheme);
}
