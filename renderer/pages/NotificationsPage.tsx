import { EmptyState } from '../components/EmptyState.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** Notifications page (placeholder until its issue lands). */
export function NotificationsPage() {
  const { t } = useI18n();
  return <EmptyState title={t('common.nav.notifications')} body={t('common.empty.notifications')} hint={t('common.empty.howToImport')} />;
}
