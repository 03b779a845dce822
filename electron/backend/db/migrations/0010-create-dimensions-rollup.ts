import type { Migration } from './types.ts';

/**
 * Notification counts per (sender, template, category) over all time, kept by the importer with the
 * daily rollups: the filter lists (senders, categories and templates present, with their counts)
 * read a few hundred rows instead of grouping every daily row. Filled from the daily template counts.
 */
export const createDimensionsRollup: Migration = {
  version: 10,
  name: '0010-create-dimensions-rollup',
  up(db) {
    db.exec(`
      CREATE TABLE rollup_dimensions (
        sender_id   TEXT NOT NULL,
        template_id TEXT NOT NULL,
        category    TEXT NOT NULL,
        messages    INTEGER NOT NULL,
        PRIMARY KEY (sender_id, template_id, category)
      ) WITHOUT ROWID;

      INSERT INTO rollup_dimensions (sender_id, template_id, category, messages)
      SELECT sender_id, template_id, category, sum(messages) FROM rollup_templates_daily GROUP BY sender_id, template_id, category;
    `);
  },
};
