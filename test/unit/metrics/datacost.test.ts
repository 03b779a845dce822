import { describe, expect, it } from 'vitest';
import { workspace, notifications } from './helpers.ts';

describe('datacost', () => {
  it('charges the 2016 case: three delivered messages with no byte counts are 15,360 + 2,048 + 2,048 bytes', async () => {
    const w = await workspace();
    await w.load(
      notifications([
        ['m1', '2016-03-07T10:00:00+09:00', 'r1', 'kakao-partner', 'delivered'],
        ['m2', '2016-03-08T10:00:00+09:00', 'r1', 'kakao-partner', 'delivered'],
        ['m3', '2016-03-09T10:00:00+09:00', 'r1', 'kakao-partner', 'delivered'],
      ]),
    );
    const r = await w.api['metrics:datacost']({ by: 'day' });
    expect(r.totalBytes).toBe(15_360 + 2_048 + 2_048);
    expect(r.chargeableMessages).toBe(3);
    expect(r.firstMessages).toBe(1);
    expect(r.recipients).toBe(1);
    // 19,456 bytes = 19 KiB; × 0.025 and × 0.5 KRW per KiB (the default tariff range), cellular share 1.
    expect(r.chargeKrw.low).toBeCloseTo(0.475, 10);
    expect(r.chargeKrw.high).toBeCloseTo(9.5, 10);
    expect(r.buckets.map((b) => [b.bucket, b.totalBytes, b.firstMessages])).toEqual([
      ['2016-03-07', 15_360, 1],
      ['2016-03-08', 2_048, 0],
      ['2016-03-09', 2_048, 0],
    ]);
    expect(r.perRecipient.find((b) => b.count === 1)?.label).toBe('16–32 KiB');
  });

  it('counts only sent and delivered messages: failed, blocked and fallback SMS are not chargeable', async () => {
    const w = await workspace();
    await w.load(
      notifications([
        ['a', '2016-03-07T10:00:00+09:00', 'r1', 's1', 'failed'],
        ['b', '2016-03-07T11:00:00+09:00', 'r1', 's1', 'blocked'],
        ['c', '2016-03-07T12:00:00+09:00', 'r1', 's1', 'fallback_sms'],
        ['d', '2016-03-07T13:00:00+09:00', 'r1', 's1', 'sent'],
      ]),
    );
    const r = await w.api['metrics:datacost']({});
    expect(r.chargeableMessages).toBe(1);
    // The first chargeable message is the sent one, although failed/blocked/SMS came earlier.
    expect(r.totalBytes).toBe(15_360);
  });

  it('charges nothing for wifi, in full for cellular and by the cellular share for unknown networks', async () => {
    const w = await workspace();
    await w.load(
      notifications([
        ['a', '2016-03-07T10:00:00+09:00', 'r1', 's1', 'delivered', 1024, 'wifi'],
        ['b', '2016-03-07T10:00:00+09:00', 'r2', 's1', 'delivered', 2048, 'cellular'],
        ['c', '2016-03-07T10:00:00+09:00', 'r3', 's1', 'delivered', 4096, 'unknown'],
      ]),
    );
    await w.api['metrics:setCostModel']({ cellularShare: 0.5, tariffLowKrwPerKiB: 1, tariffHighKrwPerKiB: 2 });
    const r = await w.api['metrics:datacost']({});
    expect(r.totalBytes).toBe(1024 + 2048 + 4096);
    // (2 KiB cellular + 4 KiB × 0.5) × 1 and × 2 KRW; the wifi KiB costs nothing.
    expect(r.chargeKrw).toEqual({ low: 4, high: 8 });
  });

  it('uses known byte counts as given and the model only for messages without one', async () => {
    const w = await workspace();
    await w.load(
      notifications([
        ['a', '2016-03-07T10:00:00+09:00', 'r1', 's1', 'delivered', 100],
        ['b', '2016-03-07T11:00:00+09:00', 'r1', 's1', 'delivered'],
        ['c', '2016-03-07T12:00:00+09:00', 'r1', 's1', 'delivered', 7],
      ]),
    );
    const r = await w.api['metrics:datacost']({});
    expect(r.totalBytes).toBe(100 + 2_048 + 7);
    expect(r.estimatedMessages).toBe(1);
  });

  it('counts the first message per (recipient, sender) pair, or per recipient when the model says so', async () => {
    const w = await workspace();
    await w.load(
      notifications([
        ['a', '2016-03-07T10:00:00+09:00', 'r1', 's1', 'delivered'],
        ['b', '2016-03-07T11:00:00+09:00', 'r1', 's2', 'delivered'],
        ['c', '2016-03-07T12:00:00+09:00', 'r2', 's2', 'delivered'],
      ]),
    );
    const pair = await w.api['metrics:datacost']({});
    expect(pair.firstMessages).toBe(3);
    expect(pair.totalBytes).toBe(3 * 15_360);
    await w.api['metrics:setCostModel']({ firstScope: 'recipient' });
    const recipient = await w.api['metrics:datacost']({});
    expect(recipient.firstMessages).toBe(2);
    expect(recipient.totalBytes).toBe(2 * 15_360 + 2_048);
    expect(recipient.bySender.map((s) => [s.senderId, s.totalBytes])).toEqual([
      ['s2', 15_360 + 2_048],
      ['s1', 15_360],
    ]);
    const reset = await w.api['metrics:resetCostModel']({});
    expect(reset.model.firstScope).toBe('pair');
    expect(reset.fields.find((f) => f.field === 'firstMessageBytes')?.source.en).toMatch(/15 KiB/);
  });

  it('decides which message is first over the whole workspace, not the filtered period', async () => {
    const w = await workspace();
    await w.load(
      notifications([
        ['a', '2016-03-07T10:00:00+09:00', 'r1', 's1', 'delivered'],
        ['b', '2016-03-08T10:00:00+09:00', 'r1', 's1', 'delivered'],
      ]),
    );
    const r = await w.api['metrics:datacost']({ from: '2016-03-08', to: '2016-03-08' });
    expect(r.totalBytes).toBe(2_048);
    expect(r.firstMessages).toBe(0);
  });

  it('moves the first message when a later import brings an earlier one, and back when that import is removed', async () => {
    const w = await workspace();
    await w.load(notifications([['b', '2016-03-08T10:00:00+09:00', 'r1', 's1', 'delivered']]));
    expect((await w.api['metrics:datacost']({})).totalBytes).toBe(15_360);
    const second = await w.load(notifications([['a', '2016-03-07T10:00:00+09:00', 'r1', 's1', 'delivered']]));
    const both = await w.api['metrics:datacost']({ by: 'day' });
    expect(both.totalBytes).toBe(15_360 + 2_048);
    expect(both.buckets.map((b) => b.totalBytes)).toEqual([15_360, 2_048]);
    const { removeImportFromRollups } = await import('../../../electron/backend/db/rollups-repo.ts');
    const db = w.db();
    db.transaction(() => {
      removeImportFromRollups(db, second.importId!);
      for (const t of ['notifications', 'consent', 'urls']) db.prepare(`DELETE FROM ${t} WHERE import_id = ?`).run(second.importId);
      db.prepare('DELETE FROM imports WHERE id = ?').run(second.importId);
    })();
    const after = await w.api['metrics:datacost']({});
    expect(after.totalBytes).toBe(15_360);
    expect(after.chargeableMessages).toBe(1);
  });

  it('breaks a tie in sent time by event id', async () => {
    const w = await workspace();
    await w.load(
      notifications([
        ['m2', '2016-03-07T10:00:00+09:00', 'r1', 's1', 'delivered', 500],
        ['m1', '2016-03-07T10:00:00+09:00', 'r1', 's1', 'delivered'],
      ]),
    );
    // m1 is first (15,360 by the model); m2 has its own byte count.
    const r = await w.api['metrics:datacost']({});
    expect(r.totalBytes).toBe(15_360 + 500);
  });

  it('changes every figure at once when the cost model changes, without re-importing', async () => {
    const w = await workspace();
    await w.load(
      notifications([
        ['a', '2016-03-07T10:00:00+09:00', 'r1', 's1', 'delivered'],
        ['b', '2016-03-08T10:00:00+09:00', 'r1', 's1', 'delivered'],
      ]),
    );
    await w.api['metrics:setCostModel']({ firstMessageBytes: 10_000, laterMessageBytes: 1_000 });
    const r = await w.api['metrics:datacost']({ by: 'day' });
    expect(r.totalBytes).toBe(11_000);
    expect(r.buckets.map((b) => b.totalBytes)).toEqual([10_000, 1_000]);
    const info = await w.api['metrics:getCostModel']({});
    expect(info.fields.find((f) => f.field === 'firstMessageBytes')?.isDefault).toBe(false);
  });
});
