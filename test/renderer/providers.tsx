import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { ErrorProvider } from '../../renderer/components/errors.tsx';
import { setBridge } from '../../renderer/data/api.ts';
import { I18nProvider } from '../../renderer/i18n/I18nProvider.tsx';
import type { Bridge } from '../../shared/contract/index.ts';

/** Renders one part of the UI over `bridge` with what the app gives it: a fresh query cache, the language, the error area. */
export function renderWithProviders(ui: ReactNode, bridge: Bridge, locale: 'en' | 'ko' = 'en') {
  setBridge(bridge);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <I18nProvider locale={locale} timeZone="Asia/Seoul">
        <ErrorProvider>{ui}</ErrorProvider>
      </I18nProvider>
    </QueryClientProvider>,
  );
}
