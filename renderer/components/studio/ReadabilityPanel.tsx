import type { Readability, ReadabilityIndicator } from '../../../shared/disclosures/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/types.ts';

const SHARES = new Set(['long-sentence-share', 'hard-word-share']);

/** Readability of both texts side by side, each indicator with its target band and the sentences that miss it. */
export function ReadabilityPanel(props: {
  ko: Readability | null;
  en: Readability | null;
  onSelect(lang: 'ko' | 'en', start: number, end: number): void;
}) {
  const { t } = useI18n();
  return (
    <section className="st-readability" aria-label={t('disclosures.readability.heading')}>
      <h2>{t('disclosures.readability.heading')}</h2>
      <div className="st-two">
        {(['ko', 'en'] as const).map((lang) => (
          <ReadabilityColumn key={lang} lang={lang} data={props[lang]} onSelect={(s, e) => props.onSelect(lang, s, e)} />
        ))}
      </div>
    </section>
  );
}

function ReadabilityColumn(props: { lang: 'ko' | 'en'; data: Readability | null; onSelect(start: number, end: number): void }) {
  const { t, formatNumber } = useI18n();
  const fmt = (id: string, v: number | undefined | null) =>
    v === null || v === undefined ? t('disclosures.readability.none') : SHARES.has(id) ? formatNumber(v, { style: 'percent', maximumFractionDigits: 0 }) : formatNumber(v, { maximumFractionDigits: 1 });
  const band = (ind: ReadabilityIndicator) => {
    const { min, max } = ind.target;
    if (min !== undefined && max !== undefined) return t('disclosures.readability.band.range', { min: fmt(ind.id, min), max: fmt(ind.id, max) });
    if (min !== undefined) return t('disclosures.readability.band.min', { min: fmt(ind.id, min) });
    if (max !== undefined) return t('disclosures.readability.band.max', { max: fmt(ind.id, max) });
    return '';
  };
  const data = props.data;
  return (
    <div className="st-read-col" data-testid={`readability-${props.lang}`} lang={props.lang}>
      <h3>{t(`disclosures.editor.${props.lang}`)}</h3>
      {data ? (
        <>
          <p className="muted">
            {t(props.lang === 'ko' ? 'disclosures.readability.sentencesKo' : 'disclosures.readability.sentences', {
              sentences: formatNumber(data.sentences),
              words: formatNumber(data.words),
            })}
          </p>
          <table className="st-read-table">
            <tbody>
              {data.indicators.map((ind) => {
                const key = `disclosures.readability.indicator.${ind.id}` as MessageKey;
                const name = t(key) === key ? ind.id : t(key);
                return (
                  <tr key={ind.id} data-indicator={ind.id} data-ok={ind.ok ? 'true' : 'false'}>
                    <th scope="row">{name}</th>
                    <td className="st-read-value">{fmt(ind.id, ind.value)}</td>
                    <td className="muted">{band(ind) ? t('disclosures.readability.target', { band: band(ind) }) : ''}</td>
                    <td>
                      <span className={`st-badge ${ind.ok ? 'st-good' : 'st-warn'}`}>{ind.ok ? t('disclosures.readability.ok') : t('disclosures.readability.off')}</span>
                      {!ind.ok && ind.sentences.length > 0 ? (
                        <details className="st-missed">
                          <summary>
                            {t('disclosures.readability.missed')} ({formatNumber(ind.sentences.length)})
                          </summary>
                          <ul>
                            {ind.sentences.map((s, i) => (
                              <li key={i}>
                                <button type="button" className="st-link" onClick={() => props.onSelect(s.start, s.end)}>
                                  {s.text}
                                </button>
                              </li>
                            ))}
                          </ul>
                        </details>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      ) : (
        <p className="muted">{t('disclosures.checks.unavailable')}</p>
      )}
    </div>
  );
}
