import { useState } from 'react';
import type { GenericMapping, ImportPreview } from '../../../shared/contract/imports.ts';
import { eventKinds, type EventKind } from '../../../shared/domain/canonical.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/types.ts';
import { Dialog } from '../Dialog.tsx';

const FIELDS: Record<EventKind, { name: string; required: boolean }[]> = {
  notifications: [
    { name: 'sent_at', required: true }, { name: 'recipient_id', required: true }, { name: 'sender_id', required: true },
    { name: 'event_id', required: false }, { name: 'template_id', required: false }, { name: 'category', required: false },
    { name: 'status', required: false }, { name: 'bytes', required: false }, { name: 'network', required: false },
  ],
  consent: [
    { name: 'occurred_at', required: true }, { name: 'recipient_id', required: true }, { name: 'action', required: true },
    { name: 'event_id', required: false }, { name: 'sender_id', required: false }, { name: 'disclosure_version', required: false },
    { name: 'source', required: false },
  ],
  urls: [
    { name: 'occurred_at', required: true }, { name: 'url', required: true }, { name: 'action', required: true },
    { name: 'event_id', required: false }, { name: 'recipient_id', required: false }, { name: 'engine', required: false },
  ],
};

export const TIMESTAMP_FORMATS = [
  'auto', 'YYYY/MM/DD HH:mm:ss', 'YYYY.MM.DD HH:mm:ss', 'DD/MM/YYYY HH:mm:ss', 'MM/DD/YYYY HH:mm:ss', 'YYYYMMDDHHmmss', 'epoch-s', 'epoch-ms',
];

/**
 * The generic column mapper: the first rows of a file, a column for each canonical field (guessed),
 * the timestamp layout and zone, and an optional preset name to save the mapping under.
 */
export function ColumnMapper(props: {
  preview: ImportPreview;
  defaultZone: string;
  onCancel: () => void;
  onImport: (mapping: GenericMapping, presetName: string | null) => void;
}) {
  const { t } = useI18n();
  const { preview } = props;
  const guess = preview.guess ?? { kind: 'notifications' as EventKind, columns: {}, timestampFormat: 'auto', timeZone: null };
  const [kind, setKind] = useState<EventKind>(guess.kind);
  const [columns, setColumns] = useState<Record<string, string>>(guess.columns);
  const [format, setFormat] = useState(guess.timestampFormat);
  const [zone, setZone] = useState(guess.timeZone ?? props.defaultZone);
  const [presetName, setPresetName] = useState('');
  const missing = FIELDS[kind].filter((f) => f.required && !columns[f.name]).map((f) => f.name);

  function submit() {
    if (missing.length > 0) return;
    const chosen: Record<string, string> = {};
    for (const f of FIELDS[kind]) if (columns[f.name]) chosen[f.name] = columns[f.name]!;
    props.onImport({ kind, columns: chosen, timestampFormat: format, timeZone: zone.trim() || null }, presetName.trim() || null);
  }

  return (
    <Dialog
      title={t('imports.mapper.title', { file: preview.file })}
      description={t('imports.mapper.description')}
      onClose={props.onCancel}
      footer={
        <>
          <button type="button" className="btn btn-secondary" onClick={props.onCancel}>
            {t('imports.mapper.cancel')}
          </button>
          <button type="button" className="btn btn-primary" disabled={missing.length > 0} onClick={submit}>
            {t('imports.mapper.import')}
          </button>
        </>
      }
    >
      <div className="stack imports-mapper">
        {preview.preset ? <p className="alert alert-info">{t('imports.mapper.presetUsed', { name: preview.preset })}</p> : null}
        <h3 className="field-label">{t('imports.mapper.preview')}</h3>
        <div className="table-wrap imports-mapper-preview">
          <table className="table">
            <thead>
              <tr>
                {preview.header.map((h, i) => (
                  <th key={i} scope="col">{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.rows.slice(0, 5).map((row, r) => (
                <tr key={r}>
                  {preview.header.map((_h, c) => (
                    <td key={c} className="mono">{row[c] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="grid-2 imports-mapper-settings">
          <label className="field">
            <span className="field-label">{t('imports.options.kind')}</span>
            <select className="select" value={kind} onChange={(e) => setKind(e.target.value as EventKind)}>
              {eventKinds.map((k) => (
                <option key={k} value={k}>{t(`imports.kinds.${k}` as MessageKey)}</option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t('imports.mapper.timestampFormat')}</span>
            <select className="select" value={format} onChange={(e) => setFormat(e.target.value)}>
              {TIMESTAMP_FORMATS.map((f) => (
                <option key={f} value={f}>{f === 'auto' ? t('imports.mapper.formatAuto') : f}</option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t('imports.mapper.timeZone')}</span>
            <input className="input" value={zone} onChange={(e) => setZone(e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">{t('imports.mapper.presetName')}</span>
            <input className="input" value={presetName} placeholder={t('imports.mapper.presetHint')} onChange={(e) => setPresetName(e.target.value)} />
          </label>
        </div>
        <table className="table imports-mapper-fields">
          <thead>
            <tr>
              <th scope="col">{t('imports.mapper.field')}</th>
              <th scope="col">{t('imports.mapper.column')}</th>
            </tr>
          </thead>
          <tbody>
            {FIELDS[kind].map((f) => (
              <tr key={f.name}>
                <th scope="row" className="mono">
                  <label htmlFor={`map-${f.name}`}>{f.name}</label>
                  {f.required ? <span className="badge badge-accent imports-required">{t('imports.mapper.required')}</span> : null}
                </th>
                <td>
                  <select
                    id={`map-${f.name}`}
                    className="select"
                    value={columns[f.name] ?? ''}
                    onChange={(e) => setColumns({ ...columns, [f.name]: e.target.value })}
                  >
                    <option value="">{t('imports.mapper.none')}</option>
                    {preview.header.map((h) => (
                      <option key={h} value={h}>{h}</option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {missing.length > 0 ? <p className="field-error">{t('imports.mapper.missing', { fields: missing.join(', ') })}</p> : null}
      </div>
    </Dialog>
  );
}
