import { EmptyState } from '../components/EmptyState.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** Overview page (placeholder until its issue lands). */
export function OverviewPage() {
  const { t } = useI18n();
  return <EmptyState title={t('common.nav.overview')} body={t('common.empty.overview')} hint={t('common.empty.howToImport')} />;
}
