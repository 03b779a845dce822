/**
 * Property test: volume, datacost, dimensions, overview and the CSV exports give the same results on a SQLite workspace and on
 * a ClickHouse one (two 18.16 shards; chDB's current release) loaded with the same seeded random
 * notifications through the product's import: many recipients and senders, every status, known and
 * unknown sizes, every network, ties in sent time (with and without event ids, within one import
 * and across imports), dates over several months in a zone without daylight saving; compared for
 * several periods, bucketings, sender and category filters, stacks and both first scopes, before
 * and after an import is deleted.
 */
import { describe, expect, it } from 'vitest';
import type { FilterInput } from '../../../electron/backend/metrics/scope.ts';
import { consent, engines, notifications, prng, urls, workspace } from '../metrics/helpers.ts';

type Row = (string | number | null)[];

const STATUSES = ['delivered', 'delivered', 'sent', 'failed', 'blocked', 'fallback_sms'];
const NETWORKS = [null, 'cellular', 'wifi', 'unknown'];
const CATEGORIES = ['order', 'delivery', null, '주문'];

/** Three imports' rows [event_id, sent_at, recipient, sender, status, bytes, network, category, template]. */
function generate(seed: number): Row[][] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const base = Date.parse('2016-01-20T00:00:00+09:00');
  const all: Row[] = [];
  const files: Row[][] = [];
  let n = 0;
  for (let f = 0; f < 3; f++) {
    const rows: Row[] = [];
    for (let i = 0; i < 350; i++) {
      n++;
      // A tie: the same pair at the same instant as a recent row of this import or any earlier row.
      const recent = rows.length > 0 && rnd() < 0.5;
      const tie = all.length > 0 && rnd() < 0.3 ? (recent ? rows.at(-1 - Math.floor(rnd() * Math.min(rows.length, 20)))! : pick(all)) : null;
      const id = rnd() < (tie ? 0.5 : 0.3) ? null : `e${Math.floor(rnd() * 1e9).toString(36)}-${n}`;
      const bytes = rnd() < 0.55 ? null : rnd() < 0.1 ? 300_000 + Math.floor(rnd() * 900_000) : Math.floor(rnd() * 40_000);
      const rest: Row = [pick(STATUSES), bytes, pick(NETWORKS), pick(CATEGORIES), rnd() < 0.3 ? null : `t${Math.floor(rnd() * 4)}`];
      const row: Row = tie
        ? [id, tie[1], tie[2], tie[3], ...rest]
        : [
            id,
            new Date(base + Math.floor(rnd() * 24 * 110) * 3_600_000 + (rnd() < 0.5 ? 0 : 1_800_000)).toISOString(),
            `r${Math.floor(rnd() * 70)}`,
            `s${Math.floor(rnd() * 12)}`,
            ...rest,
          ];
      // Each row differs from any other (no id: every field is its identity) by a unique template.
      if (id === null) row[8] = `u${n}`;
      rows.push(row);
      all.push(row);
    }
    files.push(rows);
  }
  return files;
}

/** Consent events over the same recipients and senders (a fifth platform-wide) and URL events. */
function generateOthers(seed: number): { consent: string[][]; urls: string[][] } {
  const rnd = prng(seed);
  const at = () => new Date(Date.parse('2016-01-10T00:00:00+09:00') + Math.floor(rnd() * 24 * 120) * 3_600_000).toISOString();
  const actions = ['notice_shown', 'notice_shown', 'opt_out', 'opt_in', 'block', 'unblock'];
  const consentRows = Array.from({ length: 300 }, (_, i) => [
    `c${i}`, at(), `r${Math.floor(rnd() * 70)}`, rnd() < 0.2 ? '' : `s${Math.floor(rnd() * 12)}`, actions[Math.floor(rnd() * actions.length)]!,
  ]);
  const urlActions = ['shared', 'indexed', 'served'];
  const urlRows = Array.from({ length: 200 }, (_, i) => [
    `u${i}`, at(), `https://h${Math.floor(rnd() * 5)}.example/p${Math.floor(rnd() * 40)}`, urlActions[Math.floor(rnd() * 3)]!,
  ]);
  return { consent: consentRows, urls: urlRows };
}

const FILTERS: FilterInput[] = [
  {},
  { by: 'day', from: '2016-02-10', to: '2016-03-20' },
  { by: 'week', senders: ['s1', 's3', 's7'] },
  { by: 'month', categories: ['', '주문'] },
  { by: 'week', from: '2016-03-02', to: '2016-04-15', senders: ['s2', 's10'], categories: ['order', 'delivery'] },
  { by: 'month', from: '2016-02-29', to: '2016-05-01' },
  { from: '2017-01-01', to: '2017-01-31' },
];

const CSV_TABLES = [
  ['volume', 'buckets'],
  ['volume', 'bySender'],
  ['datacost', 'buckets'],
  ['datacost', 'bySender'],
  ['datacost', 'perRecipient'],
] as const;

