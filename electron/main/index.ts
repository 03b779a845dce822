import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, safeStorage, session, shell } from 'electron';
import ElectronStore from 'electron-store';
import pkg from '../../package.json' with { type: 'json' };
import type { CallName, EventMap, EventName, InputOf } from '../../shared/contract/index.ts';
import type { Settings } from '../../shared/contract/settings.ts';
import { HandlerContext, type BackendHost } from '../backend/context.ts';
import { dispatch, toAppError } from '../backend/dispatch.ts';
import { ensureWatcher } from '../backend/import/watch-folder.ts';
import { GrantPathPolicy } from '../backend/paths/policy.ts';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol.ts';
import {
  createDialogOptions,
  folderDialogOptions,
  openDialogOptions,
  PICK_GRANTS,
  saveExportDialogOptions,
  withSqliteExtension,
  type PickMode,
} from './dialogs.ts';
import { bindDropGrants } from './drop-grants.ts';
import { bindContract } from './ipc.ts';
import { KeychainSecretStore } from './keychain.ts';
import { shellStrings } from './menu-strings.ts';
import { menuTemplate } from './menu.ts';
import { appPaths } from './paths.ts';
import { denyPermissionCheck, denyPermissionRequest, isSafeExternalUrl, isTrustedSender, shouldBlockRequest } from './security.ts';
import { ConfSettingsStore, observeSettings, type KeyValueStoreOptions } from './settings-store.ts';
import { createMainWindow } from './window.ts';

const paths = appPaths(path.dirname(fileURLToPath(import.meta.url)));
// Jobs (workspace migration, imports) run the bundled worker, never the TypeScript sources.
process.env.NOTICE_DESK_WORKER_FILE = paths.worker;
process.env.NOTICE_DESK_QUERY_WORKER_FILE = paths.queryWorker;
// Backend modules find their data through these (their source-relative paths do not hold in a bundle).
process.env.NOTICE_DESK_RESOURCES_DIR ??= paths.resourcesDir;
process.env.NOTICE_DESK_DEMO_DIR ??= path.join(paths.resourcesDir, 'demo');

// Tests (and portable use) can keep settings apart from the user's own.
if (process.env.NOTICE_DESK_USER_DATA) app.setPath('userData', process.env.NOTICE_DESK_USER_DATA);

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES.privileges } }]);

let win: BrowserWindow | null = null;

