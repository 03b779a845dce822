import { metricDefinitions, type DefinitionId } from '../../../shared/metrics/definitions.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** The "how is this computed" disclosure beside a figure: each definition's title and text. */
export function DefinitionPanel(props: { ids: readonly DefinitionId[]; extra?: string }) {
  const { t, locale } = useI18n();
  if (props.ids.length === 0 && !props.extra) return null;
  return (
    <details className="chart-definition">
      <summary>{t('dashboards.chart.howComputed')}</summary>
      <dl>
        {props.ids.map((id) => (
          <div key={id}>
            <dt>{metricDefinitions[id].title[locale]}</dt>
            <dd>{metricDefinitions[id].text[locale]}</dd>
          </div>
        ))}
      </dl>
      {props.extra ? <p className="chart-definition-extra">{props.extra}</p> : null}
    </details>
  );
}
