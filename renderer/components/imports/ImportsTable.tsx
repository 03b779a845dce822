import { useState } from 'react';
import type { ImportSummary } from '../../../shared/contract/imports.ts';
import { useDeleteImport } from '../../data/import-hooks.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/types.ts';
import { Dialog } from '../Dialog.tsx';
import { useReportError } from '../errors.tsx';
import { formatBytes } from './format.ts';

/** The list of imports with their provenance; delete one; show its rejects. */
export function ImportsTable(props: { imports: ImportSummary[]; onShowRejects: (imp: ImportSummary) => void }) {
  const { t, formatNumber, formatDateTime } = useI18n();
  const remove = useDeleteImport();
  const report = useReportError();
  const [confirm, setConfirm] = useState<ImportSummary | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const adapterLabel = (name: string) => t(`imports.adapters.${name}` as MessageKey);
  const kindLabel = (kind: string) =>
    kind
      .split('+')
      .map((k) => t(`imports.kinds.${k}` as MessageKey))
      .join(' + ');

  if (props.imports.length === 0) return <p className="muted">{t('imports.list.empty')}</p>;
  return (
    <>
      <div className="table-wrap">
        <table className="table imports-table">
          <thead>
            <tr>
              <th scope="col">{t('imports.list.file')}</th>
              <th scope="col">{t('imports.list.adapter')}</th>
              <th scope="col">{t('imports.list.when')}</th>
              <th scope="col" className="num">{t('imports.list.rows')}</th>
              <th scope="col" className="num">{t('imports.list.imported')}</th>
              <th scope="col" className="num">{t('imports.list.duplicates')}</th>
              <th scope="col" className="num">{t('imports.list.rejected')}</th>
              <th scope="col">{t('imports.list.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {props.imports.map((imp) => (
              <ImportRow
                key={imp.id}
                imp={imp}
                open={open === imp.id}
                onToggle={() => setOpen(open === imp.id ? null : imp.id)}
                onDelete={() => setConfirm(imp)}
                onShowRejects={() => props.onShowRejects(imp)}
                labels={{ adapter: adapterLabel(imp.adapter), kind: kindLabel(imp.kind) }}
                format={{ formatNumber, formatDateTime }}
              />
            ))}
          </tbody>
        </table>
      </div>
      {confirm ? (
        <Dialog
          title={t('imports.list.confirmTitle')}
          description={t('imports.list.confirmBody', { file: confirm.fileName, imported: formatNumber(confirm.imported) })}
          onClose={() => setConfirm(null)}
          footer={
            <>
              <button type="button" className="btn btn-secondary" onClick={() => setConfirm(null)}>
                {t('imports.list.cancel')}
              </button>
              <button
                type="button"
                className="btn btn-danger"
                disabled={remove.isPending}
                onClick={() => remove.mutate(confirm.id, { onError: report, onSettled: () => setConfirm(null) })}
              >
                {t('imports.list.confirm')}
              </button>
            </>
          }
        >
          {null}
        </Dialog>
      ) : null}
    </>
  );
}

function ImportRow(props: {
  imp: ImportSummary;
  open: boolean;
  onToggle: () => void;
  onDelete: () => void;
  onShowRejects: () => void;
  labels: { adapter: string; kind: string };
  format: { formatNumber: (n: number) => string; formatDateTime: (v: number) => string };
}) {
  const { t } = useI18n();
  const { imp, format } = props;
  return (
    <>
      <tr>
        <td>
          <button type="button" className="btn btn-ghost btn-sm imports-file" aria-expanded={props.open} onClick={props.onToggle}>
            {imp.fileName}
          </button>
          <div className="muted imports-sub">{props.labels.kind}</div>
        </td>
        <td>
          {props.labels.adapter}
          <div className="muted imports-sub mono">{imp.encoding}</div>
        </td>
        <td>{format.formatDateTime(imp.finishedAt ?? imp.startedAt)}</td>
        <td className="num">{format.formatNumber(imp.rowsRead)}</td>
        <td className="num">{format.formatNumber(imp.imported)}</td>
        <td className="num">{format.formatNumber(imp.duplicates)}</td>
        <td className="num">
          {imp.rejected > 0 ? <span className="badge badge-warning">{format.formatNumber(imp.rejected)}</span> : '0'}
        </td>
        <td className="cell-actions">
          {imp.rejected > 0 ? (
            <button type="button" className="btn btn-secondary btn-sm" onClick={props.onShowRejects}>
              {t('imports.list.showRejects')}
            </button>
          ) : null}
          <button type="button" className="btn btn-ghost btn-sm" aria-label={`${t('imports.list.delete')} ${imp.fileName}`} onClick={props.onDelete}>
            {t('imports.list.delete')}
          </button>
        </td>
      </tr>
      {props.open ? (
        <tr className="imports-details">
          <td colSpan={8}>
            <dl className="imports-provenance">
              <dt>{t('imports.list.size')}</dt>
              <dd>{formatBytes(imp.sizeBytes, format.formatNumber)}</dd>
              <dt>{t('imports.list.sha256')}</dt>
              <dd className="mono">{imp.sha256}</dd>
              <dt>{t('imports.list.zone')}</dt>
              <dd>{imp.timeZone}</dd>
              {imp.filePath ? (
                <>
                  <dt>{t('imports.list.path')}</dt>
                  <dd className="mono cell-path">{imp.filePath}</dd>
                </>
              ) : null}
              {imp.mapping ? (
                <>
                  <dt>{t('imports.list.mapping')}</dt>
                  <dd className="mono">
                    {Object.entries(imp.mapping.columns)
                      .map(([field, column]) => `${field} ← ${column}`)
                      .join(', ')}
                  </dd>
                </>
              ) : null}
            </dl>
          </td>
        </tr>
      ) : null}
    </>
  );
}
