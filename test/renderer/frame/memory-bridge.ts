import { AppError, defaultSettings, type Api, type Bridge, type Settings, type WorkspaceInfo } from '../../../shared/contract/index.ts';
import type { WatchFolderView } from '../../../shared/contract/imports.ts';

/** What the in-memory bridge records, for assertions. */
export interface MemoryBridge extends Bridge {
  settings: Settings;
  workspace: WorkspaceInfo | null;
  /** Every call made, in order: `[name, input]`. */
  calls: [string, unknown][];
  /** What `workspace:pickPath` answers (null = browser mode, or a cancelled native dialog). */
  pickedPath: string | null;
  /** What `app:info` reports as the transport. */
  transport: 'electron' | 'browser';
  /** Makes the next `times` calls of `name` (default 1) fail with this error. */
  failNext(name: string, error: AppError, times?: number): void;
  /** Files that `workspace:open` accepts. */
  existing: Set<string>;
  /** The open workspace's watched folder as `imports:watchFolder` reports it. */
  watchFolder: WatchFolderView;
}

/** Browser mode's workspaces folder, as `workspace:list` reports it. */
export const WORKSPACES_DIR = '/home/minji/.config/notice-desk/workspaces';

function info(path: string, timeZone = 'Asia/Seoul', demo = false): WorkspaceInfo {
  const name = path.split(/[\\/]/).pop()!.replace(/\.sqlite$/, '');
  return { path, name, schemaVersion: 1, timeZone, counts: { notifications: 0, consent: 0, urls: 0, imports: 0 }, demo, reviewFile: null, warehouse: null };
}

/**
 * A small in-memory stand-in for the backend, enough for the frame's component tests (app,
 * settings and workspace calls). Any other call fails with `unknown-call`. The real backend is
 * covered by the e2e suite.
 */
export function memoryBridge(initial: Partial<Settings> = {}, workspace: WorkspaceInfo | null = null): MemoryBridge {
  const failures = new Map<string, { error: AppError; times: number }>();
  const bridge = {
    settings: { ...defaultSettings, recentWorkspaces: [], ...initial } as Settings,
    workspace,
    calls: [] as [string, unknown][],
    pickedPath: null as string | null,
    transport: 'browser',
    existing: new Set<string>(),
    watchFolder: { path: null, enabled: false, confirmed: false, ask: false },
    failNext(name: string, error: AppError, times = 1) {
      failures.set(name, { error, times });
    },
  } as MemoryBridge;

  const switchTo = (path: string) => {
    bridge.workspace = info(path);
    bridge.settings = { ...bridge.settings, recentWorkspaces: [path, ...bridge.settings.recentWorkspaces.filter((p) => p !== path)] };
    return bridge.workspace;
  };
  const handlers: Record<string, (input: never) => unknown> = {
    'app:info': () => ({ version: '0.1.0', transport: bridge.transport, platform: 'linux', documentsDir: '/home/minji/Documents' }),
    'settings:get': () => bridge.settings,
    'settings:set': (patch: Partial<Settings>) => (bridge.settings = { ...bridge.settings, ...patch }),
    'workspace:current': () => bridge.workspace,
    'workspace:pickPath': () => bridge.pickedPath,
    'workspace:create': (input: { path: string } | { name: string }) => {
      // Browser mode creates by name in its workspaces folder.
      const path = 'path' in input ? input.path : `${WORKSPACES_DIR}/${input.name}.sqlite`;
      if (bridge.existing.has(path)) throw new AppError('conflict', `${path} already exists. Open it instead, or choose another file name.`);
      bridge.existing.add(path);
      return switchTo(path);
    },
    'workspace:list': () => ({
      dir: WORKSPACES_DIR,
      files: [...bridge.existing]
        .filter((p) => p.startsWith(`${WORKSPACES_DIR}/`))
        .map((p) => ({ name: p.slice(WORKSPACES_DIR.length + 1).replace(/\.sqlite$/, ''), path: p, modifiedAt: 0 })),
    }),
    'workspace:open': ({ path }: { path: string }) => {
      if (!bridge.existing.has(path)) throw new AppError('not-found', `${path} does not exist.`);
      return switchTo(path);
    },
    'workspace:close': () => {
      bridge.workspace = null;
      return null;
    },
    'imports:watchFolder': () => bridge.watchFolder,
    'imports:confirmWatchFolder': ({ watch }: { watch: boolean }) =>
      (bridge.watchFolder = { ...bridge.watchFolder, confirmed: watch, ask: false }),
    'workspace:setTimeZone': ({ timeZone }: { timeZone: string }) => {
      if (!bridge.workspace) throw new AppError('no-workspace', 'No workspace is open.');
      bridge.workspace = { ...bridge.workspace, timeZone };
      return bridge.workspace;
    },
  };
  const call = new Proxy({} as Api, {
    get: (_target, name: string) => async (input: unknown) => {
      bridge.calls.push([name, input]);
      const failure = failures.get(name);
      if (failure) {
        if (--failure.times <= 0) failures.delete(name);
        throw failure.error;
      }
      const handler = handlers[name];
      if (!handler) throw new AppError('unknown-call', `The in-memory bridge has no ${name}.`);
      return structuredClone(handler(input as never));
    },
  });
  bridge.call = call;
  bridge.pathForFile = () => null;
  bridge.on = () => () => undefined;
  return bridge;
}

/** A workspace description for tests. */
export function testWorkspace(path: string, timeZone = 'Asia/Seoul', demo = false): WorkspaceInfo {
  return info(path, timeZone, demo);
}
