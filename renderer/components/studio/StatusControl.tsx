import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Disclosure, DisclosureStatus } from '../../../shared/disclosures/types.ts';
import { STATUS_TRANSITIONS, needsActor } from '../../../shared/disclosures/status.ts';
import { dayLabel, dayStartUtc, localDay, parseDay } from '../../../shared/metrics/calendar.ts';
import { REVIEWER_STATUSES } from '../../../shared/review/session.ts';
import { REVIEW_LIMITS } from '../../../shared/review/types.ts';
import { useSetDisclosureStatus } from '../../data/disclosure-hooks.ts';
import { useWorkspace } from '../../data/app-hooks.ts';
import { useDuplicateDisclosure } from '../../data/review-hooks.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useErrorText } from '../errors.tsx';
import { useReviewer } from '../review/use-reviewer.ts';

/** The statuses a disclosure may not reach while a required element is missing. */
const GATED: readonly DisclosureStatus[] = ['approved', 'published'];

/** One step of the workflow as the buttons and forms name it. */
type Step = 'submit' | 'resubmit' | 'withdraw' | 'backToDraft' | 'approve' | 'requestChanges' | 'publish' | 'retire';

/** The step that moves `from` to `to`. */
function stepFor(from: DisclosureStatus, to: DisclosureStatus): Step {
  if (to === 'in-review') return from === 'changes-requested' ? 'resubmit' : 'submit';
  if (to === 'draft') return from === 'in-review' ? 'withdraw' : 'backToDraft';
  if (to === 'approved') return 'approve';
  if (to === 'changes-requested') return 'requestChanges';
  if (to === 'published') return 'publish';
  return 'retire';
}

/** A status badge. */
export function StatusBadge(props: { status: DisclosureStatus }) {
  const { t } = useI18n();
  return (
    <span className={`st-status st-status-${props.status}`} data-status={props.status}>
      {t(`disclosures.status.${props.status}`)}
    </span>
  );
}

/**
 * The confirm form of one step: the person's name when Settings has none (saved there), a reason
 * for changes requested, the effective day when publishing (default today in the workspace's time
 * zone). Errors are worded in the user's language.
 */
