import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ConnectWarehouseDialog } from './ConnectWarehouseDialog.tsx';
import './warehouse.css';

/**
 * The Welcome screen's "Connect to ClickHouse" card: a workspace whose events live in a ClickHouse
 * warehouse. The dialog goes to the document body, above the frame.
 */
export function ConnectWarehouseButton() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <div className="card welcome-card">
      <h2>{t('warehouse.welcome.title')}</h2>
      <p className="muted">{t('warehouse.welcome.hint')}</p>
      <button type="button" className="btn btn-secondary" aria-haspopup="dialog" onClick={() => setOpen(true)} data-testid="warehouse-open">
        <ClickHouseMark />
        {t('warehouse.welcome.action')}
      </button>
      {open ? createPortal(<ConnectWarehouseDialog onClose={() => setOpen(false)} />, document.body) : null}
    </div>
  );
}

/** A small column-store mark (decorative): ClickHouse's bars, drawn in the current colour. */
export function ClickHouseMark(props: { size?: number }) {
  const size = props.size ?? 16;
  return (
    <svg className="icon wh-mark" width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="1" y="2" width="2" height="12" rx="0.5" fill="currentColor" />
      <rect x="4.5" y="2" width="2" height="12" rx="0.5" fill="currentColor" />
      <rect x="8" y="2" width="2" height="12" rx="0.5" fill="currentColor" />
      <rect x="11.5" y="2" width="2" height="12" rx="0.5" fill="currentColor" />
      <rect x="14" y="6.5" width="1.6" height="3" rx="0.5" fill="currentColor" />
    </svg>
  );
}
