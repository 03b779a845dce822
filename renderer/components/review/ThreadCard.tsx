import { useState, type FormEvent } from 'react';
import { REVIEW_LIMITS, type PlacedThread, type ReviewComment } from '../../../shared/review/types.ts';
import { useDeleteComment, useEditComment, useReply, useSetThreadStatus } from '../../data/review-hooks.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useErrorText } from '../errors.tsx';

/** A small form with one text area: a reply, or an edit of one's own comment. */
function BodyForm(props: { label: string; submit: string; initial?: string; onSubmit(body: string): Promise<unknown>; onCancel(): void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [body, setBody] = useState(props.initial ?? '');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim() || pending) return;
    setPending(true);
    setError(null);
    try {
      await props.onSubmit(body.trim());
    } catch (err) {
      setError(errorText(err).message);
      setPending(false);
    }
  };
  return (
    <form className="rv-form" onSubmit={(e) => void submit(e)}>
      <label className="st-field">
        <span>{props.label}</span>
        <textarea value={body} rows={2} maxLength={REVIEW_LIMITS.body} required autoFocus onChange={(e) => setBody(e.target.value)} />
      </label>
      {error ? (
        <p role="alert" className="st-error">
          {error}
        </p>
      ) : null}
      <div className="rv-actions">
        <button type="submit" className="rv-primary" disabled={!body.trim() || pending}>
          {pending ? t('review.threads.saving') : props.submit}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('review.threads.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * One comment thread: the quoted words, where they sit in the version shown, the comments and
 * replies (each author may edit or delete their own), a reply form and resolve / reopen. Hovering
 * or focusing it highlights its words in the text.
 */
export function ThreadCard(props: {
  thread: PlacedThread;
  /** Settings' name: what the actions are recorded with (empty: they wait for a name). */
  author: string;
  active: boolean;
  onActivate(id: string | null): void;
}) {
  const { t, formatDateTime } = useI18n();
  const errorText = useErrorText();
  const th = props.thread;
  const reply = useReply();
  const edit = useEditComment();
  const remove = useDeleteComment();
  const status = useSetThreadStatus();
  const [replying, setReplying] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const can = props.author !== '';
  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(errorText(err).message);
    }
  };
  const deleteOne = (c: ReviewComment, first: boolean) => {
    if (!window.confirm(t(first ? 'review.threads.confirmDeleteThread' : 'review.threads.confirmDelete'))) return;
    void run(() => remove.mutateAsync({ commentId: c.id, author: props.author }));
  };

  return (
    <article
      className={`rv-thread${props.active ? ' rv-thread-active' : ''}`}
      data-thread-id={th.id}
      data-state={th.placed.state}
      data-status={th.status}
      aria-label={t('review.threads.commentOn', { quote: shorten(th.anchor.quote, 60) })}
      // Over, not enter: a card that appears under a resting pointer becomes active at its first move.
      onMouseOver={() => {
        if (!props.active) props.onActivate(th.id);
      }}
      onMouseLeave={() => props.onActivate(null)}
      onFocus={() => props.onActivate(th.id)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) props.onActivate(null);
      }}
    >
      <header className="rv-thread-head">
        <span className="rv-chip">{t(`review.threads.locale.${th.anchor.locale}`)}</span>
        <span className={`rv-chip rv-state-${th.placed.state}`} title={t(`review.threads.stateHint.${th.placed.state}`)}>
          {t(`review.threads.state.${th.placed.state}`)}
        </span>
        <span className={`rv-chip rv-status-${th.status}`}>{t(`review.threads.status.${th.status}`)}</span>
        <span className="muted rv-small">
          {t('review.threads.madeOn', { number: th.versionNumber })}
          {th.origin !== 'app' ? ` · ${t(`review.threads.origin.${th.origin}`)}` : ''}
        </span>
      </header>
      <blockquote className="rv-quote" lang={th.anchor.locale}>
        {th.anchor.quote}
      </blockquote>
      <ol className="rv-comments">
        {th.comments.map((c, i) =>
          c.deletedAt !== null ? (
            <li key={c.id} className="rv-comment rv-deleted muted">
              {t('review.threads.deleted')}
            </li>
          ) : (
            <li key={c.id} className="rv-comment" data-comment-id={c.id}>
              <div className="rv-comment-meta muted">
                <strong>{c.author}</strong> · {formatDateTime(c.createdAt)}
                {c.editedAt !== null ? ` ${t('review.threads.edited')}` : ''}
              </div>
              {editing === c.id ? (
                <BodyForm
                  label={t('review.threads.editLabel')}
                  submit={t('review.threads.saveEdit')}
                  initial={c.body}
                  onCancel={() => setEditing(null)}
                  onSubmit={async (body) => {
                    await edit.mutateAsync({ commentId: c.id, body, author: props.author });
                    setEditing(null);
                  }}
                />
              ) : (
                <p className="rv-body">{c.body}</p>
              )}
              {can && c.author === props.author && editing !== c.id ? (
                <div className="rv-actions rv-own">
                  <button type="button" className="rv-small-btn" onClick={() => setEditing(c.id)}>
                    {t('review.threads.edit')}
                  </button>
                  <button type="button" className="rv-small-btn rv-danger" onClick={() => deleteOne(c, i === 0)}>
                    {i === 0 ? t('review.threads.deleteThread') : t('review.threads.delete')}
                  </button>
                </div>
              ) : null}
            </li>
          ),
        )}
      </ol>
      {th.status === 'resolved' && th.resolvedBy ? (
        <p className="muted rv-small">{t('review.threads.resolvedBy', { name: th.resolvedBy, time: formatDateTime(th.resolvedAt ?? th.createdAt) })}</p>
      ) : null}
      {replying ? (
        <BodyForm
          label={t('review.threads.replyLabel')}
          submit={t('review.threads.sendReply')}
          onCancel={() => setReplying(false)}
          onSubmit={async (body) => {
            await reply.mutateAsync({ threadId: th.id, body, author: props.author });
            setReplying(false);
          }}
        />
      ) : (
        <div className="rv-actions">
          <button type="button" className="rv-small-btn" disabled={!can} onClick={() => setReplying(true)}>
            {t('review.threads.reply')}
          </button>
          <button
            type="button"
            className="rv-small-btn"
            disabled={!can || status.isPending}
            onClick={() => void run(() => status.mutateAsync({ threadId: th.id, status: th.status === 'open' ? 'resolved' : 'open', author: props.author }))}
          >
            {th.status === 'open' ? t('review.threads.resolve') : t('review.threads.reopen')}
          </button>
        </div>
      )}
      {error ? (
        <p role="alert" className="st-error">
          {error}
        </p>
      ) : null}
    </article>
  );
}

/** A quote cut to `max` characters for a label. */
export function shorten(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
