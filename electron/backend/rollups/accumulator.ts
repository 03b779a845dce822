/**
 * The rollup tables the dashboards read (migration 0002 and after), maintained by the importer inside
 * the same transaction as the rows it inserts. The importer feeds every row it actually stored (not
 * duplicates) to an accumulator, in insertion order, and calls `flush` before committing (it may
 * flush several times in one transaction to bound memory).
 *
 * An accumulator is a fixed list of steps (step.ts), one per rollup table or tied group of tables:
 * `add*` hand each row to the steps that want it (memory only, no SQL per row); `flush` has each
 * step write its batch, in the order below. Deleting an import: call `removeImportFromRollups(db,
 * importId)` (remove.ts) in the deleting transaction BEFORE the import's rows are deleted (it reads
 * them to subtract them). Called after, it falls back to a full rebuild.
 */
import type { ConsentEvent, NotificationEvent, UrlEvent } from '../../../shared/domain/canonical.ts';
import { localDay } from '../../../shared/metrics/calendar.ts';
import type { Db } from '../db/connection.ts';
import { workspaceTimeZone } from '../db/workspace-settings.ts';
import { dailyCountsStep } from './daily-counts.ts';
import { eventsDailyStep } from './events-daily.ts';
import { firstsStep } from './firsts.ts';
import { reachStep } from './reach.ts';
import type { RollupContext, RollupStep } from './step.ts';
import { urlSetsStep } from './url-sets.ts';
import { UsageDeltas, usageStep } from './usage.ts';
import { violationsStep } from './violations.ts';

/** What the importer feeds the rollups. */
export interface RollupAccumulator {
  addNotification(event: NotificationEvent): void;
  addConsent(event: ConsentEvent): void;
  addUrl(event: UrlEvent): void;
  /** Writes what has been accumulated so far into the rollup tables. */
  flush(): void;
  /** After the last flush of one import: the set-wise steps (stored violations) over its rows. */
  complete?(importId: number): void;
}

/** An accumulator that can also be finished: the last flush, then what the steps keep across flushes. */
export type FinishingAccumulator = RollupAccumulator & { finish(): void };

/**
 * First-message candidates of distinct pairs an import holds before merging them (firsts.ts
 * `holdUpTo`). A 1M-row import (bench:import, bundled worker): 0 (a merge every flush) read 3.57 GB
 * and wrote 2.29 GB through the file system at a peak of 198 MiB; 40,000 read 1.85 GB and wrote
 * 1.34 GB at 220 MiB; 60,000 1.63 / 1.22 GB at 242 MiB; 150,000 peaked at 304 MiB.
 */
const FIRST_PAIRS_HELD = 40_000;

/**
 * A new accumulator for one import into `db` (the workspace's time zone is read from it).
 * `firstPairsHeld`: see FIRST_PAIRS_HELD (tests lower it to merge at many flushes).
 */
export function createRollupAccumulator(db: Db, options: { firstPairsHeld?: number } = {}): RollupAccumulator {
  const zone = workspaceTimeZone(db);
  return composeSteps({ db, zone, idCache: new Map(), finishing: false }, [
    ...rollupSteps(zone, 'all', false, -1, options.firstPairsHeld ?? FIRST_PAIRS_HELD),
    violationsStep(),
  ]);
}

/**
 * The accumulators of a rebuild and a removal. Modes: `all`; `firsts` keeps only first messages
 * and first notices (with the usage rollup's first flags); `reach` only the distinct-recipient sets
 * (both for recomputing after a removal). With `deferFirsts` (a rebuild from scratch) first-message
 * candidates stay in memory across flushes and are written once by `finish`, and the usage rollup
 * is left to be refilled afterwards (rebuildUsage, from the final first messages). `excludeImport`:
 * consent rows of that import (being deleted) are not looked at for first opt-outs.
 */
export function makeAccumulator(db: Db, mode: 'all' | 'firsts' | 'reach', deferFirsts = false, excludeImport = -1): FinishingAccumulator {
  const zone = workspaceTimeZone(db);
  return composeSteps({ db, zone, idCache: new Map(), finishing: false }, rollupSteps(zone, mode, deferFirsts, excludeImport));
}

/** The steps of a mode (see `makeAccumulator`), in flush order. */
function rollupSteps(zone: string, mode: 'all' | 'firsts' | 'reach', deferFirsts: boolean, excludeImport: number, holdUpTo = 0): RollupStep[] {
  if (mode === 'reach') return [reachStep(zone)];
  // One set of usage deltas: the first-message merge moves first flags in it, the usage step
  // (after it) adds the messages and writes both.
  const usage = deferFirsts ? null : new UsageDeltas();
  const firsts = firstsStep({ defer: deferFirsts, excludeImport, coverageDeltas: mode === 'all' && !deferFirsts, usage, holdUpTo });
  const usageSteps = usage ? [usageStep(usage, mode === 'all')] : [];
  if (mode === 'firsts') return [firsts, ...usageSteps];
  return [dailyCountsStep(), firsts, eventsDailyStep(zone), reachStep(zone), ...usageSteps, urlSetsStep(zone)];
}

/**
 * Composes steps into one accumulator. Every row goes to the steps that take its kind, and every
 * flush to every step, in the order given: the first-message step after the notices it reads, the
 * usage step after the first flags the merge moved.
 */
function composeSteps(ctx: RollupContext, steps: RollupStep[]): FinishingAccumulator {
  const onNotification = steps.filter((s) => s.addNotification);
  const onConsent = steps.filter((s) => s.addConsent);
  const onUrl = steps.filter((s) => s.addUrl);
  const completing = steps.filter((s) => s.complete);
  const { zone } = ctx;
  const flush = () => {
    for (const s of steps) s.flush(ctx);
  };
  const finish = () => {
    ctx.finishing = true;
    try {
      flush();
      for (const s of steps) s.finish?.(ctx);
    } finally {
      ctx.finishing = false;
    }
  };
  const acc: FinishingAccumulator = {
    addNotification(e) {
      const day = localDay(e.sentAt, zone);
      const category = e.category ?? '';
      for (const s of onNotification) s.addNotification!(e, day, category);
    },
    addConsent(e) {
      for (const s of onConsent) s.addConsent!(e);
    },
    addUrl(e) {
      for (const s of onUrl) s.addUrl!(e);
    },
    flush,
    finish,
  };
  if (completing.length > 0) {
    acc.complete = (importId: number) => {
      finish();
      for (const s of completing) s.complete!(ctx, importId);
    };
  }
  return acc;
}
