import { describe, expect, it } from 'vitest';
import { warehouseConfig } from '../../../electron/backend/warehouse/config.ts';
import { CheckedWarehouse } from '../../../electron/backend/warehouse/init.ts';
import { warehouseMetricQueries } from '../../../electron/backend/warehouse/metrics/index.ts';
import { clickhouseAvailable, READER_PASSWORD, READER_USER } from '../../clickhouse/cluster.ts';
import { consent, notifications, workspace } from '../metrics/helpers.ts';

describe.skipIf(!clickhouseAvailable)('the app with a read-only ClickHouse user (docs/warehouse.md: readonly = 2)', () => {
  it('computes every page from a user that may only SELECT, and that user cannot write', async () => {
    const w = await workspace({ engine: 'clickhouse' });
    await w.load(
      notifications([
        ['a', '2016-03-07T10:00:00+09:00', 'r1', 's1', 'delivered', 2048, 'cellular', 'order', 't1'],
        ['b', '2016-03-08T10:00:00+09:00', 'r2', 's2', 'sent', null, null, 'delivery', 't2'],
      ]),
    );
    await w.load(consent([['c1', '2016-03-09T10:00:00+09:00', 'r1', '', 'opt_out']]));
    const db = w.db();
    const config = warehouseConfig(db)!;
    const reader = new CheckedWarehouse({ ...config, user: READER_USER }, READER_PASSWORD, 'Asia/Seoul');
    try {
      const overview = await warehouseMetricQueries.overview(reader, db, {});
      const asWriter = await w.api['metrics:overview']({});
      expect(overview).toEqual(asWriter);
      expect(asWriter.cards.find((c) => c.id === 'notifications')?.value).toBe(2);
      for (const name of ['volume', 'datacost', 'optout', 'coverage', 'refusals', 'urls', 'dimensions'] as const) {
        await expect(warehouseMetricQueries[name](reader, db, {})).resolves.toBeTruthy();
      }
      await expect(reader.insert('nd_meta', [{ key: 'x', value: 'y' }])).rejects.toMatchObject({ key: 'warehouse.failed' });
    } finally {
      await reader.close();
    }
  });
});
