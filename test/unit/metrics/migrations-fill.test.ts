import { describe, expect, it } from 'vitest';
import { createViolations } from '../../../electron/backend/db/migrations/0008-create-violations.ts';
import { createUsageRollup } from '../../../electron/backend/db/migrations/0009-create-usage-rollup.ts';
import { createDimensionsRollup } from '../../../electron/backend/db/migrations/0010-create-dimensions-rollup.ts';
import { addOptOutLag } from '../../../electron/backend/db/migrations/0011-add-optout-lag.ts';
import { consent, notifications, prng, workspace } from './helpers.ts';

describe('migrations 0008–0011 on a workspace imported before them', () => {
  it('fill their tables to the figures the importer keeps', async () => {
    const rnd = prng(29);
    const at = (h: number) => new Date(Date.parse('2016-01-01T00:00:00+09:00') + h * 3_600_000).toISOString();
    const w = await workspace();
    await w.load(
      consent(Array.from({ length: 60 }, (_, i) => [`c${i}`, at(Math.floor(rnd() * 24 * 60)), `r${Math.floor(rnd() * 12)}`, rnd() < 0.3 ? '' : `s${Math.floor(rnd() * 3)}`, ['notice_shown', 'opt_out', 'block', 'opt_in'][Math.floor(rnd() * 4)]!])),
    );
    await w.load(
      notifications(
        Array.from({ length: 200 }, (_, i) => [
          `n${i}`, at(Math.floor(rnd() * 24 * 60)), `r${Math.floor(rnd() * 12)}`, `s${Math.floor(rnd() * 3)}`,
          ['delivered', 'sent', 'failed', 'fallback_sms'][Math.floor(rnd() * 4)]!, rnd() < 0.3 ? 4000 : null, null, `k${Math.floor(rnd() * 2)}`, `t${i % 5}`,
        ]),
      ),
    );
    const figures = async () => ({
      refusals: await w.api['metrics:refusals']({ by: 'week', limit: 1000 }),
      datacost: await w.api['metrics:datacost']({ by: 'week' }),
      coverage: await w.api['metrics:coverage']({ by: 'week' }),
      dimensions: await w.api['metrics:dimensions']({}),
    });
    const kept = await figures();
    expect(kept.refusals.violations).toBeGreaterThan(0);
    const db = w.db();
    // Back to schema 7: what these migrations add is taken away, then they run again.
    db.exec(`
      DROP TABLE violations; DROP TABLE rollup_violations_daily; DROP TABLE rollup_usage_daily; DROP TABLE rollup_dimensions;
      ALTER TABLE rollup_first_messages DROP COLUMN optout_at;
      ALTER TABLE rollup_coverage_daily DROP COLUMN opted; ALTER TABLE rollup_coverage_daily DROP COLUMN lag_1h;
      ALTER TABLE rollup_coverage_daily DROP COLUMN lag_1d; ALTER TABLE rollup_coverage_daily DROP COLUMN lag_7d;
      ALTER TABLE rollup_coverage_daily DROP COLUMN lag_30d; ALTER TABLE rollup_coverage_daily DROP COLUMN lag_90d;
      ALTER TABLE rollup_coverage_daily DROP COLUMN lag_more;
    `);
    db.transaction(() => {
      for (const m of [createViolations, createUsageRollup, createDimensionsRollup, addOptOutLag]) m.up(db);
    })();
    expect(await figures()).toEqual(kept);
  });
});
