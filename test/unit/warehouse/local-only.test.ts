import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { notifications, workspace } from '../metrics/helpers.ts';

describe('what a ClickHouse workspace does not do yet', () => {
  it('refuses an evidence pack (its figures would be read from empty local tables) and writes nothing', async () => {
    const w = await workspace({ engine: 'chdb' });
    await w.load(notifications([['a', '2016-03-07T10:00:00+09:00', 'r1', 's1', 'delivered']]));
    const out = path.join(w.dir, 'pack.zip');
    await expect(w.api['evidence:write']({ path: out, language: 'ko' })).rejects.toMatchObject({ key: 'warehouse.evidence-local-only' });
    expect(fs.existsSync(out)).toBe(false);
  });
});
