import type { DisclosureStatus } from '../../../shared/disclosures/types.ts';
import { STATUS_TRANSITIONS } from '../../../shared/disclosures/status.ts';
import { useSetDisclosureStatus } from '../../data/disclosure-hooks.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useErrorText } from '../errors.tsx';

/** The statuses a disclosure may not reach while a required element is missing. */
const GATED: readonly DisclosureStatus[] = ['approved', 'published'];

/** A status badge. */
export function StatusBadge(props: { status: DisclosureStatus }) {
  const { t } = useI18n();
  return (
    <span className={`st-status st-status-${props.status}`} data-status={props.status}>
      {t(`disclosures.status.${props.status}`)}
    </span>
  );
}

/** The status of the open disclosure, with the transitions the workflow allows. */
export function StatusControl(props: {
  id: number;
  status: DisclosureStatus;
  beforeChange(): Promise<void>;
  onChanged(next: DisclosureStatus): void;
  /** Required elements missing (both languages, overrides applied): approving and publishing wait. */
  missing?: number;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const setStatus = useSetDisclosureStatus();
  const options = [props.status, ...STATUS_TRANSITIONS[props.status]];
  return (
    <label className="st-field st-status-field">
      <span>{t('disclosures.status.label')}</span>
      <StatusBadge status={props.status} />
      <select
        value={props.status}
        aria-label={t('disclosures.status.label')}
        disabled={setStatus.isPending || options.length === 1}
        onChange={async (e) => {
          const next = e.target.value as DisclosureStatus;
          try {
            await props.beforeChange();
            const saved = await setStatus.mutateAsync({ id: props.id, status: next });
            props.onChanged(saved.status);
          } catch {
            // The mutation keeps the error; it is shown next to the control.
          }
        }}
      >
        {options.map((s) => (
          <option key={s} value={s} disabled={s !== props.status && GATED.includes(s) && (props.missing ?? 0) > 0}>
            {t(`disclosures.status.${s}`)}
          </option>
        ))}
      </select>
      {(props.missing ?? 0) > 0 && props.status !== 'published' && props.status !== 'retired' ? (
        <span className="st-gate muted" data-testid="status-gate">
          {t('disclosures.checks.gate', { count: props.missing ?? 0 })}
        </span>
      ) : null}
      {setStatus.isError ? (
        <span role="alert" className="st-error">
          {errorText(setStatus.error).message}
        </span>
      ) : null}
    </label>
  );
}
