import { useState } from 'react';
import type { ImportSummary } from '../../../shared/contract/imports.ts';
import { localizeRejectReason } from '../../../shared/import/reject-reasons.ts';
import { resolveParticles } from '../../../shared/ko-particles.ts';
import { api } from '../../data/api.ts';
import { useRejects } from '../../data/import-hooks.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { downloadText } from '../download.ts';
import { useReportError } from '../errors.tsx';

const PAGE = 50;

/** Rejected rows (of one import or all), paged, with CSV export. */
export function RejectsPanel(props: { of: ImportSummary | null; onShowAll: () => void }) {
  const { t, formatNumber, locale } = useI18n();
  const report = useReportError();
  const [offset, setOffset] = useState(0);
  const importId = props.of?.id ?? null;
  const rejects = useRejects(importId, offset, PAGE);
  const data = rejects.data;
  const total = data?.total ?? 0;

  async function exportCsv() {
    try {
      const { fileName, csv } = await api()['imports:exportRejects']({ importId });
      // The backend's CSV already starts with a BOM (Excel then reads Korean as UTF-8).
      downloadText(csv, fileName, 'text/csv;charset=utf-8');
    } catch (error) {
      report(error);
    }
  }

  return (
    <section className="card" aria-labelledby="imports-rejects-title">
      <div className="card-header">
        <h2 id="imports-rejects-title" className="card-title">
          {props.of ? t('imports.rejects.titleOf', { file: props.of.fileName }) : t('imports.rejects.title')}
        </h2>
        <div className="cluster">
          {props.of ? (
            <button type="button" className="btn btn-ghost btn-sm" onClick={props.onShowAll}>
              {t('imports.rejects.all')}
            </button>
          ) : null}
          <button type="button" className="btn btn-secondary btn-sm" disabled={total === 0} onClick={() => void exportCsv()}>
            {t('imports.rejects.export')}
          </button>
        </div>
      </div>
      {!data ? (
        <p className="loading">{t('common.loading')}</p>
      ) : total === 0 ? (
        <p className="muted">{t('imports.rejects.empty')}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table imports-rejects">
              <thead>
                <tr>
                  {props.of ? null : <th scope="col">{t('imports.rejects.file')}</th>}
                  <th scope="col" className="num">{t('imports.rejects.line')}</th>
                  <th scope="col">{t('imports.rejects.column')}</th>
                  <th scope="col">{t('imports.rejects.reason')}</th>
                  <th scope="col">{t('imports.rejects.raw')}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr key={r.id}>
                    {props.of ? null : <td>{r.fileName}</td>}
                    <td className="num">{formatNumber(r.line)}</td>
                    <td className="mono">{r.column ?? '—'}</td>
                    <td>{locale === 'ko' ? resolveParticles(localizeRejectReason(r.reason, locale)) : localizeRejectReason(r.reason, locale)}</td>
                    <td className="mono imports-raw">{r.rawText}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="cluster imports-pager">
            <span className="muted">
              {t('imports.rejects.page', { from: formatNumber(offset + 1), to: formatNumber(Math.min(total, offset + PAGE)), total: formatNumber(total) })}
            </span>
            <button type="button" className="btn btn-secondary btn-sm" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              {t('imports.rejects.prev')}
            </button>
            <button type="button" className="btn btn-secondary btn-sm" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
              {t('imports.rejects.next')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
