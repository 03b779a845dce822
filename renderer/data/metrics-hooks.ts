import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { presetRange, todayIn, type DatePreset } from '../../shared/charts/dates.ts';
import type { InputOf } from '../../shared/contract/index.ts';
import type { Bucketing, CostModel, MetricFilter, SavedFilters, VolumeStackBy } from '../../shared/metrics/types.ts';
import { api, getBridge } from './api.ts';

/** Every dashboard query key starts with this, so one invalidation refreshes every figure. */
const ROOT = 'metrics';

/** Refetches every dashboard figure when the backend says the data changed (an import, a demo). */
export function useMetricsRefresh(): void {
  const client = useQueryClient();
  useEffect(
    () =>
      getBridge().on('data:changed', () => {
        void client.invalidateQueries({ queryKey: [ROOT] });
      }),
    [client],
  );
}

/** Senders, categories, templates and the data's date range (for the filter pickers and presets). */
export function useDimensions() {
  return useQuery({ queryKey: [ROOT, 'dimensions'], queryFn: () => api()['metrics:dimensions']({}) });
}

/** The filters kept in the workspace. */
export function useSavedFilters() {
  return useQuery({ queryKey: [ROOT, 'filters'], queryFn: () => api()['metrics:getFilters']({}) });
}

/** Saves part of the workspace's filters; every page's figures follow. */
export function useSaveFilters() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<SavedFilters>) => api()['metrics:setFilters'](patch),
    onMutate: (patch) => {
      const previous = client.getQueryData<SavedFilters>([ROOT, 'filters']);
      if (previous) client.setQueryData([ROOT, 'filters'], { ...previous, ...patch });
      return { previous };
    },
    onError: (_e, _patch, context) => {
      if (context?.previous) client.setQueryData([ROOT, 'filters'], context.previous);
    },
    onSuccess: (next) => client.setQueryData([ROOT, 'filters'], next),
  });
}

/** The date a preset ends on: the last day with data (imported history is rarely "today"), else today. */
export function presetAnchor(lastDate: string | null | undefined, timeZone: string): string {
  return lastDate ?? todayIn(timeZone);
}

/** Turns saved filters into the filter every metric call takes (presets resolved against the data). */
export function resolveFilter(saved: SavedFilters, lastDate: string | null | undefined, timeZone: string): MetricFilter {
  const base = { by: saved.by, senders: saved.senders, categories: saved.categories };
  if (saved.preset === 'custom') return { ...base, from: saved.from, to: saved.to };
  return { ...base, ...presetRange(saved.preset as DatePreset, presetAnchor(lastDate, timeZone)) };
}

const fallbackFilters: SavedFilters = { preset: 'all', from: null, to: null, by: 'month', senders: [], categories: [] };

/** The resolved filter of the open workspace (null while loading), and its saved form. */
export function useMetricFilter(): { filter: MetricFilter | null; saved: SavedFilters; isPending: boolean; error: Error | null } {
  const saved = useSavedFilters();
  const dims = useDimensions();
  const filter = useMemo(() => {
    if (!saved.data || !dims.data) return null;
    return resolveFilter(saved.data, dims.data.lastDate, dims.data.timeZone);
  }, [saved.data, dims.data]);
  return {
    filter,
    saved: saved.data ?? fallbackFilters,
    isPending: saved.isPending || dims.isPending,
    error: saved.error ?? dims.error,
  };
}

type FilterInput = Omit<MetricFilter, 'by'> & { by?: Bucketing };


/** Notification volume (stacked by status, category or sender). */
export function useVolume(filter: FilterInput | null, stackBy: VolumeStackBy = 'status') {
  return useQuery({
    queryKey: [ROOT, 'volume', filter, stackBy],
    queryFn: () => api()['metrics:volume']({ ...filter!, stackBy }),
    enabled: filter !== null,
    placeholderData: keepPreviousData,
  });
}

/** Data charges under the workspace's cost model. */
export function useDataCost(filter: FilterInput | null) {
  return useQuery({
    queryKey: [ROOT, 'datacost', filter],
    queryFn: () => api()['metrics:datacost'](filter!),
    enabled: filter !== null,
    placeholderData: keepPreviousData,
  });
}

/** Opt-out rate per bucket, by sender and category. */
export function useOptOut(filter: FilterInput | null) {
  return useQuery({
    queryKey: [ROOT, 'optout', filter],
    queryFn: () => api()['metrics:optout'](filter!),
    enabled: filter !== null,
    placeholderData: keepPreviousData,
  });
}

