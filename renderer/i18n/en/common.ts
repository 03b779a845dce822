/** English strings shared by the whole frame. */
export const common = {
  appName: 'Notice Desk',
  nav: {
    overview: 'Overview',
    imports: 'Imports',
    notifications: 'Notifications',
    dataCharges: 'Data charges',
    consent: 'Consent',
    urls: 'URLs',
    disclosures: 'Disclosures',
    settings: 'Settings',
  },
  empty: {
    noWorkspace: 'No workspace is open',
    noWorkspaceHint: 'Create a workspace or open an existing one to get started.',
    overview: 'Key figures for the period will appear here: notifications, recipients, data charges, opt-out rate, notice coverage, refusals honoured and URLs indexed.',
    imports: 'Every import will be listed here with its provenance. Drop export files onto the window or use Import files.',
    notifications: 'Notification volume by day, week or month will appear here once send logs are imported.',
    dataCharges: 'The mobile-data charges notifications cost recipients will appear here once send logs are imported.',
    consent: 'Opt-out rates, notice coverage and refusals honoured will appear here once consent events are imported.',
    urls: 'URLs shared, indexed and served will appear here once URL events are imported.',
    disclosures: 'Disclosure texts you write and review will appear here.',
    howToImport: 'Import exports from the Imports page, or run: notice-desk import <file> --workspace <file>',
  },
  error: {
    title: 'Something went wrong',
    retry: 'Try again',
  },
  loading: 'Loading…',
} as const;
