import type { Db } from './connection.ts';

/** Row counts of the canonical tables and imports. */
export function countEvents(db: Db): {
  notifications: number;
  consent: number;
  urls: number;
  imports: number;
} {
  const row = db
    .prepare(
      `SELECT (SELECT count(*) FROM notifications) AS notifications,
              (SELECT count(*) FROM consent) AS consent,
              (SELECT count(*) FROM urls) AS urls,
              (SELECT count(*) FROM imports) AS imports`,
    )
    .get() as { notifications: number; consent: number; urls: number; imports: number };
  return row;
}
