import path from 'node:path';
import { AppError, summarizeError, userError } from '../../../shared/contract/errors.ts';
import type { ImportEncoding, ImportPreview } from '../../../shared/contract/imports.ts';
import type { Db } from '../db/connection.ts';
import { presetForHeader } from '../db/presets-repo.ts';
import { str } from './adapters/values.ts';
import { guessMapping } from '../../../shared/import/column-guess.ts';
import { chooseAdapter } from './choose-adapter.ts';
import { prepareSource } from './read-records.ts';
import { openSource } from './source.ts';
import { kindFromFields } from './validate.ts';

/** Reads the head of a file for the column mapper: format, encoding, adapter, first rows and a guess. */
export async function previewFile(db: Db | null, file: string, encoding: ImportEncoding, rows: number): Promise<ImportPreview> {
  const name = path.basename(file);
  const empty: ImportPreview = {
    file: name, format: null, encoding: null, adapter: null, kind: null, header: [], rows: [], guess: null, preset: null, error: null,
  };
  try {
    const prepared = await prepareSource(openSource(file), name, encoding);
    let header = prepared.header;
    let table = prepared.previewRows.slice(0, rows);
    if (prepared.sample.format === 'json') {
      const keys = [...new Set(prepared.sample.objects.flatMap((o) => Object.keys(o)))];
      header = keys;
      table = prepared.sample.objects.slice(0, rows).map((o) => keys.map((k) => str(o[k]) ?? ''));
    }
    let adapter: string | null = null;
    try {
      adapter = chooseAdapter(db, prepared, { adapter: 'auto', mapping: null }).adapter.name;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'unsupported-format')) throw error;
    }
    const preset = db && prepared.sample.format === 'csv' ? presetForHeader(db, header) : undefined;
    const kind = adapter === 'canonical' ? kindFromFields(header.map((h) => h.toLowerCase())) : null;
    return {
      ...empty,
      format: prepared.sample.format,
      encoding: prepared.encoding,
      adapter: preset && adapter === 'generic' ? 'generic' : adapter,
      kind,
      header,
      rows: table,
      guess: preset?.mapping ?? guessMapping(header, table[0]),
      preset: preset?.name ?? null,
    };
  } catch (error) {
    const e =
      error instanceof AppError
        ? error
        : userError('internal', 'imports.file-unreadable', { file: name, reason: error instanceof Error ? error.message : String(error) });
    return { ...empty, error: summarizeError(e) };
  }
}
