import { dayLabel } from '../../../shared/metrics/calendar.ts';
import type { DimensionsResult } from '../../../shared/metrics/types.ts';
import type { Db } from '../db/connection.ts';
import { dataDayRange, dimensionCounts } from '../db/metrics-repo.ts';
import { workspaceTimeZone } from '../db/workspace-settings.ts';

/** The senders, categories and templates present and the data's date range (filter pickers). */
export function computeDimensions(db: Db): DimensionsResult {
  const range = dataDayRange(db);
  return {
    ...dimensionCounts(db),
    firstDate: range.first === null ? null : dayLabel(range.first),
    lastDate: range.last === null ? null : dayLabel(range.last),
    timeZone: workspaceTimeZone(db),
  };
}
