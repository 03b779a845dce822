import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../../electron/backend/review/audit.ts';
import { Warehouse } from '../../../electron/backend/warehouse/client.ts';
import { warehouseConfig } from '../../../electron/backend/warehouse/config.ts';
import { PASSWORD_ENV } from '../../../electron/backend/warehouse/password.ts';
import { clickhouseAvailable } from '../../clickhouse/cluster.ts';
import { notifications, sharedCluster, workspace } from '../metrics/helpers.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/notice-desk.js');

/** The CLI as users run it: exit code and both streams. */
async function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe.skipIf(!clickhouseAvailable)('when the warehouse fails, the page and the CLI say what failed, and nothing hangs', () => {
  it('a query over the time limit is stopped by the server and named as such', async () => {
    const c = await sharedCluster();
    const wh = new Warehouse({ url: c.servers[0]!.httpUrl, database: 'default', user: c.user, cluster: null }, c.password, { queryTimeoutSeconds: 1 });
    try {
      const t0 = Date.now();
      await expect(wh.query('SELECT count() AS n FROM numbers(100000000000) WHERE sipHash64(number) = 7')).rejects.toMatchObject({
        code: 'unavailable',
        key: 'warehouse.timeout',
        message: expect.stringContaining('1 s'),
      });
      expect(Date.now() - t0).toBeLessThan(20_000);
    } finally {
      await wh.close();
    }
  });

  it('a missing rollup table is named in the page’s error and in the CLI’s, with exit code 2', async () => {
    const w = await workspace({ engine: 'clickhouse' });
    await w.load(notifications([['a', '2016-03-07T10:00:00+09:00', 'r1', 's1', 'delivered']]));
    const config = warehouseConfig(w.db())!;
    const c = await sharedCluster();
    const admin = new Warehouse({ ...config, cluster: null }, c.password);
    try {
      await admin.command(`DROP TABLE ${admin.table('nd_r_daily')}`);
    } finally {
      await admin.close();
    }
    await expect(w.api['metrics:volume']({})).rejects.toMatchObject({
      code: 'not-found',
      key: 'warehouse.missing-table',
      message: expect.stringContaining('nd_r_daily'),
    });
    // Local work goes on: the disclosures live in the local file.
    expect(await w.api['disclosures:list']({})).toEqual(expect.any(Array));
    await w.close();
    const r = await cli(['metrics', 'volume', '--workspace', w.file, '--json'], { [PASSWORD_ENV]: c.password });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nd_r_daily');
    expect(r.stdout).toBe('');
  });

  it('an unreachable server is named in the page’s error and in the CLI’s within seconds', async () => {
    const w = await workspace({ engine: 'clickhouse' });
    const c = await sharedCluster();
    await c.stop();
    const t0 = Date.now();
    await expect(w.api['metrics:overview']({})).rejects.toMatchObject({ code: 'unavailable', key: 'warehouse.unreachable' });
    expect(Date.now() - t0).toBeLessThan(20_000);
    // The evidence pack says the same, and writes nothing: no file, no audit entry.
    const pack = path.join(w.dir, 'pack.zip');
    await expect(w.api['evidence:write']({ path: pack, language: 'en' })).rejects.toMatchObject({ code: 'unavailable', key: 'warehouse.unreachable' });
    expect(fs.existsSync(pack)).toBe(false);
    expect(listAudit(w.db(), { subject: 'evidence' })).toEqual([]);
    await w.close();
    const r = await cli(['metrics', 'volume', '--workspace', w.file, '--json'], { [PASSWORD_ENV]: c.password });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('could not be reached');
    const out = path.join(w.dir, 'cli-pack');
    const e = await cli(['evidence', '--workspace', w.file, '--out', out], { [PASSWORD_ENV]: c.password });
    expect(e.code).toBe(2);
    expect(e.stderr).toContain('could not be reached');
    expect(fs.existsSync(out)).toBe(false);
  });
});
