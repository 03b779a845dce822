import { useState, type FormEvent } from 'react';
import {
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

/** The watched exports folder and its log. */
export function WatchFolderCard() {
  const { t, formatDateTime } = useI18n();
  const report = useReportError();
  const state = useWatchFolder();
  const log = useWatchLog();
  const save = useSetWatchFolder();
  const [path, setPath] = useState<string | null>(null);
  const current = state.data;
  const value = path ?? current?.path ?? '';

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ path: value.trim() || null, enabled: true }, { onError: report, onSuccess: () => setPath(null) });
  }

  return (
    <section className="card" aria-labelledby="imports-watch-title">
      <h2 id="imports-watch-title" className="card-title">{t('imports.watch.title')}</h2>
      <p className="field-hint">{t('imports.watch.hint')}</p>
      <form className="input-row imports-watch-form" onSubmit={onSubmit}>
        <label className="field">
          <span className="field-label">{t('imports.watch.path')}</span>
          <input className="input input-mono" value={value} placeholder={t('imports.watch.placeholder')} onChange={(e) => setPath(e.target.value)} />
        </label>
        <button type="submit" className="btn btn-secondary" disabled={save.isPending}>{t('imports.watch.save')}</button>
        {current?.path ? (
          <button type="button" className="btn btn-ghost" onClick={() => save.mutate({ path: null, enabled: false }, { onError: report })}>
            {t('imports.watch.clear')}
          </button>
        ) : null}
      </form>
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
