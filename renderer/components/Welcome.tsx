import type { ReactNode } from 'react';
import { useSettings } from '../data/app-hooks.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Icon } from './icons.tsx';
import { welcomeActions } from './welcome-slots.ts';
import { baseName, useWorkspaceFlow } from './workspace-flow.tsx';

/**
 * The first-launch / no-workspace screen: what a workspace is, create or open one, the recent
 * list. `demoAction` (or an entry in `welcome-slots.ts`) adds e.g. "Open demo workspace".
 */
export function Welcome(props: { demoAction?: ReactNode }) {
  const { t } = useI18n();
  const flow = useWorkspaceFlow();
  const settings = useSettings();
  const recent = settings.data?.recentWorkspaces ?? [];
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <div className="welcome-hero">
        <span className="welcome-mark" aria-hidden="true">
          <Icon name="logo" size={28} />
        </span>
        <h1 id="welcome-title">{t('common.welcome.title')}</h1>
        <p className="lead">{t('common.welcome.body')}</p>
      </div>
      <div className="welcome-grid">
        <div className="card welcome-card">
          <span className="card-icon" aria-hidden="true">
            <Icon name="plus" />
          </span>
          <h2>{t('common.welcome.create')}</h2>
          <p className="muted">{t('common.welcome.createHint')}</p>
          <button type="button" className="btn btn-primary" onClick={() => void flow.create()} disabled={flow.busy}>
            {t('common.welcome.create')}
          </button>
        </div>
        <div className="card welcome-card">
          <span className="card-icon" aria-hidden="true">
            <Icon name="folder-open" />
          </span>
          <h2>{t('common.welcome.open')}</h2>
          <p className="muted">{t('common.welcome.openHint')}</p>
          <button type="button" className="btn btn-secondary" onClick={() => void flow.open()} disabled={flow.busy}>
            {t('common.welcome.open')}
          </button>
        </div>
      </div>
      {props.demoAction || welcomeActions.length > 0 ? (
        <div className="welcome-extra">
          {props.demoAction}
          {welcomeActions.map((Action, i) => (
            <Action key={i} />
          ))}
        </div>
      ) : null}
      <div className="welcome-lower">
        <div className="card">
          <h2 className="card-title">{t('common.welcome.recent')}</h2>
          {recent.length === 0 ? (
            <p className="muted">{t('common.welcome.noRecent')}</p>
          ) : (
            <ul className="list-plain recent-list">
              {recent.slice(0, 5).map((file) => (
                <li key={file}>
                  <button type="button" className="recent-item" onClick={() => void flow.openPath(file)} disabled={flow.busy}>
                    <Icon name="database" size={16} />
                    <span className="recent-name">{baseName(file)}</span>
                    <span className="recent-path">{file}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="card">
          <h2 className="card-title">{t('common.welcome.steps')}</h2>
          <ol className="steps">
            <li>{t('common.welcome.step1')}</li>
            <li>{t('common.welcome.step2')}</li>
            <li>{t('common.welcome.step3')}</li>
          </ol>
        </div>
      </div>
    </section>
  );
}
