import { EmptyState } from '../components/EmptyState.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** Consent page (placeholder until its issue lands). */
export function ConsentPage() {
  const { t } = useI18n();
  return <EmptyState title={t('common.nav.consent')} body={t('common.empty.consent')} hint={t('common.empty.howToImport')} />;
}
