import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { useWriteEvidence } from '../../data/evidence-hooks.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Dialog } from '../Dialog.tsx';
import { VerifyPanel } from './VerifyPanel.tsx';
import { WritePanel, type WriteForm } from './WritePanel.tsx';
import { tabForKey } from '../tab-keys.ts';

type Tab = 'write' | 'verify';
const TABS: readonly Tab[] = ['write', 'verify'];

/**
 * The evidence pack dialog: "Write a pack" (period, language of the summary, what the pack holds,
 * then the result with the manifest hash to record) and "Check a pack" (a zip and the recorded hash,
 * then every missing, extra or altered file). A pack just written is offered for checking with its
 * hash filled in. The write itself belongs to the opener, so a pack still being written when the
 * dialog is closed is downloaded all the same, and its result is there when the dialog opens again.
 */
export function EvidenceDialog(props: { from: string | null; to: string | null; write: ReturnType<typeof useWriteEvidence>; onClose: () => void; initialTab?: Tab }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>(props.initialTab ?? 'write');
  // The page's period as first known (the page may still be loading its filter when the dialog
  // opens); once known, a refetch behind the dialog does not move it.
  const [pagePeriod, setPagePeriod] = useState({ from: props.from, to: props.to });
  const known = Boolean(pagePeriod.from && pagePeriod.to);
  useEffect(() => {
    if (!known && props.from && props.to) setPagePeriod({ from: props.from, to: props.to });
  }, [known, props.from, props.to]);
  const [recorded, setRecorded] = useState('');
  // The write tab's form lives here, so it is still there after a look at the other tab.
  const [form, setForm] = useState<WriteForm>({ from: null, to: null, language: null });
  const { write } = props;
  const ids = { write: useId(), verify: useId() };
  const panelId = useId();
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ write: null, verify: null });

  const choose = (next: Tab, focus = false) => {
    setTab(next);
    if (focus) tabRefs.current[next]?.focus();
  };
  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = tabForKey(TABS, tab, event.key);
    if (!next) return;
    event.preventDefault();
    choose(next, true);
  };

  return (
    <Dialog title={t('evidence.title')} description={t('evidence.description')} onClose={props.onClose}>
      <div className="evidence-dialog" data-testid="evidence-dialog">
        <div className="tabs evidence-tabs" role="tablist" aria-label={t('evidence.tabs.label')} onKeyDown={onTabKey}>
          {TABS.map((id) => (
            <button
              key={id}
              ref={(el) => {
                tabRefs.current[id] = el;
              }}
              type="button"
              role="tab"
              id={ids[id]}
              aria-selected={tab === id}
              aria-controls={panelId}
              tabIndex={tab === id ? 0 : -1}
              data-tab={id}
              onClick={() => choose(id)}
            >
              {t(`evidence.tabs.${id}`)}
            </button>
          ))}
        </div>
        <div role="tabpanel" id={panelId} aria-labelledby={ids[tab]} className="evidence-panel">
          {tab === 'write' ? (
            <WritePanel
              from={pagePeriod.from}
              to={pagePeriod.to}
              form={form}
              onForm={setForm}
              write={write}
              onCheck={(hash) => {
                setRecorded(hash);
                choose('verify', true);
              }}
            />
          ) : (
            <VerifyPanel key={recorded} recorded={recorded} />
          )}
        </div>
      </div>
    </Dialog>
  );
}
