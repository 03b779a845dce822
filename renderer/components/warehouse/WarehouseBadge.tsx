import type { WarehouseInfo } from '../../../shared/contract/workspace.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ClickHouseMark } from './ConnectWarehouseButton.tsx';
import './warehouse.css';

/** The server as a short label: its host and port (the full address is in the title). */
export function serverLabel(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** The top bar's mark of a ClickHouse workspace: "ClickHouse" and the server it reads. */
export function WarehouseBadge(props: { warehouse: WarehouseInfo }) {
  const { t } = useI18n();
  const wh = props.warehouse;
  const title = t('warehouse.badge.title', { url: wh.url, database: wh.database, user: wh.user }) + (wh.cluster ? t('warehouse.badge.cluster', { cluster: wh.cluster }) : '');
  return (
    <span className="badge badge-accent wh-badge" title={title} data-testid="warehouse-badge">
      <ClickHouseMark size={12} />
      <span>{t('warehouse.badge.label')}</span>
      <span className="wh-badge-server">{serverLabel(wh.url)}</span>
      <span className="visually-hidden">{title}</span>
    </span>
  );
}
