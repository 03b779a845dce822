import { useState, type FocusEvent } from 'react';
import { parseMarkdown } from '../../../shared/disclosures/markdown.ts';
import { shortQuote, type CheckOverride, type EffectiveElement, type OverrideVerdict } from '../../../shared/disclosures/overrides.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { MarkdownView } from '../previews/MarkdownView.tsx';
import { useErrorText } from '../errors.tsx';
import { OverruleForm, type OverruleInput, type SourceQuote } from './OverruleForm.tsx';
import type { EmphasisVerdict } from './use-emphasis-check.ts';

/** What a checklist item can do with the editor and the stored overrides. */
export interface ChecklistActions {
  /** True while the disclosure is open to review (draft, in review). */
  canOverrule: boolean;
  reviewerName: string;
  text: string;
  onSelect(start: number, end: number): void;
  onInsert(text: string): void;
  onHighlight(range: { from: number; to: number } | null): void;
  /** The editor's selection now (null when nothing is selected). */
  selection(): SourceQuote | null;
  onOverrule(element: string, input: OverruleInput): Promise<void>;
  onWithdraw(override: CheckOverride, reviewer: string): Promise<void>;
}

/**
 * One required element of the checklist: the verdict that counts, the sentence that satisfied it
 * (highlighted in the editor while the item is hovered or focused), the reviewer's override if
 * any — with the checks' own verdict beside it — and the way to overrule or withdraw.
 */
