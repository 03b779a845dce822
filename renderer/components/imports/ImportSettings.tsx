import { pickWorkspacePath, useAppInfo } from '../../data/app-hooks.ts';
import {
  useConfirmWatchFolder,
  useDeletePreset,
  usePresets,
  usePrivacy,
  useSetPrivacy,
  useSetWatchFolder,
  useWatchFolder,
  useWatchLog,
} from '../../data/import-hooks.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useReportError } from '../errors.tsx';

/**
 * The watched exports folder and its log. The folder is chosen in the host's folder dialog (main
 * accepts only a folder picked there); browser mode cannot set it from the page, only at launch.
 */
export function WatchFolderCard() {
  const { t, formatDateTime } = useI18n();
  const report = useReportError();
  const state = useWatchFolder();
  const log = useWatchLog();
  const save = useSetWatchFolder();
  const confirm = useConfirmWatchFolder();
  const appInfo = useAppInfo();
  const current = state.data;
  const native = appInfo.data?.transport === 'electron';

  async function choose() {
    try {
      const picked = await pickWorkspacePath('folder');
      if (picked !== null) save.mutate({ path: picked, enabled: true }, { onError: report });
    } catch (error) {
      report(error);
    }
  }

  return (
    <section className="card" aria-labelledby="imports-watch-title">
      <h2 id="imports-watch-title" className="card-title">{t('imports.watch.title')}</h2>
      <p className="field-hint">{t('imports.watch.hint')}</p>
      <div className="field">
        <span className="field-label" id="imports-watch-path">{t('imports.watch.path')}</span>
        {current?.path ? (
          <code className="input-mono" aria-labelledby="imports-watch-path">{current.path}</code>
        ) : (
          <span className="muted" aria-labelledby="imports-watch-path">{t('common.watchPicker.none')}</span>
        )}
      </div>
      {current?.path && current.enabled && !current.confirmed ? (
        <p className="field-hint imports-watch-unconfirmed">
          {t('imports.watch.notConfirmed')}{' '}
          <button type="button" className="btn btn-secondary btn-sm" disabled={confirm.isPending} onClick={() => confirm.mutate(true, { onError: report })}>
            {t('imports.watch.confirm')}
          </button>
        </p>
      ) : null}
      {native || current?.path ? (
        <div className="cluster">
          {native ? (
            <button type="button" className="btn btn-secondary" onClick={() => void choose()} disabled={save.isPending}>
              {t('common.watchPicker.choose')}
            </button>
          ) : null}
          {current?.path ? (
            <button type="button" className="btn btn-ghost" onClick={() => save.mutate({ path: null, enabled: false }, { onError: report })}>
              {t('imports.watch.clear')}
            </button>
          ) : null}
        </div>
      ) : null}
      {native ? null : <p className="field-hint">{t('common.watchPicker.browser')}</p>}
      {current?.path ? (
        <label className="choice">
          <input
            type="checkbox"
            checked={current.enabled}
            onChange={(e) => save.mutate({ path: current.path, enabled: e.target.checked }, { onError: report })}
          />
          {t('imports.watch.enabled')}
        </label>
      ) : null}
      <h3 className="field-label imports-subtitle">{t('imports.watch.log')}</h3>
      {!log.data || log.data.length === 0 ? (
        <p className="muted">{t('imports.watch.logEmpty')}</p>
      ) : (
        <ul className="list-plain imports-watch-log">
          {log.data.map((e) => (
            <li key={e.id}>
              <span className={`badge ${e.outcome === 'imported' ? 'badge-success' : 'badge-danger'}`}>{t(`imports.watch.${e.outcome}`)}</span>{' '}
              <strong>{e.fileName}</strong> <span className="muted">{formatDateTime(e.at)}</span>
              <div className="muted imports-sub">{e.message}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Privacy options applied at import, and the saved column-mapping presets. */
export function PrivacyAndPresetsCard() {
  const { t } = useI18n();
  const report = useReportError();
  const privacy = usePrivacy();
  const setPrivacy = useSetPrivacy();
  const presets = usePresets();
  const removePreset = useDeletePreset();
  const p = privacy.data;
  return (
    <section className="card" aria-labelledby="imports-privacy-title">
      <h2 id="imports-privacy-title" className="card-title">{t('imports.privacy.title')}</h2>
      {p ? (
        <div className="stack">
          <label className="choice">
            <input
              type="checkbox"
              checked={p.pseudonymiseRecipients}
              onChange={(e) => setPrivacy.mutate({ ...p, pseudonymiseRecipients: e.target.checked }, { onError: report })}
            />
            {t('imports.privacy.pseudonymise')}
          </label>
          <p className="field-hint">{t('imports.privacy.pseudonymiseHint')}</p>
          <label className="choice">
            <input type="checkbox" checked={p.stripUrlQuery} onChange={(e) => setPrivacy.mutate({ ...p, stripUrlQuery: e.target.checked }, { onError: report })} />
            {t('imports.privacy.strip')}
          </label>
          <p className="field-hint">{t('imports.privacy.stripHint')}</p>
          <p className="muted">{t('imports.privacy.note')}</p>
        </div>
      ) : null}
      <h3 className="field-label imports-subtitle">{t('imports.presets.title')}</h3>
      {!presets.data || presets.data.length === 0 ? (
        <p className="muted">{t('imports.presets.empty')}</p>
      ) : (
        <ul className="list-plain">
          {presets.data.map((preset) => (
            <li key={preset.name} className="cluster">
              <strong>{preset.name}</strong>
              <span className="muted">{t('imports.presets.columns', { count: Object.keys(preset.mapping.columns).length })}</span>
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => removePreset.mutate(preset.name, { onError: report })}>
                {t('imports.presets.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
