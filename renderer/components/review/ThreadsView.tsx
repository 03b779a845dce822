import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Locale } from '../../../shared/disclosures/types.ts';
import { placeAnchor } from '../../../shared/review/anchor.ts';
import { REVIEW_LIMITS, type PlacedThread, type VersionSummary } from '../../../shared/review/types.ts';
import { base64ToBytes } from '../../data/disclosure-hooks.ts';
import { useComment, useExportThreads, useThreads, useVersion } from '../../data/review-hooks.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { downloadBlob } from '../download.ts';
import { useErrorText } from '../errors.tsx';
import { THREAD_FILTERS, matchesThreadFilter, threadCounts, type ThreadFilter } from './thread-filter.ts';
import { ThreadCard, shorten } from './ThreadCard.tsx';
import { VersionPicker } from './VersionPicker.tsx';
import { VersionText, type TextSelection } from './VersionText.tsx';

/** What the threads view may do with the studio's editors. */
export interface EditorLink {
  /** The editor's text of a locale now. */
  text(locale: Locale): string;
  /** True while the draft can be edited (threads are then also placed on the text being written). */
  editable: boolean;
  /** Highlights a range in an editor (null clears). */
  highlight(locale: Locale, range: { from: number; to: number } | null): void;
}

/** Where a thread's words are in the editor now: its placed range when the editor shows the same text, else placed afresh on the draft. */
function rangeInEditor(thread: PlacedThread, versionText: string, editor: EditorLink): { from: number; to: number } | null {
  const now = editor.text(thread.anchor.locale);
  if (now === versionText) return thread.placed.start !== null && thread.placed.end !== null ? { from: thread.placed.start, to: thread.placed.end } : null;
  if (!editor.editable) return null;
  const live = placeAnchor(now, thread.anchor);
  return live.start !== null && live.end !== null ? { from: live.start, to: live.end } : null;
}

/**
 * Comment threads on one version: both texts read-only with the threads marked, a comment on the
 * words selected in them, the threads filtered (open, resolved, orphaned, all), the orphaned ones
 * in their own panel with their quotes, and the export as CSV or JSON.
 */
