/**
 * The rollups' one way in: the importer, the CLI, the app's jobs, the migrations, the metrics and
 * the tests import the rollups from here, never from a module of the folder. Inside the folder,
 * modules import each other directly and never this file, so no import cycle can form through it.
 *
 * Layout (docs/metrics-engine.md): step.ts (the interface), accumulator.ts (the steps composed),
 * one step per table or tied group (daily-counts, firsts with first-merge, events-daily, reach,
 * usage, url-sets, violations), rebuild.ts and remove.ts, keys.ts and batch-upsert.ts (leaves).
 */
export { createRollupAccumulator, type RollupAccumulator } from './accumulator.ts';
export { rebuildRollups } from './rebuild.ts';
export { rebuildRollupsJob } from './rebuild-job.ts';
export { removeImportFromRollups } from './remove.ts';
export { decodeIds, reachSets, recipientIdCount, type ReachKind } from './reach.ts';
export { HAS_KNOWN, PAIR_FIRST, RECIPIENT_FIRST, decodeUsage, rebuildUsage, usageSets, type UsageEntries } from './usage.ts';
export { rebuildUrlRollups } from './url-sets.ts';
export { rebuildViolations, removeImportFromViolations } from './violations.ts';
