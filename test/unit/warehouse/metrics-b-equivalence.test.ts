/**
 * Property test: optout, coverage, refusals, URLs and before/after a marker give the same results on
 * a SQLite workspace and on a ClickHouse one (two 18.16 shards; chDB's current release) loaded with
 * the same seeded random notifications, consent events and URL events through the product's import:
 * platform-wide and per-sender consent, every consent action, refusals and notices at the very
 * instant of a message, ties in time within and across imports, URLs indexed before and after they
 * were shared; compared for several periods, bucketings, sender and category filters and pages,
 * before and after a URL-use notice is published and after imports are deleted.
 *
 * The one expected difference: a refusal message's `id` is SQLite's local row id and, in the
 * warehouse, a hash of its import and row (warehouse/metrics/refusals.ts); ids are compared for
 * being distinct and stable instead.
 */
import { describe, expect, it } from 'vitest';
import type { FilterInput } from '../../../electron/backend/metrics/scope.ts';
import type { RefusalsResult } from '../../../shared/metrics/types.ts';
import { consent, engines, notifications, prng, urls, workspace } from '../metrics/helpers.ts';

type Row = (string | number | null)[];

const STATUSES = ['delivered', 'delivered', 'sent', 'failed', 'blocked', 'fallback_sms'];
const CATEGORIES = ['order', 'delivery', null, '주문'];
const ACTIONS = ['opt_in', 'opt_out', 'opt_out', 'block', 'unblock', 'notice_shown', 'notice_shown'];
const URL_ACTIONS = ['shared', 'shared', 'indexed', 'indexed', 'served', 'crawled'];
const HOSTS = ['blog.example.com', 'shop.example.org', 'news.example.net', 'a.example.kr'];

/** The imports: notifications, consent and URL files, each a list of rows in the helpers' CSV order. */
function generate(seed: number) {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const base = Date.parse('2016-01-20T00:00:00+09:00');
  // Whole hours (and a few half hours) over ~100 days: many equal instants across kinds and imports.
  const instant = () => new Date(base + Math.floor(rnd() * 24 * 100) * 3_600_000 + (rnd() < 0.8 ? 0 : 1_800_000)).toISOString();
  const instants: string[] = [];
  const at = () => {
    const t = instants.length > 0 && rnd() < 0.25 ? pick(instants) : instant();
    instants.push(t);
    return t;
  };
  let n = 0;
  const notificationFiles: Row[][] = [];
  const consentFiles: string[][][] = [];
  const urlFiles: string[][][] = [];
  const allConsent: string[][] = [];
  for (let f = 0; f < 2; f++) {
    const events: string[][] = [];
    for (let i = 0; i < 140; i++) {
      n++;
      // A tie: another action of a recipient at the same instant as one of their earlier events (this
      // import or the one before), its sender's or platform-wide: import order decides the latest.
      const tie = allConsent.length > 0 && rnd() < 0.25 ? pick(allConsent) : null;
      const row = tie
        ? [`c${n}`, tie[1]!, tie[2]!, rnd() < 0.5 ? tie[3]! : '', pick(ACTIONS)]
        : [`c${n}`, at(), `r${Math.floor(rnd() * 40)}`, rnd() < 0.3 ? '' : `s${Math.floor(rnd() * 9)}`, pick(ACTIONS)];
      events.push(row);
      allConsent.push(row);
    }
    consentFiles.push(events);
    const rows: Row[] = [];
    for (let i = 0; i < 260; i++) {
      n++;
      const id = rnd() < 0.2 ? null : `e${n}`;
      // Some messages at the very instant of one of their recipient's consent events (not strictly after).
      const same = rnd() < 0.15 ? pick(allConsent) : null;
      const sender = same && same[3] !== '' && rnd() < 0.7 ? same[3]! : `s${Math.floor(rnd() * 8)}`;
      rows.push([id, same ? same[1]! : at(), same ? same[2]! : `r${Math.floor(rnd() * 40)}`, sender, pick(STATUSES), null, null, pick(CATEGORIES), `u${n}`]);
    }
    notificationFiles.push(rows);
    const urlRows: string[][] = [];
    for (let i = 0; i < 120; i++) {
      n++;
      urlRows.push([`w${n}`, at(), `https://${pick(HOSTS)}/p/${Math.floor(rnd() * 45)}`, pick(URL_ACTIONS)]);
    }
    urlFiles.push(urlRows);
  }
  return { notificationFiles, consentFiles, urlFiles };
}

const FILTERS: FilterInput[] = [
  {},
  { by: 'day', from: '2016-02-01', to: '2016-02-20' },
  { by: 'week', senders: ['s1', 's3', 's8'] },
  { by: 'month', categories: ['', '주문'] },
  { by: 'week', from: '2016-02-03', to: '2016-04-15', senders: ['s2', 's5'], categories: ['order', 'delivery'] },
  { by: 'month', from: '2016-02-29', to: '2016-05-01' },
  { from: '2017-01-01', to: '2017-01-31' },
];

/** More periods for the URL figures (lag samples of several sizes, odd and even). */
const URL_PERIODS = [
  ['2016-01-20', '2016-02-10'],
  ['2016-02-11', '2016-03-05'],
  ['2016-03-06', '2016-04-30'],
  ['2016-01-01', '2016-03-15'],
  ['2016-02-01', '2016-02-29'],
] as const;

const PAGES = [{ limit: 1000 }, { offset: 5, limit: 7 }, { offset: 10_000, limit: 5 }];

