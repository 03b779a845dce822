import { useId, useRef, useState, type FormEvent } from 'react';
import { useVerifyEvidence } from '../../data/evidence-hooks.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { FailureAlert } from './FailureAlert.tsx';
import { VerifyResult } from './VerifyResult.tsx';

/** A recorded hash as typed or pasted: spaces and line breaks dropped, lower case. */
export function normaliseHash(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}

/** True when a (normalised) recorded hash is empty or 64 hexadecimal digits. */
export function isHashOrEmpty(hash: string): boolean {
  return hash === '' || /^[0-9a-f]{64}$/.test(hash);
}

/**
 * "Check a pack": a pack zip the user chooses (uploaded in browser mode, read where it is in Electron)
 * and, optionally, the manifest hash they recorded; then the verdict and every file that is missing,
 * extra or altered.
 */
export function VerifyPanel(props: { recorded: string }) {
  const { t } = useI18n();
  const verify = useVerifyEvidence();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [hash, setHash] = useState(props.recorded);
  const [invalid, setInvalid] = useState<'needFile' | 'hashInvalid' | null>(null);
  const fileLabelId = useId();
  const chosenId = useId();
  const hashId = useId();
  const hashHintId = useId();
  const errorId = useId();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const recorded = normaliseHash(hash);
    if (!file) {
      setInvalid('needFile');
      return;
    }
    if (!isHashOrEmpty(recorded)) {
      setInvalid('hashInvalid');
      return;
    }
    setInvalid(null);
    verify.mutate({ file, ...(recorded ? { manifestSha256: recorded } : {}) });
  };

  return (
    <form className="evidence-form" onSubmit={onSubmit} noValidate aria-busy={verify.isPending}>
      <p className="muted">{t('evidence.verify.intro')}</p>
      <div className="field">
        <span id={fileLabelId} className="field-label">
          {t('evidence.verify.file')}
        </span>
        <input
          ref={input}
          type="file"
          accept=".zip,application/zip"
          hidden
          data-testid="evidence-verify-file"
          onChange={(e) => {
            const picked = e.target.files?.[0] ?? null;
            e.target.value = '';
            if (!picked) return;
            setFile(picked);
            setInvalid(null);
            verify.reset();
          }}
        />
        <div className="evidence-file-row">
          <button type="button" className="btn btn-secondary" aria-describedby={`${fileLabelId} ${chosenId}`} onClick={() => input.current?.click()} disabled={verify.isPending}>
            {t('evidence.verify.choose')}
          </button>
          <span id={chosenId} className={file ? 'evidence-chosen' : 'muted'} data-testid="evidence-verify-chosen">
            {file ? (
              <>
                {t('evidence.verify.chosen')} <span className="mono">{file.name}</span>
              </>
            ) : (
              t('evidence.verify.none')
            )}
          </span>
        </div>
        {invalid === 'needFile' ? (
          <p id={errorId} className="field-error" role="alert">
            {t('evidence.verify.needFile')}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={hashId} className="field-label">
          {t('evidence.verify.hash')}
        </label>
        <input
          id={hashId}
          className="input input-mono"
          type="text"
          inputMode="text"
          autoComplete="off"
          spellCheck={false}
          value={hash}
          aria-describedby={hashHintId}
          aria-invalid={invalid === 'hashInvalid'}
          aria-errormessage={invalid === 'hashInvalid' ? errorId : undefined}
          onChange={(e) => {
            setHash(e.target.value);
            if (invalid === 'hashInvalid') setInvalid(null);
          }}
          data-testid="evidence-verify-hash"
        />
        <p id={hashHintId} className="field-hint">
          {t('evidence.verify.hashHint')}
        </p>
        {invalid === 'hashInvalid' ? (
          <p id={errorId} className="field-error" role="alert">
            {t('evidence.verify.hashInvalid')}
          </p>
        ) : null}
      </div>
      <div className="dialog-actions">
        <button type="submit" className="btn btn-primary" disabled={verify.isPending} data-testid="evidence-verify">
          {verify.isPending ? <span className="evidence-spinner evidence-spinner-sm" aria-hidden="true" /> : null}
          {verify.isPending ? t('evidence.verify.working') : t('evidence.verify.submit')}
        </button>
      </div>
      {verify.isError ? <FailureAlert title={t('evidence.verify.failed')} error={verify.error} testId="evidence-verify-error" /> : null}
      {verify.data && !verify.isPending ? <VerifyResult result={verify.data} /> : null}
    </form>
  );
}
