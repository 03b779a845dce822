// Bundles the Electron side with esbuild: main, the sandboxed preload and the backend worker, each a
// single CommonJS file in dist-electron/. electron and the production dependencies stay external.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

// Production dependencies stay in node_modules (electron-builder packs them): native modules must,
// and some (pdfkit) read data files beside their own sources. electron-store is ESM-only, so it is
// bundled into the CommonJS main instead.
export const nodeExternals = ['electron', ...Object.keys(pkg.dependencies ?? {}).filter((name) => name !== 'electron-store')];

// The sources are ES modules that use import.meta.url; in CommonJS output it becomes the file's URL.
const importMetaBanner = "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;";

const common = {
  bundle: true,
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

/** Bundles one Node entry (a path from the repository root) into the CommonJS file `outfile`, as the app's bundles are built. */
export function bundleNodeEntry(entry, outfile) {
  return build({
    ...common,
    entryPoints: [path.join(root, entry)],
    outfile,
    platform: 'node',
    external: nodeExternals,
    define: { 'import.meta.url': '__importMetaUrl', 'import.meta.dirname': '__dirname', 'import.meta.filename': '__filename' },
    banner: { js: importMetaBanner },
  });
}

/** Builds the four bundles into `outdir` (default dist-electron/); returns their paths. */
export async function buildElectron({ outdir = path.join(root, 'dist-electron') } = {}) {
  fs.mkdirSync(outdir, { recursive: true });
  const nodeBundle = (entry, outfile) => bundleNodeEntry(entry, path.join(outdir, outfile));
  await Promise.all([
    nodeBundle('electron/main/index.ts', 'main.cjs'),
    nodeBundle('electron/backend/jobs/worker.ts', 'worker.cjs'),
    nodeBundle('electron/backend/metrics/query-worker-entry.ts', 'query-worker.cjs'),
    // A sandboxed preload can require only 'electron' (and a few polyfills): everything else is inlined.
    build({
      ...common,
      entryPoints: [path.join(root, 'electron/preload/index.ts')],
      outfile: path.join(outdir, 'preload.cjs'),
      platform: 'browser',
      external: ['electron'],
    }),
  ]);
  return ['main.cjs', 'preload.cjs', 'worker.cjs', 'query-worker.cjs'].map((f) => path.join(outdir, f));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = await buildElectron();
  for (const file of files) console.log(`built ${path.relative(root, file)} (${Math.round(fs.statSync(file).size / 1024)} KB)`);
}
