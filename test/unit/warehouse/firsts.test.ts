import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HandlerContext } from '../../../electron/backend/context.ts';
import { inProcessApi } from '../../../electron/backend/dispatch.ts';
import { importFiles } from '../../../electron/backend/import/import-files.ts';
import { MemorySettingsStore } from '../../../electron/backend/settings-store.ts';
import { Warehouse } from '../../../electron/backend/warehouse/client.ts';
import { refreshFirsts } from '../../../electron/backend/warehouse/firsts.ts';
import { CheckedWarehouse, initWarehouseWorkspace, readWarehouseMeta } from '../../../electron/backend/warehouse/init.ts';
import { sessionWarehouse } from '../../../electron/backend/warehouse/session.ts';
import { WAREHOUSE_SCHEMA_VERSION } from '../../../electron/backend/warehouse/schema.ts';
import { clickhouseAvailable, READER_PASSWORD, READER_USER, startLocalCluster, type LocalCluster } from '../../clickhouse/cluster.ts';
import { tempDir } from '../helpers/tmp.ts';
import { consent, notifications, workspace } from '../metrics/helpers.ts';

interface FirstRow {
  recipient_id: string;
  sender_id: string;
  event_id: string;
  present: number;
}

/** Each pair's current row of nd_firsts (present or not), by pair. */
async function firsts(wh: Warehouse): Promise<Record<string, string | null>> {
  const rows = await wh.query<FirstRow>(
    `SELECT recipient_id, sender_id, event_id, present, version FROM ${wh.table('nd_firsts')} FINAL`,
    { optimize_move_to_prewhere: 0 },
  );
  return Object.fromEntries(rows.map((r) => [`${r.recipient_id}/${r.sender_id}`, Number(r.present) === 1 ? r.event_id : null]));
}

/** A workspace file opened through the real handlers, as the app opens it. */
async function opened(file: string) {
  const ctx = new HandlerContext({ transport: 'in-process', settings: new MemorySettingsStore(), emit: () => {} });
  const api = inProcessApi(ctx);
  await api['workspace:open']({ path: file });
  return { ctx, api };
}

