import { describe, expect, it } from 'vitest';
import { engines, notifications, prng, workspace } from './helpers.ts';

describe.each(engines)('datacost (%s)', (engine) => {
  it('charges the 2016 case: three delivered messages with no byte counts are 15,360 + 2,048 + 2,048 bytes', async () => {
    const w = await workspace({ engine });
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
    const w = await workspace({ engine });
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
    const w = await workspace({ engine });
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
    const w = await workspace({ engine });
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
    const w = await workspace({ engine });
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
    const w = await workspace({ engine });
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
    const w = await workspace({ engine });
    await w.load(notifications([['b', '2016-03-08T10:00:00+09:00', 'r1', 's1', 'delivered']]));
    expect((await w.api['metrics:datacost']({})).totalBytes).toBe(15_360);
    const second = await w.load(notifications([['a', '2016-03-07T10:00:00+09:00', 'r1', 's1', 'delivered']]));
    const both = await w.api['metrics:datacost']({ by: 'day' });
    expect(both.totalBytes).toBe(15_360 + 2_048);
    expect(both.buckets.map((b) => b.totalBytes)).toEqual([15_360, 2_048]);
    await w.api['imports:delete']({ id: second.importId! });
    const after = await w.api['metrics:datacost']({});
    expect(after.totalBytes).toBe(15_360);
    expect(after.chargeableMessages).toBe(1);
  });

  it('breaks a tie in sent time by event id', async () => {
    const w = await workspace({ engine });
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
    const w = await workspace({ engine });
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

type Row = (string | number | null)[];

/**
 * docs/metrics.md datacost applied directly to the rows loaded (rows [event_id, sent_at, recipient,
 * sender, status, bytes]): each recipient's bytes in the scope, sorted.
 */
function referenceTotals(loaded: Row[], scope: 'pair' | 'recipient', sender: string | null): number[] {
  const rows = loaded
    .filter((r) => r[4] === 'sent' || r[4] === 'delivered')
    .map((r) => ({ event_id: r[0] as string, sent_at: Date.parse(r[1] as string), recipient_id: r[2] as string, sender_id: r[3] as string, bytes: r[5] as number | null }));
  const firstOf = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const key = scope === 'pair' ? `${r.recipient_id}|${r.sender_id}` : r.recipient_id;
    const f = firstOf.get(key);
    if (!f || r.sent_at < f.sent_at || (r.sent_at === f.sent_at && r.event_id < f.event_id)) firstOf.set(key, r);
  }
  const totals = new Map<string, number>();
  for (const r of rows) {
    if (sender !== null && r.sender_id !== sender) continue;
    const first = firstOf.get(scope === 'pair' ? `${r.recipient_id}|${r.sender_id}` : r.recipient_id) === r;
    totals.set(r.recipient_id, (totals.get(r.recipient_id) ?? 0) + (r.bytes ?? (first ? 15_360 : 2_048)));
  }
  return [...totals.values()].sort((a, b) => a - b);
}

describe.each(engines)('per-recipient distribution (%s)', (engine) => {
  it('matches the definition through imports that move first messages, deletions and a rebuild', async () => {
    const rnd = prng(11);
    const at = (h: number) => new Date(Date.parse('2016-03-01T00:00:00+09:00') + h * 3_600_000).toISOString();
    const batches: Row[][] = [];
    const batch = (k: number, hours: number) => {
      const rows: Row[] = [];
      for (let i = 0; i < 60; i++) {
        rows.push([
          `m${k}-${i}`, at(Math.floor(rnd() * hours)), `r${Math.floor(rnd() * 8)}`, `s${Math.floor(rnd() * 3)}`,
          ['delivered', 'sent', 'failed', 'blocked'][Math.floor(rnd() * 4)]!, rnd() < 0.3 ? 500 + Math.floor(rnd() * 40_000) : null,
          null, rnd() < 0.5 ? 'order' : null,
        ]);
      }
      batches[k] = rows;
      return notifications(rows);
    };
    const w = await workspace({ engine });
    const check = async () => {
      for (const scope of ['pair', 'recipient'] as const) {
        await w.api['metrics:setCostModel']({ firstScope: scope });
        for (const sender of [null, 's1']) {
          const want = referenceTotals(batches.flat(), scope, sender);
          const r = await w.api['metrics:datacost'](sender ? { senders: [sender] } : {});
          const n = want.length;
          expect(r.perRecipient.reduce((s, b) => s + b.count, 0)).toBe(n);
          for (const b of r.perRecipient) expect(b.count).toBe(want.filter((t) => t >= b.min && (b.max === null || t < b.max)).length);
          expect(r.perRecipientStats.max).toBe(want[n - 1]);
          expect(r.perRecipientStats.median).toBe(n % 2 ? want[(n - 1) / 2] : (want[n / 2 - 1]! + want[n / 2]!) / 2);
          expect(r.perRecipientStats.p90).toBe(want[Math.min(n - 1, Math.ceil(0.9 * n) - 1)]);
          expect(r.perRecipientStats.mean).toBeCloseTo(want.reduce((s, t) => s + t, 0) / n, 6);
        }
      }
    };
    const ids: number[] = [];
    // Later imports reach further back, so first messages move to earlier days and other senders.
    for (const [k, hours] of [24 * 30, 24 * 10, 24 * 40, 24 * 3].entries()) {
      ids.push((await w.load(batch(k, hours))).importId!);
      await check();
    }
    await w.api['imports:delete']({ id: ids[3]! });
    batches[3] = [];
    await check();
    await w.api['imports:delete']({ id: ids[0]! });
    batches[0] = [];
    await check();
    if (engine !== 'sqlite') return;
    const { rebuildRollups } = await import('../../../electron/backend/rollups/index.ts');
    rebuildRollups(w.db());
    await check();
  });
});

describe('kthSmallest', () => {
  it('finds every order statistic of arrays with repeats, as a sort would', async () => {
    const { kthSmallest } = await import('../../../electron/backend/metrics/datacost.ts');
    const rnd = prng(3);
    for (const n of [1, 2, 3, 10, 101, 1000]) {
      const xs = Float64Array.from({ length: n }, () => Math.floor(rnd() * n * 0.3));
      const sorted = [...xs].sort((a, b) => a - b);
      for (const k of [0, n >> 1, n - 1, Math.floor(rnd() * n)]) expect(kthSmallest(xs.slice(), k)).toBe(sorted[k]);
    }
  });
});
