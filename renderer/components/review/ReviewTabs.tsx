import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { REVIEW_LIMITS } from '../../../shared/review/types.ts';
import type { Disclosure, DisclosureStatus } from '../../../shared/disclosures/types.ts';
import { isEditable } from '../../../shared/disclosures/status.ts';
import { useThreads, useVersions } from '../../data/review-hooks.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { CompareView } from './CompareView.tsx';
import { ExchangeView } from './ExchangeView.tsx';
import { HistoryView } from './HistoryView.tsx';
import { threadCounts } from './thread-filter.ts';
import { ThreadsView, type EditorLink } from './ThreadsView.tsx';
import { useReviewer } from './use-reviewer.ts';
import './review.css';
import { tabForKey } from '../tab-keys.ts';

const TABS = ['checks', 'threads', 'compare', 'history', 'exchange'] as const;
export type StudioTab = (typeof TABS)[number];

/** Asks for the person's name when Settings has none, and keeps it there (comments and decisions carry it). */
function NameBar(props: { onSave(name: string): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  return (
    <form
      className="rv-namebar"
      data-testid="review-name"
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) props.onSave(name.trim());
      }}
    >
      <p>{t('review.name.missing')}</p>
      <label className="st-field">
        <span>{t('review.name.label')}</span>
        <input value={name} maxLength={REVIEW_LIMITS.name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
      </label>
      <button type="submit" className="rv-primary" disabled={!name.trim()}>
        {t('review.name.save')}
      </button>
      <span className="muted rv-small">{t('review.name.hint')}</span>
    </form>
  );
}

/**
 * The studio's lower half as tabs: the checks (the studio's own panels, passed in) and the review —
 * comments on a version, compare, history, and sending for review elsewhere.
 */
export function ReviewTabs(props: {
  disclosure: Disclosure;
  status: DisclosureStatus;
  checks: ReactNode;
  editor: EditorLink;
  beforeChange(): Promise<void>;
  onOpen(d: Disclosure): void;
}) {
  const { t } = useI18n();
  const d = props.disclosure;
  const reviewer = useReviewer();
  const versions = useVersions(d.id);
  const threads = useThreads(d.id, null);
  const [tab, setTab] = useState<StudioTab>(props.status === 'in-review' ? 'threads' : 'checks');
  const refs = useRef<Partial<Record<StudioTab, HTMLButtonElement | null>>>({});
  const list = versions.data ?? [];
  const open = threads.data ? threadCounts(threads.data.threads).open : 0;

  const onKey = (e: KeyboardEvent) => {
    const next = tabForKey(TABS, tab, e.key);
    if (!next) return;
    e.preventDefault();
    setTab(next);
    refs.current[next]?.focus();
  };

  return (
    <section className="rv-area">
      <div className="rv-tabs" role="tablist" aria-label={t('review.tabs.label')} onKeyDown={onKey}>
        {TABS.map((k) => (
          <button
            key={k}
            ref={(el) => {
              refs.current[k] = el;
            }}
            type="button"
            role="tab"
            id={`rv-tab-${k}`}
            aria-selected={tab === k}
            aria-controls={`rv-panel-${k}`}
            tabIndex={tab === k ? 0 : -1}
            data-tab={k}
            onClick={() => setTab(k)}
          >
            {k === 'threads' && open > 0 ? t('review.tabs.threadsCount', { count: open }) : t(`review.tabs.${k}`)}
          </button>
        ))}
      </div>
      <div className="rv-panel" role="tabpanel" id={`rv-panel-${tab}`} aria-labelledby={`rv-tab-${tab}`}>
        {tab === 'checks' ? (
          props.checks
        ) : (
          <>
            {reviewer.name === '' && (tab === 'threads' || tab === 'exchange') ? <NameBar onSave={reviewer.remember} /> : null}
            {tab === 'threads' ? <ThreadsView id={d.id} versions={list} author={reviewer.name} editor={props.editor} /> : null}
            {tab === 'compare' ? <CompareView id={d.id} versions={list} /> : null}
            {tab === 'history' ? <HistoryView id={d.id} versions={list} /> : null}
            {tab === 'exchange' ? (
              <ExchangeView
                id={d.id}
                latest={list.at(-1)?.number ?? null}
                editable={isEditable(props.status)}
                author={reviewer.name}
                beforeChange={props.beforeChange}
                onOpen={props.onOpen}
              />
            ) : null}
          </>
        )}
      </div>
    </section>
  );
}
