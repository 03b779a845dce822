import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinary, NO_ELECTRON_MESSAGE } from '../../../scripts/electron-binary.mjs';
import { startPlan } from '../../../scripts/start.mjs';

describe('npm start', () => {
  it('without an Electron binary, says so in one sentence and runs browser mode with the same arguments', () => {
    const plan = startPlan(null, ['--no-open']);
    expect(plan[0]).toEqual({ step: 'say', text: NO_ELECTRON_MESSAGE });
    expect(plan[1]).toEqual({ step: 'build-renderer' });
    expect(plan[2]).toEqual({
      step: 'run',
      command: process.execPath,
      args: [path.resolve('electron/backend/bridge/launch.ts'), '--no-open'],
    });
    expect(plan).toHaveLength(3);
  });

  it('with an Electron binary, builds the renderer and the bundles, then runs the app', () => {
    expect(startPlan('/opt/electron/electron', [])).toEqual([
      { step: 'build-renderer' },
      { step: 'build-electron' },
      { step: 'run', command: '/opt/electron/electron', args: ['.'] },
    ]);
  });

  it('on this machine, chooses browser mode exactly when there is no Electron binary', () => {
    const result = spawnSync(process.execPath, ['scripts/start.mjs', '--no-open'], {
      env: { ...process.env, NOTICE_DESK_START_DRY_RUN: '1' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    const plan = JSON.parse(result.stdout) as { step: string; text?: string }[];
    if (electronBinary()) {
      expect(plan.map((s) => s.step)).toEqual(['build-renderer', 'build-electron', 'run']);
    } else {
      expect(plan.map((s) => s.step)).toEqual(['say', 'build-renderer', 'run']);
      expect(plan[0]?.text).toBe(NO_ELECTRON_MESSAGE);
    }
  });
});
