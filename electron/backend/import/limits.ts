/**
 * Heap limits of the import worker. Live memory is small (a batch of rows, the rollup accumulator
 * between flushes); without limits V8 lets garbage pile up in a large young generation and the
 * peak RSS grows with the file. Measured by `npm run bench:import`. A module of its own so that a
 * host can start the worker without loading the importer.
 */
export const IMPORT_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 12, maxOldGenerationSizeMb: 512 } as const;