const AROUND = [
  { date: '2016-02-15', days: 7 },
  { date: '2016-03-01', days: 14, senders: ['s1', 's2'] },
  { date: '2016-03-20', days: 10, categories: ['order'] },
];

/** A refusals result without the engines' own message ids. */
const withoutIds = (r: RefusalsResult) => ({ ...r, messages: r.messages.map(({ id: _id, ...m }) => m) });

const others = engines.filter((e) => e !== 'sqlite');

describe.skipIf(others.length === 0).each(others)('optout, coverage, refusals, URLs and markers: SQLite and %s agree', (engine) => {
  it('on seeded random notifications, consent and URL events, for every filter, before and after a URL notice and deletions', async () => {
    const { notificationFiles, consentFiles, urlFiles } = generate(23);
    const local = await workspace();
    const wh = await workspace({ engine });
    const ids: [number, number][] = [];
    const loadBoth = async (csv: string) => {
      const a = await local.load(csv);
      const b = await wh.load(csv);
      expect(b.imported).toBe(a.imported);
      ids.push([a.importId!, b.importId!]);
    };
    for (let f = 0; f < 2; f++) {
      await loadBoth(consent(consentFiles[f]!));
      await loadBoth(notifications(notificationFiles[f]!));
      await loadBoth(urls(urlFiles[f]!));
    }
    const both = async <T>(call: (w: typeof local) => Promise<T>): Promise<[T, T]> => [await call(local), await call(wh)];
    const lagCounts: number[] = [];
    const compare = async () => {
      for (const filter of FILTERS) {
        const tag = JSON.stringify(filter);
        const [o1, o2] = await both((w) => w.api['metrics:optout']({ ...filter }));
        expect(o2, tag).toEqual(o1);
        const [c1, c2] = await both((w) => w.api['metrics:coverage']({ ...filter }));
        expect(c2, tag).toEqual(c1);
        for (const page of PAGES) {
          const [r1, r2] = await both((w) => w.api['metrics:refusals']({ ...filter, ...page }));
          expect(withoutIds(r2), JSON.stringify({ filter, page })).toEqual(withoutIds(r1));
          const idsOf = r2.messages.map((m) => m.id);
          expect(new Set(idsOf).size).toBe(idsOf.length);
          expect(idsOf.every((id) => Number.isSafeInteger(id) && id >= 0)).toBe(true);
        }
        const [u1, u2] = await both((w) => w.api['metrics:urls']({ ...filter, top: 3 }));
        expect(u2, tag).toEqual(u1);
        lagCounts.push(u1.lagCount);
      }
      for (const [from, to] of URL_PERIODS) {
        const [u1, u2] = await both((w) => w.api['metrics:urls']({ from, to, by: 'week' }));
        expect(u2, JSON.stringify({ from, to })).toEqual(u1);
        lagCounts.push(u1.lagCount);
      }
      for (const input of AROUND) {
        const [a1, a2] = await both((w) => w.api['markers:around'](input));
        expect(a2, JSON.stringify(input)).toEqual(a1);
      }
      // A message's warehouse id is the same from one query to the next.
      const [, first] = await both((w) => w.api['metrics:refusals']({ limit: 20 }));
      const [, again] = await both((w) => w.api['metrics:refusals']({ limit: 20 }));
      expect(again.messages.map((m) => m.id)).toEqual(first.messages.map((m) => m.id));
      return both((w) => w.api['metrics:refusals']({ limit: 1000 }));
    };
    const [refusals] = await compare();
    // The generator makes what the comparison is about.
    expect(refusals.violations).toBeGreaterThan(20);
    expect(new Set(refusals.messages.map((m) => m.refusal.scope))).toEqual(new Set(['sender', 'platform']));
    const [coverage] = await both((w) => w.api['metrics:coverage']({}));
    expect(coverage.covered).toBeGreaterThan(5);
    expect(coverage.uncovered).toBeGreaterThan(5);
    expect(coverage.funnel.optedOut).toBeGreaterThan(3);
    const [u] = await both((w) => w.api['metrics:urls']({}));
    expect(u.lagCount).toBeGreaterThan(5);
    // Medians of an odd and of an even sample (the mean of the two middle values).
    expect(lagCounts.some((k) => k > 1 && k % 2 === 1)).toBe(true);
    expect(lagCounts.some((k) => k > 1 && k % 2 === 0)).toBe(true);

    // A URL-use notice published in both: only URLs first indexed before it count.
    for (const w of [local, wh]) {
      const d = await w.api['disclosures:create']({ surface: 'url-notice', title: 'URL 이용 고지' });
      for (const status of ['in-review', 'approved'] as const) await w.api['disclosures:setStatus']({ id: d.id, status, actor: 'Reviewer' });
      await w.api['disclosures:setStatus']({ id: d.id, status: 'published', effectiveAt: Date.parse('2016-03-10T12:00:00+09:00'), actor: 'Reviewer' });
    }
    const [n1, n2] = await both((w) => w.api['metrics:urls']({}));
    expect(n2).toEqual(n1);
    expect(n1.indexedWithoutNotice).toBeGreaterThan(0);
    expect(n1.indexedWithoutNotice).toBeLessThan(u.indexedWithoutNotice);

    // Deleting the first notification, consent and URL imports changes refusals, firsts and URL firsts.
    for (const k of [1, 0, 2]) {
      await local.api['imports:delete']({ id: ids[k]![0] });
      await wh.api['imports:delete']({ id: ids[k]![1] });
    }
    const [after] = await compare();
    expect(after.violations).not.toBe(refusals.violations);
  });
});
