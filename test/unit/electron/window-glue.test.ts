import { describe, expect, it, vi } from 'vitest';

// The Electron binary is not installed here: this replaces only the 'electron' module the thin
// window glue imports, so the test can see what the factory wires. The policies themselves are
// tested as pure functions in security.test.ts and window-options.test.ts.
const fake = vi.hoisted(() => {
  type Handler = (...args: unknown[]) => unknown;
  const opened: string[] = [];
  class FakeWebContents {
    handlers = new Map<string, Handler>();
    openHandler: Handler | null = null;
    on(event: string, handler: Handler) {
      this.handlers.set(event, handler);
      return this;
    }
    setWindowOpenHandler(handler: Handler) {
      this.openHandler = handler;
    }
  }
  class FakeBrowserWindow {
    static last: FakeBrowserWindow | null = null;
    options: unknown;
    webContents = new FakeWebContents();
    loaded: string | null = null;
    onceHandlers = new Map<string, Handler>();
    constructor(options: unknown) {
      this.options = options;
      FakeBrowserWindow.last = this;
    }
    once(event: string, handler: Handler) {
      this.onceHandlers.set(event, handler);
      return this;
    }
    loadURL(url: string) {
      this.loaded = url;
      return Promise.resolve();
    }
    show() {}
  }
  return { FakeBrowserWindow, opened };
});

vi.mock('electron', () => ({
  BrowserWindow: fake.FakeBrowserWindow,
  shell: {
    openExternal: async (url: string) => {
      fake.opened.push(url);
    },
  },
}));

const { createMainWindow } = await import('../../../electron/main/window.ts');
const { mainWindowOptions } = await import('../../../electron/main/window-options.ts');

function navigationEvent() {
  let prevented = false;
  return {
    event: {
      preventDefault: () => {
        prevented = true;
      },
    },
    prevented: () => prevented,
  };
}

describe('createMainWindow (the one window factory)', () => {
  createMainWindow({ preload: '/app/dist-electron/preload.cjs', dark: true });
  const win = fake.FakeBrowserWindow.last!;
  const contents = win.webContents;

  it('builds the window from mainWindowOptions and loads the app protocol', () => {
    expect(win.options).toEqual(mainWindowOptions({ preload: '/app/dist-electron/preload.cjs', dark: true }));
    expect(win.loaded).toBe('app://notice-desk/index.html');
  });

  it('prevents navigation and redirects away from the app, and webview attachment', () => {
    for (const name of ['will-navigate', 'will-redirect']) {
      const away = navigationEvent();
      contents.handlers.get(name)!(away.event, 'https://evil.example/');
      expect(away.prevented(), name).toBe(true);
      const home = navigationEvent();
      contents.handlers.get(name)!(home.event, 'app://notice-desk/index.html');
      expect(home.prevented(), name).toBe(false);
    }
    const webview = navigationEvent();
    contents.handlers.get('will-attach-webview')!(webview.event);
    expect(webview.prevented()).toBe(true);
  });

  it('denies new windows and sends only http(s) links to the system browser', () => {
    expect(contents.openHandler!({ url: 'https://www.kcc.go.kr/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(fake.opened).toEqual(['https://www.kcc.go.kr/']);
  });
});
