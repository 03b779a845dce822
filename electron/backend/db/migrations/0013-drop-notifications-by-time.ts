import type { Migration } from './types.ts';

/**
 * Drops notifications_by_time, the covering index of every notification by sent time (0002). The
 * dashboards read rollups, not raw rows, so only two rare paths read it: a removal recomputing the
 * distinct-recipient sets of the days it touched (now one pass by id) and the refusal check of a
 * consent import (a scan of the messages after its earliest refusal). Every import paid for it: the
 * fourth B-tree written per notification, 46 MiB per million rows, at random places when a file is
 * not in time order (docs/import-formats.md).
 */
export const dropNotificationsByTime: Migration = {
  version: 13,
  name: '0013-drop-notifications-by-time',
  up(db) {
    db.exec('DROP INDEX IF EXISTS notifications_by_time');
  },
};
