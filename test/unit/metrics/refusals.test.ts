import { describe, expect, it } from 'vitest';
import { consent, engines, notifications, prng, workspace } from './helpers.ts';

describe.each(engines)('refusals (%s)', (engine) => {
  it('flags messages sent after the latest refusal strictly before them, fallback SMS included', async () => {
    const w = await workspace({ engine });
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

/**
 * The definition applied directly to the rows imported (docs/metrics.md refusals): the violating
 * event ids. Notifications [event_id, sent_at, recipient, sender, status]; consent [event_id,
 * occurred_at, recipient, sender ('' = platform-wide), action], in import order (which breaks ties).
 */
function referenceViolations(notificationRows: string[][], consentRows: string[][]): string[] {
  const events = consentRows
    .map(([, at, recipient_id, sender_id, action], id) => ({ id, occurred_at: Date.parse(at!), recipient_id: recipient_id!, sender_id: sender_id || null, action: action! }))
    .filter((c) => ['opt_in', 'opt_out', 'block', 'unblock'].includes(c.action));
  const out: string[] = [];
  for (const [event_id, at, recipient_id, sender_id, status] of notificationRows) {
    if (status === 'failed') continue;
    const sent_at = Date.parse(at!);
    let latest: (typeof events)[number] | null = null;
    for (const c of events) {
      if (c.recipient_id !== recipient_id || c.occurred_at >= sent_at) continue;
      if (c.sender_id !== null && c.sender_id !== sender_id) continue;
      if (!latest || c.occurred_at > latest.occurred_at || (c.occurred_at === latest.occurred_at && c.id > latest.id)) latest = c;
    }
    if (latest && (latest.action === 'opt_out' || latest.action === 'block')) out.push(event_id!);
  }
  return out.sort();
}

describe.each(engines)('stored violations (%s)', (engine) => {
  it('match the definition whatever the order of imports and deletions (and a rebuild)', async () => {
    const rnd = prng(7);
    const at = (h: number) => new Date(Date.parse('2016-03-01T00:00:00+09:00') + h * 3_600_000).toISOString();
    const batch = (kind: 'n' | 'c', k: number) => {
      const rows: string[][] = [];
      for (let i = 0; i < 40; i++) {
        const r = `r${Math.floor(rnd() * 6)}`;
        const s = `s${Math.floor(rnd() * 3)}`;
        const h = Math.floor(rnd() * 24 * 20);
        if (kind === 'n') rows.push([`n${k}-${i}`, at(h), r, s, ['delivered', 'sent', 'failed', 'blocked', 'fallback_sms'][Math.floor(rnd() * 5)]!]);
        else rows.push([`c${k}-${i}`, at(h), r, rnd() < 0.3 ? '' : s, ['opt_in', 'opt_out', 'block', 'unblock', 'notice_shown'][Math.floor(rnd() * 5)]!]);
      }
      return rows;
    };
    const w = await workspace({ engine });
    const ids: number[] = [];
    const loaded: { kind: 'n' | 'c'; rows: string[][] }[] = [];
    const rowsOf = (kind: 'n' | 'c') => loaded.filter((b) => b.kind === kind).flatMap((b) => b.rows);
    const check = async () => {
      const want = referenceViolations(rowsOf('n'), rowsOf('c'));
      const r = await w.api['metrics:refusals']({ by: 'day', limit: 1000 });
      expect(r.messages.map((m) => m.eventId!).sort()).toEqual(want);
      expect(r.violations).toBe(want.length);
      expect(r.buckets.reduce((s, b) => s + b.violations, 0)).toBe(want.length);
      expect(Object.values(r.bySender).reduce((s, n) => s + n, 0)).toBe(want.length);
      // Oldest first; ties in sent time in import order.
      const order = r.messages.map((m) => Date.parse(m.sentAt));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      return want.length;
    };
    for (const [k, kind] of (['n', 'c', 'n', 'c', 'c', 'n'] as const).entries()) {
      const rows = batch(kind, k);
      ids.push((await w.load(kind === 'n' ? notifications(rows) : consent(rows))).importId!);
      loaded.push({ kind, rows });
      await check();
    }
    expect(await check()).toBeGreaterThan(5);
    // Take out a consent import, then a notification import.
    await w.api['imports:delete']({ id: ids[3]! });
    loaded[3]!.rows = [];
    await check();
    await w.api['imports:delete']({ id: ids[2]! });
    loaded[2]!.rows = [];
    const before = await check();
    // The filter lists' all-time counts follow the deletions too.
    const dims = await w.api['metrics:dimensions']({});
    const senders = new Map<string, number>();
    for (const r of rowsOf('n')) senders.set(r[3]!, (senders.get(r[3]!) ?? 0) + 1);
    expect(dims.senders.map(({ key, count }) => ({ key, count })).sort((a, b) => (a.key < b.key ? -1 : 1))).toEqual(
      [...senders].map(([key, count]) => ({ key, count })).sort((a, b) => (a.key < b.key ? -1 : 1)),
    );
    if (engine === 'sqlite') {
      // A rebuild from the raw rows gives the same.
      const { rebuildRollups } = await import('../../../electron/backend/rollups/index.ts');
      rebuildRollups(w.db());
      expect(await check()).toBe(before);
    }
  });
});
