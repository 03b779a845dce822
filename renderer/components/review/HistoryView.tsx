import type { VersionSummary } from '../../../shared/review/types.ts';
import { useDecisions, useStatusHistory } from '../../data/review-hooks.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** The first characters of a SHA-256, enough to tell versions apart at a glance. */
export function shortSha(sha: string): string {
  return sha.slice(0, 12);
}

/** History: every version (number, author, time, short SHA-256), the reviewers' decisions and the status history. */
export function HistoryView(props: { id: number; versions: readonly VersionSummary[] }) {
  const { t, formatDate, formatDateTime } = useI18n();
  const decisions = useDecisions(props.id);
  const status = useStatusHistory(props.id).data;
  const history = status?.history ?? [];
  return (
    <div className="rv-history" data-testid="review-history">
      <section className="rv-diff-block">
        <h3>{t('review.history.versions')}</h3>
        {props.versions.length === 0 ? (
          <p className="muted">{t('review.versions.none')}</p>
        ) : (
          <div className="rv-table-wrap">
            <table className="rv-table" data-testid="version-table">
              <thead>
                <tr>
                  {(['number', 'title', 'author', 'time', 'sha'] as const).map((k) => (
                    <th key={k} scope="col">
                      {t(`review.history.columns.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...props.versions].reverse().map((v) => (
                  <tr key={v.number} data-version={v.number}>
                    <th scope="row" className="num">
                      {v.number}
                    </th>
                    <td>{v.title}</td>
                    <td>{v.author}</td>
                    <td>{formatDateTime(v.createdAt)}</td>
                    <td>
                      <code className="rv-sha" title={t('review.history.shaTitle', { sha: v.sha256 })}>
                        {shortSha(v.sha256)}…
                      </code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="rv-diff-block">
        <h3>{t('review.history.decisions')}</h3>
        {!decisions.data?.length ? (
          <p className="muted">{t('review.history.decisionsNone')}</p>
        ) : (
          <ol className="rv-timeline" data-testid="decision-list">
            {[...decisions.data].reverse().map((d) => (
              <li key={d.id} data-decision={d.decision}>
                <span className={`rv-chip rv-decision-${d.decision}`}>{t(`review.history.decision.${d.decision}`)}</span>{' '}
                {t('review.history.decisionLine', { number: d.versionNumber, reviewer: d.reviewer })}
                <span className="muted rv-small"> · {formatDateTime(d.decidedAt)}</span>
                {d.reason ? <p className="rv-reason">{t('review.history.reason', { reason: d.reason })}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className="rv-diff-block">
        <h3>{t('review.history.statusHistory')}</h3>
        {status?.effectiveAt != null ? (
          <p className="rv-reason" data-testid="effective-at">
            {t('review.history.effective', { date: formatDate(status.effectiveAt), published: formatDateTime(status.publishedAt ?? status.effectiveAt) })}
          </p>
        ) : null}
        <ol className="rv-timeline" data-testid="status-history">
          {[...history].reverse().map((h, i) => (
            <li key={`${h.at}:${i}`}>
              {h.from
                ? t('review.history.statusLine', { from: t(`disclosures.status.${h.from}`), to: t(`disclosures.status.${h.to}`) })
                : t('review.history.created', { to: t(`disclosures.status.${h.to}`) })}
              <span className="muted rv-small"> · {formatDateTime(h.at)}</span>
              {h.note ? <p className="rv-reason">{t('review.history.note', { note: h.note })}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
