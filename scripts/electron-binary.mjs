// Finds the Electron binary without require('electron'): the electron package's index.js tries to
// download a missing binary on require, which hangs or fails on an offline machine.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The path of the installed Electron executable, or null when it is not on this machine.
 * `packageDir` is the electron package's folder (found in node_modules by default).
 */
export function electronBinary(packageDir) {
  let dir = packageDir;
  try {
    dir ??= path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const relative = fs.readFileSync(pathFile, 'utf8').trim();
  if (!relative) return null;
  const base = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(dir, 'dist');
  const executable = path.join(base, relative);
  return fs.existsSync(executable) ? executable : null;
}

/** The one sentence `npm start` prints when it falls back to browser mode. */
export const NO_ELECTRON_MESSAGE =
  'The Electron binary is not installed on this machine (offline install), so Notice Desk is opening in browser mode instead.';
