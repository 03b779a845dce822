import type { WorkspaceInfo } from '../../shared/contract/workspace.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Icon } from './icons.tsx';
import { LocaleToggle, ThemeToggle } from './Toggles.tsx';
import { WarehouseBadge } from './warehouse/WarehouseBadge.tsx';
import { WorkspaceSwitcher } from './WorkspaceSwitcher.tsx';

/** The top bar: workspace switcher, the workspace's time zone, ClickHouse and demo badges, language and theme. */
export function TopBar(props: { workspace: WorkspaceInfo | null }) {
  const { t, timeZone } = useI18n();
  return (
    <header className="topbar">
      <div className="topbar-start">
        <WorkspaceSwitcher />
        {props.workspace ? (
          <span className="chip" title={t('common.workspace.timeZone', { zone: timeZone })}>
            <Icon name="clock" size={14} />
            <span className="visually-hidden">{t('common.workspace.timeZone', { zone: '' })}</span>
            {timeZone}
          </span>
        ) : null}
        {props.workspace?.warehouse ? <WarehouseBadge warehouse={props.workspace.warehouse} /> : null}
        {props.workspace?.demo ? (
          <span className="badge badge-warning" title={t('common.workspace.demoHint')}>
            {t('common.workspace.demo')}
          </span>
        ) : null}
      </div>
      <div className="topbar-end">
        <LocaleToggle />
        <ThemeToggle />
      </div>
    </header>
  );
}
