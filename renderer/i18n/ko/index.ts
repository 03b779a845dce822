import type { Messages } from '../types.ts';
import { common } from './common.ts';
import { dashboards } from './dashboards.ts';
import { disclosures } from './disclosures.ts';
import { evidence } from './evidence.ts';
import { imports } from './imports.ts';
import { review } from './review.ts';
import { warehouse } from './warehouse.ts';

/** Every Korean string, by domain (same keys as English). */
export const ko: Messages = {
  common,
  dashboards,
  disclosures,
  evidence,
  imports,
  review,
  warehouse,
};
