/** Builds dist-electron/main.cjs, preload.cjs and worker.cjs (or into `outdir`); returns their paths. */
export function buildElectron(options?: { outdir?: string }): Promise<string[]>;
/** Modules main and the worker leave to node_modules: electron and the production dependencies. */
export const nodeExternals: string[];
