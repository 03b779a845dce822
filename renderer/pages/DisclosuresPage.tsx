import { EmptyState } from '../components/EmptyState.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** Disclosures page (placeholder until its issue lands). */
export function DisclosuresPage() {
  const { t } = useI18n();
  return <EmptyState title={t('common.nav.disclosures')} body={t('common.empty.disclosures')} hint={t('common.empty.howToImport')} />;
}
