import { describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/backend/db/connection.ts';
import { createRollupAccumulator, decodeIds, decodeUsage, HAS_KNOWN, rebuildRollups } from '../../../electron/backend/rollups/index.ts';
import { consent, notifications, prng, workspace } from './helpers.ts';

/**
 * Every rollup a notification import keeps, in a stable order. Recipient sets and usage entries are
 * read by recipient name: a rebuild may number recipients differently.
 */
function snapshot(db: import('better-sqlite3').Database) {
  const tables = [
    'rollup_first_messages', 'rollup_first_daily', 'rollup_coverage_daily', 'rollup_notifications_daily',
    'rollup_templates_daily', 'rollup_dimensions',
  ];
  const out: Record<string, unknown> = Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3, 4`).raw().all()]));
  const names = new Map(db.prepare('SELECT idx, recipient_id FROM rollup_recipient_ids').raw().all() as [number, string][]);
  const reach = db.prepare('SELECT kind, day, sender_id, category, ids FROM rollup_reach_daily ORDER BY 1, 2, 3, 4').raw().all() as [string, number, string, string, Buffer][];
  out.reach = reach.map(([kind, day, sender, category, ids]) => [kind, day, sender, category, [...decodeIds(ids)].map((i) => names.get(i)).sort()]);
  const usage = db.prepare('SELECT day, sender_id, category, entries FROM rollup_usage_daily ORDER BY 1, 2, 3').raw().all() as [number, string, string, Buffer][];
  out.usage = usage.map(([day, sender, category, blob]) => {
    const u = decodeUsage(blob);
    let k = 0;
    const entries = [...u.idx].map((idx, i) => [names.get(idx), u.unknown[i], u.flags[i], u.flags[i]! & HAS_KNOWN ? u.known[k++] : 0]);
    return [day, sender, category, entries.sort((a, b) => String(a[0]).localeCompare(String(b[0])))];
  });
  return out;
}

describe('rollups of an import longer than one flush', () => {
  // The import holds first-message candidates of up to FIRST_PAIRS_HELD pairs before merging them:
  // as shipped, this file's 1,200 pairs merge once, at the end; held 200 at a time, they merge at
  // many flushes, each meeting the firsts earlier merges stored.
  it.each([
    ['merged once, at the end', undefined],
    ['merged every 200 pairs', 200],
  ])('equal a rebuild when an export is out of order (%s), so earlier first messages come after later ones were merged', async (_label, held) => {
    const options = held === undefined ? {} : { rollups: (db: Db) => createRollupAccumulator(db, { firstPairsHeld: held }) };
    // More rows than one accumulator flush (20,000), in random time order, over few pairs: most
    // pairs get a first in an early flush that a later flush must replace or leave alone. (Rows more
    // than a day behind are set aside and stored after the read in time order — import/reorder.ts —
    // so the disorder the merges meet is the day of slack, the rows read before the first set-aside
    // one, and the first file's firsts.)
    const rnd = prng(21);
    const at = (m: number) => new Date(Date.parse('2016-02-01T00:00:00+09:00') + m * 60_000).toISOString();
    const rows: (string | number | null)[][] = [];
    for (let i = 0; i < 48_000; i++) {
      const bytes = rnd() < 0.3 ? null : 2048;
      rows.push([`n${i}`, at(Math.floor(rnd() * 60 * 24 * 40)), `r${Math.floor(rnd() * 300)}`, `s${Math.floor(rnd() * 4)}`,
        rnd() < 0.9 ? 'delivered' : 'failed', bytes, 'cellular', `k${Math.floor(rnd() * 2)}`, `t${Math.floor(rnd() * 3)}`]);
    }
    const w = await workspace();
    await w.load(consent(Array.from({ length: 200 }, (_, i) => [`c${i}`, at(Math.floor(rnd() * 60 * 24 * 40)), `r${Math.floor(rnd() * 300)}`,
      rnd() < 0.5 ? '' : `s${Math.floor(rnd() * 4)}`, rnd() < 0.5 ? 'notice_shown' : 'opt_out'])));
    // A first file stores some firsts before the long one: its candidates then meet stored firsts
    // from another import, as well as the ones it merged itself in earlier flushes.
    await w.load(notifications(rows.slice(0, 3000)), options);
    await w.load(notifications(rows.slice(3000)), options);
    const kept = snapshot(w.db());
    expect((kept.rollup_first_messages as unknown[]).length).toBeGreaterThan(1000);
    rebuildRollups(w.db());
    expect(snapshot(w.db())).toEqual(kept);
  }, 60_000);
});
