import { dayLabel } from '../../../shared/metrics/calendar.ts';
import type { DimensionsResult } from '../../../shared/metrics/types.ts';
import type { Db } from '../db/connection.ts';
import { dataDayRange, dimensionCounts } from '../db/metrics-repo.ts';
import { workspaceTimeZone } from '../db/workspace-settings.ts';
import type { DayRange } from './scope.ts';

/** The dimensions result from the counts, the data's day range and the time zone (both engines). */
export function assembleDimensions(counts: ReturnType<typeof dimensionCounts>, range: DayRange, timeZone: string): DimensionsResult {
  return {
    ...counts,
    firstDate: range.first === null ? null : dayLabel(range.first),
    lastDate: range.last === null ? null : dayLabel(range.last),
    timeZone,
  };
}

/** The senders, categories and templates present and the data's date range (filter pickers). */
export function computeDimensions(db: Db): DimensionsResult {
  return assembleDimensions(dimensionCounts(db), dataDayRange(db), workspaceTimeZone(db));
}
