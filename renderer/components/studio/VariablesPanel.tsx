import { useState } from 'react';
import type { DisclosureVariables } from '../../../shared/contract/disclosures.ts';
import type { VariableOverrides } from '../../../shared/disclosures/variables.ts';
import { useSetDisclosureVariables } from '../../data/disclosure-hooks.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

const OVERRIDABLE = ['sender_name', 'service_name', 'settings_path', 'refuse_keyword', 'support_contact'] as const;

/** Template variables: their values in both languages (from the cost model) and the workspace's own values. */
export function VariablesPanel(props: { data: DisclosureVariables }) {
  const { t, locale } = useI18n();
  const save = useSetDisclosureVariables();
  const [draft, setDraft] = useState<VariableOverrides>(props.data.overrides);
  const names = Object.keys(props.data.descriptions);
  return (
    <details className="st-vars-panel">
      <summary>
        {t('disclosures.variables.heading')}{' '}
        <span className="muted">
          {props.data.source === 'workspace' ? t('disclosures.variables.fromWorkspace') : t('disclosures.variables.fromDefaults')}
        </span>
      </summary>
      <table className="st-read-table">
        <thead>
          <tr>
            <th scope="col">{t('disclosures.variables.name')}</th>
            <th scope="col">{t('disclosures.editor.ko')}</th>
            <th scope="col">{t('disclosures.editor.en')}</th>
          </tr>
        </thead>
        <tbody>
          {names.map((name) => (
            <tr key={name}>
              <th scope="row">
                <code>{`{{${name}}}`}</code>
                <div className="muted st-var-desc">{props.data.descriptions[name]?.[locale]}</div>
              </th>
              <td lang="ko">{props.data.values.ko[name]}</td>
              <td lang="en">{props.data.values.en[name]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="st-var-form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(draft);
        }}
      >
        <p className="muted">{t('disclosures.variables.overridesHint')}</p>
        <div className="st-var-grid">
          {OVERRIDABLE.map((key) => (
            <label key={key} className="st-field">
              <span>
                <code>{`{{${key}}}`}</code>
              </span>
              <input value={draft[key] ?? ''} maxLength={200} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
            </label>
          ))}
        </div>
        <button type="submit" disabled={save.isPending}>
          {t('disclosures.variables.save')}
        </button>
        {save.isSuccess ? <span className="muted"> {t('disclosures.editor.saved')}</span> : null}
      </form>
    </details>
  );
}
