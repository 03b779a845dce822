import { describe, expect, it } from 'vitest';
import { consent, notifications, workspace } from './helpers.ts';

describe('refusals', () => {
  it('flags messages sent after the latest refusal strictly before them, fallback SMS included', async () => {
    const w = await workspace();
    await w.load(
      consent([
        ['c1', '2016-03-07T10:00:00+09:00', 'r1', 's1', 'block'],
        ['c2', '2016-03-07T10:00:00+09:00', 'r2', 's1', 'opt_out'],
        ['c3', '2016-03-07T10:00:00+09:00', 'r3', 's1', 'opt_out'],
        ['c4', '2016-03-08T10:00:00+09:00', 'r3', 's1', 'opt_in'],
        ['c5', '2016-03-07T10:00:00+09:00', 'r4', '', 'block'],
        ['c6', '2016-03-07T10:00:00+09:00', 'r5', 's2', 'opt_out'],
      ]),
    );
    await w.load(
      notifications([
        ['v1', '2016-03-07T11:00:00+09:00', 'r1', 's1', 'blocked'], // after a block: violation
        ['v2', '2016-03-07T11:00:01+09:00', 'r1', 's1', 'fallback_sms'], // SMS fallback around the block: violation
        ['ok1', '2016-03-07T12:00:00+09:00', 'r1', 's1', 'failed'], // failed: never a violation
        ['ok2', '2016-03-07T10:00:00+09:00', 'r2', 's1', 'delivered'], // same instant: not strictly before
        ['v3', '2016-03-07T10:00:00.001+09:00', 'r2', 's1', 'delivered'], // 1 ms later: violation
        ['ok3', '2016-03-09T10:00:00+09:00', 'r3', 's1', 'delivered'], // opted back in
        ['v4', '2016-03-07T11:00:00+09:00', 'r3', 's1', 'sent'], // between opt-out and opt-in
        ['v5', '2016-03-08T11:00:00+09:00', 'r4', 's9', 'delivered'], // platform-wide block: any sender
        ['ok4', '2016-03-08T11:00:00+09:00', 'r5', 's1', 'delivered'], // refused s2 only
        ['ok5', '2016-03-06T11:00:00+09:00', 'r1', 's1', 'delivered'], // before the block
      ]),
    );
    const r = await w.api['metrics:refusals']({ by: 'day' });
    expect(r.violations).toBe(5);
    expect(r.messages.map((m) => m.eventId)).toEqual(['v3', 'v1', 'v4', 'v2', 'v5']);
    expect(r.byStatus).toEqual({ blocked: 1, fallback_sms: 1, delivered: 2, sent: 1 });
    expect(r.bySender).toEqual({ s1: 4, s9: 1 });
    expect(r.messages[4]!.refusal).toEqual({ action: 'block', occurredAt: '2016-03-07T01:00:00.000Z', scope: 'platform' });
    expect(r.buckets.find((b) => b.bucket === '2016-03-07')?.violations).toBe(4);
    const page = await w.api['metrics:refusals']({ offset: 3, limit: 1 });
    expect(page.messages.map((m) => m.eventId)).toEqual(['v2']);
    expect(page.violations).toBe(5);
    const s9 = await w.api['metrics:refusals']({ senders: ['s9'] });
    expect(s9.violations).toBe(1);
  });
});
