import { QueryClient } from '@tanstack/react-query';

/** The renderer's one query cache (server state lives here; UI state stays local). */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 } },
});
