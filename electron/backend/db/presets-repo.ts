import type { GenericMapping, MappingPreset } from '../../../shared/contract/imports.ts';
import type { Db } from './connection.ts';

/** The key a header is matched by: its column names trimmed, lower-cased, in order. */
export function headerKey(header: readonly string[]): string {
  return header.map((h) => h.trim().toLowerCase()).join('\u001f');
}

interface PresetRow {
  name: string;
  header_json: string;
  mapping_json: string;
  created_at: number;
}

function toPreset(r: PresetRow): MappingPreset {
  return {
    name: r.name,
    header: JSON.parse(r.header_json) as string[],
    mapping: JSON.parse(r.mapping_json) as GenericMapping,
    createdAt: r.created_at,
  };
}

/** Every saved column-mapping preset, by name. */
export function listPresets(db: Db): MappingPreset[] {
  return (db.prepare('SELECT * FROM import_presets ORDER BY name').all() as PresetRow[]).map(toPreset);
}

/** Saves or replaces a preset. */
export function savePreset(db: Db, name: string, header: readonly string[], mapping: GenericMapping): void {
  db.prepare(
    `INSERT INTO import_presets (name, header_key, header_json, mapping_json, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(name) DO UPDATE SET header_key = excluded.header_key, header_json = excluded.header_json,
       mapping_json = excluded.mapping_json, created_at = excluded.created_at`,
  ).run(name, headerKey(header), JSON.stringify(header), JSON.stringify(mapping), Date.now());
}

/** Deletes a preset by name. */
export function deletePreset(db: Db, name: string): void {
  db.prepare('DELETE FROM import_presets WHERE name = ?').run(name);
}

/** The newest preset saved for exactly this header, if any. */
export function presetForHeader(db: Db, header: readonly string[]): MappingPreset | undefined {
  const row = db
    .prepare('SELECT * FROM import_presets WHERE header_key = ? ORDER BY created_at DESC LIMIT 1')
    .get(headerKey(header)) as PresetRow | undefined;
  return row ? toPreset(row) : undefined;
}
