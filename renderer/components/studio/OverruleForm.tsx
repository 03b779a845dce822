import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { parseMarkdown } from '../../../shared/disclosures/markdown.ts';
import { OVERRIDE_LIMITS, shortQuote, type OverrideVerdict } from '../../../shared/disclosures/overrides.ts';
import { sourceRange, splitSentences, toPlainText } from '../../../shared/disclosures/plain-text.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useErrorText } from '../errors.tsx';

/** A range of the source text and the words it holds. */
export interface SourceQuote {
  start: number;
  end: number;
  quote: string;
}

/** What the reviewer decided, as the contract takes it (without disclosure and locale). */
export interface OverruleInput {
  verdict: OverrideVerdict;
  reason: string;
  reviewer: string;
  evidence?: SourceQuote;
}

/** The sentences of a Markdown text as source ranges (markup kept, so each is a slice of the text). */
export function sourceSentences(text: string): SourceQuote[] {
  const plain = toPlainText(parseMarkdown(text), {});
  return splitSentences(plain.text)
    .map((s) => sourceRange(plain, s.start, s.end))
    .map((r) => ({ ...r, quote: text.slice(r.start, r.end) }))
    .filter((r) => /[\p{L}\p{N}]/u.test(r.quote));
}

/**
 * The overrule form of one checklist item: for "present, here", the evidence (the editor's
 * selection, or a sentence of the text) is chosen; for "not sufficient", the checks' own evidence
 * is shown. A reason is required; the reviewer's name is asked for when Settings has none.
 */
export function OverruleForm(props: {
  lang: 'ko' | 'en';
  element: string;
  verdict: OverrideVerdict;
  text: string;
  /** The editor's selection when the form was opened (null when nothing was selected). */
  selection: SourceQuote | null;
  /** The checks' evidence (for "not sufficient"). */
  judged: string | null;
  reviewerName: string;
  onHighlight(range: { from: number; to: number } | null): void;
  onSubmit(input: OverruleInput): Promise<void>;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const sentences = useMemo(() => sourceSentences(props.text), [props.text]);
  // A selection longer than an override may quote cannot be the evidence: offer the sentences instead.
  const tooLong = props.selection !== null && props.selection.quote.length > OVERRIDE_LIMITS.quote;
  const choices = props.selection && !tooLong ? [props.selection, ...sentences] : sentences;
  const [choice, setChoice] = useState(0);
  const [reason, setReason] = useState('');
  const [reviewer, setReviewer] = useState(props.reviewerName);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const hintId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  // Opening the form moves focus into it (its first field), as a dialog would.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('select, textarea')?.focus();
  }, []);
  const evidence = props.verdict === 'present' ? choices[choice] : undefined;
  const ready = reason.trim() !== '' && reviewer.trim() !== '' && (props.verdict === 'insufficient' || evidence !== undefined);
  const title = t(props.verdict === 'present' ? 'disclosures.checks.overrule.titlePresent' : 'disclosures.checks.overrule.titleInsufficient', {
    element: props.element,
  });
  const show = (q: SourceQuote | undefined) => props.onHighlight(q ? { from: q.start, to: q.end } : null);

  return (
    <form
      ref={formRef}
      className="st-overrule"
      aria-label={title}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          props.onCancel();
        }
      }}
      data-testid="overrule-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!ready || pending) return;
        setPending(true);
        setError(null);
        try {
          await props.onSubmit({ verdict: props.verdict, reason: reason.trim(), reviewer: reviewer.trim(), ...(evidence ? { evidence } : {}) });
        } catch (err) {
          setError(errorText(err).message);
          setPending(false);
        }
      }}
    >
      <strong className="st-overrule-title">{title}</strong>
      {props.verdict === 'present' && tooLong ? (
        <p className="st-warn">{t('disclosures.checks.overrule.tooLong', { max: OVERRIDE_LIMITS.quote })}</p>
      ) : null}
      {props.verdict === 'present' ? (
        choices.length ? (
          <label className="st-field">
            <span>{t('disclosures.checks.overrule.evidence')}</span>
            <select
              value={choice}
              onChange={(e) => {
                setChoice(Number(e.target.value));
                show(choices[Number(e.target.value)]);
              }}
              onFocus={() => show(evidence)}
              lang={props.lang}
            >
              {choices.map((q, i) => (
                <option key={`${q.start}-${q.end}-${i}`} value={i}>
                  {props.selection && !tooLong && i === 0
                    ? t('disclosures.checks.overrule.selected', { quote: shortQuote(q.quote, 80) })
                    : t('disclosures.checks.overrule.sentence', { quote: shortQuote(q.quote, 80) })}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <p className="st-error">{t('disclosures.checks.overrule.noSentence')}</p>
        )
      ) : props.judged ? (
        <p className="muted st-overrule-judged" lang={props.lang}>
          {t('disclosures.checks.overrule.judged', { quote: shortQuote(props.judged) })}
        </p>
      ) : null}
      <label className="st-field">
        <span>{t(props.verdict === 'present' ? 'disclosures.checks.overrule.reasonPresent' : 'disclosures.checks.overrule.reasonInsufficient')}</span>
        <textarea value={reason} maxLength={OVERRIDE_LIMITS.reason} rows={2} required onChange={(e) => setReason(e.target.value)} />
      </label>
      <span className="st-count muted">{t('disclosures.checks.overrule.chars', { count: reason.length, max: OVERRIDE_LIMITS.reason })}</span>
      {props.reviewerName ? null : (
        <>
          <label className="st-field">
            <span>{t('disclosures.checks.overrule.reviewer')}</span>
            <input value={reviewer} maxLength={OVERRIDE_LIMITS.reviewer} required onChange={(e) => setReviewer(e.target.value)} aria-describedby={hintId} />
          </label>
          <span className="muted st-count" id={hintId}>
            {t('disclosures.checks.overrule.reviewerHint')}
          </span>
        </>
      )}
      {error ? (
        <p role="alert" className="st-error">
          {error}
        </p>
      ) : null}
      <div className="st-overrule-actions">
        <button type="submit" className="st-primary" disabled={!ready || pending}>
          {pending ? t('disclosures.checks.overrule.saving') : t('disclosures.checks.overrule.save')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('disclosures.checks.overrule.cancel')}
        </button>
      </div>
    </form>
  );
}
