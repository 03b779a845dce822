import { openDatabase } from '../db/connection.ts';
import { rebuildRollups } from './rebuild.ts';
import { setWorkspaceTimeZone } from '../db/workspace-settings.ts';
import type { JobFn } from '../jobs/types.ts';

/**
 * The worker job behind a change of the workspace time zone: stores the zone and rebuilds every
 * rollup (they are keyed by local day) in one transaction, so a failure leaves both as they were.
 */
export const rebuildRollupsJob: JobFn<{ path: string; timeZone: string }, { rows: number }> = (params, progress) => {
  const db = openDatabase(params.path);
  let rows = 0;
  try {
    db.transaction(() => {
      setWorkspaceTimeZone(db, params.timeZone);
      rebuildRollups(db, (done) => {
        rows = done;
        progress({ phase: 'rollups', done, total: null });
      });
    })();
    return { rows };
  } finally {
    db.close();
  }
};
