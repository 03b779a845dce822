import type { ImportJobView } from '../../data/import-hooks.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useErrorText } from '../errors.tsx';
import type { MessageKey } from '../../i18n/types.ts';
import { formatBytes, formatDuration, progressFigures } from './format.ts';

const PHASES = new Set(['uploading', 'mapping', 'queued', 'import', 'done', 'failed', 'cancelled']);

/** The files being imported now: a progress bar each with records, bytes, percentage, time left and cancel. */
export function ImportProgressList(props: { jobs: ImportJobView[]; onCancel: (jobId: string) => void; onDismiss: (key: string) => void }) {
  const { t, formatNumber } = useI18n();
  const errorText = useErrorText();
  if (props.jobs.length === 0) return null;
  return (
    <section className="card" aria-labelledby="imports-progress-title">
      <h2 id="imports-progress-title" className="card-title">
        {t('imports.progress.title')}
      </h2>
      <ul className="list-plain imports-progress">
        {props.jobs.map((job) => {
          const finished = job.phase === 'done' || job.phase === 'failed' || job.phase === 'cancelled';
          const { pct, bytes } = progressFigures(job);
          const phase = PHASES.has(job.phase) ? job.phase : 'import';
          const cancelled = job.phase === 'cancelled';
          const failed = !cancelled && (job.phase === 'failed' || Boolean(job.result?.error));
          return (
            <li key={job.key} className={`imports-job imports-job-${failed ? 'failed' : job.phase}`}>
              <div className="imports-job-head">
                <strong className="imports-job-file">{job.file}</strong>
                <span className={`badge ${failed ? 'badge-danger' : job.phase === 'done' ? 'badge-success' : 'badge-accent'}`}>
                  {t(`imports.progress.${failed ? 'failed' : phase}` as MessageKey)}
                </span>
                <span className="imports-job-actions">
                  {!finished && job.jobId ? (
                    <button type="button" className="btn btn-secondary btn-sm" onClick={() => props.onCancel(job.jobId!)}>
                      {t('imports.progress.cancel')}
                    </button>
                  ) : null}
                  {finished ? (
                    <button type="button" className="btn btn-ghost btn-sm" onClick={() => props.onDismiss(job.key)}>
                      {t('imports.progress.dismiss')}
                    </button>
                  ) : null}
                </span>
              </div>
              <div
                className="progress"
                role="progressbar"
                aria-label={t('imports.progress.label', { file: job.file })}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={pct}
              >
                <div className="progress-bar" style={{ width: `${pct}%` }} />
              </div>
              <p className="imports-job-meta muted">
                <span className="num">{pct}%</span>
                <span>{t('imports.progress.rows', { rows: formatNumber(job.rows) })}</span>
                {bytes ? (
                  <span>{t('imports.progress.bytes', { done: formatBytes(bytes.done, formatNumber), total: formatBytes(bytes.total, formatNumber) })}</span>
                ) : null}
                {!finished && job.leftMs !== null ? <span>{t('imports.progress.left', { time: formatDuration(job.leftMs) })}</span> : null}
              </p>
              {job.result && !job.result.error ? (
                <p className="imports-job-summary">
                  {t('imports.progress.summary', {
                    imported: formatNumber(job.result.imported),
                    duplicates: formatNumber(job.result.duplicates),
                    rejected: formatNumber(job.result.rejected),
                  })}
                </p>
              ) : null}
              {job.error && !cancelled ? (
                <p className="field-error" role="alert">
                  {errorText(job.error).message}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
