import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../shared/contract/index.ts';
import type { Disclosure } from '../../shared/disclosures/types.ts';
import type { ReviewThread } from '../../shared/review/types.ts';
import { api } from './api.ts';
import { pathForUpload } from './import-hooks.ts';

/**
 * Typed hooks over the review calls (docs/review.md): versions, decisions, comparisons, comment
 * threads, review and Word files, the audit trail. Every key starts with `review` or `audit`, so the
 * backend's `data:changed` event (app-hooks' `useBackendEvents`) refreshes them with the rest.
 */

const key = {
  all: (id: number) => ['review', id] as const,
  versions: (id: number) => ['review', id, 'versions'] as const,
  version: (id: number, number: number) => ['review', id, 'version', number] as const,
  decisions: (id: number) => ['review', id, 'decisions'] as const,
  threads: (id: number, number: number | null) => ['review', id, 'threads', number ?? 'latest'] as const,
  compare: (id: number, from: number, to: number) => ['review', id, 'compare', from, to] as const,
  audit: ['audit'] as const,
};

/** Everything a review change can alter: the disclosure's review data, its list row, the audit trail. */
export function invalidateReview(client: QueryClient, id: number): void {
  void client.invalidateQueries({ queryKey: key.all(id) });
  void client.invalidateQueries({ queryKey: ['disclosures', 'list'] });
  void client.invalidateQueries({ queryKey: key.audit });
}

/** Every frozen version of a disclosure, oldest first (no texts). */
export function useVersions(id: number) {
  return useQuery({ queryKey: key.versions(id), queryFn: () => api()['review:versions']({ id }) });
}

/** One version with its texts and frozen checks (versions never change: cached for good). */
export function useVersion(id: number, number: number | null) {
  return useQuery({
    queryKey: key.version(id, number ?? 0),
    queryFn: () => api()['review:version']({ id, number: number! }),
    enabled: number !== null,
    staleTime: Infinity,
  });
}

/** A disclosure's status history and publication dates (read apart from the open disclosure, whose text the editor owns). */
export function useStatusHistory(id: number) {
  return useQuery({
    queryKey: [...key.all(id), 'history'],
    queryFn: async () => {
      const d = await api()['disclosures:get']({ id });
      return { history: d.history, publishedAt: d.publishedAt, effectiveAt: d.effectiveAt };
    },
  });
}

/** Every reviewer's decision on the disclosure's versions, oldest first. */
export function useDecisions(id: number) {
  return useQuery({ queryKey: key.decisions(id), queryFn: () => api()['review:decisions']({ id }) });
}

/** The threads placed on a version (null: the latest). */
export function useThreads(id: number, number: number | null) {
  return useQuery({
    queryKey: key.threads(id, number),
    queryFn: () => api()['review:threads']({ id, ...(number !== null ? { number } : {}) }),
  });
}

/** Two versions compared (null until both are chosen and differ). */
export function useCompare(id: number, from: number | null, to: number | null) {
  return useQuery({
    queryKey: key.compare(id, from ?? 0, to ?? 0),
    queryFn: () => api()['review:compare']({ id, from: from!, to: to! }),
    enabled: from !== null && to !== null && from !== to,
    staleTime: Infinity,
  });
}

/** A thread change: every placement of the disclosure's threads is refreshed. */
function useThreadMutation<I>(run: (input: I) => Promise<ReviewThread>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (thread) => invalidateReview(client, thread.disclosureId),
  });
}

/** Opens a thread on words of a version. */
export function useComment() {
  return useThreadMutation((input: InputOf<'review:comment'>) => api()['review:comment'](input));
}

/** Replies to a thread. */
export function useReply() {
  return useThreadMutation((input: InputOf<'review:reply'>) => api()['review:reply'](input));
}

/** Edits one's own comment. */
export function useEditComment() {
  return useThreadMutation((input: InputOf<'review:editComment'>) => api()['review:editComment'](input));
}

/** Deletes one's own comment (the opening one deletes the thread). */
export function useDeleteComment() {
  return useThreadMutation((input: InputOf<'review:deleteComment'>) => api()['review:deleteComment'](input));
}

/** Resolves or reopens a thread. */
export function useSetThreadStatus() {
  return useThreadMutation((input: InputOf<'review:setThreadStatus'>) => api()['review:setThreadStatus'](input));
}

/** The threads as CSV or JSON (a download in browser mode, a save dialog in Electron). */
export function useExportThreads() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'review:exportThreads'>) => api()['review:exportThreads'](input),
    onSuccess: () => void client.invalidateQueries({ queryKey: key.audit }),
  });
}

/** Writes the latest version as a `.noticereview` or `.docx` for a reviewer elsewhere. */
export function useExportReviewFile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'review:exportFile'>) => api()['review:exportFile'](input),
    onSuccess: () => void client.invalidateQueries({ queryKey: key.audit }),
  });
}

/**
 * Merges a reviewed file back: Electron reads the picked file where it is; browser mode uploads it
 * first (the same upload route imports use) and merges the uploaded copy.
 */
export function useImportReviewFile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: { file: File; id: number; actor: string }) => {
      const path = await pathForUpload(input.file);
      return api()['review:importFile']({ path, id: input.id, actor: input.actor });
    },
    onSuccess: (summary) => {
      invalidateReview(client, summary.disclosureId);
      // A decision on the version in review moves the disclosure: the studio's header must show it.
      if (summary.decisionsAdded > 0) void client.invalidateQueries({ queryKey: ['disclosures', 'one', summary.disclosureId] });
    },
  });
}

/** Copies a disclosure into a new draft (how an approved or published text gets its next version). */
export function useDuplicateDisclosure() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'disclosures:duplicate'>) => api()['disclosures:duplicate'](input),
    onSuccess: (created: Disclosure) => {
      client.setQueryData(['disclosures', 'one', created.id], created);
      void client.invalidateQueries({ queryKey: ['disclosures', 'list'] });
      void client.invalidateQueries({ queryKey: key.audit });
    },
  });
}

/** The latest entries of the audit trail, newest first. */
export function useAuditList(limit = 50, enabled = true) {
  return useQuery({ queryKey: [...key.audit, 'list', limit], queryFn: () => api()['audit:list']({ limit }), enabled });
}

/** Walks the audit chain (a mutation: it is run when asked, and its answer is a moment's). */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api()['audit:verify']({}) });
}
