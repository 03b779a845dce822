import { useMemo, useState } from 'react';
import type { ReviewMergeSummary } from '../../../shared/contract/review.ts';
import type { Disclosure } from '../../../shared/disclosures/types.ts';
import { LOCALES } from '../../../shared/disclosures/types.ts';
import { diffWords } from '../../../shared/review/diff.ts';
import { api } from '../../data/api.ts';
import { useWorkspace } from '../../data/app-hooks.ts';
import { base64ToBytes } from '../../data/disclosure-hooks.ts';
import { useDuplicateDisclosure, useExportReviewFile, useImportReviewFile, useVersion } from '../../data/review-hooks.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { downloadBlob } from '../download.ts';
import { useErrorText } from '../errors.tsx';
import { DiffText, hasChange } from './DiffText.tsx';

/**
 * Tracked changes from a Word file, shown as a diff against the version it was made from, with the
 * one way to use them: a button the user presses (a new draft, or this draft when it is editable).
 */
function Suggestion(props: {
  summary: ReviewMergeSummary;
  editable: boolean;
  author: string;
  beforeChange(): Promise<void>;
  onOpen(d: Disclosure): void;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const s = props.summary;
  const version = useVersion(s.disclosureId, s.versionNumber);
  const duplicate = useDuplicateDisclosure();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const suggested = s.suggestion!;
  const v = version.data;
  const diffs = useMemo(
    () => (v ? { ko: diffWords(v.koText, suggested.koText, 'ko'), en: diffWords(v.enText, suggested.enText, 'en') } : null),
    [v, suggested],
  );
  const apply = async () => {
    setPending(true);
    setError(null);
    try {
      await props.beforeChange();
      const target = props.editable ? s.disclosureId : (await duplicate.mutateAsync({ id: s.disclosureId, actor: props.author })).id;
      await api()['disclosures:update']({ id: target, koText: suggested.koText, enText: suggested.enText });
      props.onOpen(await api()['disclosures:get']({ id: target }));
    } catch (err) {
      setError(errorText(err).message);
      setPending(false);
    }
  };
  return (
    <section className="rv-suggestion" data-testid="suggestion">
      <h4>{t('review.exchange.suggestion')}</h4>
      <p className="muted rv-small">{t('review.exchange.suggestionIntro', { number: s.versionNumber })}</p>
      {diffs
        ? LOCALES.map((locale) => {
            const language = t(`review.threads.locale.${locale}`);
            return (
              <div key={locale} className="rv-diff-block">
                <h5>{t('review.compare.textHeading', { language })}</h5>
                {hasChange(diffs[locale]) ? (
                  <div className="rv-diff-pair">
                    <DiffText parts={diffs[locale]} side="before" locale={locale} label={`${language} — ${t('review.compare.before', { number: s.versionNumber })}`} />
                    <DiffText parts={diffs[locale]} side="after" locale={locale} label={`${language} — ${t('review.exchange.suggestion')}`} />
                  </div>
                ) : (
                  <p className="muted">{t('review.exchange.suggestionNone')}</p>
                )}
              </div>
            );
          })
        : null}
      {error ? (
        <p role="alert" className="st-error">
          {error}
        </p>
      ) : null}
      <button type="button" className="rv-primary" disabled={pending || !v} onClick={() => void apply()}>
        {pending ? t('review.exchange.applying') : props.editable ? t('review.exchange.applyHere') : t('review.exchange.applyNewDraft')}
      </button>
    </section>
  );
}

/**
 * Send for review elsewhere and bring it back: write the latest version as a `.noticereview` or a
 * `.docx`, import a reviewed file (uploaded in browser mode) and show what the merge added.
 */
export function ExchangeView(props: {
  id: number;
  latest: number | null;
  editable: boolean;
  author: string;
  beforeChange(): Promise<void>;
  onOpen(d: Disclosure): void;
}) {
  const { t, formatNumber } = useI18n();
  const errorText = useErrorText();
  const writer = useExportReviewFile();
  const workspace = useWorkspace();
  const importer = useImportReviewFile();
  const [message, setMessage] = useState<string | null>(null);
  const [merged, setMerged] = useState<{ file: string; summary: ReviewMergeSummary } | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [importing, setImporting] = useState<string | null>(null);

  const write = async (format: 'noticereview' | 'docx') => {
    setMessage(t('review.exchange.working'));
    try {
      const out = await writer.mutateAsync({ id: props.id, format, actor: props.author });
      if (out.base64) downloadBlob(base64ToBytes(out.base64), out.fileName, out.mimeType);
      setMessage(out.path !== null || out.base64 !== null ? t('review.exchange.written', { file: out.path ?? out.fileName }) : null);
    } catch (err) {
      setMessage(t('review.exchange.failed', { message: errorText(err).message }));
    }
  };

  const read = async (file: File) => {
    setImportError(null);
    setMerged(null);
    setImporting(file.name);
    try {
      const summary = await importer.mutateAsync({ file, id: props.id, actor: props.author });
      setMerged({ file: file.name, summary });
    } catch (err) {
      setImportError(errorText(err).message);
    } finally {
      setImporting(null);
    }
  };

  const save = async () => {
    setMessage(t('review.exchange.working'));
    try {
      const out = await api()['review:saveFile']({ actor: props.author });
      if (out.base64) downloadBlob(base64ToBytes(out.base64), out.fileName, out.mimeType);
      setMessage(out.path !== null || out.base64 !== null ? t('review.exchange.saved', { file: out.path ?? out.fileName }) : null);
    } catch (err) {
      setMessage(t('review.exchange.failed', { message: errorText(err).message }));
    }
  };

  if (props.latest === null) return <p className="muted">{t('review.versions.none')}</p>;
  const reviewFile = workspace.data?.reviewFile?.disclosureId === props.id ? workspace.data.reviewFile : null;
  const s = merged?.summary;
  const nothing = s ? s.threadsAdded + s.repliesAdded + s.decisionsAdded === 0 && s.suggestion === null : false;
  return (
    <div className="rv-exchange" data-testid="review-exchange">
      {reviewFile ? (
        <section className="rv-diff-block" data-testid="review-file-session">
          <h3>{t('review.exchange.saveFile')}</h3>
          <p className="muted rv-small">{t('review.exchange.saveFileIntro', { file: reviewFile.fileName })}</p>
          <div className="rv-actions">
            <button type="button" onClick={() => void save()} data-review-file="save">
              {t('review.exchange.saveFile')}
            </button>
          </div>
        </section>
      ) : null}
      <section className="rv-diff-block">
        <h3>{t('review.exchange.sendHeading')}</h3>
        <p className="muted rv-small">{t('review.exchange.sendIntro', { number: props.latest })}</p>
        <div className="rv-actions">
          <button type="button" onClick={() => void write('noticereview')} disabled={writer.isPending} data-review-file="noticereview">
            {t('review.exchange.noticereview')}
          </button>
          <button type="button" onClick={() => void write('docx')} disabled={writer.isPending} data-review-file="docx">
            {t('review.exchange.docx')}
          </button>
        </div>
        {message ? (
          <p className="muted rv-small" role="status">
            {message}
          </p>
        ) : null}
      </section>
      {/* Merging a reviewed file is the author's, in their workspace: not offered in a review file's session. */}
      {workspace.data?.reviewFile ? null : (
      <section className="rv-diff-block">
        <h3>{t('review.exchange.importHeading')}</h3>
        <p className="muted rv-small">{t('review.exchange.importIntro')}</p>
        <label className="rv-file">
          <span className="rv-file-button">{t('review.exchange.importLabel')}</span>
          <input
            type="file"
            accept=".noticereview,.docx"
            className="visually-hidden"
            data-testid="review-import"
            disabled={importing !== null}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void read(file);
            }}
          />
        </label>
        {importing ? (
          <p className="muted rv-small" role="status">
            {t('review.exchange.importing', { file: importing })}
          </p>
        ) : null}
        {importError ? (
          <p role="alert" className="st-error">
            {importError}
          </p>
        ) : null}
        {merged && s ? (
          <div className="rv-merge" role="status" data-testid="merge-summary">
            <p>
              <span className="rv-chip">{t(`review.exchange.summaryFormat.${s.format}`)}</span>{' '}
              {t('review.exchange.summary', { file: merged.file, number: s.versionNumber, title: s.title })}
            </p>
            <dl className="rv-counts">
              {(['threads', 'replies', 'decisions', 'orphaned'] as const).map((k) => (
                <div key={k} data-count={k}>
                  <dt>{t(`review.exchange.counts.${k}`)}</dt>
                  <dd>{formatNumber(k === 'threads' ? s.threadsAdded : k === 'replies' ? s.repliesAdded : k === 'decisions' ? s.decisionsAdded : s.orphaned)}</dd>
                </div>
              ))}
            </dl>
            {nothing ? <p className="muted">{t('review.exchange.nothingNew')}</p> : null}
          </div>
        ) : null}
        {s?.suggestion ? (
          <Suggestion summary={s} editable={props.editable && s.disclosureId === props.id} author={props.author} beforeChange={props.beforeChange} onOpen={props.onOpen} />
        ) : null}
      </section>
      )}
    </div>
  );
}
