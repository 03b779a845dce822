import { useId } from 'react';
import type { VersionSummary } from '../../../shared/review/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** Chooses one of a disclosure's versions (the latest marked). */
export function VersionPicker(props: { label: string; versions: readonly VersionSummary[]; value: number; onChange(number: number): void; testId?: string }) {
  const { t } = useI18n();
  const id = useId();
  const latest = props.versions.at(-1)?.number;
  return (
    <span className="rv-picker">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(Number(e.target.value))} data-testid={props.testId}>
        {props.versions.map((v) => (
          <option key={v.number} value={v.number}>
            {t(v.number === latest ? 'review.versions.optionLatest' : 'review.versions.option', { number: v.number })}
          </option>
        ))}
      </select>
    </span>
  );
}