/** Notice coverage, the funnel and time to opt-out. */
export function useCoverage(filter: FilterInput | null) {
  return useQuery({
    queryKey: [ROOT, 'coverage', filter],
    queryFn: () => api()['metrics:coverage'](filter!),
    enabled: filter !== null,
    placeholderData: keepPreviousData,
  });
}

/** Refusals honoured: violations and one page of violating messages. */
export function useRefusals(filter: FilterInput | null, offset = 0, limit = 50) {
  return useQuery({
    queryKey: [ROOT, 'refusals', filter, offset, limit],
    queryFn: () => api()['metrics:refusals']({ ...filter!, offset, limit }),
    enabled: filter !== null,
    placeholderData: keepPreviousData,
  });
}

/** URL sharing and indexing. */
export function useUrls(filter: FilterInput | null) {
  return useQuery({
    queryKey: [ROOT, 'urls', filter],
    queryFn: () => api()['metrics:urls']({ ...filter!, top: 10 }),
    enabled: filter !== null,
    placeholderData: keepPreviousData,
  });
}

/** Every KPI card with the previous period of equal length. */
export function useOverview(filter: FilterInput | null) {
  return useQuery({
    queryKey: [ROOT, 'overview', filter],
    queryFn: () => api()['metrics:overview'](filter!),
    enabled: filter !== null,
    placeholderData: keepPreviousData,
  });
}

/** The server-side CSV of one metric table (same rows as the CLI). */
export function exportMetricCsv(input: InputOf<'metrics:exportCsv'>) {
  return api()['metrics:exportCsv'](input);
}

/** The workspace's cost model with defaults and sources. */
export function useCostModel() {
  return useQuery({ queryKey: [ROOT, 'cost-model'], queryFn: () => api()['metrics:getCostModel']({}) });
}

/** Changes the cost model; every figure that depends on it refetches at once. */
export function useSetCostModel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<CostModel> | null) =>
      patch === null ? api()['metrics:resetCostModel']({}) : api()['metrics:setCostModel'](patch),
    onSuccess: (next) => {
      client.setQueryData([ROOT, 'cost-model'], next);
      void client.invalidateQueries({
        // Sizes, charges and which message counts as "first" (volume) all follow the model.
        predicate: (q) => q.queryKey[0] === ROOT && ['datacost', 'overview', 'volume'].includes(String(q.queryKey[1])),
      });
    },
  });
}

/** Chart markers: the user's own and every published disclosure. */
export function useMarkers() {
  return useQuery({ queryKey: [ROOT, 'markers'], queryFn: () => api()['markers:list']({}) });
}

/** Adds or removes a user marker. */
export function useEditMarkers() {
  const client = useQueryClient();
  const done = () => client.invalidateQueries({ queryKey: [ROOT, 'markers'] });
  const add = useMutation({ mutationFn: (m: { date: string; label: string }) => api()['markers:add'](m), onSuccess: done });
  const remove = useMutation({ mutationFn: (id: string) => api()['markers:remove']({ id }), onSuccess: done });
  return { add, remove };
}

/** Opt-out rate and coverage N days before and after a marker date. */
export function useMarkerAround(date: string | null, days: number, filter: Pick<MetricFilter, 'senders' | 'categories'> | null) {
  return useQuery({
    queryKey: [ROOT, 'around', date, days, filter?.senders, filter?.categories],
    queryFn: () =>
      api()['markers:around']({ date: date!, days, senders: filter?.senders ?? [], categories: filter?.categories ?? [] }),
    enabled: date !== null && days >= 1,
  });
}

/**
 * The opt-out rate of each of `keys` (senders or categories) over time: one optout query per key,
 * the filter narrowed to that key (so each line follows docs/metrics.md's sender/category filter rule).
 */
export function useOptOutSplit(filter: FilterInput | null, dimension: 'sender' | 'category', keys: readonly string[]) {
  return useQueries({
    queries: keys.map((key) => {
      const narrowed = filter ? { ...filter, ...(dimension === 'sender' ? { senders: [key] } : { categories: [key] }) } : null;
      return {
        queryKey: [ROOT, 'optout', narrowed],
        queryFn: () => api()['metrics:optout'](narrowed!),
        enabled: narrowed !== null,
      };
    }),
  });
}
