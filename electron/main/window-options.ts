import type { BrowserWindowConstructorOptions } from 'electron';

export interface MainWindowOptionsInput {
  /** Absolute path of the bundled preload (dist-electron/preload.cjs). */
  preload: string;
  /** Background shown before the first paint (follows the theme to avoid a white flash). */
  dark: boolean;
  /** Window icon (Linux/Windows; macOS uses the bundle's). */
  icon?: string;
}

/**
 * The options of the one main window: isolated, sandboxed preload, no Node in the page, web security
 * on, no webview tags, no remote content. Pure, so a unit test can assert every flag.
 */
export function mainWindowOptions(input: MainWindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    title: 'Notice Desk',
    show: false,
    backgroundColor: input.dark ? '#14161a' : '#ffffff',
    ...(input.icon ? { icon: input.icon } : {}),
    webPreferences: {
      preload: input.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      experimentalFeatures: false,
      safeDialogs: true,
    },
  };
}
