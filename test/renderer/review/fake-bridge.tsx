import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { AppError, defaultSettings, type Api, type Bridge, type CallName, type InputOf, type ResultOf, type Settings } from '../../../shared/contract/index.ts';
import { setBridge } from '../../../renderer/data/api.ts';
import { I18nProvider } from '../../../renderer/i18n/I18nProvider.tsx';

type Handlers = { [K in CallName]?: (input: InputOf<K>) => ResultOf<K> | Promise<ResultOf<K>> };

/** A bridge answering only the calls a component test gives, recording every call; settings are kept in memory. */
export interface FakeBridge extends Bridge {
  calls: { name: string; input: unknown }[];
  settings: Settings;
  /** The inputs of every call of one name. */
  inputs<K extends CallName>(name: K): InputOf<K>[];
}

export function fakeBridge(handlers: Handlers, settings: Partial<Settings> = {}): FakeBridge {
  const calls: { name: string; input: unknown }[] = [];
  const state = { settings: { ...defaultSettings, recentWorkspaces: [], ...settings } as Settings };
  const all: Record<string, (input: never) => unknown> = {
    'settings:get': () => state.settings,
    'settings:set': (patch: Partial<Settings>) => (state.settings = { ...state.settings, ...patch }),
    ...(handlers as Record<string, (input: never) => unknown>),
  };
  const call = new Proxy({} as Api, {
    get(_target, name: string) {
      return async (input: unknown) => {
        calls.push({ name, input });
        const fn = all[name];
        if (!fn) throw new AppError('unknown-call', `No handler for ${name} in this test`);
        return fn(input as never);
      };
    },
  });
  return {
    call,
    calls,
    get settings() {
      return state.settings;
    },
    inputs: <K extends CallName>(name: K) => calls.filter((c) => c.name === name).map((c) => c.input as InputOf<K>),
    // As Electron gives it: the file's own path (browser mode's upload route is covered end to end).
    pathForFile: (file: File) => `/uploads/${file.name}`,
    on: () => () => {},
  } as FakeBridge;
}

/** Renders a component over a fake bridge, with a fresh query cache, in a language and time zone. */
export function renderWith(bridge: FakeBridge, ui: ReactNode, locale: 'ko' | 'en' = 'en', timeZone = 'Asia/Seoul') {
  setBridge(bridge);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <I18nProvider locale={locale} timeZone={timeZone}>
        {ui}
      </I18nProvider>
    </QueryClientProvider>,
  );
}
