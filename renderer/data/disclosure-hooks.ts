import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../shared/contract/index.ts';
import type { Disclosure, DisclosureStatus, Surface } from '../../shared/disclosures/types.ts';
import { api } from './api.ts';

const LIST = ['disclosures', 'list'] as const;
const one = (id: number) => ['disclosures', 'one', id] as const;

/** Every disclosure of the open workspace (no texts), newest update first. */
export function useDisclosureList() {
  return useQuery({ queryKey: LIST, queryFn: () => api()['disclosures:list']({}) });
}

/** One disclosure with both texts. Not refetched in the background: the editor owns the text. */
export function useDisclosure(id: number | null) {
  return useQuery({
    queryKey: one(id ?? 0),
    queryFn: () => api()['disclosures:get']({ id: id! }),
    enabled: id !== null,
    staleTime: Infinity,
    refetchOnMount: 'always',
  });
}

/** Creates a draft from the surface's starter template. */
export function useCreateDisclosure() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { surface: Surface; title?: string }) => api()['disclosures:create']({ ...input, from: 'template' }),
    onSuccess: (created) => {
      client.setQueryData(one(created.id), created);
      void client.invalidateQueries({ queryKey: LIST });
    },
  });
}

/** Deletes a disclosure. */
export function useDeleteDisclosure() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api()['disclosures:delete']({ id }),
    onSuccess: () => void client.invalidateQueries({ queryKey: LIST }),
  });
}

/** Saves part of a disclosure (autosave); the list is refreshed, the open text is not refetched. */
export function useUpdateDisclosure() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'disclosures:update'>) => api()['disclosures:update'](input),
    onSuccess: () => void client.invalidateQueries({ queryKey: LIST }),
  });
}

/**
 * Moves a disclosure along the workflow (docs/review.md#workflow): `actor` is the person's name
 * (required to submit, decide and publish), `note` the reason for changes requested, `effectiveAt`
 * when a published notice takes effect. A new version or decision changes the review data too.
 */
export function useSetDisclosureStatus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: number; status: DisclosureStatus; actor: string; note?: string; effectiveAt?: number }) =>
      api()['disclosures:setStatus'](input),
    onSuccess: (next: Disclosure) => {
      client.setQueryData(one(next.id), next);
      void client.invalidateQueries({ queryKey: LIST });
      void client.invalidateQueries({ queryKey: ['review', next.id] });
      void client.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

/** Rule sets and word lists the live checks run with. */
export function useDisclosureRules() {
  return useQuery({ queryKey: ['disclosures', 'rules'], queryFn: () => api()['disclosures:rules']({}), staleTime: Infinity });
}

/** Template variable values (from the workspace cost model) for both locales. */
export function useDisclosureVariables() {
  return useQuery({ queryKey: ['disclosures', 'variables'], queryFn: () => api()['disclosures:variables']({}) });
}

/** Exports a disclosure (PDF, HTML, Markdown); in browser mode the bytes come back for a download. */
export function useExportDisclosure() {
  return useMutation({ mutationFn: (input: InputOf<'disclosures:export'>) => api()['disclosures:export'](input) });
}

/** Decodes base64 (export bytes from the bridge). */
export function base64ToBytes(base64: string): Uint8Array {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Saves the workspace's own variable values (sender name, settings path…). */
export function useSetDisclosureVariables() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (overrides: InputOf<'disclosures:setVariables'>['overrides']) => api()['disclosures:setVariables']({ overrides }),
    onSuccess: (next) => client.setQueryData(['disclosures', 'variables'], next),
  });
}

const overridesKey = (id: number) => ['disclosures', 'overrides', id] as const;

/** The reviewers' overrides in force on a disclosure's checklist (withdrawn ones are left out). */
export function useCheckOverrides(id: number) {
  return useQuery({ queryKey: overridesKey(id), queryFn: () => api()['disclosures:overrides']({ id }) });
}

/** Overrules one required-element verdict ("present, here" or "not sufficient, because …"). */
export function useOverrule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'disclosures:overrule'>) => api()['disclosures:overrule'](input),
    onSuccess: (saved) => void client.invalidateQueries({ queryKey: overridesKey(saved.disclosureId) }),
  });
}

/** Withdraws an override (it stays on record as withdrawn). */
export function useWithdrawOverride() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: InputOf<'disclosures:withdrawOverride'>) => api()['disclosures:withdrawOverride'](input),
    onSuccess: (withdrawn) => void client.invalidateQueries({ queryKey: overridesKey(withdrawn.disclosureId) }),
  });
}
