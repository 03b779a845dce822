import { dayLabel, localDay } from '../../../shared/metrics/calendar.ts';
import type { Marker } from '../../../shared/metrics/types.ts';
import type { Db } from '../db/connection.ts';
import { firstPublishedUrlNoticeDate, listPublishedDisclosures } from '../db/disclosures-repo.ts';

/**
 * The workspace's URL-use notice instant: the effective date (epoch ms) of its first published
 * `url-notice` disclosure, or null when none was published (every indexed URL then counts).
 */
export function urlNoticeAt(db: Db): number | null {
  return firstPublishedUrlNoticeDate(db);
}

/** Every published disclosure as a chart marker (kind 'disclosure') on its effective local date. */
export function disclosureMarkers(db: Db, timeZone: string): Marker[] {
  return listPublishedDisclosures(db).map((d) => ({
    id: `disclosure-${d.id}`,
    date: dayLabel(localDay(d.effectiveAt, timeZone)),
    label: d.title,
    kind: 'disclosure' as const,
  }));
}
