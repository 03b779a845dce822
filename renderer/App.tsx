import { useEffect, useState, type ReactNode } from 'react';
import { defaultSettings } from '../shared/contract/settings.ts';
import { ErrorAlerts, ErrorProvider, useReportError } from './components/errors.tsx';
import { WatchFolderPrompt } from './components/imports/WatchFolderPrompt.tsx';
import { MenuCommands } from './components/MenuCommands.tsx';
import { CurrentPageContext } from './components/page-context.ts';
import { Sidebar } from './components/Sidebar.tsx';
import { useApplyTheme } from './components/theme.ts';
import { TopBar } from './components/TopBar.tsx';
import { Welcome } from './components/Welcome.tsx';
import { WorkspaceFlowProvider } from './components/workspace-flow.tsx';
import { useBackendEvents, useSettings, useWorkspace } from './data/app-hooks.ts';
import { I18nProvider, useI18n } from './i18n/I18nProvider.tsx';
import { pages } from './pages/registry.ts';

function currentRoute(): string {
  const id = window.location.hash.replace(/^#\/?/, '');
  return pages.some((p) => p.id === id) ? id : 'overview';
}

/** Reports a failed query instead of hiding it. */
function useReportQueryError(error: Error | null) {
  const report = useReportError();
  useEffect(() => {
    if (error) report(error);
  }, [report, error]);
}

function Frame(props: { demoAction?: ReactNode }) {
  const { t } = useI18n();
  const [route, setRoute] = useState(currentRoute);
  const workspace = useWorkspace();
  const settings = useSettings();
  useReportQueryError(workspace.error);
  useReportQueryError(settings.error);
  useBackendEvents();
  useEffect(() => {
    const onHash = () => setRoute(currentRoute());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const page = pages.find((p) => p.id === route) ?? pages[0]!;
  const Page = page.component;
  const info = workspace.data ?? null;
  useEffect(() => {
    document.title = `${t(page.label)} · ${t('common.appName')}`;
  }, [page, t]);
  let body: ReactNode;
  if (workspace.isPending || settings.isPending) {
    body = (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  } else if (page.needsWorkspace && !info) {
    body = <Welcome demoAction={props.demoAction} />;
  } else {
    body = <Page />;
  }
  return (
    <div className="frame">
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <Sidebar pages={pages} route={route} />
      <div className="frame-main">
        <TopBar workspace={info} />
        <main id="main" className="content" tabIndex={-1}>
          <ErrorAlerts />
          <CurrentPageContext.Provider value={page.id}>{body}</CurrentPageContext.Provider>
        </main>
        {info ? <WatchFolderPrompt key={info.path} /> : null}
        <MenuCommands />
      </div>
    </div>
  );
}

/**
 * The whole app: settings decide locale, theme and time zone (the open workspace's zone wins).
 * `demoAction` fills the no-workspace screen's slot (e.g. an "Open demo workspace" button).
 */
export function App(props: { demoAction?: ReactNode }) {
  const settings = useSettings();
  const workspace = useWorkspace();
  const locale = settings.data?.locale ?? defaultSettings.locale;
  const timeZone = workspace.data?.timeZone ?? settings.data?.timeZone ?? defaultSettings.timeZone;
  useApplyTheme(settings.data?.theme ?? 'system');
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  // Until the settings first arrive (or fail), show nothing rather than a flash of the wrong
  // language or theme. Only the first time: a later refetch must not unmount the frame.
  const [started, setStarted] = useState(false);
  if (!started && !settings.isPending) setStarted(true);
  if (!started && settings.isPending) return <div className="splash" aria-busy="true" />;
  return (
    <I18nProvider locale={locale} timeZone={timeZone}>
      <ErrorProvider>
        <WorkspaceFlowProvider>
          <Frame demoAction={props.demoAction} />
        </WorkspaceFlowProvider>
      </ErrorProvider>
    </I18nProvider>
  );
}
