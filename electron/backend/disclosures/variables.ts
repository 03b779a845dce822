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

/** The workspace meta key of the metrics engineer's cost model (METRICS.md fields). */
export const COST_MODEL_META_KEY = 'costModel';
/** The workspace meta key of the disclosure variable overrides (sender name, settings path…). */
export const VARIABLES_META_KEY = 'disclosures.variables';

const positive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/**
 * The cost model stored by the metrics engineer (`costModel` meta key, fields of
 * shared/metrics CostModel), read tolerantly: missing or bad fields fall back to METRICS.md defaults.
 */
export function readCostModel(db: Db): { model: DisclosureCostModel; source: 'workspace' | 'defaults' } {
  const stored = getMeta<Record<string, unknown> | null>(db, COST_MODEL_META_KEY, null);
  if (!stored || typeof stored !== 'object') return { model: DEFAULT_COST_MODEL, source: 'defaults' };
  const d = DEFAULT_COST_MODEL;
  const low = positive(stored['tariffLowKrwPerKiB']) ? stored['tariffLowKrwPerKiB'] : d.tariffKrwPerKiB.low;
  const high = positive(stored['tariffHighKrwPerKiB']) ? stored['tariffHighKrwPerKiB'] : d.tariffKrwPerKiB.high;
  return {
    model: {
      firstMessageBytes: positive(stored['firstMessageBytes']) ? stored['firstMessageBytes'] : d.firstMessageBytes,
      laterMessageBytes: positive(stored['laterMessageBytes']) ? stored['laterMessageBytes'] : d.laterMessageBytes,
      tariffKrwPerKiB: { low, high: Math.max(low, high) },
      cellularShare: positive(stored['cellularShare']) ? Math.min(1, stored['cellularShare']) : d.cellularShare,
    },
    source: 'workspace',
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
