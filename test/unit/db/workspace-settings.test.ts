import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/backend/db/connection.ts';
import { setMeta } from '../../../electron/backend/db/meta-repo.ts';
import { setWorkspaceTimeZone, workspaceTimeZone } from '../../../electron/backend/db/workspace-settings.ts';
import { loadCostModel, saveCostModel } from '../../../electron/backend/metrics/settings.ts';
import { createWorkspaceFile } from '../../../electron/backend/workspace-file.ts';
import { defaultCostModel } from '../../../shared/metrics/cost-model.ts';
import { DEFAULT_TIME_ZONE } from '../../../shared/time-zone.ts';
import { tempDir } from '../helpers/tmp.ts';

async function fresh() {
  const file = path.join(tempDir('settings-'), 'w.sqlite');
  await createWorkspaceFile(file, 'Europe/Berlin');
  return openDatabase(file);
}

describe('the workspace settings accessor', () => {
  it('reads the stored time zone, and the default for a missing or unknown one', async () => {
    const db = await fresh();
    try {
      expect(workspaceTimeZone(db)).toBe('Europe/Berlin');
      for (const bad of ['Mars/Olympus', 42, '', null, { zone: 'x' }]) {
        setMeta(db, 'timeZone', bad);
        expect(workspaceTimeZone(db)).toBe(DEFAULT_TIME_ZONE);
      }
      db.prepare("DELETE FROM workspace_meta WHERE key = 'timeZone'").run();
      expect(workspaceTimeZone(db)).toBe(DEFAULT_TIME_ZONE);
      setWorkspaceTimeZone(db, 'America/New_York');
      expect(workspaceTimeZone(db)).toBe('America/New_York');
      expect(() => setWorkspaceTimeZone(db, 'Mars/Olympus')).toThrow(expect.objectContaining({ code: 'bad-input', key: 'workspace.bad-time-zone' }));
    } finally {
      db.close();
    }
  });

  it('keeps the valid stored cost-model fields and defaults the rest (text, NaN, out of range, unknown fields)', async () => {
    const db = await fresh();
    try {
      setMeta(db, 'metrics.costModel', { firstMessageBytes: 'lots', laterMessageBytes: 4096, cellularShare: 7, tariffLowKrwPerKiB: null, firstScope: 'recipient', extra: 1 });
      expect(loadCostModel(db)).toEqual({ ...defaultCostModel, laterMessageBytes: 4096, firstScope: 'recipient' });
      setMeta(db, 'metrics.costModel', 'not an object');
      expect(loadCostModel(db)).toEqual(defaultCostModel);
      expect(saveCostModel(db, { cellularShare: 0.5 })).toEqual({ ...defaultCostModel, cellularShare: 0.5 });
    } finally {
      db.close();
    }
  });
});
