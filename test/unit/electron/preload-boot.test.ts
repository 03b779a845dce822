import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNames } from '../../../shared/contract/index.ts';
import { buildElectron } from '../../../scripts/build-electron.mjs';

// A stand-in for 'electron' in the preload (the binary is not installed here): records what the
// bundled preload exposes and answers invokes with envelopes, then prints a JSON report.
const STAND_IN = `
const exposed = {};
const invoked = [];
module.exports = {
  contextBridge: { exposeInMainWorld(key, api) { exposed[key] = api; } },
  ipcRenderer: {
    invoke: async (channel, input) => {
      invoked.push(channel);
      return channel === 'workspace:current'
        ? { ok: false, error: { code: 'no-workspace', message: 'No workspace is open.' } }
        : { ok: true, value: { channel, input } };
    },
    on() {},
    removeListener() {},
  },
  webUtils: { getPathForFile: () => '/x' },
};
setTimeout(async () => {
  const api = exposed.noticeDesk;
  const value = await api.call['app:info']({});
  const error = await api.call['workspace:current']({}).catch((e) => ({ name: e.name, code: e.code, message: e.message }));
  process.stdout.write(JSON.stringify({
    keys: Object.keys(exposed),
    bridgeKeys: Object.keys(api).sort(),
    verbs: Object.keys(api.call).sort(),
    types: [...new Set(Object.values(api.call).map((f) => typeof f))],
    value, error, invoked,
  }));
}, 10);
`;

describe('the bundled preload, run against a stand-in electron module', () => {
  let dir: string;
  let report: {
    keys: string[];
    bridgeKeys: string[];
    verbs: string[];
    types: string[];
    value: unknown;
    error: { name?: string; code: string; message: string };
    invoked: string[];
  };

  beforeAll(async () => {
    fs.mkdirSync(path.resolve('.tmp'), { recursive: true });
    dir = fs.mkdtempSync(path.resolve('.tmp', 'shell-preload-'));
    await buildElectron({ outdir: path.join(dir, 'dist-electron') });
    fs.mkdirSync(path.join(dir, 'node_modules', 'electron'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'node_modules', 'electron', 'index.js'), STAND_IN);
    const result = spawnSync(process.execPath, [path.join(dir, 'dist-electron', 'preload.cjs')], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    if (result.status !== 0) throw new Error(`the preload failed: ${result.stderr}`);
    report = JSON.parse(result.stdout) as typeof report;
  });

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('exposes only window.noticeDesk, with call, on and pathForFile', () => {
    expect(report.keys).toEqual(['noticeDesk']);
    expect(report.bridgeKeys).toEqual(['call', 'on', 'pathForFile']);
  });

  it('has exactly one function per contract call', () => {
    expect(report.verbs).toEqual([...callNames].sort());
    expect(report.types).toEqual(['function']);
  });

  it('invokes by call name, unwraps values and rejects with the plain error shape', () => {
    expect(report.value).toEqual({ channel: 'app:info', input: {} });
    expect(report.error).toEqual({ code: 'no-workspace', message: 'No workspace is open.' });
    expect(report.invoked).toEqual(['app:info', 'workspace:current']);
  });
});
