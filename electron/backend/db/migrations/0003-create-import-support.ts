import type { Migration } from './types.ts';

/**
 * Import support: named column-mapping presets (reused when a later file has the same header)
 * and the watched exports folder's log. Privacy options and the folder path live in workspace_meta.
 */
export const createImportSupport: Migration = {
  version: 3,
  name: '0003-create-import-support',
  up(db) {
    db.exec(`
      CREATE TABLE import_presets (
        name         TEXT PRIMARY KEY,
        header_key   TEXT NOT NULL,
        header_json  TEXT NOT NULL,
        mapping_json TEXT NOT NULL,
        created_at   INTEGER NOT NULL
      );
      CREATE INDEX import_presets_by_header ON import_presets(header_key);

      CREATE TABLE watch_log (
        id        INTEGER PRIMARY KEY,
        at        INTEGER NOT NULL,
        file_name TEXT NOT NULL,
        file_key  TEXT NOT NULL,
        outcome   TEXT NOT NULL CHECK (outcome IN ('imported','refused','failed')),
        message   TEXT NOT NULL,
        import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL
      );
      CREATE INDEX watch_log_by_file ON watch_log(file_key);
    `);
  },
};
