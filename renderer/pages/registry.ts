import type { ComponentType } from 'react';
import type { MessageKey } from '../i18n/types.ts';
import { ConsentPage } from './ConsentPage.tsx';
import { DataChargesPage } from './DataChargesPage.tsx';
import { DisclosuresPage } from './DisclosuresPage.tsx';
import { ImportsPage } from './ImportsPage.tsx';
import { NotificationsPage } from './NotificationsPage.tsx';
import { OverviewPage } from './OverviewPage.tsx';
import { SettingsPage } from './SettingsPage.tsx';
import { UrlsPage } from './UrlsPage.tsx';

/** One entry of the sidebar. */
export interface PageEntry {
  id: string;
  label: MessageKey;
  component: ComponentType;
  /** Needs an open workspace (else the frame shows the no-workspace state). */
  needsWorkspace: boolean;
}

/** The sidebar, in order. The route is `#/<id>`. */
export const pages: PageEntry[] = [
  { id: 'overview', label: 'common.nav.overview', component: OverviewPage, needsWorkspace: true },
  { id: 'imports', label: 'common.nav.imports', component: ImportsPage, needsWorkspace: true },
  { id: 'notifications', label: 'common.nav.notifications', component: NotificationsPage, needsWorkspace: true },
  { id: 'data-charges', label: 'common.nav.dataCharges', component: DataChargesPage, needsWorkspace: true },
  { id: 'consent', label: 'common.nav.consent', component: ConsentPage, needsWorkspace: true },
  { id: 'urls', label: 'common.nav.urls', component: UrlsPage, needsWorkspace: true },
  { id: 'disclosures', label: 'common.nav.disclosures', component: DisclosuresPage, needsWorkspace: true },
  { id: 'settings', label: 'common.nav.settings', component: SettingsPage, needsWorkspace: false },
];
