import { EmptyState } from '../components/EmptyState.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** Urls page (placeholder until its issue lands). */
export function UrlsPage() {
  const { t } = useI18n();
  return <EmptyState title={t('common.nav.urls')} body={t('common.empty.urls')} hint={t('common.empty.howToImport')} />;
}
