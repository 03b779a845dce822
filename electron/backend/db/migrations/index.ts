import { createEvents } from './0001-create-events.ts';
import { createRollups } from './0002-create-rollups.ts';
import { createImportSupport } from './0003-create-import-support.ts';
import { createDisclosures } from './0004-create-disclosures.ts';
import { createReachRollups } from './0005-create-reach-rollups.ts';
import { createCoverageRollup } from './0006-create-coverage-rollup.ts';
import { createUrlRollups } from './0007-create-url-rollups.ts';
import { createViolations } from './0008-create-violations.ts';
import { createUsageRollup } from './0009-create-usage-rollup.ts';
import { createDimensionsRollup } from './0010-create-dimensions-rollup.ts';
import { addOptOutLag } from './0011-add-optout-lag.ts';
import { createCheckOverrides } from './0012-create-check-overrides.ts';
import { dropNotificationsByTime } from './0013-drop-notifications-by-time.ts';
import { createReview } from './0014-create-review.ts';
import type { Migration } from './types.ts';

/** Every migration, in order. Append only: never edit or reorder a migration that has shipped. */
export const migrations: readonly Migration[] = [createEvents, createRollups, createImportSupport, createDisclosures, createReachRollups, createCoverageRollup, createUrlRollups,
  createViolations, createUsageRollup, createDimensionsRollup, addOptOutLag,
  createCheckOverrides, dropNotificationsByTime, createReview];

/** The schema version this build of the app writes. */
export const latestVersion = migrations.reduce((max, m) => Math.max(max, m.version), 0);
