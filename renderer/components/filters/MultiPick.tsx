import { useEffect, useRef, useState } from 'react';
import type { KeyCount } from '../../../shared/metrics/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** Props of a multi-select filter list (senders, categories). */
export interface MultiPickProps {
  label: string;
  allLabel: string;
  options: readonly KeyCount[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
}

/**
 * A pop-up list of checkboxes. It closes on Escape (focus back on its button), on a click or a
 * focus move outside it (focus stays where the user put it), and when another list opens.
 */
export function MultiPick(props: MultiPickProps) {
  const { t, formatNumber } = useI18n();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDetailsElement>(null);
  const summaryRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    const outside = (event: Event) => {
      if (root.current && event.target instanceof Node && !root.current.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside, true);
    document.addEventListener('focusin', outside, true);
    return () => {
      document.removeEventListener('pointerdown', outside, true);
      document.removeEventListener('focusin', outside, true);
    };
  }, [open]);

  const chosen = new Set(props.selected);
  const shown = props.options.filter((o) => o.key.toLowerCase().includes(query.trim().toLowerCase()));
  const summary = props.selected.length === 0 ? props.allLabel : props.selected.length === 1 ? props.selected[0]! : t('dashboards.filters.nSelected', { n: props.selected.length });
  return (
    <details
      ref={root}
      className="filter-pick"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return;
        e.preventDefault();
        e.stopPropagation();
        setOpen(false);
        summaryRef.current?.focus();
      }}
    >
      <summary ref={summaryRef} aria-expanded={open}>
        <span className="filter-label">{props.label}</span>
        <span className="filter-value">{summary}</span>
      </summary>
      <div className="filter-pop">
        {props.options.length > 8 ? (
          <input type="search" placeholder={t('dashboards.filters.search')} aria-label={t('dashboards.filters.searchIn', { label: props.label })} value={query} onChange={(e) => setQuery(e.target.value)} />
        ) : null}
        <fieldset>
          <legend className="visually-hidden">{props.label}</legend>
          {shown.length === 0 ? <p className="muted">{t('dashboards.filters.noOptions')}</p> : null}
          {shown.map((o) => (
            <label key={o.key} className="filter-option">
              <input
                type="checkbox"
                checked={chosen.has(o.key)}
                onChange={(e) => props.onChange(e.target.checked ? [...props.selected, o.key] : props.selected.filter((k) => k !== o.key))}
              />
              <span className="filter-option-key">{o.key}</span>
              <span className="muted">{formatNumber(o.count)}</span>
            </label>
          ))}
        </fieldset>
        {props.selected.length ? (
          <button type="button" className="chart-btn" onClick={() => props.onChange([])}>
            {t('dashboards.filters.clear')}
          </button>
        ) : null}
      </div>
    </details>
  );
}
