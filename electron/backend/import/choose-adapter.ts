import { AppError } from '../../../shared/contract/errors.ts';
import type { GenericMapping } from '../../../shared/contract/imports.ts';
import type { Db } from '../db/connection.ts';
import { presetForHeader } from '../db/presets-repo.ts';
import { adapterByName, adapters } from './adapters/index.ts';
import type { PreparedSource } from './read-records.ts';
import type { Adapter } from './types.ts';

/** The adapter (and, for the generic one, the column mapping) a file is read with. */
export interface ChosenAdapter {
  adapter: Adapter;
  mapping: GenericMapping | null;
}

/**
 * Picks the adapter: the one named, else the first whose detection matches, else a saved preset
 * for the same CSV header (generic). Refuses the file, naming what was found, when none fits.
 */
export function chooseAdapter(
  db: Db | null,
  prepared: PreparedSource,
  options: { adapter: string; mapping: GenericMapping | null },
): ChosenAdapter {
  const { sample } = prepared;
  if (options.adapter !== 'auto') {
    const adapter = adapterByName(options.adapter);
    if (!adapter) throw new AppError('bad-input', `Unknown adapter: ${options.adapter}.`);
    if (adapter.name === 'generic') {
      const mapping = options.mapping ?? (db ? presetForHeader(db, prepared.header)?.mapping : undefined) ?? null;
      if (!mapping) {
        throw new AppError('bad-input', `${sample.fileName}: the generic adapter needs a column mapping (or a saved preset for this header).`);
      }
      return { adapter, mapping };
    }
    return { adapter, mapping: null };
  }
  if (options.mapping && sample.format === 'csv') return { adapter: adapterByName('generic')!, mapping: options.mapping };
  for (const adapter of adapters) {
    if (adapter.name !== 'generic' && adapter.detect(sample)) return { adapter, mapping: null };
  }
  if (sample.format === 'csv' && db) {
    const preset = presetForHeader(db, prepared.header);
    if (preset) return { adapter: adapterByName('generic')!, mapping: preset.mapping };
  }
  const seen =
    sample.format === 'csv'
      ? `a CSV header of ${prepared.header.slice(0, 8).map((h) => `"${h}"`).join(', ')}`
      : sample.objects[0]
        ? `JSON records with fields ${Object.keys(sample.objects[0]).slice(0, 8).join(', ')}`
        : 'JSON with no records';
  throw new AppError(
    'unsupported-format',
    `${sample.fileName}: not a supported export. Found ${seen}; expected the canonical format (columns sent_at, occurred_at + action, or url) or one of the supported vendor exports. Map its columns with the column mapper (generic adapter).`,
    { file: sample.fileName },
  );
}
