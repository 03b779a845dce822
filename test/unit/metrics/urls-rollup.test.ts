import { describe, expect, it } from 'vitest';
import { rebuildRollups } from '../../../electron/backend/rollups/index.ts';
import { urls, workspace } from './helpers.ts';


const A = 'https://a.example.com/1';
const B = 'https://b.example.org/2';
const first = urls([
  ['a1', '2016-01-04T00:00:00Z', A, 'shared'],
  ['a2', '2016-01-04T03:00:00Z', A, 'indexed'],
  ['b1', '2016-01-11T00:00:00Z', B, 'shared'],
]);
const second = urls([
  ['a3', '2016-01-04T01:00:00Z', A, 'indexed'], // earlier first indexed for A while this import is present
  ['b2', '2016-01-12T00:00:00Z', B, 'indexed'],
  ['b3', '2016-01-12T05:00:00Z', B, 'served'],
]);

async function open() {
  const w = await workspace();
  return w;
}

describe('URL rollups', () => {
  it('give the same URL figures after an import is deleted as a workspace that never had it', async () => {
    const both = await open();
    await both.load(first);
    await both.load(second);
    const before = await both.api['metrics:urls']({ by: 'week' });
    expect([before.shared, before.indexed, before.served, before.lagCount]).toEqual([2, 2, 1, 2]);
    expect(before.medianLagHours).toBe(12.5); // A: 1 h, B: 24 h → (1 + 24) / 2
    const list = await both.api['imports:list']({});
    const secondId = Math.max(...list.map((i) => i.id));
    await both.api['imports:delete']({ id: secondId });
    const after = await both.api['metrics:urls']({ by: 'week', from: '2016-01-04', to: '2016-01-17' });

    const only = await open();
    await only.load(first);
    const expected = await only.api['metrics:urls']({ by: 'week', from: '2016-01-04', to: '2016-01-17' });
    expect(after).toEqual(expected);
    expect([after.shared, after.indexed, after.served, after.lagCount, after.medianLagHours]).toEqual([2, 1, 0, 1, 3]);
  });

  it('are rebuilt with every other rollup, to the same figures', async () => {
    const w = await open();
    await w.load(first);
    await w.load(second);
    const before = await w.api['metrics:urls']({ by: 'day' });
    rebuildRollups(w.db(), undefined, 2);
    expect(await w.api['metrics:urls']({ by: 'day' })).toEqual(before);
  });
});
