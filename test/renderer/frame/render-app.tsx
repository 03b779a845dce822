import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { App } from '../../../renderer/App.tsx';
import { setBridge } from '../../../renderer/data/api.ts';
import type { MemoryBridge } from './memory-bridge.ts';

/** Renders the whole app over the given bridge with a fresh query cache, at `#/<route>`. */
export function renderApp(bridge: MemoryBridge, route = 'overview', props: { demoAction?: ReactNode } = {}) {
  setBridge(bridge);
  window.location.hash = `#/${route}`;
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <App demoAction={props.demoAction} />
    </QueryClientProvider>,
  );
}
