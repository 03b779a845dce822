import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { pickWorkspacePath, useAppInfo, useConnectWarehouse, usePasswordStorage } from '../../data/app-hooks.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Dialog } from '../Dialog.tsx';
import { useReportError } from '../errors.tsx';
import { FailureAlert } from '../evidence/FailureAlert.tsx';
import {
  connectInput,
  connectProblems,
  DEFAULT_DATABASE,
  emptyConnectForm,
  fieldOfError,
  type ConnectField,
  type ConnectForm,
  type ConnectProblem,
} from './connect-form.ts';
import './warehouse.css';

const ORDER: readonly ConnectField[] = ['file', 'name', 'url', 'database', 'user', 'cluster', 'shards', 'password'];

/**
 * "Connect to ClickHouse": where the local workspace file goes (Electron: the native save dialog;
 * browser mode: a name in its workspaces folder), the server's address, database, user, optional
 * cluster (with its shards' addresses where it has no distributed DDL) and password, and whether the system keychain keeps the password. Connect makes the
 * warehouse's tables where missing and opens the new workspace; a failure is worded in the user's
 * language inside the dialog and marks the field it is about. The password is never shown back.
 */
export function ConnectWarehouseDialog(props: { onClose: () => void; onConnected?: (name: string) => void }) {
  const { t } = useI18n();
  const appInfo = useAppInfo();
  const storage = usePasswordStorage();
  const connect = useConnectWarehouse();
  const report = useReportError();
  const electron = appInfo.data?.transport === 'electron';
  const persistent = storage.data?.persistent ?? false;
  const [form, setForm] = useState<ConnectForm>(() => emptyConnectForm(true));
  const [problems, setProblems] = useState<Partial<Record<ConnectField, ConnectProblem>>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();
  const busy = connect.isPending;
  // A backend error about one field marks it as well (the message itself is in the alert).
  const serverField = connect.isError ? fieldOfError(connect.error) : null;
  const markedByServer = serverField === 'name' && electron ? 'file' : serverField;

  const set = <K extends keyof ConnectForm>(key: K, value: ConnectForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    if (problems[key as ConnectField]) setProblems((p) => ({ ...p, [key]: undefined }));
  };

  async function chooseFile() {
    try {
      const picked = await pickWorkspacePath('create');
      if (picked !== null) set('file', picked);
    } catch (error) {
      report(error);
    }
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found = connectProblems(form, electron);
    setProblems(found);
    const first = ORDER.find((f) => found[f]);
    if (first) {
      formRef.current?.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus();
      return;
    }
    try {
      const info = await connect.mutateAsync(connectInput(form, electron));
      // Nothing of the password stays in the page once it has been used.
      setForm((f) => ({ ...f, password: '' }));
      props.onConnected?.(info.name);
      props.onClose();
      // What opened the dialog (the Welcome card) is gone with the Welcome screen: the page takes the focus.
      setTimeout(() => {
        if (!document.activeElement || document.activeElement === document.body) document.getElementById('main')?.focus();
      });
    } catch {
      // Shown from the mutation's error below, in the user's language.
    }
  }

  /** Props of a field's input: its id, hint and error wiring. */
  const wire = (field: ConnectField, hint: boolean) => {
    const invalid = Boolean(problems[field]) || markedByServer === field;
    const described = [hint ? `${id}-${field}-hint` : null, problems[field] ? `${id}-${field}-error` : null].filter(Boolean).join(' ');
    return {
      id: `${id}-${field}`,
      'data-field': field,
      'aria-invalid': invalid || undefined,
      'aria-describedby': described || undefined,
      'aria-errormessage': problems[field] ? `${id}-${field}-error` : undefined,
    };
  };
  const hint = (field: ConnectField, text: string): ReactNode => (
    <p id={`${id}-${field}-hint`} className="field-hint">
      {text}
    </p>
  );
  const problem = (field: ConnectField): ReactNode =>
    problems[field] ? (
      <p id={`${id}-${field}-error`} className="field-error">
        {t(`warehouse.connect.errors.${problems[field]!}`)}
      </p>
    ) : null;

  // Which fields to show depends on the host: the dialog opens once that is known (almost always
  // already), so that its first field gets the focus.
  if (appInfo.isPending || storage.isPending) return null;

  return (
    <Dialog title={t('warehouse.connect.title')} description={t('warehouse.connect.description')} onClose={props.onClose}>
      <form ref={formRef} className="wh-form" onSubmit={onSubmit} noValidate aria-busy={busy} data-testid="warehouse-connect-form">
        <fieldset className="wh-fields" disabled={busy}>
          {electron ? (
            <div className="field">
              <span className="field-label" id={`${id}-file-label`}>
                {t('warehouse.connect.file')}
              </span>
              <div className="wh-file-row">
                <button
                  type="button"
                  className="btn btn-secondary"
                  id={`${id}-file`}
                  data-field="file"
                  onClick={() => void chooseFile()}
                  aria-labelledby={`${id}-file-label ${id}-file-choose`}
                  aria-describedby={[`${id}-file-value`, `${id}-file-hint`, problems.file ? `${id}-file-error` : ''].join(' ').trim()}
                >
                  <span id={`${id}-file-choose`}>{t('warehouse.connect.chooseFile')}</span>
                </button>
                <span id={`${id}-file-value`} className={form.file ? 'wh-file mono' : 'wh-file muted'} data-testid="warehouse-file">
                  {form.file ?? t('warehouse.connect.noFile')}
                </span>
              </div>
              {hint('file', t('warehouse.connect.fileHint'))}
              {problem('file')}
            </div>
          ) : (
            <div className="field">
              <label className="field-label" htmlFor={`${id}-name`}>
                {t('warehouse.connect.name')}
              </label>
              <input className="input" value={form.name} onChange={(e) => set('name', e.target.value)} maxLength={100} autoComplete="off" spellCheck={false} {...wire('name', true)} />
              {hint('name', t('warehouse.connect.nameHint'))}
              {problem('name')}
            </div>
          )}

          <div className="field">
            <label className="field-label" htmlFor={`${id}-url`}>
              {t('warehouse.connect.url')}
            </label>
            <input
              className="input input-mono"
              type="url"
              inputMode="url"
              placeholder="http://localhost:8123"
              value={form.url}
              onChange={(e) => set('url', e.target.value)}
              autoComplete="off"
              spellCheck={false}
              {...wire('url', true)}
            />
            {hint('url', t('warehouse.connect.urlHint'))}
            {problem('url')}
          </div>

          <div className="wh-pair">
            <div className="field">
              <label className="field-label" htmlFor={`${id}-database`}>
                {t('warehouse.connect.database')}
              </label>
              <input className="input input-mono" value={form.database} placeholder={DEFAULT_DATABASE} onChange={(e) => set('database', e.target.value)} autoComplete="off" spellCheck={false} {...wire('database', true)} />
              {hint('database', t('warehouse.connect.databaseHint'))}
              {problem('database')}
            </div>
            <div className="field">
              <label className="field-label" htmlFor={`${id}-user`}>
                {t('warehouse.connect.user')}
              </label>
              <input className="input input-mono" value={form.user} onChange={(e) => set('user', e.target.value)} autoComplete="username" spellCheck={false} {...wire('user', false)} />
              {problem('user')}
            </div>
          </div>

          <div className="field">
            <label className="field-label" htmlFor={`${id}-cluster`}>
              {t('warehouse.connect.cluster')}
            </label>
            <input className="input input-mono" value={form.cluster} onChange={(e) => set('cluster', e.target.value)} autoComplete="off" spellCheck={false} {...wire('cluster', true)} />
            {hint('cluster', t('warehouse.connect.clusterHint'))}
            {problem('cluster')}
          </div>

          <div className="field">
            <label className="field-label" htmlFor={`${id}-shards`}>
              {t('warehouse.connect.shards')}
            </label>
            <textarea
              className="input input-mono"
              rows={2}
              value={form.shards}
              onChange={(e) => set('shards', e.target.value)}
              autoComplete="off"
              spellCheck={false}
              maxLength={64 * 1024}
              {...wire('shards', true)}
            />
            {hint('shards', t('warehouse.connect.shardsHint'))}
            {problem('shards')}
          </div>

          <div className="field">
            <label className="field-label" htmlFor={`${id}-password`}>
              {t('warehouse.connect.password')}
            </label>
            <input className="input" type="password" value={form.password} onChange={(e) => set('password', e.target.value)} maxLength={4096} autoComplete="current-password" {...wire('password', true)} />
            {hint('password', t('warehouse.connect.passwordHint'))}
          </div>

          <KeepPassword electron={electron} persistent={persistent} remember={form.remember} onRemember={(v) => set('remember', v)} />
        </fieldset>

        {busy ? (
          <div className="wh-busy" role="status" data-testid="warehouse-busy">
            <span className="wh-spinner" aria-hidden="true" />
            <span>
              {t('warehouse.connect.working')}
              <br />
              <span className="muted">{t('warehouse.connect.workingHint')}</span>
            </span>
          </div>
        ) : null}
        {connect.isError && !busy ? <FailureAlert title={t('warehouse.connect.failed')} error={connect.error} testId="warehouse-connect-error" /> : null}

        <div className="dialog-actions">
          <button type="button" className="btn btn-secondary" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="warehouse-connect">
            {busy ? <span className="wh-spinner wh-spinner-sm" aria-hidden="true" /> : null}
            {busy ? t('warehouse.connect.working') : t('warehouse.connect.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/**
 * Where the password will be kept: Electron offers the system keychain (or says there is none);
 * browser mode says it stays in memory until the app quits.
 */
export function KeepPassword(props: { electron: boolean; persistent: boolean; remember: boolean; onRemember: (remember: boolean) => void }) {
  const { t } = useI18n();
  const hintId = useId();
  if (!props.electron) return <p className="field-hint wh-kept">{t('warehouse.connect.browserKept')}</p>;
  if (!props.persistent) return <p className="field-hint wh-kept">{t('warehouse.connect.noKeychain')}</p>;
  return (
    <div className="field">
      <label className="choice wh-remember">
        <input type="checkbox" checked={props.remember} onChange={(e) => props.onRemember(e.target.checked)} aria-describedby={hintId} data-testid="warehouse-remember" />
        <span>{t('warehouse.connect.remember')}</span>
      </label>
      <p id={hintId} className="field-hint">
        {t('warehouse.connect.rememberHint')}
      </p>
    </div>
  );
}
