import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useWorkspace } from '../../data/app-hooks.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { WarehousePasswordDialog } from './WarehousePasswordDialog.tsx';
import './warehouse.css';

/** The warehouse errors a password fixes: none was found, or the server refused it. */
export function needsWarehousePassword(error: unknown): boolean {
  const key = (error as { key?: unknown } | null)?.key;
  return key === 'warehouse.no-password' || key === 'warehouse.auth';
}

/**
 * Under a page's error: when the open ClickHouse workspace has no password, or a wrong one, an
 * "Enter password" button instead of a dead end (nothing otherwise).
 */
export function WarehousePasswordAction(props: { error: unknown }) {
  const { t } = useI18n();
  const workspace = useWorkspace();
  const [open, setOpen] = useState(false);
  const wh = workspace.data?.warehouse;
  if (!wh || !needsWarehousePassword(props.error)) return null;
  return (
    <div className="wh-password-action">
      <p className="muted">{t('warehouse.password.prompt', { user: wh.user })}</p>
      <button type="button" className="btn btn-primary btn-sm" aria-haspopup="dialog" onClick={() => setOpen(true)} data-testid="warehouse-password-open">
        {t('warehouse.password.action')}
      </button>
      {open ? createPortal(<WarehousePasswordDialog onClose={() => setOpen(false)} />, document.body) : null}
    </div>
  );
}
