import { userError } from '../../../shared/contract/errors.ts';
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
    if (!adapter) throw userError('bad-input', 'adapters.unknown', { adapter: options.adapter });
    if (adapter.name === 'generic') {
      const mapping = options.mapping ?? (db ? presetForHeader(db, prepared.header)?.mapping : undefined) ?? null;
      if (!mapping) {
        throw userError('bad-input', 'adapters.mapping-needed', { file: sample.fileName });
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
  const file = sample.fileName;
  if (sample.format === 'csv') {
    const header = prepared.header.slice(0, 8).map((h) => `"${h}"`).join(', ');
    throw userError('unsupported-format', 'adapters.unsupported-csv', { file, header }, { file });
  }
  const first = sample.objects[0];
  if (!first) throw userError('unsupported-format', 'adapters.unsupported-empty-json', { file }, { file });
  const fields = Object.keys(first).slice(0, 8).join(', ');
  throw userError('unsupported-format', 'adapters.unsupported-json', { file, fields }, { file });
}
