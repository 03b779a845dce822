import { useState, type FormEvent } from 'react';
import { formatPercent } from '../../../shared/charts/axis.ts';
import type { Marker, MetricFilter } from '../../../shared/metrics/types.ts';
import { useEditMarkers, useMarkerAround } from '../../data/metrics-hooks.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useErrorText } from '../errors.tsx';

/** Signed rate points: +1.2 pp / −0.4 pp. */
function formatPoints(diff: number | null, locale: string): string {
  if (diff === null) return '—';
  const pp = diff * 100;
  const text = new Intl.NumberFormat(locale === 'ko' ? 'ko-KR' : 'en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1, signDisplay: 'exceptZero' }).format(pp);
  return `${text} pp`;
}

/**
 * The markers of a time chart: one button per marker (selecting it shows the opt-out rate and notice
 * coverage in the N days before and after, with the difference; N editable), and a form to add one.
 */
export function MarkerPanel(props: {
  markers: readonly Marker[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  filter: Pick<MetricFilter, 'senders' | 'categories'> | null;
}) {
  const { t, locale, formatNumber } = useI18n();
  const errorMessage = useErrorText();
  const [days, setDays] = useState(30);
  const [adding, setAdding] = useState(false);
  const [date, setDate] = useState('');
  const [label, setLabel] = useState('');
  const { add, remove } = useEditMarkers();
  const selected = props.markers.find((m) => m.id === props.selectedId) ?? null;
  const around = useMarkerAround(selected?.date ?? null, days, props.filter);
  const tag = locale === 'ko' ? 'ko-KR' : 'en-US';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!date || !label.trim()) return;
    add.mutate(
      { date, label: label.trim() },
      {
        onSuccess: () => {
          setDate('');
          setLabel('');
          setAdding(false);
        },
      },
    );
  };

  return (
    <div className="marker-panel">
      <div className="marker-list" role="group" aria-label={t('dashboards.markers.title')}>
        <span className="marker-list-title">{t('dashboards.markers.title')}</span>
        {props.markers.length === 0 ? <span className="muted">{t('dashboards.markers.none')}</span> : null}
        {props.markers.map((m) => (
          <span key={m.id} className={`marker-chip marker-${m.kind}`}>
            <button type="button" aria-pressed={m.id === props.selectedId} onClick={() => props.onSelect(m.id === props.selectedId ? null : m.id)}>
              <span className="marker-date">{m.date}</span> {m.label}
              <span className="visually-hidden"> ({t(m.kind === 'disclosure' ? 'dashboards.markers.kindDisclosure' : 'dashboards.markers.kindUser')})</span>
            </button>
            {m.kind === 'user' ? (
              <button type="button" className="marker-remove" aria-label={t('dashboards.markers.remove', { label: m.label })} onClick={() => remove.mutate(m.id)}>
                ×
              </button>
            ) : null}
          </span>
        ))}
        <button type="button" className="chart-btn" aria-expanded={adding} onClick={() => setAdding((v) => !v)}>
          {t('dashboards.markers.add')}
        </button>
      </div>
      {adding ? (
        <form className="marker-form" onSubmit={submit}>
          <label>
            {t('dashboards.markers.date')}
            <input type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
          </label>
          <label>
            {t('dashboards.markers.label')}
            <input type="text" required maxLength={200} value={label} onChange={(e) => setLabel(e.target.value)} placeholder={t('dashboards.markers.labelPlaceholder')} />
          </label>
          <button type="submit" className="chart-btn chart-btn-primary" disabled={add.isPending}>
            {t('dashboards.markers.save')}
          </button>
          {add.error ? <span role="alert" className="chart-export-error">{errorMessage(add.error).message}</span> : null}
        </form>
      ) : null}
      {selected ? (
        <div className="marker-around" aria-live="polite">
          <div className="marker-around-head">
            <strong>{t('dashboards.markers.aroundTitle', { label: selected.label, date: selected.date })}</strong>
            <label>
              {t('dashboards.markers.days')}
              <input type="number" min={1} max={3660} value={days} onChange={(e) => setDays(Math.max(1, Math.min(3660, Number(e.target.value) || 1)))} />
            </label>
          </div>
          {around.isPending ? <p role="status">{t('dashboards.state.loading')}</p> : null}
          {around.error ? <p role="alert">{errorMessage(around.error).message}</p> : null}
          {around.data ? (
            <table className="chart-table marker-around-table">
              <caption className="visually-hidden">{t('dashboards.markers.aroundTitle', { label: selected.label, date: selected.date })}</caption>
              <thead>
                <tr>
                  <th scope="col" />
                  <th scope="col" className="num">{t('dashboards.markers.before', { from: around.data.before.from, to: around.data.before.to })}</th>
                  <th scope="col" className="num">{t('dashboards.markers.after', { from: around.data.after.from, to: around.data.after.to })}</th>
                  <th scope="col" className="num">{t('dashboards.markers.difference')}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{t('dashboards.kpi.optOutRate')}</th>
                  <td className="num">{formatPercent(around.data.before.rate, tag)} <span className="muted">({formatNumber(around.data.before.optedOut)}/{formatNumber(around.data.before.reached)})</span></td>
                  <td className="num">{formatPercent(around.data.after.rate, tag)} <span className="muted">({formatNumber(around.data.after.optedOut)}/{formatNumber(around.data.after.reached)})</span></td>
                  <td className="num">{formatPoints(around.data.difference.rate, locale)}</td>
                </tr>
                <tr>
                  <th scope="row">{t('dashboards.kpi.coverage')}</th>
                  <td className="num">{formatPercent(around.data.before.coverage, tag)} <span className="muted">({formatNumber(around.data.before.covered)}/{formatNumber(around.data.before.pairs)})</span></td>
                  <td className="num">{formatPercent(around.data.after.coverage, tag)} <span className="muted">({formatNumber(around.data.after.covered)}/{formatNumber(around.data.after.pairs)})</span></td>
                  <td className="num">{formatPoints(around.data.difference.coverage, locale)}</td>
                </tr>
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
