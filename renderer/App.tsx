import { useEffect, useState } from 'react';
import { useSettings, useWorkspace } from './data/app-hooks.ts';
import { I18nProvider, useI18n } from './i18n/I18nProvider.tsx';
import { pages } from './pages/registry.ts';

function currentRoute(): string {
  const id = window.location.hash.replace(/^#\/?/, '');
  return pages.some((p) => p.id === id) ? id : 'overview';
}

function Frame() {
  const { t } = useI18n();
  const [route, setRoute] = useState(currentRoute);
  const workspace = useWorkspace();
  useEffect(() => {
    const onHash = () => setRoute(currentRoute());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const page = pages.find((p) => p.id === route) ?? pages[0]!;
  const Page = page.component;
  return (
    <div className="frame">
      <nav className="sidebar" aria-label={t('common.appName')}>
        <div className="brand">{t('common.appName')}</div>
        <ul>
          {pages.map((p) => (
            <li key={p.id}>
              <a href={`#/${p.id}`} aria-current={p.id === route ? 'page' : undefined}>
                {t(p.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        {page.needsWorkspace && !workspace.data ? (
          <section className="empty-state">
            <h1>{t('common.empty.noWorkspace')}</h1>
            <p>{t('common.empty.noWorkspaceHint')}</p>
          </section>
        ) : (
          <Page />
        )}
      </main>
    </div>
  );
}

/** The whole app: settings decide locale, theme and time zone. */
export function App() {
  const settings = useSettings();
  const workspace = useWorkspace();
  const locale = settings.data?.locale ?? 'ko';
  const timeZone = workspace.data?.timeZone ?? settings.data?.timeZone ?? 'Asia/Seoul';
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <I18nProvider locale={locale} timeZone={timeZone}>
      <Frame />
    </I18nProvider>
  );
}
