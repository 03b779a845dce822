/**
 * Heap limits of the import worker. Live memory is small (a batch of rows, the rollup accumulator
 * between flushes); without limits V8 lets garbage pile up in a large young generation and the
 * peak RSS grows with the file. Measured by `npm run bench:import`. A module of its own so that a
 * host can start the worker without loading the importer.
 */
export const IMPORT_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 12, maxOldGenerationSizeMb: 512 } as const;

/**
 * Bounds on what one input file may make the reader hold or unpack (docs/import-formats.md, "Limits").
 * Each one reached stops the file with a `too-large` error naming the file, the entry and the limit.
 */
export interface ReadLimits {
  /** Longest record: a CSV record, an NDJSON line or a JSON array element, in characters. */
  maxRecordChars: number;
  /** Deepest nesting of arrays and objects in a JSON document. */
  maxJsonDepth: number;
  /** Most bytes a gzip file, or all the entries of a zip together, may unpack to. */
  maxUnpackedBytes: number;
  /** Most bytes one zip entry may unpack to. */
  maxEntryBytes: number;
  /** Most a gzip file or a zip entry may grow when unpacked (unpacked ÷ packed bytes). */
  maxRatio: number;
}

/** The limits an import uses unless its options say otherwise. */
export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = {
  maxRecordChars: 1 << 20,
  maxJsonDepth: 128,
  maxUnpackedBytes: 8 * 1024 ** 3,
  maxEntryBytes: 64 * 1024 ** 2,
  maxRatio: 50,
};

/** Unpacked bytes below this never count against the ratio (tiny files compress at any ratio). */
export const RATIO_FLOOR_BYTES = 1 << 20;

/** The default limits with `overrides` applied (a missing or non-positive value keeps the default). */
export function readLimits(overrides?: Partial<ReadLimits>): ReadLimits {
  const out = { ...DEFAULT_READ_LIMITS };
  for (const key of Object.keys(out) as (keyof ReadLimits)[]) {
    const v = overrides?.[key];
    if (typeof v === 'number' && Number.isFinite(v) && v > 0) out[key] = v;
  }
  return out;
}

/** Thrown by a reader when one record passes `maxRecordChars`; read-records words it with the file's name. */
export class RecordTooLongError extends Error {
  readonly line: number;
  readonly limit: number;
  constructor(line: number, limit: number) {
    super(`The record starting on line ${line} is longer than ${limit} characters`);
    this.name = 'RecordTooLongError';
    this.line = line;
    this.limit = limit;
  }
}

/** Thrown by the JSON splitter when arrays and objects nest deeper than `maxJsonDepth`. */
export class TooDeepError extends Error {
  readonly line: number;
  readonly limit: number;
  constructor(line: number, limit: number) {
    super(`JSON nested deeper than ${limit} levels at line ${line}`);
    this.name = 'TooDeepError';
    this.line = line;
    this.limit = limit;
  }
}

/** A byte count for messages: "1 MiB", "256 MiB", "8 GiB", or the exact bytes when not round. */
export function formatBytes(bytes: number): string {
  for (const [unit, size] of [['GiB', 1024 ** 3], ['MiB', 1024 ** 2], ['KiB', 1024]] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit}`;
  }
  return `${bytes} bytes`;
}
