import { pathForUpload } from './import-hooks.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { InputOf } from '../../shared/contract/index.ts';
import type { Settings } from '../../shared/contract/settings.ts';
import type { WorkspaceInfo } from '../../shared/contract/workspace.ts';
import { api, getBridge } from './api.ts';

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

/** Version, transport, platform and the default folder for new workspaces. */
export function useAppInfo() {
  return useQuery({ queryKey: ['app-info'], queryFn: () => api()['app:info']({}), staleTime: Infinity });
}

/**
 * After the open workspace changes: the workspace is cached, settings are refetched (the backend
 * records recent workspaces) and every workspace-scoped query is dropped so pages reload their data.
 */
function useAfterSwitch() {
  const client = useQueryClient();
  return (info: WorkspaceInfo | null) => {
    client.setQueryData(['workspace'], info);
    void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'workspace' && q.queryKey[0] !== 'app-info' });
  };
}

/** Creates a workspace file and opens it: at a path a native dialog picked, or by name (browser mode). */
export function useCreateWorkspace() {
  const after = useAfterSwitch();
  return useMutation({ mutationFn: (input: InputOf<'workspace:create'>) => api()['workspace:create'](input), onSuccess: after });
}

/**
 * Makes a ClickHouse workspace (connects, creates the warehouse's tables where missing, writes the
 * local file) and opens it. The password goes to the backend only, never into any cache.
 */
export function useConnectWarehouse() {
  const after = useAfterSwitch();
  return useMutation({ mutationFn: (input: InputOf<'workspace:connectWarehouse'>) => api()['workspace:connectWarehouse'](input), onSuccess: after });
}

/** Gives the open ClickHouse workspace its password (checked by the server first); every page then reloads its figures. */
export function useSetWarehousePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'workspace:setWarehousePassword'>) => api()['workspace:setWarehousePassword'](input),
    onSuccess: (info) => {
      client.setQueryData(['workspace'], info);
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'workspace' && q.queryKey[0] !== 'app-info' && q.queryKey[0] !== 'settings' });
    },
  });
}

/** Whether the host can keep a warehouse password beyond this run (Electron with a system keychain). */
export function usePasswordStorage() {
  return useQuery({ queryKey: ['password-storage'], queryFn: () => api()['workspace:passwordStorage']({}), staleTime: Infinity });
}

/** Browser mode's workspaces folder and the workspaces in it (Electron: no folder). */
export function useWorkspaceList() {
  // Read afresh each time a dialog shows it: files come and go outside the app.
  return useQuery({ queryKey: ['workspace-list'], queryFn: () => api()['workspace:list']({}), staleTime: 0, refetchOnMount: 'always' });
}

/** Builds the demo workspace from the bundled sample exports and opens it. */
export function useCreateDemoWorkspace() {
  const after = useAfterSwitch();
  return useMutation({ mutationFn: () => api()['demo:create']({}), onSuccess: after });
}

/** Opens (and migrates if needed) an existing workspace file. */
export function useOpenWorkspace() {
  const after = useAfterSwitch();
  return useMutation({ mutationFn: (path: string) => api()['workspace:open']({ path }), onSuccess: after });
}

/**
 * Opens a `.noticereview` file with no workspace (docs/review.md): the backend makes a private
 * temporary workspace holding just its disclosure. Electron reads the file where it is; browser
 * mode uploads it first.
 */
export function useOpenReviewFile() {
  const after = useAfterSwitch();
  return useMutation({
    mutationFn: async (file: File) => api()['review:openFile']({ path: await pathForUpload(file) }),
    onSuccess: after,
  });
}

/** Closes the open workspace. */
export function useCloseWorkspace() {
  const after = useAfterSwitch();
  return useMutation({ mutationFn: () => api()['workspace:close']({}), onSuccess: () => after(null) });
}

/** Sets the open workspace's own time zone. */
export function useSetWorkspaceTimeZone() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (timeZone: string) => api()['workspace:setTimeZone']({ timeZone }),
    onSuccess: (info) => {
      client.setQueryData(['workspace'], info);
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'workspace' && q.queryKey[0] !== 'settings' });
    },
  });
}

/**
 * Asks the host for a path in a native dialog (Electron; null in browser mode): a workspace to
 * create or open, or a folder to watch. Main accepts later only what was picked here.
 */
export function pickWorkspacePath(mode: 'create' | 'open' | 'folder'): Promise<string | null> {
  return api()['workspace:pickPath']({ mode });
}

/**
 * Listens to the backend's events: another window or the CLI switching workspace, or data
 * changing, refreshes the caches.
 */
export function useBackendEvents(): void {
  const client = useQueryClient();
  useEffect(() => {
    const bridge = getBridge();
    const offWorkspace = bridge.on('workspace:changed', () => {
      void client.invalidateQueries();
    });
    const offData = bridge.on('data:changed', () => {
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'app-info' });
    });
    return () => {
      offWorkspace();
      offData();
    };
  }, [client]);
}
