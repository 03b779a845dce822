import { useEffect, useId, useRef, useState } from 'react';
import { formatBytes } from '../../../shared/charts/axis.ts';
import type { EvidenceWritten } from '../../../shared/contract/evidence.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { HashText } from './HashText.tsx';

/** Copies text to the clipboard; false when the page may not (then the user selects it). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Selects an element's text, so that a failed copy leaves the user one Ctrl+C away. */
function selectText(el: HTMLElement | null): void {
  if (!el) return;
  const range = document.createRange();
  range.selectNodeContents(el);
  const selection = document.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/**
 * A written pack: where it went, its period and file count, warnings when the period holds no events
 * or no disclosure in force, and — prominently — the manifest's SHA-256 with Copy and the advice to
 * record it apart from the pack.
 */
export function WriteResult(props: { written: EvidenceWritten; onAgain: () => void; onCheck: () => void }) {
  const { t, locale } = useI18n();
  const { written } = props;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const hashRef = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const headingId = useId();
  const hashLabelId = useId();
  const tag = locale === 'ko' ? 'ko-KR' : 'en-US';

  // The form this replaced held the focus: it moves to the result's heading, which is read out.
  useEffect(() => headingRef.current?.focus(), []);

  const onCopy = async () => {
    const ok = await copyText(written.manifestSha256);
    if (!ok) selectText(hashRef.current);
    setCopied(ok ? 'yes' : 'no');
  };

  return (
    <section className="evidence-result" aria-labelledby={headingId} data-testid="evidence-result">
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('evidence.result.heading')}
      </h3>
      <p className="muted" data-testid="evidence-where">
        {written.path !== null ? t('evidence.result.saved', { file: written.path }) : t('evidence.result.downloaded', { file: written.fileName })}
      </p>
      {(['events', 'disclosures'] as const)
        .filter((k) => written.empty[k])
        .map((k) => (
          <div key={k} className="alert alert-warning" data-testid={`evidence-empty-${k}`}>
            <div className="alert-body">
              <p>{t(k === 'events' ? 'evidence.result.noEvents' : 'evidence.result.noDisclosures')}</p>
            </div>
          </div>
        ))}
      <dl className="evidence-facts">
        <div>
          <dt>{t('evidence.result.period')}</dt>
          <dd>{t('evidence.result.periodValue', { from: written.period.from, to: written.period.to })}</dd>
        </div>
        <div>
          <dt>{t('evidence.result.files')}</dt>
          <dd data-testid="evidence-files">{t('evidence.result.filesValue', { files: new Intl.NumberFormat(tag).format(written.files), size: formatBytes(written.bytes, tag) })}</dd>
        </div>
      </dl>
      <div className="evidence-hash-box" role="group" aria-labelledby={hashLabelId}>
        <p id={hashLabelId} className="evidence-hash-label">
          {t('evidence.result.hash')}
        </p>
        <div className="evidence-hash-row">
          <HashText ref={hashRef} value={written.manifestSha256} className="evidence-hash" testId="evidence-hash" />
          <button type="button" className="btn btn-secondary btn-sm" onClick={() => void onCopy()} data-testid="evidence-copy">
            {copied === 'yes' ? t('evidence.result.copied') : t('evidence.result.copy')}
          </button>
        </div>
        <p className="evidence-hash-advice">{t('evidence.result.record')}</p>
        <p className={copied === 'no' ? 'field-error' : 'visually-hidden'} role="status">
          {copied === 'yes' ? t('evidence.result.copied') : copied === 'no' ? t('evidence.result.copyFailed') : ''}
        </p>
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn btn-ghost" onClick={props.onAgain}>
          {t('evidence.result.again')}
        </button>
        <button type="button" className="btn btn-primary" onClick={props.onCheck} data-testid="evidence-check-this">
          {t('evidence.result.check')}
        </button>
      </div>
    </section>
  );
}
