import { common } from './common.ts';
import { dashboards } from './dashboards.ts';
import { disclosures } from './disclosures.ts';
import { evidence } from './evidence.ts';
import { imports } from './imports.ts';
import { review } from './review.ts';
import { warehouse } from './warehouse.ts';

/**
 * Every English string, by domain. English is the reference: Korean must have the same keys
 * (the type checker enforces it). Add a domain with its own file in en/ and ko/.
 */
export const en = {
  common,
  dashboards,
  disclosures,
  evidence,
  imports,
  review,
  warehouse,
};
