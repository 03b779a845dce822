import type { EffectiveElement } from '../../../shared/disclosures/overrides.ts';
import type { RuleSet } from '../../../shared/disclosures/rules-schema.ts';
import type { CheckResult, Finding, Surface } from '../../../shared/disclosures/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/types.ts';
import { ChecklistItem, type ChecklistActions } from './ChecklistItem.tsx';
import type { EmphasisVerdict } from './use-emphasis-check.ts';

/** Label of a rule id in the app's language (falls back to the id). */
export function useRuleLabel() {
  const { t } = useI18n();
  return (rule: string, fallback?: string) => {
    const key = `disclosures.checks.rule.${rule}` as MessageKey;
    const label = t(key);
    return label === key ? (fallback ?? rule) : label;
  };
}

/**
 * The findings shown for a text: the engine's, except its markup-based emphasis guess, which the
 * rendered-preview measurement replaces.
 */
export function visibleFindings(result: CheckResult, emphasis: readonly EmphasisVerdict[], message: (v: EmphasisVerdict) => string, severity: Finding['severity']): Finding[] {
  const out = result.findings.filter((f) => f.rule !== 'emphasis');
  for (const v of emphasis) {
    if (!v.emphasised) out.push({ rule: 'emphasis', severity, message: message(v), start: v.start, end: v.end });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** An element the result has no verdict for (a rule set older than `elements`): missing unless satisfied. */
function fallbackEntry(result: CheckResult, id: string): EffectiveElement {
  const s = result.satisfied.find((x) => x.rule === id);
  const engine = s ? { id, present: true, start: s.start, end: s.end, text: '' } : { id, present: false, start: 0, end: 0, text: '' };
  return { id, engine, override: null, stale: false, present: engine.present, evidence: s ? { start: s.start, end: s.end, text: '' } : null };
}

/** The required-element checklist and the findings of one language's text. */
export function ChecksPanel(props: {
  lang: 'ko' | 'en';
  surface: Surface;
  rules: RuleSet;
  result: CheckResult;
  findings: Finding[];
  emphasis: readonly EmphasisVerdict[];
  /** Variable values, to show suggestions as they will read. */
  variables: Record<string, string>;
  /** The checks' verdicts merged with the reviewers' overrides (shared/disclosures/overrides.ts). */
  effective: EffectiveElement[];
  actions: ChecklistActions;
}) {
  const { t, formatNumber } = useI18n();
  const label = useRuleLabel();
  const required = props.rules.requirements.filter((r) => r.surfaces.includes(props.surface));
  const errors = props.findings.filter((f) => f.severity === 'error').length;
  const warnings = props.findings.filter((f) => f.severity === 'warning').length;
  return (
    <section className="st-checks" aria-label={`${t('disclosures.checks.heading')} — ${t(`disclosures.editor.${props.lang}`)}`} data-testid={`checks-${props.lang}`}>
      <h3>{t('disclosures.checks.checklist')}</h3>
      <ul className="st-checklist">
        {required.map((r) => {
          const entry = props.effective.find((e) => e.id === r.id) ?? fallbackEntry(props.result, r.id);
          return (
            <ChecklistItem
              key={r.id}
              lang={props.lang}
              id={r.id}
              label={label(r.id, r.label)}
              entry={entry}
              emphasis={props.emphasis.find((v) => v.rule === r.id)}
              suggestion={r.suggestion[props.surface] ?? r.suggestion['default'] ?? ''}
              variables={props.variables}
              actions={props.actions}
            />
          );
        })}
      </ul>
      <h3>
        {t('disclosures.checks.findings')}{' '}
        <span className="muted st-count">{t('disclosures.checks.counts', { errors: formatNumber(errors), warnings: formatNumber(warnings) })}</span>
      </h3>
      {props.findings.length === 0 ? (
        <p className="muted">{t('disclosures.checks.noFindings')}</p>
      ) : (
        <ul className="st-findings">
          {props.findings.map((f, i) => (
            <li key={`${f.rule}-${f.start}-${i}`} data-rule={f.rule} data-severity={f.severity}>
              <button type="button" className="st-finding" onClick={() => props.actions.onSelect(f.start, f.end)} title={t('disclosures.checks.select')}>
                <span className={`st-sev st-sev-${f.severity}`}>{t(`disclosures.checks.severity.${f.severity}`)}</span>
                <span className="st-finding-msg" lang={props.lang}>
                  {f.message}
                </span>
              </button>
              {f.suggestion && f.end > f.start ? (
                <div className="st-finding-suggestion muted" lang={props.lang}>
                  {t('disclosures.checks.suggestion', { text: f.suggestion })}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
