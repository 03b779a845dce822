import type { DefinitionId } from '../../../shared/metrics/definitions.ts';
import { metricDefinitions } from '../../../shared/metrics/definitions.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import './kpi.css';

export interface KpiCardProps {
  label: string;
  value: string;
  /** The change against the previous period, already formatted ("+12.5%", "+0.4 pp"); null = no comparison. */
  change: string | null;
  /** Direction of the change and whether up is good (a rising opt-out rate is not). */
  direction: 'up' | 'down' | 'flat' | null;
  upIsGood: boolean | null;
  previous: string | null;
  href: string;
  linkLabel: string;
  definition: DefinitionId;
}

/** One KPI: the figure for the period, its trend against the previous period and a link to its page. */
export function KpiCard(props: KpiCardProps) {
  const { t, locale } = useI18n();
  const tone =
    props.direction === null || props.direction === 'flat' || props.upIsGood === null
      ? 'neutral'
      : (props.direction === 'up') === props.upIsGood
        ? 'good'
        : 'bad';
  const arrow = props.direction === 'up' ? '▲' : props.direction === 'down' ? '▼' : props.direction === 'flat' ? '■' : '';
  const def = metricDefinitions[props.definition];
  return (
    <article className="kpi-card">
      <h3 className="kpi-label">{props.label}</h3>
      <p className="kpi-value">{props.value}</p>
      <p className={`kpi-trend kpi-${tone}`}>
        {props.change === null ? (
          <span className="muted">{t('dashboards.kpi.noPrevious')}</span>
        ) : (
          <>
            <span aria-hidden="true">{arrow} </span>
            {t('dashboards.kpi.vsPrevious', { change: props.change, previous: props.previous ?? '—' })}
          </>
        )}
      </p>
      <div className="kpi-foot">
        <details className="kpi-definition">
          <summary>{t('dashboards.chart.howComputed')}</summary>
          <p>{def.text[locale]}</p>
        </details>
        <a href={props.href} className="kpi-link">
          {props.linkLabel} →
        </a>
      </div>
    </article>
  );
}