/** Native open/save/folder dialog for `workspace:pickPath` and the File menu (no grant). */
async function showPickDialog(mode: PickMode, settings: Settings): Promise<string | null> {
  const dir = app.getPath('documents');
  const parent = win ?? undefined;
  if (mode === 'create') {
    const options = createDialogOptions(settings.locale, dir);
    const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : withSqliteExtension(result.filePath);
  }
  const options = mode === 'folder' ? folderDialogOptions(settings.locale, dir) : openDialogOptions(settings.locale, dir);
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

function start(): void {
  const defaultSession = session.defaultSession;
  defaultSession.setPermissionRequestHandler(denyPermissionRequest);
  defaultSession.setPermissionCheckHandler(denyPermissionCheck);
  // No remote content, ever: any http(s)/ws request from a page is cancelled.
  defaultSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: shouldBlockRequest(details.url) }));
  protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.rendererDir));

  const createStore = (options: KeyValueStoreOptions) =>
    new ElectronStore<Record<string, unknown>>({
      cwd: options.cwd,
      name: options.name,
      clearInvalidConfig: options.clearInvalidConfig,
      defaults: options.defaults,
    });
  const store = new ConfSettingsStore({ cwd: app.getPath('userData'), create: createStore });
  // Warehouse passwords: sealed by the OS keychain in their own file, never in the settings.
  const secrets = new KeychainSecretStore({ safeStorage, cwd: app.getPath('userData'), create: createStore });
  const settings = observeSettings(store, (next) => applySettings(next));
  // Only paths the user chose: a dialog shown here, a drop (via the preload), or a recent workspace.
  const pathPolicy = new GrantPathPolicy({ recent: () => settings.get().recentWorkspaces });
  /** Shows the dialog and grants what the user picked, for that dialog's use only. */
  const pickPath = async (mode: PickMode): Promise<string | null> => {
    const picked = await showPickDialog(mode, settings.get());
    return picked === null ? null : pathPolicy.allow(picked, PICK_GRANTS[mode]);
  };
  /** The save dialog for an export; the chosen file is granted for exporting only. */
  const pickSavePath = async (fileName: string): Promise<string | null> => {
    const options = saveExportDialogOptions(settings.get().locale, app.getPath('documents'), fileName);
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : pathPolicy.allow(result.filePath, 'export');
  };
  const host: BackendHost = {
    transport: 'electron',
    settings,
    paths: pathPolicy,
    secrets,
    pickSavePath,
    emit<E extends EventName>(event: E, payload: EventMap[E]) {
      if (win && !win.isDestroyed()) win.webContents.send(event, payload);
    },
    pickPath,
    openExternal: async (url) => {
      if (isSafeExternalUrl(url)) await shell.openExternal(url);
    },
  };
  const ctx = new HandlerContext(host);
  // The watched exports folder polls from launch, not only once the Imports page has asked.
  ensureWatcher(ctx);
  const fromAppWindow = (event: Electron.IpcMainEvent | Electron.IpcMainInvokeEvent) =>
    !!win && event.sender === win.webContents && isTrustedSender(event.senderFrame, win.webContents.mainFrame);
  bindContract(ipcMain, ctx, fromAppWindow);
  bindDropGrants(ipcMain, pathPolicy, fromAppWindow);

  /** Runs a call for the menu, showing a failure in a native message box. */
  const run = async <K extends CallName>(name: K, input: InputOf<K>): Promise<void> => {
    try {
      await dispatch(name, input, ctx);
    } catch (error) {
      const s = shellStrings(settings.get().locale);
      await dialog.showMessageBox({ type: 'error', title: s.errorTitle, message: toAppError(error).message });
    }
  };
  const pickAndRun = async (mode: PickMode) => {
    const file = await pickPath(mode);
    if (file) await run(mode === 'create' ? 'workspace:create' : 'workspace:open', { path: file });
  };
  const notifySettings = () => host.emit('data:changed', { reason: 'settings' });

  function applySettings(next: Settings): void {
    nativeTheme.themeSource = next.theme;
    const template = menuTemplate({
      settings: next,
      dev: !app.isPackaged,
      platform: process.platform,
      actions: {
        newWorkspace: () => void pickAndRun('create'),
        connectWarehouse: () => host.emit('ui:command', { command: 'connect-warehouse' }),
        openWorkspace: () => void pickAndRun('open'),
        openRecent: (file) => void run('workspace:open', { path: file }),
        clearRecent: () => {
          settings.set({ recentWorkspaces: [] });
          notifySettings();
        },
        closeWorkspace: () => void run('workspace:close', {}),
        openDemo: () => void run('demo:create', {}),
        setTheme: (theme) => {
          settings.set({ theme });
          notifySettings();
        },
        setLocale: (locale) => {
          settings.set({ locale });
          notifySettings();
        },
        about: () => {
          const s = shellStrings(settings.get().locale);
          void dialog.showMessageBox({ type: 'info', title: s.about, message: `Notice Desk ${pkg.version}`, detail: s.aboutDetail });
        },
      },
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  applySettings(settings.get());
  const open = () => {
    win = createMainWindow({ preload: paths.preload, dark: nativeTheme.shouldUseDarkColors, icon: paths.icon });
    win.on('closed', () => {
      win = null;
    });
  };
  open();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open();
  });
  app.on('before-quit', () => void ctx.close());
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  void app.whenReady().then(start);
}