export function ThreadsView(props: { id: number; versions: readonly VersionSummary[]; author: string; editor: EditorLink }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const latest = props.versions.at(-1)?.number ?? null;
  const [chosen, setChosen] = useState<number | null>(null);
  // Unchosen, the threads come placed on the latest version (the query the tab's count shares).
  const threads = useThreads(props.id, chosen);
  const number = chosen ?? threads.data?.version ?? latest;
  const version = useVersion(props.id, number);
  const comment = useComment();
  const exporter = useExportThreads();
  const [filter, setFilter] = useState<ThreadFilter>('open');
  const [active, setActive] = useState<string | null>(null);
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const [composing, setComposing] = useState<TextSelection | null>(null);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [exportMsg, setExportMsg] = useState<string | null>(null);
  const list = threads.data?.threads ?? [];
  const v = version.data;
  const { editor } = props;

  // The hovered thread's words are highlighted in the studio's editor too, where they can be found.
  const hovered = list.find((x) => x.id === active);
  const target = hovered && v ? { locale: hovered.anchor.locale, range: rangeInEditor(hovered, hovered.anchor.locale === 'ko' ? v.koText : v.enText, editor) } : null;
  const targetKey = target ? `${target.locale}:${target.range?.from ?? ''}:${target.range?.to ?? ''}` : '';
  const shownIn = useRef<Locale | null>(null);
  useEffect(() => {
    if (shownIn.current) editor.highlight(shownIn.current, null);
    shownIn.current = target?.range ? target.locale : null;
    if (target?.range) editor.highlight(target.locale, target.range);
  }, [targetKey]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(
    () => () => {
      if (shownIn.current) editor.highlight(shownIn.current, null);
    },
    [], // eslint-disable-line react-hooks/exhaustive-deps
  );

  if (number === null) return <p className="muted">{t('review.versions.none')}</p>;
  const counts = threadCounts(list);
  const shown = filter === 'orphaned' ? [] : list.filter((x) => matchesThreadFilter(x, filter) && x.placed.state !== 'orphaned');
  const orphans = list.filter((x) => x.placed.state === 'orphaned');
  const tooLong = selection !== null && selection.quote.length > REVIEW_LIMITS.quote;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!composing || !body.trim() || !props.author) return;
    setError(null);
    try {
      await comment.mutateAsync({ id: props.id, number, ...composing, body: body.trim(), author: props.author });
      setComposing(null);
      setSelection(null);
      setBody('');
      setFilter((f) => (f === 'resolved' || f === 'orphaned' ? 'open' : f));
    } catch (err) {
      setError(errorText(err).message);
    }
  };

  const runExport = async (format: 'csv' | 'json') => {
    setExportMsg(null);
    try {
      const out = await exporter.mutateAsync({ id: props.id, number, format, filter });
      if (out.base64) downloadBlob(base64ToBytes(out.base64), out.fileName, out.mimeType);
      if (out.path !== null || out.base64 !== null) setExportMsg(t('review.threads.exported', { file: out.path ?? out.fileName }));
    } catch (err) {
      setExportMsg(t('review.threads.exportFailed', { message: errorText(err).message }));
    }
  };

  return (
    <div className="rv-threads" data-testid="review-threads">
      <div className="rv-toolbar">
        <VersionPicker label={t('review.threads.placedOn')} versions={props.versions} value={number} onChange={setChosen} />
        <div className="rv-seg" role="group" aria-label={t('review.threads.filter')}>
          {THREAD_FILTERS.map((f) => (
            <button key={f} type="button" aria-pressed={filter === f} data-filter={f} onClick={() => setFilter(f)}>
              {t(`review.threads.filterOption.${f}`, { count: counts[f] })}
            </button>
          ))}
        </div>
        <div className="rv-export" role="group" aria-label={t('review.threads.export')}>
          <span className="muted rv-small">{t('review.threads.export')}</span>
          <button type="button" onClick={() => void runExport('csv')} disabled={exporter.isPending} data-export-threads="csv">
            {t('review.threads.exportCsv')}
          </button>
          <button type="button" onClick={() => void runExport('json')} disabled={exporter.isPending} data-export-threads="json">
            {t('review.threads.exportJson')}
          </button>
        </div>
      </div>
      {exportMsg ? (
        <p className="muted rv-small" role="status">
          {exportMsg}
        </p>
      ) : null}
      {v ? (
        <div className="rv-texts">
          {(['ko', 'en'] as const).map((locale) => {
            const label = t('review.versions.text', { language: t(`review.threads.locale.${locale}`), number: v.number });
            return (
              <section key={locale} className="rv-text-col">
                <h3 className="rv-text-title">{label}</h3>
                <VersionText
                  locale={locale}
                  text={locale === 'ko' ? v.koText : v.enText}
                  label={label}
                  threads={list.filter((x) => matchesThreadFilter(x, filter === 'orphaned' ? 'all' : filter))}
                  activeThread={active}
                  onSelect={setSelection}
                  onActivate={setActive}
                />
              </section>
            );
          })}
        </div>
      ) : (
        <p className="muted">{t('review.versions.loading')}</p>
      )}
      {composing ? (
        <form className="rv-form rv-new-comment" onSubmit={(e) => void submit(e)} aria-label={t('review.threads.commentOn', { quote: shorten(composing.quote, 60) })}>
          <blockquote className="rv-quote" lang={composing.locale}>
            {composing.quote}
          </blockquote>
          <label className="st-field">
            <span>{t('review.threads.commentLabel')}</span>
            <textarea value={body} rows={3} maxLength={REVIEW_LIMITS.body} required autoFocus onChange={(e) => setBody(e.target.value)} />
          </label>
          {error ? (
            <p role="alert" className="st-error">
              {error}
            </p>
          ) : null}
          <div className="rv-actions">
            <button type="submit" className="rv-primary" disabled={!body.trim() || !props.author || comment.isPending}>
              {comment.isPending ? t('review.threads.saving') : t('review.threads.saveComment')}
            </button>
            <button type="button" onClick={() => setComposing(null)}>
              {t('review.threads.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="rv-selection" aria-live="polite">
          {selection && !tooLong ? (
            <>
              <span className="rv-selected" lang={selection.locale}>
                {t('review.threads.selected', { quote: shorten(selection.quote, 80) })}
              </span>
              <button type="button" className="rv-primary" disabled={!props.author} onClick={() => setComposing(selection)}>
                {t('review.threads.comment')}
              </button>
            </>
          ) : (
            <span className="muted rv-small">{tooLong ? t('review.threads.tooLong', { max: REVIEW_LIMITS.quote }) : t('review.threads.selectHint')}</span>
          )}
        </div>
      )}
      {filter !== 'orphaned' ? (
        <section className="rv-thread-list" aria-label={t('review.threads.heading')}>
          {list.length === 0 ? (
            <p className="muted">{t('review.threads.empty')}</p>
          ) : shown.length === 0 ? (
            <p className="muted">{t('review.threads.emptyFilter')}</p>
          ) : (
            shown.map((th) => <ThreadCard key={th.id} thread={th} author={props.author} active={active === th.id} onActivate={setActive} />)
          )}
        </section>
      ) : null}
      {orphans.length > 0 || filter === 'orphaned' ? (
        <section className="rv-orphans" data-testid="orphaned-panel" aria-labelledby="rv-orphans-title">
          <h3 id="rv-orphans-title">{t('review.orphans.heading', { count: orphans.length })}</h3>
          <p className="muted rv-small">{t('review.orphans.intro', { number })}</p>
          {orphans.map((th) => (
            <ThreadCard key={th.id} thread={th} author={props.author} active={active === th.id} onActivate={setActive} />
          ))}
        </section>
      ) : null}
    </div>
  );
}
