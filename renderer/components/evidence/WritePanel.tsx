import { Fragment, useEffect, useId, useState, type FormEvent } from 'react';
import type { Locale } from '../../../shared/contract/settings.ts';
import { useSettings } from '../../data/app-hooks.ts';
import { base64ToBytes } from '../../data/disclosure-hooks.ts';
import type { useWriteEvidence } from '../../data/evidence-hooks.ts';
import { useDimensions } from '../../data/metrics-hooks.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { downloadBlob } from '../download.ts';
import { FailureAlert } from './FailureAlert.tsx';
import { WriteResult } from './WriteResult.tsx';

/** What the user set in the write tab: null = not touched (the default shows), '' = cleared. */
export interface WriteForm {
  from: string | null;
  to: string | null;
  language: Locale | null;
}

const LANGUAGES: readonly Locale[] = ['ko', 'en'];

/**
 * The period to write: both days, or neither (the backend's default, the workspace's whole range);
 * an error key when only one is given or they are backwards.
 */
export function periodInput(from: string, to: string): { from?: string; to?: string } | { error: 'missingDate' | 'badPeriod' } {
  if (!from && !to) return {};
  if (!from || !to) return { error: 'missingDate' };
  if (from > to) return { error: 'badPeriod' };
  return { from, to };
}

/** Seconds since `running` turned true (0 while not running), ticking once a second. */
function useElapsed(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!running) return undefined;
    const start = Date.now();
    setSeconds(0);
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - start) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return running ? seconds : 0;
}

/**
 * "Write a pack": the period (the page's, else the workspace's whole range), the summary's language
 * (the UI's by default), what the pack holds, and Write; then the result. In browser mode the zip
 * arrives as bytes and is downloaded; in Electron main has already saved it where the user chose.
 */
export function WritePanel(props: {
  from: string | null;
  to: string | null;
  form: WriteForm;
  onForm: (form: WriteForm) => void;
  write: ReturnType<typeof useWriteEvidence>;
  onCheck: (manifestSha256: string) => void;
}) {
  const { t, locale, timeZone } = useI18n();
  const dims = useDimensions();
  const settings = useSettings();
  const { form, onForm, write } = props;
  const [invalid, setInvalid] = useState<'missingDate' | 'badPeriod' | null>(null);
  const elapsed = useElapsed(write.isPending);
  const hintId = useId();
  const langHintId = useId();
  const errorId = useId();

  const fromPage = Boolean(props.from && props.to);
  const defaults = fromPage ? { from: props.from!, to: props.to! } : { from: dims.data?.firstDate ?? '', to: dims.data?.lastDate ?? '' };
  const from = form.from ?? defaults.from;
  const to = form.to ?? defaults.to;
  const language = form.language ?? locale;
  const source = form.from !== null || form.to !== null ? null : fromPage ? 'periodFromPage' : dims.data && !dims.data.firstDate ? 'periodNoData' : dims.data ? 'periodWhole' : null;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const period = periodInput(from, to);
    if ('error' in period) {
      setInvalid(period.error);
      return;
    }
    setInvalid(null);
    try {
      // The audit trail records who wrote the pack: the name Settings keeps for reviews.
      const actor = (settings.data ?? (await settings.refetch()).data)?.reviewerName ?? '';
      const out = await write.mutateAsync({ ...period, language, actor });
      if (out.base64) downloadBlob(base64ToBytes(out.base64), out.fileName, out.mimeType);
    } catch {
      // Shown from the mutation's error below, in the user's language.
    }
  };

  const written = write.data && !write.isPending ? write.data : null;
  if (written && (written.path !== null || written.base64 !== null)) {
    return <WriteResult written={written} onAgain={() => write.reset()} onCheck={() => props.onCheck(written.manifestSha256)} />;
  }

  return (
    <form className="evidence-form" onSubmit={onSubmit} noValidate aria-busy={write.isPending}>
      <fieldset className="field" aria-describedby={hintId} disabled={write.isPending}>
        <legend className="field-label">{t('evidence.write.period')}</legend>
        <div className="evidence-dates">
          {(['from', 'to'] as const).map((end, i) => (
            <Fragment key={end}>
              {i === 1 ? (
                <span aria-hidden="true" className="evidence-dash">
                  –
                </span>
              ) : null}
              <label className="evidence-date">
                <span>{t(`evidence.write.${end}`)}</span>
                <input
                  className="input"
                  type="date"
                  value={end === 'from' ? from : to}
                  min={end === 'to' ? from || undefined : undefined}
                  max={end === 'from' ? to || undefined : undefined}
                  aria-invalid={invalid !== null}
                  aria-errormessage={invalid ? errorId : undefined}
                  onChange={(e) => onForm({ ...form, from, to, [end]: e.target.value })}
                />
              </label>
            </Fragment>
          ))}
        </div>
        <p id={hintId} className="field-hint">
          {t('evidence.write.periodHint', { timeZone: dims.data?.timeZone ?? timeZone })}
          {source ? ` ${t(`evidence.write.${source}`)}` : ''}
        </p>
        {invalid ? (
          <p id={errorId} className="field-error" role="alert">
            {t(`evidence.write.${invalid}`)}
          </p>
        ) : null}
      </fieldset>

      <fieldset className="field" aria-describedby={langHintId} disabled={write.isPending}>
        <legend className="field-label">{t('evidence.write.language')}</legend>
        <div className="choice-row">
          {LANGUAGES.map((l) => (
            <label key={l} className="choice">
              <input type="radio" name="evidence-language" value={l} checked={language === l} onChange={() => onForm({ ...form, language: l })} />
              <span lang={l}>{t(`common.locale.${l}`)}</span>
            </label>
          ))}
        </div>
        <p id={langHintId} className="field-hint">
          {t('evidence.write.languageHint')}
        </p>
      </fieldset>

      <section className="evidence-contents" aria-labelledby={`${hintId}-contents`}>
        <h3 id={`${hintId}-contents`}>{t('evidence.write.contents')}</h3>
        <ul>
          {(['summary', 'csv', 'texts', 'trail', 'manifest'] as const).map((k) => (
            <li key={k}>{t(`evidence.write.items.${k}`)}</li>
          ))}
        </ul>
      </section>

      {write.isPending ? (
        <div className="evidence-busy" role="status" data-testid="evidence-busy">
          <span className="evidence-spinner" aria-hidden="true" />
          <span>
            {t('evidence.write.working', { seconds: elapsed })}
            <br />
            <span className="muted">{t('evidence.write.workingHint')}</span>
          </span>
        </div>
      ) : null}
      {written ? (
        <p className="muted" role="status" data-testid="evidence-cancelled">
          {t('evidence.write.cancelled')}
        </p>
      ) : null}
      {write.isError ? <FailureAlert title={t('evidence.write.failed')} error={write.error} testId="evidence-write-error" /> : null}

      <div className="dialog-actions">
        <button type="submit" className="btn btn-primary" disabled={write.isPending} data-testid="evidence-write">
          {write.isPending ? <span className="evidence-spinner evidence-spinner-sm" aria-hidden="true" /> : null}
          {t('evidence.write.submit')}
        </button>
      </div>
    </form>
  );
}
