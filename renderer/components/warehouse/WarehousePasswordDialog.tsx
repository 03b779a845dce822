import { useState, type FormEvent } from 'react';
import { useAppInfo, usePasswordStorage, useSetWarehousePassword, useWorkspace } from '../../data/app-hooks.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Dialog } from '../Dialog.tsx';
import { FailureAlert } from '../evidence/FailureAlert.tsx';
import { KeepPassword } from './ConnectWarehouseDialog.tsx';
import './warehouse.css';

/**
 * The password of the open ClickHouse workspace's user, when it is missing (a new launch of browser
 * mode, a keychain that lost it) or was refused: the server checks it before it is kept; then every
 * page reloads its figures.
 */
export function WarehousePasswordDialog(props: { onClose: () => void }) {
  const { t } = useI18n();
  const workspace = useWorkspace();
  const appInfo = useAppInfo();
  const storage = usePasswordStorage();
  const save = useSetWarehousePassword();
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(true);
  const electron = appInfo.data?.transport === 'electron';
  const wh = workspace.data?.warehouse;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    try {
      await save.mutateAsync({ password, remember: electron && remember });
      setPassword('');
      props.onClose();
    } catch {
      // Shown from the mutation's error below.
    }
  }

  return (
    <Dialog title={t('warehouse.password.title')} description={wh ? t('warehouse.password.description', { user: wh.user, url: wh.url }) : undefined} onClose={props.onClose}>
      <form className="wh-form" onSubmit={onSubmit} noValidate aria-busy={save.isPending} data-testid="warehouse-password-form">
        <fieldset className="wh-fields" disabled={save.isPending}>
          <div className="field">
            <label className="field-label" htmlFor="warehouse-password">
              {t('warehouse.connect.password')}
            </label>
            <input
              id="warehouse-password"
              className="input"
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              maxLength={4096}
              autoComplete="current-password"
              aria-invalid={save.isError || undefined}
            />
          </div>
          <KeepPassword electron={electron} persistent={storage.data?.persistent ?? false} remember={remember} onRemember={setRemember} />
        </fieldset>
        {save.isError && !save.isPending ? <FailureAlert title={t('warehouse.password.failed')} error={save.error} testId="warehouse-password-error" /> : null}
        <div className="dialog-actions">
          <button type="button" className="btn btn-secondary" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {save.isPending ? <span className="wh-spinner wh-spinner-sm" aria-hidden="true" /> : null}
            {save.isPending ? t('warehouse.password.working') : t('warehouse.password.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
