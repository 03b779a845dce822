import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useSettings, useWorkspace } from '../data/app-hooks.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Icon } from './icons.tsx';
import { ClickHouseMark } from './warehouse/ConnectWarehouseButton.tsx';
import { ConnectWarehouseDialog } from './warehouse/ConnectWarehouseDialog.tsx';
import { baseName, useWorkspaceFlow } from './workspace-flow.tsx';

/** The top bar's workspace menu: the open workspace, create, connect to ClickHouse, open, recent, close. */
export function WorkspaceSwitcher() {
  const { t } = useI18n();
  const workspace = useWorkspace();
  const settings = useSettings();
  const flow = useWorkspaceFlow();
  const [open, setOpen] = useState(false);
  // Kept here, not in the menu: the menu closes when its item is chosen.
  const [connecting, setConnecting] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const info = workspace.data ?? null;
  const recent = (settings.data?.recentWorkspaces ?? []).filter((p) => p !== info?.path).slice(0, 6);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (rootRef.current && !rootRef.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    rootRef.current?.querySelector<HTMLElement>('.menu button')?.focus();
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  function choose(action: () => Promise<void>) {
    setOpen(false);
    void action();
  }

  return (
    <div
      className="switcher"
      ref={rootRef}
      onBlur={(e) => {
        if (open && !e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="switcher-button"
        aria-expanded={open}
        aria-controls={panelId}
        title={info ? info.path : undefined}
        onClick={() => setOpen((v) => !v)}
        disabled={flow.busy}
      >
        <span className="switcher-icon">
          <Icon name="database" size={18} />
        </span>
        <span className="switcher-text">
          <span className="switcher-label">{t('common.workspace.switcher')}</span>{' '}
          <span className="switcher-name">{info ? info.name : t('common.workspace.none')}</span>
        </span>
        <Icon name="chevron" size={16} />
      </button>
      {open ? (
        <div className="menu" id={panelId} role="group" aria-label={t('common.workspace.menuLabel')}>
          {info ? <p className="menu-path">{info.path}</p> : null}
          <button type="button" className="menu-item" onClick={() => choose(flow.create)}>
            <Icon name="plus" size={16} />
            {t('common.workspace.create')}
          </button>
          <button
            type="button"
            className="menu-item"
            aria-haspopup="dialog"
            onClick={() => {
              setOpen(false);
              setConnecting(true);
            }}
          >
            <ClickHouseMark />
            {t('warehouse.menu')}
          </button>
          <button type="button" className="menu-item" onClick={() => choose(flow.open)}>
            <Icon name="folder-open" size={16} />
            {t('common.workspace.open')}
          </button>
          <div className="menu-section" role="group" aria-label={t('common.workspace.recent')}>
            <p className="menu-heading" aria-hidden="true">
              {t('common.workspace.recent')}
            </p>
            {recent.length === 0 ? <p className="menu-empty">{t('common.workspace.noRecent')}</p> : null}
            {recent.map((file) => (
              <button key={file} type="button" className="menu-item" title={file} onClick={() => choose(() => flow.openPath(file))}>
                <Icon name="folder" size={16} />
                <span className="menu-item-text">{baseName(file)}</span>
              </button>
            ))}
          </div>
          {info ? (
            <button type="button" className="menu-item menu-item-quiet" onClick={() => choose(flow.close)}>
              <Icon name="close" size={16} />
              {t('common.workspace.close')}
            </button>
          ) : null}
        </div>
      ) : null}
      {connecting ? createPortal(<ConnectWarehouseDialog onClose={() => setConnecting(false)} />, document.body) : null}
    </div>
  );
}
