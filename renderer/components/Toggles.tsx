import type { Locale, ThemeChoice } from '../../shared/contract/settings.ts';
import { useSaveSettings, useSettings } from '../data/app-hooks.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useReportError } from './errors.tsx';
import { Icon } from './icons.tsx';

const locales: Locale[] = ['ko', 'en'];
const themes: { id: ThemeChoice; icon: 'monitor' | 'sun' | 'moon' }[] = [
  { id: 'system', icon: 'monitor' },
  { id: 'light', icon: 'sun' },
  { id: 'dark', icon: 'moon' },
];

/** Switches the UI language at run time (saved in settings). */
export function LocaleToggle() {
  const { t, locale } = useI18n();
  const save = useSaveSettings();
  const report = useReportError();
  return (
    <div className="segmented" role="group" aria-label={t('common.locale.label')}>
      {locales.map((id) => (
        <button
          key={id}
          type="button"
          lang={id}
          aria-pressed={locale === id}
          onClick={() => save.mutate({ locale: id }, { onError: report })}
        >
          {id === 'ko' ? '한국어' : 'EN'}
          {id === 'en' ? <span className="visually-hidden"> (English)</span> : null}
        </button>
      ))}
    </div>
  );
}

/** Chooses system, light or dark theme (saved in settings). */
export function ThemeToggle() {
  const { t } = useI18n();
  const settings = useSettings();
  const save = useSaveSettings();
  const report = useReportError();
  const choice = settings.data?.theme ?? 'system';
  return (
    <div className="segmented segmented-icons" role="group" aria-label={t('common.theme.label')}>
      {themes.map(({ id, icon }) => (
        <button
          key={id}
          type="button"
          aria-pressed={choice === id}
          aria-label={t(`common.theme.${id}`)}
          title={t(`common.theme.${id}`)}
          onClick={() => save.mutate({ theme: id }, { onError: report })}
        >
          <Icon name={icon} size={16} />
        </button>
      ))}
    </div>
  );
}