export function ChecklistItem(props: {
  lang: 'ko' | 'en';
  id: string;
  label: string;
  entry: EffectiveElement;
  emphasis: EmphasisVerdict | undefined;
  suggestion: string;
  variables: Record<string, string>;
  actions: ChecklistActions;
}) {
  const { t, formatDateTime } = useI18n();
  const errorText = useErrorText();
  const { entry, actions } = props;
  const [form, setForm] = useState<{ verdict: OverrideVerdict; selection: SourceQuote | null } | null>(null);
  const [withdrawName, setWithdrawName] = useState<string | null>(null);
  const [withdrawError, setWithdrawError] = useState<string | null>(null);
  const override = entry.override;
  const ruling = override && !entry.stale ? override : null;
  const evidence = entry.evidence;
  const highlight = () => actions.onHighlight(evidence ? { from: evidence.start, to: evidence.end } : null);
  const clear = () => actions.onHighlight(null);
  const leave = (e: FocusEvent<HTMLLIElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) clear();
  };
  const verdictWord = (present: boolean) => (present ? t('disclosures.checks.present') : t('disclosures.checks.missing'));
  const withdraw = async (name: string) => {
    if (!override) return;
    setWithdrawError(null);
    try {
      await actions.onWithdraw(override, name);
      setWithdrawName(null);
    } catch (err) {
      setWithdrawError(errorText(err).message);
    }
  };

  return (
    <li
      data-rule={props.id}
      data-state={entry.present ? 'present' : 'missing'}
      data-engine={entry.engine.present ? 'present' : 'missing'}
      {...(override ? { 'data-override': override.verdict, 'data-stale': String(entry.stale) } : {})}
      className={ruling ? 'st-ruled' : undefined}
      onMouseEnter={highlight}
      onMouseLeave={clear}
      onFocus={highlight}
      onBlur={leave}
    >
      <span
        className={`st-mark ${entry.present ? 'st-good' : 'st-bad'}${ruling ? ' st-mark-ruled' : ''}`}
        aria-label={`${verdictWord(entry.present)}${ruling ? ` (${t('disclosures.checks.overrule.mark')})` : ''}`}
      >
        {entry.present ? '✓' : '✗'}
      </span>
      <div className="st-check-body">
        {evidence ? (
          <button type="button" className="st-link" onClick={() => actions.onSelect(evidence.start, evidence.end)} title={t('disclosures.checks.evidenceShow')}>
            {props.label}
          </button>
        ) : (
          <strong>{props.label}</strong>
        )}
        {props.emphasis && entry.engine.present ? (
          <span className={`st-emph ${props.emphasis.emphasised ? 'st-good' : 'st-warn'}`}>
            {props.emphasis.emphasised ? t('disclosures.checks.emphasisOk') : t('disclosures.checks.emphasis')}
          </span>
        ) : null}
        {evidence ? (
          <q className="st-evidence" lang={props.lang} data-testid="evidence">
            {shortQuote(evidence.text)}
          </q>
        ) : null}
        {override ? (
          <div className={`st-override${entry.stale ? ' st-override-stale' : ''}`} data-testid="override">
            <span className="st-override-badge">⚖ {t('disclosures.checks.overrule.mark')}</span>
            <span lang={override.locale === props.lang ? props.lang : undefined}>
              {t('disclosures.checks.overrule.by', { name: override.reviewer, reason: override.reason })}
            </span>
            <span className="muted st-override-meta">
              {t(override.verdict === 'present' ? 'disclosures.checks.overrule.ruledPresent' : 'disclosures.checks.overrule.ruledInsufficient')}
              {' · '}
              {t('disclosures.checks.overrule.engine', { verdict: verdictWord(entry.engine.present) })}
              {' · '}
              {t('disclosures.checks.overrule.when', { time: formatDateTime(override.createdAt), version: override.version })}
            </span>
            {entry.stale ? (
              <span className="st-warn" role="note">
                {t('disclosures.checks.overrule.stale')}
              </span>
            ) : null}
            {actions.canOverrule ? (
              withdrawName === null ? (
                <button
                  type="button"
                  className="st-small"
                  onClick={() => (actions.reviewerName ? void withdraw(actions.reviewerName) : setWithdrawName(''))}
                >
                  {t('disclosures.checks.overrule.withdraw')}
                </button>
              ) : (
                <form
                  className="st-withdraw"
                  onSubmit={(e) => {
                    e.preventDefault();
                    if (withdrawName.trim()) void withdraw(withdrawName.trim());
                  }}
                >
                  <label className="st-field">
                    <span>{t('disclosures.checks.overrule.withdrawConfirm')}</span>
                    <input value={withdrawName} maxLength={100} required onChange={(e) => setWithdrawName(e.target.value)} />
                  </label>
                  <button type="submit" className="st-small" disabled={!withdrawName.trim()}>
                    {t('disclosures.checks.overrule.withdraw')}
                  </button>
                </form>
              )
            ) : null}
            {withdrawError ? (
              <span role="alert" className="st-error">
                {withdrawError}
              </span>
            ) : null}
          </div>
        ) : null}
        {!entry.present ? (
          <div className="st-suggest">
            <div lang={props.lang} className="st-suggest-text">
              <MarkdownView doc={parseMarkdown(props.suggestion)} variables={props.variables} linkTitle="" />
            </div>
            <button type="button" onClick={() => actions.onInsert(props.suggestion)}>
              {t('disclosures.checks.insert')}
            </button>
          </div>
        ) : null}
        {actions.canOverrule && !ruling && !form ? (
          <button
            type="button"
            className="st-small st-overrule-open"
            onClick={() => setForm({ verdict: entry.engine.present ? 'insufficient' : 'present', selection: actions.selection() })}
          >
            {entry.engine.present ? t('disclosures.checks.overrule.insufficient') : t('disclosures.checks.overrule.present')}
          </button>
        ) : null}
        {form ? (
          <OverruleForm
            lang={props.lang}
            element={props.label}
            verdict={form.verdict}
            text={actions.text}
            selection={form.selection}
            judged={entry.engine.present ? entry.engine.text : null}
            reviewerName={actions.reviewerName}
            onHighlight={actions.onHighlight}
            onSubmit={async (input) => {
              await actions.onOverrule(props.id, input);
              setForm(null);
            }}
            onCancel={() => {
              setForm(null);
              clear();
            }}
          />
        ) : null}
      </div>
    </li>
  );
}
