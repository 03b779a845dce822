import { useId, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { DEFAULT_TIME_ZONE } from '../../shared/time-zone.ts';

let zoneCache: string[] | null = null;
let offsetCache: Map<string, string> | null = null;

/** Each zone's current UTC offset label, computed once per session. */
function zoneOffsets(): Map<string, string> {
  if (!offsetCache) offsetCache = new Map(allTimeZones().map((z) => [z, utcOffsetLabel(z)]));
  return offsetCache;
}

/** Every IANA time zone this runtime knows (plus UTC), sorted. */
export function allTimeZones(): string[] {
  if (!zoneCache) {
    const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [DEFAULT_TIME_ZONE];
    zoneCache = [...new Set(['UTC', ...zones])].sort();
  }
  return zoneCache;
}

/** `UTC+09:00` for a zone at a given instant. */
export function utcOffsetLabel(zone: string, at = new Date()): string {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName');
    const value = part?.value ?? 'GMT';
    return value === 'GMT' ? 'UTC+00:00' : value.replace('GMT', 'UTC');
  } catch {
    return '';
  }
}

/**
 * A searchable time-zone picker: a search field filtering a list box of
 * `Intl.supportedValuesOf('timeZone')`, and an Apply button that commits the choice.
 */
export function TimeZoneSelect(props: {
  label: string;
  hint?: string;
  value: string;
  onApply: (zone: string) => void;
  disabled?: boolean;
  busy?: boolean;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const [query, setQuery] = useState('');
  const [pending, setPending] = useState<string | null>(null);
  const selected = pending ?? props.value;
  const zones = allTimeZones();
  const offsets = zoneOffsets();
  const needle = query.trim().toLowerCase().replace(/\s+/g, '_');
  const shown = needle
    ? zones.filter((z) => z.toLowerCase().includes(needle) || (offsets.get(z) ?? '').toLowerCase().includes(needle))
    : zones;
  const options = shown.includes(selected) || !zones.includes(selected) ? shown : [selected, ...shown];
  const now = new Intl.DateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-US', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: selected,
  }).format(new Date());

  return (
    <div className="tz-select" role="group" aria-labelledby={`${id}-label`}>
      <p className="field-label" id={`${id}-label`}>
        {props.label}
      </p>
      {props.hint ? <p className="field-hint">{props.hint}</p> : null}
      <div className="tz-row">
        <div className="tz-pick">
          <label className="visually-hidden" htmlFor={`${id}-search`}>
            {t('common.settings.searchZones')}
          </label>
          <input
            id={`${id}-search`}
            className="input"
            type="search"
            placeholder={t('common.settings.searchZones')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            disabled={props.disabled}
            autoComplete="off"
          />
          <label className="visually-hidden" htmlFor={`${id}-list`}>
            {props.label}
          </label>
          <select
            id={`${id}-list`}
            className="select select-list"
            size={6}
            value={options.includes(selected) ? selected : ''}
            onChange={(e) => setPending(e.target.value)}
            disabled={props.disabled}
          >
            {options.map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, ' ')} ({offsets.get(z)})
              </option>
            ))}
          </select>
          <p className="field-hint" aria-live="polite">
            {shown.length === 0
              ? t('common.settings.noZoneMatch', { query })
              : t('common.settings.zoneCount', { count: shown.length })}
          </p>
        </div>
        <div className="tz-side">
          <p className="tz-current">
            <strong>{selected}</strong>
            <span className="muted">{offsets.get(selected) ?? ''}</span>
          </p>
          <p className="field-hint">{t('common.settings.nowIn', { time: now })}</p>
          <button
            type="button"
            className="btn btn-primary"
            disabled={props.disabled || props.busy || selected === props.value}
            onClick={() => props.onApply(selected)}
          >
            {t('common.settings.apply')}
          </button>
        </div>
      </div>
    </div>
  );
}
