import type { AuditEntry } from '../../../shared/review/types.ts';
import { useAuditList, useVerifyAudit } from '../../data/review-hooks.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/types.ts';
import { useErrorText } from '../errors.tsx';

/**
 * An entry's details in one line: `key: value` pairs, long values cut, empty ones left out, and
 * instants (keys ending in `At`) as dates through `formatTime`.
 */
export function summariseDetails(details: Record<string, unknown>, formatTime: (ms: number) => string = (ms) => new Date(ms).toISOString(), max = 160): string {
  const parts = Object.entries(details)
    .filter(([, v]) => v !== '' && v !== null && v !== undefined)
    .map(([k, v]) => {
      const text = typeof v === 'number' && k.endsWith('At') ? formatTime(v) : typeof v === 'string' ? v : JSON.stringify(v);
      return `${k}: ${text.length > 48 ? `${text.slice(0, 47)}…` : text}`;
    });
  const line = parts.join(' · ');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * Settings' audit trail: the latest entries of the open workspace (time, actor, action, subject,
 * details) and Verify, which walks the hash chain and shows ok with the count and head hash, or the
 * first entry that does not verify and why.
 */
export function AuditTrail(props: { enabled: boolean }) {
  const { t, formatDateTime } = useI18n();
  const errorText = useErrorText();
  const list = useAuditList(50, props.enabled);
  const verify = useVerifyAudit();
  const actionLabel = (action: string) => {
    const key = `review.audit.action.${action}` as MessageKey;
    const label = t(key);
    return label === key ? action : label;
  };
  if (!props.enabled) return <p className="muted">{t('review.audit.noWorkspace')}</p>;
  const entries: AuditEntry[] = list.data ?? [];
  const result = verify.data;
  return (
    <div className="rv-audit" data-testid="audit-trail">
      <div className="rv-actions">
        <button type="button" className="btn btn-secondary btn-sm" onClick={() => verify.mutate()} disabled={verify.isPending}>
          {verify.isPending ? t('review.audit.verifying') : t('review.audit.verify')}
        </button>
      </div>
      {result ? (
        result.ok ? (
          <div className="alert alert-success" role="status" data-testid="audit-ok">
            <div className="alert-body">
              <p>{t('review.audit.ok', { entries: result.entries })}</p>
              <p>
                {t('review.audit.head')} <code className="rv-sha rv-head">{result.head}</code>
              </p>
              <p className="muted">{t('review.audit.headHint')}</p>
            </div>
          </div>
        ) : (
          <div className="alert alert-danger" role="alert" data-testid="audit-bad">
            <div className="alert-body">
              <p>
                {result.firstBad
                  ? t('review.audit.bad', { seq: result.firstBad.seq, reason: t(`review.audit.reason.${result.firstBad.reason}`) })
                  : t('review.audit.badUnknown')}
              </p>
            </div>
          </div>
        )
      ) : null}
      {verify.isError ? (
        <p role="alert" className="field-error">
          {t('review.audit.failed', { message: errorText(verify.error).message })}
        </p>
      ) : null}
      {list.isError ? (
        <p role="alert" className="field-error">
          {errorText(list.error).message}
        </p>
      ) : entries.length === 0 ? (
        <p className="muted">{list.isPending ? t('common.loading') : t('review.audit.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table rv-audit-table">
            <thead>
              <tr>
                {(['seq', 'time', 'actor', 'action', 'subject', 'details'] as const).map((k) => (
                  <th key={k} scope="col" className={k === 'seq' ? 'num' : undefined}>
                    {t(`review.audit.columns.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.seq} data-seq={e.seq} data-action={e.action}>
                  <td className="num">{e.seq}</td>
                  <td className="rv-nowrap">{formatDateTime(e.at)}</td>
                  <td>{e.actor || t('review.audit.nobody')}</td>
                  <td>{actionLabel(e.action)}</td>
                  <td className="mono rv-small">{e.subject}</td>
                  <td className="rv-small rv-details" title={JSON.stringify(e.details)}>
                    {summariseDetails(e.details, (ms) => formatDateTime(ms))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
