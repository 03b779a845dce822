import type { Marker } from '../../../shared/metrics/types.ts';
import type { Db } from '../db/connection.ts';

/**
 * What the metrics need from published disclosures: the URL-use notice instant and the markers.
 * NOT YET WIRED: the disclosures repository (migration 0004) is not on main yet; until it is,
 * no disclosure counts as published.
 */
export function urlNoticeAt(db: Db): number | null {
  void db;
  return null;
}

/** Every published disclosure as a chart marker (kind 'disclosure'). */
export function disclosureMarkers(db: Db, timeZone: string): Marker[] {
  void db;
  void timeZone;
  return [];
}
