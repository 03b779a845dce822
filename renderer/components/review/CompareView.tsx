import { useState } from 'react';
import { LOCALES } from '../../../shared/disclosures/types.ts';
import type { VersionComparison, VersionSummary } from '../../../shared/review/types.ts';
import { useCompare } from '../../data/review-hooks.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useErrorText } from '../errors.tsx';
import { useRuleLabel } from '../studio/ChecksPanel.tsx';
import { DiffText, hasChange } from './DiffText.tsx';
import { VersionPicker } from './VersionPicker.tsx';

/**
 * The "asked again" flag: shown when the data-charge, how-to-refuse or refusal-consequence
 * sentences changed in substance, naming the elements and languages.
 */
export function AskAgainFlag(props: { comparison: VersionComparison }) {
  const { t } = useI18n();
  const label = useRuleLabel();
  if (!props.comparison.askAgain) return null;
  const items = props.comparison.askAgainElements.map((e) =>
    t('review.compare.askAgainItem', { element: label(e.id), language: t(`review.threads.locale.${e.locale}`) }),
  );
  return (
    <div className="rv-askagain" role="alert" data-testid="ask-again">
      <strong className="rv-askagain-title">
        <span aria-hidden="true">⚠ </span>
        {t('review.compare.askAgain')}
      </strong>
      <p>{t('review.compare.askAgainBody', { elements: items.join(', ') })}</p>
    </div>
  );
}

/** A comparison shown: the flag, the title, both texts side by side, the element summary and the findings. */
export function ComparisonBody(props: { comparison: VersionComparison }) {
  const { t } = useI18n();
  const label = useRuleLabel();
  const c = props.comparison;
  const changed = c.elements.filter((e) => e.change !== 'unchanged');
  const unchanged = c.elements.length - changed.length;
  return (
    <div className="rv-compare-body">
      <AskAgainFlag comparison={c} />
      {hasChange(c.title) ? (
        <section className="rv-diff-block">
          <h3>{t('review.compare.titleChanged')}</h3>
          <div className="rv-diff-pair">
            <DiffText parts={c.title} side="before" locale="" label={t('review.compare.before', { number: c.from })} />
            <DiffText parts={c.title} side="after" locale="" label={t('review.compare.after', { number: c.to })} />
          </div>
        </section>
      ) : null}
      {LOCALES.map((locale) => {
        const language = t(`review.threads.locale.${locale}`);
        return (
          <section key={locale} className="rv-diff-block" data-testid={`diff-${locale}`}>
            <h3>{t('review.compare.textHeading', { language })}</h3>
            {hasChange(c.text[locale]) ? (
              <div className="rv-diff-pair">
                <div>
                  <h4 className="rv-side">{t('review.compare.before', { number: c.from })}</h4>
                  <DiffText parts={c.text[locale]} side="before" locale={locale} label={`${language} — ${t('review.compare.before', { number: c.from })}`} />
                </div>
                <div>
                  <h4 className="rv-side">{t('review.compare.after', { number: c.to })}</h4>
                  <DiffText parts={c.text[locale]} side="after" locale={locale} label={`${language} — ${t('review.compare.after', { number: c.to })}`} />
                </div>
              </div>
            ) : (
              <p className="muted">{t('review.compare.noChange')}</p>
            )}
          </section>
        );
      })}
      <section className="rv-diff-block">
        <h3>{t('review.compare.elements')}</h3>
        {changed.length === 0 ? (
          <p className="muted">{t('review.compare.elementsNone')}</p>
        ) : (
          <div className="rv-table-wrap">
            <table className="rv-table" data-testid="element-changes">
              <thead>
                <tr>
                  {(['element', 'language', 'change', 'kind', 'before', 'after'] as const).map((k) => (
                    <th key={k} scope="col">
                      {t(`review.compare.elementColumns.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {changed.map((e) => (
                  <tr key={`${e.locale}:${e.id}`} data-element={e.id} data-change={e.change} data-substantive={e.substantive}>
                    <th scope="row">{label(e.id)}</th>
                    <td className="rv-nowrap">{t(`review.threads.locale.${e.locale}`)}</td>
                    <td className="rv-nowrap">{t(`review.compare.change.${e.change}`)}</td>
                    <td className="rv-nowrap">
                      <span className={`rv-chip ${e.substantive ? 'rv-substantive' : ''}`}>
                        {e.substantive ? t('review.compare.substantive') : t('review.compare.cosmetic')}
                      </span>
                    </td>
                    <td lang={e.locale}>{e.before || t('review.compare.empty')}</td>
                    <td lang={e.locale}>{e.after || t('review.compare.empty')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {unchanged > 0 ? <p className="muted rv-small">{t('review.compare.unchangedCount', { count: unchanged })}</p> : null}
      </section>
      <section className="rv-diff-block">
        <h3>{t('review.compare.findings')}</h3>
        {c.findings.length === 0 ? (
          <p className="muted">{t('review.compare.findingsNone')}</p>
        ) : (
          <ul className="rv-findings">
            {c.findings.map((f, i) => (
              <li key={`${f.locale}:${f.rule}:${i}`} data-change={f.change}>
                <span className={`rv-chip rv-finding-${f.change}`}>{t(`review.compare.${f.change}`)}</span>
                <span className="rv-chip">{t(`review.threads.locale.${f.locale}`)}</span>
                <span lang={f.locale}>{f.message}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** Compare: two versions chosen (default the one before the latest and the latest), compared by the backend. */
export function CompareView(props: { id: number; versions: readonly VersionSummary[] }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const numbers = props.versions.map((v) => v.number);
  const latest = numbers.at(-1) ?? null;
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const a = from ?? numbers.at(-2) ?? null;
  const b = to ?? latest;
  const comparison = useCompare(props.id, a, b);
  if (numbers.length < 2 || a === null || b === null) return <p className="muted">{t('review.compare.needTwo')}</p>;
  return (
    <div className="rv-compare" data-testid="review-compare">
      <div className="rv-toolbar">
        <VersionPicker label={t('review.compare.from')} versions={props.versions} value={a} onChange={setFrom} testId="compare-from" />
        <span aria-hidden="true">↔</span>
        <VersionPicker label={t('review.compare.to')} versions={props.versions} value={b} onChange={setTo} testId="compare-to" />
      </div>
      {a === b ? (
        <p className="muted">{t('review.compare.same')}</p>
      ) : comparison.isError ? (
        <p role="alert" className="st-error">
          {errorText(comparison.error).message}
        </p>
      ) : comparison.data ? (
        <ComparisonBody comparison={comparison.data} />
      ) : (
        <p className="muted" role="status">
          {t('review.compare.loading')}
        </p>
      )}
    </div>
  );
}
