import type { DisclosureVariables } from '../../../shared/contract/disclosures.ts';
import {
  DEFAULT_COST_MODEL,
  VARIABLE_DESCRIPTIONS,
  variableValues,
  type DisclosureCostModel,
  type VariableOverrides,
} from '../../../shared/disclosures/variables.ts';
import type { Db } from '../db/connection.ts';
import { getMeta, setMeta } from '../db/meta-repo.ts';
import { loadCostModel } from '../metrics/settings.ts';

/** The workspace meta key of the metrics engineer's cost model (electron/backend/metrics/settings.ts). */
export const COST_MODEL_META_KEY = 'metrics.costModel';
/** The workspace meta key of the disclosure variable overrides (sender name, settings path…). */
export const VARIABLES_META_KEY = 'disclosures.variables';

/**
 * The workspace's cost model, as the metrics engineer stores and resolves it (their defaults are
 * the docs/metrics.md ones), in the shape the variables need.
 */
export function readCostModel(db: Db): { model: DisclosureCostModel; source: 'workspace' | 'defaults' } {
  const stored = getMeta<Record<string, unknown> | null>(db, COST_MODEL_META_KEY, null);
  const m = loadCostModel(db);
  return {
    model: {
      firstMessageBytes: m.firstMessageBytes,
      laterMessageBytes: m.laterMessageBytes,
      tariffKrwPerKiB: { low: m.tariffLowKrwPerKiB, high: m.tariffHighKrwPerKiB },
      cellularShare: m.cellularShare,
    },
    source: stored && Object.keys(stored).length > 0 ? 'workspace' : 'defaults',
  };
}

/** The workspace's variable overrides. */
export function readVariableOverrides(db: Db): VariableOverrides {
  return getMeta<VariableOverrides>(db, VARIABLES_META_KEY, {});
}

/** Stores variable overrides (empty strings remove an override). */
export function writeVariableOverrides(db: Db, overrides: VariableOverrides): void {
  const clean = Object.fromEntries(Object.entries(overrides).filter(([, v]) => typeof v === 'string' && v.trim() !== ''));
  setMeta(db, VARIABLES_META_KEY, clean);
}

/** Variable values of both locales for a workspace (or the defaults when there is none). */
export function workspaceVariables(db: Db | null): DisclosureVariables {
  const { model, source } = db ? readCostModel(db) : { model: DEFAULT_COST_MODEL, source: 'defaults' as const };
  const overrides = db ? readVariableOverrides(db) : {};
  return {
    values: { ko: variableValues('ko', model, overrides), en: variableValues('en', model, overrides) },
    costModel: model,
    source,
    overrides,
    descriptions: VARIABLE_DESCRIPTIONS,
  };
}
