import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { FileImportResult, ImportRunOptions, PrivacyOptions } from '../../shared/contract/imports.ts';
import { api, getBridge, uploadToBridge } from './api.ts';

/** Every import of the open workspace, newest first. */
export function useImports() {
  return useQuery({ queryKey: ['imports', 'list'], queryFn: () => api()['imports:list']({}) });
}

/** One page of rejected rows (of one import, or all). */
export function useRejects(importId: number | null, offset: number, limit = 50) {
  return useQuery({
    queryKey: ['imports', 'rejects', importId, offset, limit],
    queryFn: () => api()['imports:rejects']({ importId, offset, limit }),
  });
}

/** Deletes one import (the backend then emits data:changed, which refreshes every page). */
export function useDeleteImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api()['imports:delete']({ id }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['imports'] }),
  });
}

/** Saved column-mapping presets. */
export function usePresets() {
  return useQuery({ queryKey: ['imports', 'presets'], queryFn: () => api()['imports:presets']({}) });
}

/** The watched folder setting and its log. */
export function useWatchFolder() {
  return useQuery({ queryKey: ['imports', 'watch'], queryFn: () => api()['imports:watchFolder']({}) });
}

export function useWatchLog() {
  return useQuery({ queryKey: ['imports', 'watch-log'], queryFn: () => api()['imports:watchLog']({ limit: 50 }), refetchInterval: 5000 });
}

/** Privacy options applied at import. */
export function usePrivacy() {
  return useQuery({ queryKey: ['imports', 'privacy'], queryFn: () => api()['imports:privacy']({}) });
}

export function useSetPrivacy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (next: PrivacyOptions) => api()['imports:setPrivacy'](next),
    onSuccess: (next) => client.setQueryData(['imports', 'privacy'], next),
  });
}

/**
 * A path the backend can read for a dropped or picked file: Electron gives the real path; browser
 * mode streams the file to the bridge's upload route, which returns a temp path.
 */
export async function pathForUpload(file: File, onUploaded?: (bytes: number) => void): Promise<string> {
  const direct = getBridge().pathForFile(file);
  if (direct) return direct;
  const path = await uploadToBridge(file);
  onUploaded?.(file.size);
  return path;
}

/** One file's import as the progress list shows it. */
export interface ImportJobView {
  key: string;
  jobId: string | null;
  file: string;
  phase: string;
  done: number;
  total: number | null;
  rows: number;
  startedAt: number;
  /** Estimated milliseconds left, once there is a rate to go by. */
  leftMs: number | null;
  result: FileImportResult | null;
  /** Why the file failed, as thrown or as its result carries it: worded in the user's language when shown. */
  error: unknown;
}

const FINAL = new Set(['done', 'failed', 'cancelled']);

/**
 * The import jobs of this window: start (files already readable by the backend), follow their
 * `job:progress` events, cancel, and collect each file's result when it finishes.
 */
export function useImportJobs() {
  const [jobs, setJobs] = useState<ImportJobView[]>([]);
  const update = useCallback((match: (j: ImportJobView) => boolean, patch: (j: ImportJobView) => Partial<ImportJobView>) => {
    setJobs((list) => list.map((j) => (match(j) ? { ...j, ...patch(j) } : j)));
  }, []);

  useEffect(() => {
    const off = getBridge().on('job:progress', (p) => {
      if (p.kind !== 'import:file') return;
      update(
        (j) => j.jobId === p.jobId,
        (j) => {
          const now = Date.now();
          const elapsed = now - j.startedAt;
          const leftMs =
            p.phase === 'import' && p.total && p.done > 0 && elapsed > 500 ? Math.max(0, ((p.total - p.done) * elapsed) / p.done) : null;
          return { phase: p.phase, done: p.done, total: p.total ?? j.total, rows: p.rows ?? j.rows, leftMs };
        },
      );
      if (FINAL.has(p.phase)) {
        void api()['imports:results']({ jobIds: [p.jobId] }).then((results) => {
          for (const r of results) update((j) => j.jobId === r.jobId, () => ({ result: r.result, error: r.result.error }));
        });
      }
    });
    return off;
  }, [update]);

  /** Adds a row for a file while it uploads; returns its key. */
  const addPending = useCallback((file: string): string => {
    const key = `${file}-${Math.random().toString(36).slice(2)}`;
    setJobs((list) => [
      { key, jobId: null, file, phase: 'uploading', done: 0, total: null, rows: 0, startedAt: Date.now(), leftMs: null, result: null, error: null },
      ...list,
    ]);
    return key;
  }, []);

  /** Starts importing one backend-readable path for the pending row `key`. */
  const start = useCallback(
    async (key: string, path: string, options: ImportRunOptions) => {
      try {
        const { jobs: started } = await api()['imports:start']({ files: [path], options });
        update((j) => j.key === key, () => ({ jobId: started[0]!.jobId, phase: 'queued', startedAt: Date.now() }));
      } catch (error) {
        update((j) => j.key === key, () => ({ phase: 'failed', error }));
      }
    },
    [update],
  );

  const markMapping = useCallback((key: string) => update((j) => j.key === key, () => ({ phase: 'mapping' })), [update]);
  const fail = useCallback((key: string, error: unknown) => update((j) => j.key === key, () => ({ phase: 'failed', error })), [update]);
  const cancel = useCallback((jobId: string) => void api()['imports:cancel']({ jobId }), []);
  const dismiss = useCallback((key: string) => setJobs((list) => list.filter((j) => j.key !== key)), []);
  return { jobs, addPending, start, fail, cancel, dismiss, markMapping };
}

/** Saves a column-mapping preset. */
export function useSavePreset() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Parameters<ReturnType<typeof api>['imports:savePreset']>[0]) => api()['imports:savePreset'](input),
    onSuccess: (list) => client.setQueryData(['imports', 'presets'], list),
  });
}

/** Deletes a column-mapping preset. */
export function useDeletePreset() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api()['imports:deletePreset']({ name }),
    onSuccess: (list) => client.setQueryData(['imports', 'presets'], list),
  });
}

/** Answers the prompt "watch the folder this workspace names, on this computer?". */
export function useConfirmWatchFolder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (watch: boolean) => api()['imports:confirmWatchFolder']({ watch }),
    onSuccess: (next) => client.setQueryData(['imports', 'watch'], next),
  });
}

/** Sets or clears the watched folder. */
export function useSetWatchFolder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { path: string | null; enabled: boolean }) => api()['imports:setWatchFolder'](input),
    onSuccess: (next) => client.setQueryData(['imports', 'watch'], next),
  });
}