describe.skipIf(!clickhouseAvailable)("the warehouse's first messages (nd_firsts, docs/warehouse.md)", () => {
  it('follow imports that move a first message earlier and deletes that take it back, on two shards', async () => {
    const w = await workspace({ engine: 'clickhouse' });
    const wh = sessionWarehouse(w.ctx.workspace())!;
    await w.load(
      notifications([
        ['a1', '2016-03-07T10:00:00+09:00', 'r1', 's1', 'delivered'],
        ['a2', '2016-03-08T10:00:00+09:00', 'r1', 's1', 'delivered'],
        ['a3', '2016-03-07T09:00:00+09:00', 'r2', 's1', 'failed'],
        ['a4', '2016-03-09T10:00:00+09:00', 'r2', 's2', 'sent'],
        ['a5', '2016-03-09T11:00:00+09:00', 'r3', 's1', 'delivered'],
      ]),
    );
    expect(await firsts(wh)).toEqual({ 'r1/s1': 'a1', 'r2/s2': 'a4', 'r3/s1': 'a5' });
    // A later import with earlier messages: r1/s1 moves to b1; r2/s1 gets its first chargeable one.
    await w.load(
      notifications([
        ['b1', '2016-03-06T10:00:00+09:00', 'r1', 's1', 'sent'],
        ['b2', '2016-03-10T10:00:00+09:00', 'r2', 's1', 'delivered'],
        ['b3', '2016-03-01T10:00:00+09:00', 'r3', 's1', 'failed'],
      ]),
    );
    expect(await firsts(wh)).toEqual({ 'r1/s1': 'b1', 'r2/s1': 'b2', 'r2/s2': 'a4', 'r3/s1': 'a5' });
    // Refreshing again (a retried import, a rerun after a failure) changes nothing.
    const ids = await wh.query<{ import_id: string }>(`SELECT import_id FROM ${wh.table('nd_imports')} ORDER BY seq`);
    await refreshFirsts(wh, [ids[1]!.import_id], 'with');
    expect(await firsts(wh)).toEqual({ 'r1/s1': 'b1', 'r2/s1': 'b2', 'r2/s2': 'a4', 'r3/s1': 'a5' });
    // Deleting the second import brings a1 back and leaves r2/s1 without a first message.
    const listed = await w.api['imports:list']({});
    const newest = listed.reduce((a, b) => (a.id > b.id ? a : b));
    await w.api['imports:delete']({ id: newest.id });
    expect(await firsts(wh)).toEqual({ 'r1/s1': 'a1', 'r2/s1': null, 'r2/s2': 'a4', 'r3/s1': 'a5' });
    // The pages count from it: three pairs with a first message, on the days of a1, a4 and a5.
    const volume = await w.api['metrics:volume']({ by: 'day' });
    expect(volume.firstMessages).toBe(3);
  });

  describe('an older warehouse (schema version 1, before nd_firsts; 2, before nd_violations)', () => {
    let c: LocalCluster;
    beforeAll(async () => {
      c = await startLocalCluster(1);
    });
    afterAll(async () => {
      await c?.stop();
    });

    /**
     * A one-server workspace with messages and an opt-out, then made a warehouse of an older version:
     * without the tables that version lacked (1: nd_firsts and nd_violations; 2: nd_violations), that
     * version recorded.
     */
    async function olderWorkspace(version: 1 | 2 = 1): Promise<{ file: string; wh: Warehouse }> {
      const dir = tempDir('wh-firsts-');
      const file = path.join(dir, 'w.sqlite');
      const config = { url: c.servers[0]!.httpUrl, database: `nd_t${randomBytes(6).toString('hex')}`, user: c.user, cluster: null };
      await initWarehouseWorkspace(file, config, c.password, { timeZone: 'Asia/Seoul' });
      process.env.NOTICE_DESK_CLICKHOUSE_PASSWORD = c.password;
      const { ctx } = await opened(file);
      const csv = path.join(dir, 'n.csv');
      fs.writeFileSync(
        csv,
        notifications([
          ['m1', '2016-03-07T10:00:00+09:00', 'r1', 's1', 'delivered'],
          ['m2', '2016-03-06T10:00:00+09:00', 'r1', 's1', 'failed'],
          ['m3', '2016-03-08T10:00:00+09:00', 'r2', 's1', 'sent'],
          ['m4', '2016-03-09T10:00:00+09:00', 'r2', 's1', 'sent'],
        ]),
      );
      const optOut = path.join(dir, 'c.csv');
      // r2 refuses s1 between its two messages: m4 is sent despite the refusal.
      fs.writeFileSync(optOut, consent([['c1', '2016-03-08T12:00:00+09:00', 'r2', 's1', 'opt_out']]));
      for (const r of await importFiles(ctx.workspace().db, [csv, optOut])) expect(r.error).toBeNull();
      await ctx.close();
      const wh = new Warehouse(config, c.password);
      if (version < 2) await wh.command(`DROP TABLE ${wh.table('nd_firsts')}`);
      await wh.command(`DROP TABLE ${wh.table('nd_violations')}`);
      await wh.command(`ALTER TABLE ${wh.table('nd_meta')} DELETE WHERE key = 'schema_version'`);
      for (let i = 0; i < 100; i++) {
        const [left] = await wh.query<{ n: number }>(`SELECT count() AS n FROM system.mutations WHERE database = '${config.database}' AND is_done = 0`);
        if (Number(left!.n) === 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await wh.insert('nd_meta', [{ key: 'schema_version', value: String(version) }]);
      expect((await readWarehouseMeta(wh)).schemaVersion).toBe(version);
      return { file, wh };
    }

    it.each([1, 2] as const)('of version %i is upgraded on first use: the tables made, filled from the events, the version written last', async (version) => {
      const { file, wh } = await olderWorkspace(version);
      const { ctx, api } = await opened(file);
      try {
        const volume = await api['metrics:volume']({ by: 'day' });
        expect(volume.firstMessages).toBe(2);
        expect(await firsts(wh)).toEqual({ 'r1/s1': 'm1', 'r2/s1': 'm3' });
        const refusals = await api['metrics:refusals']({ by: 'day' });
        expect(refusals.violations).toBe(1);
        expect(refusals.messages.map((m) => m.eventId)).toEqual(['m4']);
        expect((await readWarehouseMeta(wh)).schemaVersion).toBe(WAREHOUSE_SCHEMA_VERSION);
      } finally {
        await ctx.close();
        await wh.close();
      }
    });

    it('cannot be upgraded by a read-only user: the message says what is needed, and nothing is changed', async () => {
      const { file, wh } = await olderWorkspace();
      const { ctx, api } = await opened(file);
      try {
        const session = ctx.workspace();
        const config = { ...wh.config, user: READER_USER };
        session.warehouse = new CheckedWarehouse(config, READER_PASSWORD, 'Asia/Seoul');
        await expect(api['metrics:volume']({ by: 'day' })).rejects.toMatchObject({
          message: expect.stringMatching(new RegExp(`schema is version 1 and must be upgraded to version ${WAREHOUSE_SCHEMA_VERSION}.*user who may create tables`, 's')),
        });
        expect((await readWarehouseMeta(wh)).schemaVersion).toBe(1);
        const tables = await wh.query<{ name: string }>(`SELECT name FROM system.tables WHERE database = '${wh.config.database}' AND name = 'nd_firsts'`);
        expect(tables).toEqual([]);
      } finally {
        await ctx.close();
        await wh.close();
      }
    });
  });
});
