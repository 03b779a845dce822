import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useWriteEvidence } from '../../data/evidence-hooks.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { EvidenceDialog } from './EvidenceDialog.tsx';
import './evidence.css';

/** A document with a check mark: the pack's icon (decorative). */
function PackIcon() {
  return (
    <svg className="icon" width={18} height={18} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" />
      <path d="M14 3v5h5" />
      <path d="m9 14 2 2 4-4" />
    </svg>
  );
}

/**
 * "Evidence pack": opens the dialog that writes the regulator pack for a period (by default the
 * period the page shows, else the workspace's whole range) and checks a pack. The dialog goes to
 * the document body, so page styles (e.g. the disclosure list's button rule) do not reach it. While a
 * pack is being written with the dialog closed, the button shows it.
 */
export function EvidencePackButton(props: { from?: string | null; to?: string | null }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  // Owned here, not by the dialog: closing the dialog does not lose a pack being written, nor its hash.
  const write = useWriteEvidence();
  return (
    <>
      <button type="button" className="btn btn-secondary evidence-open" onClick={() => setOpen(true)} title={t('evidence.openHint')} aria-haspopup="dialog" aria-busy={write.isPending} data-testid="evidence-open">
        {write.isPending ? <span className="evidence-spinner evidence-spinner-sm" aria-hidden="true" /> : <PackIcon />}
        {t('evidence.open')}
      </button>
      {open ? createPortal(<EvidenceDialog from={props.from ?? null} to={props.to ?? null} write={write} onClose={() => setOpen(false)} />, document.body) : null}
    </>
  );
}
