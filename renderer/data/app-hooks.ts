import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Settings } from '../../shared/contract/settings.ts';
import { api } from './api.ts';

/** App settings (locale, theme, time zone, reviewer, recent workspaces). */
export function useSettings() {
  return useQuery({ queryKey: ['settings'], queryFn: () => api()['settings:get']({}) });
}

/** Saves part of the settings and refreshes the cache. */
export function useSaveSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<Settings>) => api()['settings:set'](patch),
    onSuccess: (next) => client.setQueryData(['settings'], next),
  });
}

/** The open workspace, or null. */
export function useWorkspace() {
  return useQuery({ queryKey: ['workspace'], queryFn: () => api()['workspace:current']({}) });
}
