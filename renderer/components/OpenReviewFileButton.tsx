import { useRef } from 'react';
import { useOpenReviewFile } from '../data/app-hooks.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useReportError } from './errors.tsx';

/**
 * "Open a review file": a reviewer with no workspace opens the `.noticereview` they were sent (the
 * backend checks it whole and makes a private temporary workspace of it); they then comment and
 * decide on the Disclosures page and save it back from the review panel.
 */
export function OpenReviewFileButton() {
  const { t } = useI18n();
  const open = useOpenReviewFile();
  const report = useReportError();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="card welcome-card">
      <h2>{t('common.welcome.reviewFile')}</h2>
      <p className="muted">{t('common.welcome.reviewFileHint')}</p>
      <input
        ref={input}
        type="file"
        accept=".noticereview"
        hidden
        data-testid="open-review-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) open.mutate(file, { onError: report });
        }}
      />
      <button type="button" className="btn btn-secondary" disabled={open.isPending} onClick={() => input.current?.click()}>
        {open.isPending ? t('common.welcome.reviewFileBusy') : t('common.welcome.reviewFile')}
      </button>
    </div>
  );
}
