import { describe, expect, it } from 'vitest';
import {
  denyPermissionCheck,
  denyPermissionRequest,
  isSafeExternalUrl,
  isTrustedSender,
  shouldBlockRequest,
  shouldPreventNavigation,
  windowOpenDecision,
  type FrameLike,
} from '../../../electron/main/security.ts';

function frame(url: string, origin = new URL(url).origin, parent: FrameLike | null = null): FrameLike {
  return { url, origin, parent };
}

describe('the IPC sender check', () => {
  const main: FrameLike = { url: 'app://notice-desk/index.html', origin: 'app://notice-desk', parent: null };

  it('trusts the app window main frame on app://notice-desk', () => {
    expect(isTrustedSender(main, main)).toBe(true);
  });

  it('refuses a frame that is not the window main frame, even on the same origin', () => {
    const other: FrameLike = { url: 'app://notice-desk/index.html', origin: 'app://notice-desk', parent: null };
    expect(isTrustedSender(other, main)).toBe(false);
  });

  it('recognises the main frame by process and routing id when Electron hands out another wrapper', () => {
    const a: FrameLike = { ...main, processId: 4, routingId: 1 };
    const b: FrameLike = { ...main, processId: 4, routingId: 1 };
    expect(isTrustedSender(a, b)).toBe(true);
    expect(isTrustedSender({ ...a, routingId: 2 }, b)).toBe(false);
    expect(isTrustedSender({ ...a, processId: 5 }, b)).toBe(false);
  });

  it('refuses a sub-frame of the app page', () => {
    const child: FrameLike = { url: 'app://notice-desk/frame.html', origin: 'app://notice-desk', parent: main };
    expect(isTrustedSender(child, child)).toBe(false);
  });

  it('refuses the main frame once it shows a page of another origin', () => {
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other-host/index.html', 'http://127.0.0.1:5173/']) {
      const navigated = frame(url);
      expect(isTrustedSender(navigated, navigated), url).toBe(false);
    }
  });

  it('refuses a frame whose origin disagrees with its URL', () => {
    const spoofed: FrameLike = { url: 'app://notice-desk/index.html', origin: 'https://evil.example', parent: null };
    expect(isTrustedSender(spoofed, spoofed)).toBe(false);
  });

  it('refuses a destroyed frame and a missing window', () => {
    expect(isTrustedSender(null, main)).toBe(false);
    expect(isTrustedSender(main, null)).toBe(false);
    expect(isTrustedSender(undefined, undefined)).toBe(false);
  });
});

describe('links, navigation, windows and permissions', () => {
  it('opens only absolute http(s) URLs externally', () => {
    expect(isSafeExternalUrl('https://www.kcc.go.kr/')).toBe(true);
    expect(isSafeExternalUrl('http://example.org/a?b=c')).toBe(true);
    for (const url of ['file:///C:/Windows/system32/calc.exe', 'javascript:alert(1)', 'smb://host/share', 'app://notice-desk/', 'not a url', 'ms-msdt:/id']) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });

  it('prevents every navigation that leaves the app', () => {
    expect(shouldPreventNavigation('app://notice-desk/index.html')).toBe(false);
    expect(shouldPreventNavigation('https://example.org/')).toBe(true);
    expect(shouldPreventNavigation('file:///tmp/x.html')).toBe(true);
  });

  it('denies every new window, handing http(s) links to the system browser', () => {
    expect(windowOpenDecision({ url: 'https://example.org/' })).toEqual({ action: 'deny', openExternally: 'https://example.org/' });
    expect(windowOpenDecision({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny', openExternally: null });
  });

  it('denies every permission request and check', () => {
    let granted: boolean | null = null;
    denyPermissionRequest(null, 'media', (g) => {
      granted = g;
    });
    expect(granted).toBe(false);
    expect(denyPermissionCheck()).toBe(false);
  });

  it('blocks every network request and lets the app protocol through', () => {
    expect(shouldBlockRequest('app://notice-desk/assets/index.js')).toBe(false);
    expect(shouldBlockRequest('data:image/png;base64,AAAA')).toBe(false);
    for (const url of ['https://fonts.googleapis.com/css', 'http://127.0.0.1:1/', 'ws://x/', 'file:///etc/hosts']) {
      expect(shouldBlockRequest(url), url).toBe(true);
    }
  });
});
