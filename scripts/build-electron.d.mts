/** Builds dist-electron/main.cjs, preload.cjs and worker.cjs (or into `outdir`); returns their paths. */
export function buildElectron(options?: { outdir?: string }): Promise<string[]>;
/** Modules main and the worker leave to node_modules: electron and the production dependencies. */
export const nodeExternals: string[];
/** Bundles one Node entry (a path from the repository root) into the CommonJS file `outfile`, as the app's bundles are built. */
export function bundleNodeEntry(entry: string, outfile: string): Promise<unknown>;
