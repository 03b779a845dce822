import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Warehouse } from '../../../electron/backend/warehouse/client.ts';
import { sqlIdent, sqlInTuple, sqlInt, sqlString, sqlStrings } from '../../../electron/backend/warehouse/sql.ts';
import { clickhouseAvailable, startLocalCluster, type LocalCluster } from '../../clickhouse/cluster.ts';

const HOSTILE = [
  "O'Brien",
  "it''s",
  'back\\slash\\',
  "\\'; DROP TABLE t; --",
  'nul\0inside',
  'line\nbreak\r\nand\ttab',
  '카카오 알림톡 "발신"',
  "'); DROP DATABASE nd; SELECT ('",
  '\u007f\u0001\b\f',
  'emoji 😀 and \\x41',
  '',
];

describe('sqlString and friends (no ClickHouse needed)', () => {
  it('escapes quotes, backslashes and control characters, and refuses what is not an integer or a plain name', () => {
    expect(sqlString("a'b\\c\0\n")).toBe("'a\\'b\\\\c\\0\\n'");
    expect(sqlStrings(['x', "y'"])).toBe("['x', 'y\\'']");
    expect(() => sqlInt(1.5)).toThrow();
    expect(() => sqlInt(2 ** 60)).toThrow();
    expect(() => sqlIdent('a`b')).toThrow();
    expect(sqlIdent('nd_t1')).toBe('`nd_t1`');
    expect(sqlInTuple(['a', "b'"])).toBe("('a', 'b\\'')");
    expect(() => sqlInTuple([])).toThrow();
  });
});

describe.skipIf(!clickhouseAvailable)('sqlString on a real server', () => {
  let c: LocalCluster;
  let wh: Warehouse;
  beforeAll(async () => {
    c = await startLocalCluster(1);
    wh = new Warehouse({ url: c.servers[0]!.httpUrl, database: 'nd_sql', user: c.user, cluster: null }, c.password);
    await wh.command('CREATE DATABASE nd_sql');
    await wh.command('CREATE TABLE nd_sql.t (i UInt32, sender String) ENGINE = MergeTree() ORDER BY i');
  });
  afterAll(async () => {
    await wh?.close();
    await c?.stop();
  });

  it('round-trips hostile sender names through an INSERT and a WHERE filter', async () => {
    await wh.command(`INSERT INTO nd_sql.t VALUES ${HOSTILE.map((s, i) => `(${sqlInt(i)}, ${sqlString(s)})`).join(', ')}`);
    const all = await wh.query<{ i: number; sender: string }>('SELECT i, sender FROM nd_sql.t ORDER BY i');
    expect(all.map((r) => r.sender)).toEqual(HOSTILE);
    for (const [i, s] of HOSTILE.entries()) {
      const hit = await wh.query<{ i: number }>(`SELECT i FROM nd_sql.t WHERE sender = ${sqlString(s)}`);
      expect(hit.map((r) => Number(r.i))).toEqual([i]);
    }
    const some = await wh.query<{ i: number }>(`SELECT i FROM nd_sql.t WHERE has(${sqlStrings(HOSTILE.slice(0, 4))}, sender) ORDER BY i`);
    expect(some.map((r) => Number(r.i))).toEqual([0, 1, 2, 3]);
    const inTuple = await wh.query<{ i: number }>(`SELECT i FROM nd_sql.t WHERE sender IN ${sqlInTuple(HOSTILE.slice(3, 8))} ORDER BY i`);
    expect(inTuple.map((r) => Number(r.i))).toEqual([3, 4, 5, 6, 7]);
    // Nothing was dropped by a name.
    expect((await wh.query('SELECT 1 FROM system.tables WHERE database = \'nd_sql\' AND name = \'t\'')).length).toBe(1);
  });
});
