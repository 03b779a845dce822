import { useI18n } from '../i18n/I18nProvider.tsx';

/** Settings page (filled by the foundation frame work). */
export function SettingsPage() {
  const { t } = useI18n();
  return <h1>{t('common.nav.settings')}</h1>;
}
