import { EmptyState } from '../components/EmptyState.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** Imports page (placeholder until its issue lands). */
export function ImportsPage() {
  const { t } = useI18n();
  return <EmptyState title={t('common.nav.imports')} body={t('common.empty.imports')} hint={t('common.empty.howToImport')} />;
}
