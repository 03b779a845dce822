import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNames } from '../../../shared/contract/index.ts';
import { buildElectron } from '../../../scripts/build-electron.mjs';

interface Report {
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[];
  readyBeforeSchemes: boolean;
  handledProtocols: string[];
  ipcChannels: string[];
  permissionRequestHandler: boolean;
  permissionCheckHandler: boolean;
  beforeRequest: boolean;
  windows: { options: { webPreferences: Record<string, unknown> }; url: string; events: string[] }[];
  menuBefore: string[];
  menuLabels: string[];
  userData: string;
  indexStatus: number;
  indexCsp: string;
  escapeStatus: number;
  trustedInfo: { ok: boolean; value?: { transport: string } };
  untrustedInfo: { ok: boolean; error?: { code: string } };
  badInput: { ok: boolean; error?: { code: string } };
  settingsSet: { ok: boolean; value?: { locale: string } };
  passwordStorage: { ok: boolean; value?: { persistent: boolean } };
  env: Record<string, string>;
}

/**
 * Boots the real bundled main process (dist-electron/main.cjs) in plain Node, with a stand-in for
 * the 'electron' module (the binary is not installed here) that records what main wires up.
 */
describe('the bundled main process, booted against a stand-in electron module', () => {
  let dir: string;
  let report: Report;

  beforeAll(async () => {
    fs.mkdirSync(path.resolve('.tmp'), { recursive: true });
    dir = fs.mkdtempSync(path.resolve('.tmp', 'shell-boot-'));
    await buildElectron({ outdir: path.join(dir, 'dist-electron') });
    fs.mkdirSync(path.join(dir, 'dist', 'renderer'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Notice Desk</title>');
    fs.mkdirSync(path.join(dir, 'node_modules', 'electron'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'node_modules', 'electron', 'package.json'), '{"name":"electron","main":"index.js"}');
    fs.copyFileSync(path.resolve('test/unit/electron/fixtures/electron-stand-in.cjs'), path.join(dir, 'node_modules', 'electron', 'index.js'));
    const reportFile = path.join(dir, 'report.json');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      STAND_IN_REPORT: reportFile,
      STAND_IN_HOME: dir,
      NOTICE_DESK_USER_DATA: path.join(dir, 'user-data'),
    };
    for (const key of ['NOTICE_DESK_WORKER_FILE', 'NOTICE_DESK_RESOURCES_DIR', 'NOTICE_DESK_DEMO_DIR', 'ELECTRON_RUN_AS_NODE']) delete env[key];
    const result = spawnSync(process.execPath, [path.join(dir, 'dist-electron', 'main.cjs')], {
      cwd: dir,
      env,
      encoding: 'utf8',
      timeout: 30_000,
    });
    if (!fs.existsSync(reportFile)) throw new Error(`main did not boot: ${result.stderr}`);
    report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as Report;
  });

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('registers app:// as a privileged, secure, standard scheme before the app is ready', () => {
    expect(report.readyBeforeSchemes).toBe(false);
    expect(report.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) },
    ]);
    expect(report.handledProtocols).toEqual(['app']);
  });

  it('serves the renderer over app:// with the CSP and refuses a path out of it', () => {
    expect(report.indexStatus).toBe(200);
    expect(report.indexCsp).toContain("default-src 'none'");
    expect(report.escapeStatus).toBe(404);
  });

  it('denies permissions and network requests for the whole session', () => {
    expect(report.permissionRequestHandler).toBe(true);
    expect(report.permissionCheckHandler).toBe(true);
    expect(report.beforeRequest).toBe(true);
  });

  it('binds exactly the contract calls to ipcMain', () => {
    expect(report.ipcChannels.filter((c) => c.includes(':')).sort()).toEqual([...callNames].sort());
  });

  it('answers the app window, refuses a stranger and a bad payload', () => {
    expect(report.trustedInfo).toMatchObject({ ok: true, value: { transport: 'electron' } });
    expect(report.untrustedInfo).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(report.badInput).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(report.settingsSet).toMatchObject({ ok: true, value: { locale: 'en' } });
    expect(fs.existsSync(path.join(dir, 'user-data', 'settings.json'))).toBe(true);
  });

  it('keeps warehouse passwords through the system keychain (safeStorage)', () => {
    expect(report.passwordStorage).toEqual({ ok: true, value: { persistent: true } });
  });

  it('opens one secure window on app://notice-desk/index.html with navigation guarded', () => {
    expect(report.windows).toHaveLength(1);
    const win = report.windows[0]!;
    expect(win.url).toBe('app://notice-desk/index.html');
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(win.options.webPreferences.preload).toBe(path.join(dir, 'dist-electron', 'preload.cjs'));
    expect(win.events).toEqual(expect.arrayContaining(['will-navigate', 'will-redirect', 'will-attach-webview', 'window-open-handler']));
  });

  it('builds the menu in the saved locale and rebuilds it when the locale changes', () => {
    expect(report.menuBefore).toEqual(expect.arrayContaining(['파일', '새 워크스페이스…', '최근 워크스페이스', '도움말']));
    expect(report.menuBefore).not.toContain('File');
    expect(report.menuLabels).toEqual(expect.arrayContaining(['File', 'New Workspace…', 'Open Recent', 'Help']));
  });

  it('points jobs at the bundled worker and the backend at the packaged resources', () => {
    expect(report.env.NOTICE_DESK_WORKER_FILE).toBe(path.join(dir, 'dist-electron', 'worker.cjs'));
    expect(report.env.NOTICE_DESK_RESOURCES_DIR).toBe(path.join(dir, 'resources'));
  });
});
