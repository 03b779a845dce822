import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Locale } from '../../shared/contract/settings.ts';
import { translate } from './translate.ts';
import type { MessageKey } from './types.ts';

/** What components get from `useI18n()`. */
export interface I18n {
  locale: Locale;
  timeZone: string;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** A number in the current locale. */
  formatNumber(value: number, options?: Intl.NumberFormatOptions): string;
  /** A UTC instant (epoch ms or Date) as a date-time in the workspace time zone. */
  formatDateTime(value: number | Date, options?: Intl.DateTimeFormatOptions): string;
  /** A UTC instant as a calendar date in the workspace time zone. */
  formatDate(value: number | Date, options?: Intl.DateTimeFormatOptions): string;
}

const I18nContext = createContext<I18n | null>(null);

/** Makes locale, time zone and formatters available to the tree. */
export function I18nProvider(props: { locale: Locale; timeZone: string; children: ReactNode }) {
  const { locale, timeZone } = props;
  const value = useMemo<I18n>(() => {
    const tag = locale === 'ko' ? 'ko-KR' : 'en-US';
    return {
      locale,
      timeZone,
      t: (key, vars) => translate(locale, key, vars),
      formatNumber: (n, options) => new Intl.NumberFormat(tag, options).format(n),
      formatDateTime: (v, options) =>
        new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone, ...options }).format(v),
      formatDate: (v, options) => new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone, ...options }).format(v),
    };
  }, [locale, timeZone]);
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

/** The current locale's translator and formatters. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