function StepForm(props: {
  id: number;
  from: DisclosureStatus;
  to: DisclosureStatus;
  beforeChange(): Promise<void>;
  onDone(next: Disclosure): void;
  onCancel(): void;
}) {
  const { t, timeZone } = useI18n();
  const errorText = useErrorText();
  const reviewer = useReviewer();
  const setStatus = useSetDisclosureStatus();
  const step = stepFor(props.from, props.to);
  const today = dayLabel(localDay(Date.now(), timeZone));
  const [name, setName] = useState(reviewer.name);
  const [reason, setReason] = useState('');
  const [effective, setEffective] = useState(today);
  const [error, setError] = useState<string | null>(null);
  const ids = { hint: useId(), name: useId(), nameInput: useId(), reason: useId(), reasonInput: useId(), date: useId(), dateInput: useId() };
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input, textarea, button[type="submit"]')?.focus();
  }, []);
  const askName = reviewer.name === '' && needsActor(props.to);
  const actor = (reviewer.name || name).trim();
  const nameMissing = needsActor(props.to) && actor === '';
  const reasonMissing = props.to === 'changes-requested' && reason.trim() === '';
  const dateMissing = props.to === 'published' && !/^\d{4}-\d{2}-\d{2}$/.test(effective);
  const ready = !nameMissing && !reasonMissing && !dateMissing;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!ready || setStatus.isPending) return;
    setError(null);
    try {
      await props.beforeChange();
      // Publishing "today" takes effect now; another day, from the start of that day in the workspace's zone.
      const effectiveAt = props.to === 'published' && effective !== today ? dayStartUtc(parseDay(effective), timeZone) : undefined;
      const next = await setStatus.mutateAsync({
        id: props.id,
        status: props.to,
        actor,
        ...(props.to === 'changes-requested' ? { note: reason.trim() } : {}),
        ...(effectiveAt !== undefined ? { effectiveAt } : {}),
      });
      if (askName) reviewer.remember(actor);
      props.onDone(next);
    } catch (err) {
      setError(errorText(err).message);
    }
  };

  return (
    <form
      ref={formRef}
      className="st-status-form"
      data-testid="status-form"
      data-step={step}
      aria-label={t(`review.workflow.confirm.${step}`)}
      aria-describedby={ids.hint}
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          props.onCancel();
        }
      }}
    >
      <strong>{t(`review.workflow.confirm.${step}`)}</strong>
      <p className="muted st-status-hint" id={ids.hint}>
        {t(`review.workflow.hint.${step}`)}
      </p>
      {askName ? (
        <div className="st-field">
          <label htmlFor={ids.nameInput}>{t('review.workflow.name')}</label>
          <input
            id={ids.nameInput}
            value={name}
            maxLength={REVIEW_LIMITS.name}
            required
            autoComplete="name"
            onChange={(e) => setName(e.target.value)}
            aria-describedby={ids.name}
          />
          <span className="muted st-count" id={ids.name}>
            {nameMissing ? t('review.workflow.nameRequired') : t('review.workflow.nameHint')}
          </span>
        </div>
      ) : null}
      {props.to === 'changes-requested' ? (
        <div className="st-field">
          <label htmlFor={ids.reasonInput}>{t('review.workflow.reason')}</label>
          <textarea
            id={ids.reasonInput}
            value={reason}
            rows={3}
            maxLength={REVIEW_LIMITS.reason}
            required
            onChange={(e) => setReason(e.target.value)}
            aria-describedby={ids.reason}
          />
          <span className="muted st-count" id={ids.reason}>
            {reasonMissing ? t('review.workflow.reasonRequired') : t('review.workflow.reasonHint')}
          </span>
        </div>
      ) : null}
      {props.to === 'published' ? (
        <div className="st-field">
          <label htmlFor={ids.dateInput}>{t('review.workflow.effective')}</label>
          <input id={ids.dateInput} type="date" value={effective} required onChange={(e) => setEffective(e.target.value)} aria-describedby={ids.date} />
          <span className="muted st-count" id={ids.date}>
            {t('review.workflow.effectiveHint', { zone: timeZone })}
          </span>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="st-error">
          {error}
        </p>
      ) : null}
      <div className="st-overrule-actions">
        <button type="submit" className="st-primary" disabled={!ready || setStatus.isPending}>
          {setStatus.isPending ? t('review.workflow.working') : t(`review.workflow.confirm.${step}`)}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('review.workflow.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * The status of the open disclosure and the steps the workflow allows from it, each behind a small
 * confirm form; approved and published texts offer a new draft made from them instead of editing.
 */
export function StatusControl(props: {
  id: number;
  status: DisclosureStatus;
  beforeChange(): Promise<void>;
  onChanged(next: DisclosureStatus): void;
  /** Opens another disclosure in the studio (the new draft started from this one). */
  onOpen(next: Disclosure): void;
  /** Required elements missing (both languages, overrides applied): approving and publishing wait. */
  missing?: number;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const reviewer = useReviewer();
  const duplicate = useDuplicateDisclosure();
  const [to, setTo] = useState<DisclosureStatus | null>(null);
  const missing = props.missing ?? 0;
  // In a review file's session only the reviewer's decisions are offered (the backend refuses the rest).
  const inReviewFile = Boolean(useWorkspace().data?.reviewFile);
  const steps = STATUS_TRANSITIONS[props.status].filter((s) => !inReviewFile || REVIEWER_STATUSES.includes(s));
  const locked = !inReviewFile && (props.status === 'approved' || props.status === 'published');
  return (
    <>
      <div className="st-field st-status-field" role="group" aria-label={t('disclosures.status.label')}>
        <span>{t('disclosures.status.label')}</span>
        <StatusBadge status={props.status} />
        {steps.length ? (
          <span className="st-steps" role="group" aria-label={t('review.workflow.actions')}>
            {steps.map((s) => (
              <button
                key={s}
                type="button"
                data-to={s}
                aria-expanded={to === s}
                className={s === 'retired' ? 'st-step st-step-quiet' : 'st-step'}
                disabled={!reviewer.ready || (GATED.includes(s) && missing > 0)}
                onClick={() => setTo(to === s ? null : s)}
              >
                {t(`review.workflow.action.${stepFor(props.status, s)}`)}
              </button>
            ))}
          </span>
        ) : null}
        {locked ? (
          <button
            type="button"
            className="st-step"
            data-testid="new-draft"
            title={t('review.workflow.newDraftHint')}
            disabled={!reviewer.ready || duplicate.isPending}
            onClick={async () => {
              try {
                await props.beforeChange();
                props.onOpen(await duplicate.mutateAsync({ id: props.id, actor: reviewer.name }));
              } catch {
                // Kept by the mutation and shown below.
              }
            }}
          >
            {duplicate.isPending ? t('review.workflow.newDraftWorking') : t('review.workflow.newDraft')}
          </button>
        ) : null}
        {missing > 0 && props.status !== 'published' && props.status !== 'retired' ? (
          <span className="st-gate muted" data-testid="status-gate">
            {t('disclosures.checks.gate', { count: missing })}
          </span>
        ) : null}
        {duplicate.isError ? (
          <span role="alert" className="st-error">
            {errorText(duplicate.error).message}
          </span>
        ) : null}
      </div>
      {to ? (
        <div className="st-status-row">
          <StepForm
            key={to}
            id={props.id}
            from={props.status}
            to={to}
            beforeChange={props.beforeChange}
            onCancel={() => setTo(null)}
            onDone={(next) => {
              setTo(null);
              props.onChanged(next.status);
            }}
          />
        </div>
      ) : null}
    </>
  );
}
