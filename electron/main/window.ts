import { BrowserWindow, shell } from 'electron';
import { APP_ENTRY_URL } from './app-protocol.ts';
import { shouldPreventNavigation, windowOpenDecision } from './security.ts';
import { mainWindowOptions, type MainWindowOptionsInput } from './window-options.ts';

/**
 * The one window factory: builds the main window from `mainWindowOptions`, denies navigation away
 * from the app and every new window (http(s) links the user clicked go to the system browser),
 * and loads the renderer from the app:// protocol.
 */
export function createMainWindow(input: MainWindowOptionsInput): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(input));
  const contents = win.webContents;
  contents.on('will-navigate', (event, url) => {
    if (shouldPreventNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (shouldPreventNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler((details) => {
    const decision = windowOpenDecision(details);
    if (decision.openExternally) void shell.openExternal(decision.openExternally);
    return { action: decision.action };
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
