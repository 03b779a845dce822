import { useState, type FormEvent } from 'react';
import type { Locale, ThemeChoice } from '../../shared/contract/settings.ts';
import { useReportError } from '../components/errors.tsx';
import { AuditTrail } from '../components/review/AuditTrail.tsx';
import { TimeZoneSelect } from '../components/TimeZoneSelect.tsx';
import { baseName, useWorkspaceFlow } from '../components/workspace-flow.tsx';
import { useAppInfo, useSaveSettings, useSetWorkspaceTimeZone, useSettings, useWorkspace } from '../data/app-hooks.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

const locales: Locale[] = ['ko', 'en'];
const themes: ThemeChoice[] = ['system', 'light', 'dark'];

/** Settings: language, theme, time zones, reviewer name, recent workspaces. All persist via `settings:set`. */
export function SettingsPage() {
  const { t } = useI18n();
  const settings = useSettings();
  const workspace = useWorkspace();
  const info = useAppInfo();
  const save = useSaveSettings();
  const setZone = useSetWorkspaceTimeZone();
  const report = useReportError();
  const flow = useWorkspaceFlow();
  const [reviewer, setReviewer] = useState<string | null>(null);
  const [savedNote, setSavedNote] = useState('');
  const s = settings.data;
  if (!s) return <p className="loading">{t('common.loading')}</p>;
  const ws = workspace.data ?? null;

  function patch(next: Parameters<typeof save.mutate>[0]) {
    save.mutate(next, {
      onError: report,
      onSuccess: () => setSavedNote(t('common.settings.saved')),
    });
  }

  function onReviewer(event: FormEvent) {
    event.preventDefault();
    patch({ reviewerName: (reviewer ?? s!.reviewerName).trim() });
  }

  return (
    <div className="page page-narrow">
      <header className="page-header">
        <h1>{t('common.settings.title')}</h1>
        <p className="muted">{t('common.settings.intro')}</p>
        <p className="visually-hidden" role="status" aria-live="polite">
          {savedNote}
        </p>
      </header>

      <section className="card settings-section" aria-labelledby="settings-appearance">
        <h2 id="settings-appearance" className="card-title">
          {t('common.settings.appearance')}
        </h2>
        <fieldset className="field">
          <legend className="field-label">{t('common.locale.label')}</legend>
          <p className="field-hint">{t('common.settings.localeHint')}</p>
          <div className="choice-row">
            {locales.map((id) => (
              <label key={id} className="choice" lang={id}>
                <input type="radio" name="locale" value={id} checked={s.locale === id} onChange={() => patch({ locale: id })} />
                {t(`common.locale.${id}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="field">
          <legend className="field-label">{t('common.theme.label')}</legend>
          <p className="field-hint">{t('common.settings.themeHint')}</p>
          <div className="choice-row">
            {themes.map((id) => (
              <label key={id} className="choice">
                <input type="radio" name="theme" value={id} checked={s.theme === id} onChange={() => patch({ theme: id })} />
                {t(`common.theme.${id}`)}
              </label>
            ))}
          </div>
        </fieldset>
      </section>

      <section className="card settings-section" aria-labelledby="settings-zones">
        <h2 id="settings-zones" className="card-title">
          {t('common.settings.timeZones')}
        </h2>
        <TimeZoneSelect
          label={t('common.settings.appTimeZone')}
          hint={t('common.settings.appTimeZoneHint')}
          value={s.timeZone}
          busy={save.isPending}
          onApply={(zone) => patch({ timeZone: zone })}
        />
        <hr className="divider" />
        {ws ? (
          <TimeZoneSelect
            key={ws.path}
            label={`${t('common.settings.workspaceTimeZone')} — ${ws.name}`}
            hint={t('common.settings.workspaceTimeZoneHint')}
            value={ws.timeZone}
            busy={setZone.isPending}
            onApply={(zone) =>
              setZone.mutate(zone, { onError: report, onSuccess: () => setSavedNote(t('common.settings.saved')) })
            }
          />
        ) : (
          <div>
            <p className="field-label">{t('common.settings.workspaceTimeZone')}</p>
            <p className="field-hint">{t('common.settings.workspaceTimeZoneNone')}</p>
          </div>
        )}
      </section>

      <section className="card settings-section" aria-labelledby="settings-reviewer">
        <h2 id="settings-reviewer" className="card-title">
          {t('common.settings.reviewer')}
        </h2>
        <form className="field" onSubmit={onReviewer}>
          <label className="field-label" htmlFor="reviewer-name">
            {t('common.settings.reviewerName')}
          </label>
          <p className="field-hint" id="reviewer-hint">
            {t('common.settings.reviewerHint')}
          </p>
          <div className="input-row">
            <input
              id="reviewer-name"
              className="input"
              maxLength={200}
              value={reviewer ?? s.reviewerName}
              onChange={(e) => setReviewer(e.target.value)}
              aria-describedby="reviewer-hint"
              autoComplete="name"
            />
            <button type="submit" className="btn btn-secondary" disabled={save.isPending}>
              {t('common.settings.save')}
            </button>
          </div>
        </form>
      </section>

      <section className="card settings-section" aria-labelledby="settings-recent">
        <div className="card-header">
          <h2 id="settings-recent" className="card-title">
            {t('common.settings.recent')}
          </h2>
          <button
            type="button"
            className="btn btn-secondary btn-sm"
            disabled={s.recentWorkspaces.length === 0}
            onClick={() => patch({ recentWorkspaces: [] })}
          >
            {t('common.settings.clearRecent')}
          </button>
        </div>
        <p className="field-hint">{t('common.settings.recentHint')}</p>
        {s.recentWorkspaces.length === 0 ? (
          <p className="muted">{t('common.settings.recentEmpty')}</p>
        ) : (
          <table className="table">
            <tbody>
              {s.recentWorkspaces.map((file) => (
                <tr key={file}>
                  <th scope="row">{baseName(file)}</th>
                  <td className="cell-path">{file}</td>
                  <td className="cell-actions">
                    <button type="button" className="btn btn-ghost btn-sm" onClick={() => void flow.openPath(file)}>
                      {t('common.settings.openRecent')}
                      <span className="visually-hidden"> {baseName(file)}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card settings-section" aria-labelledby="settings-audit">
        <h2 id="settings-audit" className="card-title">
          {t('review.audit.heading')}
        </h2>
        <p className="field-hint">{t('review.audit.intro')}</p>
        <AuditTrail key={ws?.path ?? ''} enabled={ws !== null} />
      </section>

      {info.data ? (
        <section className="card settings-section" aria-labelledby="settings-about">
          <h2 id="settings-about" className="card-title">
            {t('common.settings.about')}
          </h2>
          <p className="muted">
            {t('common.appName')} · {t('common.settings.version', { version: info.data.version })} ·{' '}
            {t(`common.settings.transport.${info.data.transport}`)}
          </p>
        </section>
      ) : null}
    </div>
  );
}
