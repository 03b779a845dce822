import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { AppError } from '../../shared/contract/errors.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** One error shown to the user. */
export interface ShownError {
  id: number;
  message: string;
  code?: string;
}

interface ErrorApi {
  /** Shows an error (an AppError's message, or any Error's) in the frame's alert area. */
  report(error: unknown): void;
  dismiss(id: number): void;
  errors: ShownError[];
}

const ErrorContext = createContext<ErrorApi | null>(null);

/** The message a user should read for any thrown value. */
export function errorMessage(error: unknown): { message: string; code?: string } {
  if (error instanceof AppError) return { message: error.message, code: error.code };
  if (error instanceof Error) return { message: error.message };
  return { message: String(error) };
}

let nextId = 1;

/** Holds the errors the frame shows; never swallows one. */
export function ErrorProvider(props: { children: ReactNode }) {
  const [errors, setErrors] = useState<ShownError[]>([]);
  const report = useCallback((error: unknown) => {
    const { message, code } = errorMessage(error);
    setErrors((list) => [...list.filter((e) => e.message !== message), { id: nextId++, message, code }].slice(-3));
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

/** The alert area: each error in an accessible alert with a dismiss button. */
export function ErrorAlerts() {
  const value = useContext(ErrorContext);
  const { t } = useI18n();
  if (!value || value.errors.length === 0) return null;
  return (
    <div className="alert-stack">
      {value.errors.map((e) => (
        <div key={e.id} className="alert alert-danger" role="alert">
          <div className="alert-body">
            <strong className="alert-title">{t('common.error.title')}</strong>
            <p>{e.message}</p>
            {e.code ? <p className="alert-meta">{t('common.error.code', { code: e.code })}</p> : null}
          </div>
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => value.dismiss(e.id)}>
            {t('common.error.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
