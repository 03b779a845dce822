import { useEffect, useState } from 'react';
import type { CostModel, CostModelField, CostModelFieldInfo } from '../../../shared/metrics/types.ts';
import { useCostModel, useSetCostModel } from '../../data/metrics-hooks.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/types.ts';
import { useErrorText, useReportError } from '../errors.tsx';
import { DefinitionPanel } from './DefinitionPanel.tsx';

const LIMITS: Record<Exclude<CostModelField, 'firstScope'>, { min: number; max: number; step: number }> = {
  firstMessageBytes: { min: 0, max: 100_000_000, step: 1 },
  laterMessageBytes: { min: 0, max: 100_000_000, step: 1 },
  tariffLowKrwPerKiB: { min: 0, max: 1_000_000, step: 0.001 },
  tariffHighKrwPerKiB: { min: 0, max: 1_000_000, step: 0.001 },
  cellularShare: { min: 0, max: 1, step: 0.05 },
};

/** Parses a field's draft text; null when it is not a valid value for the field. */
export function parseCostField(field: Exclude<CostModelField, 'firstScope'>, text: string): number | null {
  const value = Number(text.trim().replace(/,/g, ''));
  if (text.trim() === '' || !Number.isFinite(value)) return null;
  const { min, max } = LIMITS[field];
  if (value < min || value > max) return null;
  if ((field === 'firstMessageBytes' || field === 'laterMessageBytes') && !Number.isInteger(value)) return null;
  return value;
}

function NumberField(props: { info: CostModelFieldInfo; onCommit: (value: number) => void }) {
  const { t, locale, formatNumber } = useI18n();
  const field = props.info.field as Exclude<CostModelField, 'firstScope'>;
  const [draft, setDraft] = useState(String(props.info.value));
  useEffect(() => setDraft(String(props.info.value)), [props.info.value]);
  const parsed = parseCostField(field, draft);
  const invalid = parsed === null;
  const commit = () => {
    if (parsed !== null && parsed !== props.info.value) props.onCommit(parsed);
  };
  const id = `cost-${field}`;
  return (
    <div className="cost-field">
      <label htmlFor={id}>{t(`dashboards.cost.fields.${field}` as MessageKey)}</label>
      <div className="cost-field-row">
        <input
          id={id}
          type="number"
          inputMode="decimal"
          min={LIMITS[field].min}
          max={LIMITS[field].max}
          step={LIMITS[field].step}
          value={draft}
          aria-invalid={invalid}
          aria-describedby={`${id}-source`}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
          }}
        />
        <span className="muted">{t(`dashboards.cost.units.${field}` as MessageKey)}</span>
        <Badge info={props.info} onReset={() => props.onCommit(Number(props.info.defaultValue))} />
      </div>
      {invalid ? (
        <p className="chart-export-error" role="alert">
          {t('dashboards.cost.invalid', { min: formatNumber(LIMITS[field].min), max: formatNumber(LIMITS[field].max) })}
        </p>
      ) : null}
      <p className="cost-source" id={`${id}-source`}>
        {props.info.isDefault ? null : `${t('dashboards.cost.default', { value: formatNumber(Number(props.info.defaultValue)) })} · `}
        {props.info.source[locale]}
      </p>
    </div>
  );
}

function Badge(props: { info: CostModelFieldInfo; onReset: () => void }) {
  const { t } = useI18n();
  if (props.info.isDefault) return <span className="cost-default-badge">{t('dashboards.cost.isDefault')}</span>;
  return (
    <button type="button" className="chart-btn" onClick={props.onReset}>
      {t('dashboards.cost.resetField')}
    </button>
  );
}

/**
 * The cost model editor: each field with its default and that default's source, a reset per field
 * and for all. A change is saved in the workspace and every figure on the page recomputes.
 */
export function CostModelEditor() {
  const { t, locale } = useI18n();
  const errorMessage = useErrorText();
  const model = useCostModel();
  const save = useSetCostModel();
  const report = useReportError();
  const set = (patch: Partial<CostModel> | null) => save.mutate(patch, { onError: report });
  if (model.isPending) return <p role="status">{t('dashboards.state.loading')}</p>;
  if (model.error || !model.data) return <p role="alert">{errorMessage(model.error).message}</p>;
  const allDefault = model.data.fields.every((f) => f.isDefault);
  return (
    <section className="chart-card" aria-labelledby="cost-model-title">
      <header className="chart-head">
        <div className="chart-titles">
          <h3 id="cost-model-title">{t('dashboards.cost.title')}</h3>
          <p className="chart-subtitle">{t('dashboards.cost.subtitle')}</p>
        </div>
        <div className="chart-tools">
          {save.isPending ? <span role="status" className="muted">{t('dashboards.cost.saving')}</span> : null}
          <button type="button" className="chart-btn" disabled={allDefault} onClick={() => set(null)}>
            {t('dashboards.cost.resetAll')}
          </button>
        </div>
      </header>
      <div className="cost-editor">
        {model.data.fields.map((info) =>
          info.field === 'firstScope' ? (
            <div className="cost-field" key={info.field}>
              <label htmlFor="cost-firstScope">{t('dashboards.cost.fields.firstScope')}</label>
              <div className="cost-field-row">
                <select id="cost-firstScope" value={String(info.value)} onChange={(e) => set({ firstScope: e.target.value as CostModel['firstScope'] })}>
                  <option value="pair">{t('dashboards.cost.scope.pair')}</option>
                  <option value="recipient">{t('dashboards.cost.scope.recipient')}</option>
                </select>
                <Badge info={info} onReset={() => set({ firstScope: info.defaultValue as CostModel['firstScope'] })} />
              </div>
              <p className="cost-source">
                {info.isDefault ? null : `${t('dashboards.cost.default', { value: t(`dashboards.cost.scope.${String(info.defaultValue)}` as MessageKey) })} · `}
                {info.source[locale]}
              </p>
            </div>
          ) : (
            <NumberField key={info.field} info={info} onCommit={(value) => set({ [info.field]: value })} />
          ),
        )}
      </div>
      <DefinitionPanel ids={['messageSize', 'charge', 'chargeable']} />
    </section>
  );
}
