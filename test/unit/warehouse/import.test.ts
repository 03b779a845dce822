import { describe, expect, it } from 'vitest';
import { sessionWarehouse } from '../../../electron/backend/warehouse/session.ts';
import { clickhouseAvailable } from '../../clickhouse/cluster.ts';
import { notifications, workspace } from '../metrics/helpers.ts';

const count = async (w: Awaited<ReturnType<typeof workspace>>, table: string, where = '1') => {
  const wh = sessionWarehouse(w.ctx.workspace())!;
  const [row] = await wh.query<{ n: number }>(`SELECT count() AS n FROM ${wh.table(table)} WHERE ${where}`);
  return Number(row!.n);
};

describe.skipIf(!clickhouseAvailable)('loading a ClickHouse workspace', () => {
  it('imports through the same stream, on both shards, idempotent per file, dropping duplicates', async () => {
    const w = await workspace({ engine: 'clickhouse' });
    const csv = notifications(Array.from({ length: 40 }, (_, i) => [`e${i}`, '2016-03-07T10:00:00+09:00', `r${i}`, 's1', 'delivered', 100, 'cellular', 'order', 't1']));
    const first = await w.load(csv);
    expect([first.imported, first.duplicates, first.rejected]).toEqual([40, 0, 0]);
    expect(await count(w, 'nd_notifications')).toBe(40);
    const again = await w.load(csv);
    expect([again.imported, again.duplicates]).toEqual([0, 40]);
    expect(await count(w, 'nd_notifications')).toBe(40);
  });
});
