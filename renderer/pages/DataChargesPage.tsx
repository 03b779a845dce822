import { EmptyState } from '../components/EmptyState.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** DataCharges page (placeholder until its issue lands). */
export function DataChargesPage() {
  const { t } = useI18n();
  return <EmptyState title={t('common.nav.dataCharges')} body={t('common.empty.dataCharges')} hint={t('common.empty.howToImport')} />;
}
