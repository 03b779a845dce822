import { presetRange, type DatePreset } from '../../../shared/charts/dates.ts';
import type { Bucketing, SavedFilters } from '../../../shared/metrics/types.ts';
import { presetAnchor, useDimensions, useMetricFilter, useSaveFilters } from '../../data/metrics-hooks.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/types.ts';
import { useReportError } from '../errors.tsx';
import './filters.css';
import { MultiPick } from './MultiPick.tsx';
import { DEFAULT_TIME_ZONE } from '../../../shared/time-zone.ts';

type PresetChoice = DatePreset | 'custom';
const PRESETS: readonly PresetChoice[] = ['last7', 'last30', 'last90', 'thisMonth', 'last6Months', 'last365', 'all', 'custom'];
/** Presets the workspace can keep by name; the others are kept as their dates. */
const STORED_PRESETS = new Set<string>(['all', 'last7', 'last30', 'last90', 'last365']);

/** The preset a saved filter shows as (dates that match a rolling preset show as that preset). */
export function shownPreset(saved: SavedFilters, anchor: string): PresetChoice {
  if (saved.preset !== 'custom') return saved.preset;
  for (const p of ['thisMonth', 'last6Months'] as const) {
    const r = presetRange(p, anchor);
    if (r.from === saved.from && r.to === saved.to) return p;
  }
  return 'custom';
}

/** The saved-filter patch for a preset choice. */
export function presetPatch(choice: PresetChoice, anchor: string, current: SavedFilters): Partial<SavedFilters> {
  if (choice === 'custom') return { preset: 'custom', from: current.from ?? presetRange('last30', anchor).from, to: current.to ?? anchor };
  if (STORED_PRESETS.has(choice)) return { preset: choice as SavedFilters['preset'], from: null, to: null };
  const range = presetRange(choice, anchor);
  return { preset: 'custom', from: range.from, to: range.to };
}

/**
 * The global filters (date range with presets, bucket size, senders, categories), kept in the
 * workspace so every page and the next launch see the same period.
 */
export function FilterBar(props: { showBucket?: boolean; showDimensions?: boolean }) {
  const { t } = useI18n();
  const dims = useDimensions();
  const { filter, saved } = useMetricFilter();
  const save = useSaveFilters();
  const report = useReportError();
  const anchor = presetAnchor(dims.data?.lastDate, dims.data?.timeZone ?? DEFAULT_TIME_ZONE);
  const preset = shownPreset(saved, anchor);
  const set = (patch: Partial<SavedFilters>) => save.mutate(patch, { onError: report });
  const showDims = props.showDimensions ?? true;

  return (
    <div className="filter-bar" role="group" aria-label={t('dashboards.filters.title')}>
      <label className="filter-field">
        <span className="filter-label">{t('dashboards.filters.period')}</span>
        <select value={preset} onChange={(e) => set(presetPatch(e.target.value as PresetChoice, anchor, { ...saved, from: filter?.from ?? null, to: filter?.to ?? null }))}>
          {PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(`dashboards.filters.presets.${p}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      <label className="filter-field">
        <span className="filter-label">{t('dashboards.filters.from')}</span>
        <input
          type="date"
          value={filter?.from ?? dims.data?.firstDate ?? ''}
          max={filter?.to ?? undefined}
          onChange={(e) => e.target.value && set({ preset: 'custom', from: e.target.value, to: filter?.to ?? dims.data?.lastDate ?? null })}
        />
      </label>
      <label className="filter-field">
        <span className="filter-label">{t('dashboards.filters.to')}</span>
        <input
          type="date"
          value={filter?.to ?? dims.data?.lastDate ?? ''}
          min={filter?.from ?? undefined}
          onChange={(e) => e.target.value && set({ preset: 'custom', to: e.target.value, from: filter?.from ?? dims.data?.firstDate ?? null })}
        />
      </label>
      {props.showBucket ?? true ? (
        <div className="filter-field">
          <span className="filter-label" id="filter-by-label">{t('dashboards.filters.by')}</span>
          <div className="segmented" role="radiogroup" aria-labelledby="filter-by-label">
            {(['day', 'week', 'month'] as Bucketing[]).map((b) => (
              <button key={b} type="button" role="radio" aria-checked={saved.by === b} onClick={() => set({ by: b })}>
                {t(`dashboards.filters.buckets.${b}`)}
              </button>
            ))}
          </div>
        </div>
      ) : null}
      {showDims ? (
        <>
          <MultiPick
            label={t('dashboards.filters.senders')}
            allLabel={t('dashboards.filters.allSenders')}
            options={dims.data?.senders ?? []}
            selected={saved.senders}
            onChange={(senders) => set({ senders })}
          />
          <MultiPick
            label={t('dashboards.filters.categories')}
            allLabel={t('dashboards.filters.allCategories')}
            options={dims.data?.categories ?? []}
            selected={saved.categories}
            onChange={(categories) => set({ categories })}
          />
        </>
      ) : null}
    </div>
  );
}
