import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { describeError, type DescribedError } from '../../shared/contract/errors.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** One error shown to the user (kept as thrown, worded at render time in the current language). */
export interface ShownError {
  id: number;
  error: unknown;
}

interface ErrorApi {
  /** Shows an error (an AppError's message, or any Error's) in the frame's alert area. */
  report(error: unknown): void;
  dismiss(id: number): void;
  errors: ShownError[];
}

const ErrorContext = createContext<ErrorApi | null>(null);

/** Words any thrown value (or an error carried in a result) in the user's language: `{ message, detail?, code? }`. */
export function useErrorText(): (error: unknown) => DescribedError {
  const { locale } = useI18n();
  return useCallback((error: unknown) => describeError(error, locale), [locale]);
}

let nextId = 1;

/** Holds the errors the frame shows; never swallows one. */
export function ErrorProvider(props: { children: ReactNode }) {
  const [errors, setErrors] = useState<ShownError[]>([]);
  const report = useCallback((error: unknown) => {
    const same = describeError(error, 'en').message;
    setErrors((list) => [...list.filter((e) => describeError(e.error, 'en').message !== same), { id: nextId++, error }].slice(-3));
  }, []);
  const dismiss = useCallback((id: number) => setErrors((list) => list.filter((e) => e.id !== id)), []);
  const value = useMemo(() => ({ report, dismiss, errors }), [report, dismiss, errors]);
  return <ErrorContext.Provider value={value}>{props.children}</ErrorContext.Provider>;
}

/** `report(error)` shows an error in the frame's alert area (use it in every mutation's onError). */
export function useReportError(): (error: unknown) => void {
  const value = useContext(ErrorContext);
  if (!value) throw new Error('useReportError must be used inside <ErrorProvider>');
  return value.report;
}

/** The alert area: each error in an accessible alert, in the user's language, with a dismiss button. */
export function ErrorAlerts() {
  const value = useContext(ErrorContext);
  const { t } = useI18n();
  const word = useErrorText();
  if (!value || value.errors.length === 0) return null;
  return (
    <div className="alert-stack">
      {value.errors.map((shown) => {
        const e = word(shown.error);
        return (
          <div key={shown.id} className="alert alert-danger" role="alert">
            <div className="alert-body">
              <strong className="alert-title">{t('common.error.title')}</strong>
              <p>{e.message}</p>
              {e.detail ? (
                <p className="alert-detail" lang="en">
                  {e.detail}
                </p>
              ) : null}
              {e.code ? <p className="alert-meta">{t('common.error.code', { code: e.code })}</p> : null}
            </div>
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => value.dismiss(shown.id)}>
              {t('common.error.dismiss')}
            </button>
          </div>
        );
      })}
    </div>
  );
}
