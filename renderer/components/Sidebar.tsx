import type { KeyboardEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { PageEntry } from '../pages/registry.ts';
import { Icon } from './icons.tsx';

/**
 * The sidebar: the brand and one link per page (`#/<id>`). Tab reaches each link; the arrow keys,
 * Home and End move between them too.
 */
export function Sidebar(props: { pages: PageEntry[]; route: string }) {
  const { t } = useI18n();
  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('a.nav-link')];
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (index < 0) return;
    const next =
      event.key === 'ArrowDown' ? links[(index + 1) % links.length]
      : event.key === 'ArrowUp' ? links[(index - 1 + links.length) % links.length]
      : event.key === 'Home' ? links[0]
      : event.key === 'End' ? links[links.length - 1]
      : undefined;
    if (next) {
      event.preventDefault();
      next.focus();
    }
  }
  const main = props.pages.filter((p) => p.id !== 'settings');
  const settings = props.pages.filter((p) => p.id === 'settings');
  const link = (p: PageEntry) => (
    <li key={p.id}>
      <a
        className="nav-link"
        href={`#/${p.id}`}
        title={t(p.label)}
        aria-current={p.id === props.route ? 'page' : undefined}
      >
        <Icon name={p.id} size={18} />
        <span>{t(p.label)}</span>
      </a>
    </li>
  );
  return (
    <div className="sidebar-rail">
      <nav className="sidebar" aria-label={t('common.nav.label')} onKeyDown={onKeyDown}>
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            <Icon name="logo" size={20} />
          </span>
          <span className="brand-text">
            <span className="brand-name">{t('common.appName')}</span>
            <span className="brand-tagline">{t('common.tagline')}</span>
          </span>
        </div>
        <ul className="nav-list">{main.map(link)}</ul>
        <ul className="nav-list nav-list-bottom">{settings.map(link)}</ul>
      </nav>
    </div>
  );
}
