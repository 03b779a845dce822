import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBridge } from '../../../electron/backend/bridge/server.ts';
import { dispatch } from '../../../electron/backend/dispatch.ts';
import { stopWatcher } from '../../../electron/backend/import/watch-folder.ts';
import { applyLaunchPaths, parseLaunchPaths } from '../../../electron/backend/paths/launch-paths.ts';
import { JsonFileSettingsStore } from '../../../electron/backend/settings-store.ts';
import { tempDir } from '../helpers/tmp.ts';

describe('paths given when browser mode is launched', () => {
  it('reads --workspace and --watch-folder, in either spelling', () => {
    expect(parseLaunchPaths(['--no-open', '--workspace', '/w/a.sqlite', '--watch-folder=/exports'])).toEqual({
      workspace: '/w/a.sqlite',
      watchFolder: '/exports',
    });
    expect(parseLaunchPaths(['--workspace'])).toEqual({});
  });

  it('opens (or creates) the launch workspace and watches the launch folder; the page still cannot name others', async () => {
    const dir = fs.realpathSync(tempDir());
    const bridge = await startBridge({
      rendererDir: dir,
      settings: new JsonFileSettingsStore(path.join(dir, 'settings.json')),
      workspacesDir: path.join(dir, 'workspaces'),
    });
    try {
      const workspace = path.join(dir, 'elsewhere', 'team.sqlite');
      fs.mkdirSync(path.dirname(workspace));
      const folder = path.join(dir, 'exports');
      fs.mkdirSync(folder);
      expect(await applyLaunchPaths(bridge.ctx, { workspace, watchFolder: folder })).toEqual([]);
      expect(bridge.ctx.session?.path).toBe(workspace);
      expect(await dispatch('imports:watchFolder', {}, bridge.ctx)).toMatchObject({ path: folder, enabled: true, confirmed: true });
      // Another file beside it was not given at launch.
      await expect(dispatch('workspace:create', { path: path.join(dir, 'elsewhere', 'other.sqlite') }, bridge.ctx)).rejects.toMatchObject({
        code: 'path-not-allowed',
      });
      // Closed and opened again from the page: it is a recent workspace now.
      await dispatch('workspace:close', {}, bridge.ctx);
      await dispatch('workspace:open', { path: workspace }, bridge.ctx);
      expect(bridge.ctx.session?.path).toBe(workspace);
      stopWatcher(bridge.ctx);
    } finally {
      await bridge.close();
    }
  });

  it('says why a watched folder without a workspace is not set', async () => {
    const dir = fs.realpathSync(tempDir());
    const bridge = await startBridge({ rendererDir: dir, settings: new JsonFileSettingsStore(path.join(dir, 's.json')), workspacesDir: dir });
    try {
      expect(await applyLaunchPaths(bridge.ctx, { watchFolder: dir })).toEqual([`--watch-folder ${dir} needs a workspace: give --workspace <file> too.`]);
    } finally {
      await bridge.close();
    }
  });
});
