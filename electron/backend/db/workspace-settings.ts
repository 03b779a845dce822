import { userError } from '../../../shared/contract/errors.ts';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../../../shared/time-zone.ts';
import type { Db } from './connection.ts';
import { getMeta, setMeta } from './meta-repo.ts';

const TIME_ZONE = 'timeZone';

/**
 * The workspace's time zone (its days, weeks and months; the rollups are keyed in it): the one way
 * every part of the backend reads it. A missing value, or one that is not a time zone this runtime
 * knows (a workspace edited elsewhere), reads as the default.
 */
export function workspaceTimeZone(db: Db): string {
  const stored = getMeta<unknown>(db, TIME_ZONE, null);
  return isValidTimeZone(stored) ? stored : DEFAULT_TIME_ZONE;
}

/** Stores the workspace's time zone (the caller rebuilds the rollups in the same transaction); refuses an unknown zone. */
export function setWorkspaceTimeZone(db: Db, zone: string): void {
  if (!isValidTimeZone(zone)) throw userError('bad-input', 'workspace.bad-time-zone', { zone });
  setMeta(db, TIME_ZONE, zone);
}
