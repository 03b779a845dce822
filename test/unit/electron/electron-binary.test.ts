import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronBinary, NO_ELECTRON_MESSAGE } from '../../../scripts/electron-binary.mjs';
import { tempDir } from '../helpers/tmp.ts';

describe('finding the Electron binary (npm start)', () => {
  const saved = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  afterEach(() => {
    if (saved === undefined) delete process.env.ELECTRON_OVERRIDE_DIST_PATH;
    else process.env.ELECTRON_OVERRIDE_DIST_PATH = saved;
  });

  it('says missing when the package never downloaded its binary (no path.txt)', () => {
    delete process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"electron"}');
    expect(electronBinary(dir)).toBeNull();
  });

  it('says missing when path.txt names an executable that is not there', () => {
    delete process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'path.txt'), 'electron');
    expect(electronBinary(dir)).toBeNull();
  });

  it('finds the executable path.txt names under dist/', () => {
    delete process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'path.txt'), 'Electron.app/Contents/MacOS/Electron');
    const exe = path.join(dir, 'dist', 'Electron.app', 'Contents', 'MacOS', 'Electron');
    fs.mkdirSync(path.dirname(exe), { recursive: true });
    fs.writeFileSync(exe, '');
    expect(electronBinary(dir)).toBe(exe);
  });

  it('never requires the electron package (which would try to download) and explains the fallback in one sentence', () => {
    const source = fs
      .readFileSync(path.resolve('scripts/electron-binary.mjs'), 'utf8')
      .split('\n')
      .filter((line) => !line.trim().startsWith('//') && !line.trim().startsWith('*'))
      .join('\n');
    expect(source).not.toMatch(/require\(['"]electron['"]\)/);
    expect(NO_ELECTRON_MESSAGE).toBe(
      'The Electron binary is not installed on this machine (offline install), so Notice Desk is opening in browser mode instead.',
    );
  });
});
