import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { Api } from '../../../shared/contract/index.ts';
import { setBridge } from '../../../renderer/data/api.ts';
import { I18nProvider } from '../../../renderer/i18n/I18nProvider.tsx';
import { DisclosuresPage } from '../../../renderer/pages/DisclosuresPage.tsx';
import { realBackend } from './real-backend.ts';

/** Renders the disclosures page over the real handlers (seeded first by `seed`), in a language. */
export async function mountPage(locale: 'ko' | 'en' = 'ko', seed?: (api: Api) => Promise<void>) {
  const backend = await realBackend();
  await seed?.(backend.api);
  setBridge(backend.bridge);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <I18nProvider locale={locale} timeZone="Asia/Seoul">
        <DisclosuresPage />
      </I18nProvider>
    </QueryClientProvider>,
  );
  return backend;
}

/** The CodeMirror content element of one language's editor. */
export function editorContent(lang: 'ko' | 'en'): HTMLElement {
  return document.querySelector<HTMLElement>(`.cm-content[lang="${lang}"]`)!;
}
