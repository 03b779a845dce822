import { useEffect, useRef, useState } from 'react';
import { adapterNames, importEncodings, type ImportRunOptions } from '../../../shared/contract/imports.ts';
import { eventKinds } from '../../../shared/domain/canonical.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/types.ts';
import { Icon } from '../icons.tsx';

export interface DropOptions {
  adapter: NonNullable<ImportRunOptions['adapter']>;
  kind: NonNullable<ImportRunOptions['kind']> | null;
  encoding: NonNullable<ImportRunOptions['encoding']>;
  timeZone: string;
}

/**
 * The file picker, the import options, and drag-and-drop onto the whole window (while this page
 * is shown): a dropped or picked set of files goes to `onFiles`.
 */
export function ImportDropZone(props: { onFiles: (files: File[]) => void; options: DropOptions; onOptions: (o: DropOptions) => void }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const { onFiles } = props;
  const o = props.options;

  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (files.length > 0) onFiles(files);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [onFiles]);

  return (
    <section className="card imports-drop" aria-labelledby="imports-drop-title">
      <div className="imports-drop-main">
        <span className="card-icon" aria-hidden="true">
          <Icon name="imports" size={22} />
        </span>
        <div>
          <h2 id="imports-drop-title" className="card-title">{t('imports.dropHere')}</h2>
          <p className="field-hint">{t('imports.dropHint')}</p>
        </div>
        <button type="button" className="btn btn-primary" onClick={() => input.current?.click()}>
          {t('imports.pick')}
        </button>
        <input
          ref={input}
          type="file"
          multiple
          className="visually-hidden"
          data-testid="imports-file-input"
          aria-label={t('imports.pick')}
          tabIndex={-1}
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            if (files.length > 0) onFiles(files);
          }}
        />
      </div>
      <details className="imports-options">
        <summary>{t('imports.options.title')}</summary>
        <div className="grid-2">
          <label className="field">
            <span className="field-label">{t('imports.options.adapter')}</span>
            <select className="select" value={o.adapter} onChange={(e) => props.onOptions({ ...o, adapter: e.target.value as DropOptions['adapter'] })}>
              <option value="auto">{t('imports.options.auto')}</option>
              {adapterNames.map((a) => (
                <option key={a} value={a}>{t(`imports.adapters.${a}` as MessageKey)}</option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t('imports.options.kind')}</span>
            <select
              className="select"
              value={o.kind ?? ''}
              onChange={(e) => props.onOptions({ ...o, kind: (e.target.value || null) as DropOptions['kind'] })}
            >
              <option value="">{t('imports.options.kindAuto')}</option>
              {eventKinds.map((k) => (
                <option key={k} value={k}>{t(`imports.kinds.${k}` as MessageKey)}</option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t('imports.options.encoding')}</span>
            <select className="select" value={o.encoding} onChange={(e) => props.onOptions({ ...o, encoding: e.target.value as DropOptions['encoding'] })}>
              {importEncodings.map((enc) => (
                <option key={enc} value={enc}>{enc === 'auto' ? t('imports.options.auto') : enc.toUpperCase()}</option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t('imports.options.timeZone')}</span>
            <input className="input" value={o.timeZone} placeholder={t('imports.options.timeZoneDefault')} onChange={(e) => props.onOptions({ ...o, timeZone: e.target.value })} />
          </label>
        </div>
      </details>
      {dragging ? (
        <div className="imports-overlay" aria-hidden="true">
          <div className="imports-overlay-box">
            <Icon name="imports" size={40} />
            <p>{t('imports.dropOverlay')}</p>
          </div>
        </div>
      ) : null}
    </section>
  );
}
