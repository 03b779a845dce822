import path from 'node:path';

/** Where the app's built parts are, given the folder of the bundled main (dist-electron/). */
export interface AppPaths {
  preload: string;
  worker: string;
  /** The metrics query worker (read-only connection), unpacked like the job worker. */
  queryWorker: string;
  rendererDir: string;
  /** Rule sets, templates, word lists and icons shipped with the app. */
  resourcesDir: string;
  icon: string;
}

/**
 * Paths of the bundled preload and worker, the built renderer and the icon. Inside a packaged
 * app the worker is unpacked from the asar archive (asarUnpack), so a worker thread can load it and
 * its native better-sqlite3 next to it.
 */
export function appPaths(bundleDir: string): AppPaths {
  const root = path.resolve(bundleDir, '..');
  return {
    preload: path.join(bundleDir, 'preload.cjs'),
    worker: unpackedPath(path.join(bundleDir, 'worker.cjs')),
    queryWorker: unpackedPath(path.join(bundleDir, 'query-worker.cjs')),
    rendererDir: path.join(root, 'dist', 'renderer'),
    resourcesDir: path.join(root, 'resources'),
    icon: path.join(root, 'resources', 'icons', 'icon.png'),
  };
}

/** The same path inside `app.asar.unpacked` when it points into `app.asar`. */
export function unpackedPath(file: string): string {
  return file.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}