/** The other metrics' CSV tables (their results are compared in their own tests; here the export). */
const OTHER_CSV_TABLES = [
  ['optout', 'buckets'],
  ['optout', 'bySender'],
  ['optout', 'byCategory'],
  ['coverage', 'buckets'],
  ['coverage', 'perRecipient'],
  ['refusals', 'buckets'],
  ['refusals', 'bySender'],
  ['refusals', 'messages'],
  ['urls', 'buckets'],
  ['urls', 'topDomains'],
  ['urls', 'messages'],
] as const;

const others = engines.filter((e) => e !== 'sqlite');

describe.skipIf(others.length === 0).each(others)('volume, datacost, dimensions, overview and CSV: SQLite and %s agree', (engine) => {
  it('on seeded random notifications, for every filter, stack and first scope, before and after a deletion', async () => {
    const files = generate(16);
    const local = await workspace();
    const wh = await workspace({ engine });
    const ids: [number, number][] = [];
    for (const rows of files) {
      const a = await local.load(notifications(rows));
      const b = await wh.load(notifications(rows));
      expect(b.imported).toBe(a.imported);
      ids.push([a.importId!, b.importId!]);
    }
    const events = generateOthers(17);
    for (const w of [local, wh]) {
      await w.load(consent(events.consent));
      await w.load(urls(events.urls));
    }
    const both = async <T>(call: (w: typeof local) => Promise<T>): Promise<[T, T]> => [await call(local), await call(wh)];
    const compare = async () => {
      const [d1, d2] = await both((w) => w.api['metrics:dimensions']({}));
      expect(d2).toEqual(d1);
      expect(d1.senders.length).toBeGreaterThan(8);
      for (const firstScope of ['pair', 'recipient'] as const) {
        await both((w) => w.api['metrics:setCostModel']({ firstScope, cellularShare: 0.7, tariffLowKrwPerKiB: 0.03 }));
        for (const [i, filter] of FILTERS.entries()) {
          // The combining metrics and the other pages' exports on every other filter (time on a shared machine).
          const combined = i % 2 === 0;
          for (const stackBy of ['status', 'category', 'sender'] as const) {
            const [v1, v2] = await both((w) => w.api['metrics:volume']({ ...filter, stackBy }));
            expect(v2, JSON.stringify({ filter, stackBy, firstScope })).toEqual(v1);
          }
          const [c1, c2] = await both((w) => w.api['metrics:datacost']({ ...filter }));
          expect(c2, JSON.stringify({ filter, firstScope })).toEqual(c1);
          if (combined) {
            const [o1, o2] = await both((w) => w.api['metrics:overview']({ ...filter }));
            expect(o2, JSON.stringify({ filter, firstScope })).toEqual(o1);
          }
          // The CSV exports byte for byte (their columns follow the results' key order).
          for (const [metric, table] of [...CSV_TABLES, ...(combined && firstScope === 'pair' ? OTHER_CSV_TABLES : [])]) {
            const [x1, x2] = await both((w) => w.api['metrics:exportCsv']({ ...filter, metric, table }));
            // A refused message's id is the engine's own row id (the first column): the rest is compared.
            const text = (x: { csv: string }) => (metric === 'refusals' && table === 'messages' ? x.csv.replace(/^[^,\r\n]*,/gm, '') : x.csv);
            expect(text(x2), JSON.stringify({ filter, firstScope, metric, table })).toBe(text(x1));
          }
        }
      }
      return d1;
    };
    const before = await compare();
    // The generator makes what the comparison is about: ties for first place, folded stacks, first
    // messages, big recipients.
    const chargeable = files.flat().filter((r) => r[4] === 'sent' || r[4] === 'delivered');
    const instants = new Map<string, Row[]>();
    for (const r of chargeable) instants.set(`${r[2]}|${r[3]}|${r[1]}`, [...(instants.get(`${r[2]}|${r[3]}|${r[1]}`) ?? []), r]);
    const ties = [...instants.values()].filter((rs) => rs.length > 1);
    expect(ties.filter((rs) => rs.some((r) => r[0] === null) && rs.some((r) => r[0] !== null)).length).toBeGreaterThan(3);
    expect(ties.filter((rs) => rs.filter((r) => r[0] === null).length > 1).length).toBeGreaterThan(0);
    await local.api['metrics:setCostModel']({ firstScope: 'pair' });
    const all = await local.api['metrics:datacost']({});
    expect(all.firstMessages).toBeGreaterThan(100);
    expect(all.perRecipient.at(-1)!.count).toBeGreaterThan(0);
    expect((await local.api['metrics:volume']({ stackBy: 'sender' })).stackKeys).toContain('__other__');
    // Deleting the first import moves first messages to the later imports' rows.
    await local.api['imports:delete']({ id: ids[0]![0] });
    await wh.api['imports:delete']({ id: ids[0]![1] });
    const after = await compare();
    expect(after.senders.reduce((s, x) => s + x.count, 0)).toBe(before.senders.reduce((s, x) => s + x.count, 0) - files[0]!.length);
  }, 240_000);
});
