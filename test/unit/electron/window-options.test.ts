import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../electron/main/window-options.ts';

describe('the main window factory options', () => {
  const options = mainWindowOptions({ preload: '/app/dist-electron/preload.cjs', dark: false });
  const web = options.webPreferences ?? {};

  it('isolates the page: context isolation, sandbox, no Node integration anywhere', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and refuses insecure content and webview tags', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
  });

  it('loads the bundled preload and stays hidden until the first paint', () => {
    expect(web.preload).toBe('/app/dist-electron/preload.cjs');
    expect(options.show).toBe(false);
    expect(options.title).toBe('Notice Desk');
  });

  it('paints a dark background before load when the theme is dark', () => {
    expect(mainWindowOptions({ preload: 'p', dark: true }).backgroundColor).toBe('#14161a');
    expect(options.backgroundColor).toBe('#ffffff');
  });
});
