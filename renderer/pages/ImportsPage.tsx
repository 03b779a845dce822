import { useCallback, useState } from 'react';
import type { GenericMapping, ImportPreview, ImportRunOptions, ImportSummary } from '../../shared/contract/imports.ts';
import { ColumnMapper } from '../components/imports/ColumnMapper.tsx';
import { ImportDropZone, type DropOptions } from '../components/imports/ImportDropZone.tsx';
import { ImportProgressList } from '../components/imports/ImportProgressList.tsx';
import { ImportsTable } from '../components/imports/ImportsTable.tsx';
import { PrivacyAndPresetsCard, WatchFolderCard } from '../components/imports/ImportSettings.tsx';
import { RejectsPanel } from '../components/imports/RejectsPanel.tsx';
import '../components/imports/imports.css';
import { api } from '../data/api.ts';
import { useWorkspace } from '../data/app-hooks.ts';
import { pathForUpload, useImportJobs, useImports, useSavePreset } from '../data/import-hooks.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { DEFAULT_TIME_ZONE } from '../../shared/time-zone.ts';

interface MapRequest {
  key: string;
  path: string;
  preview: ImportPreview;
}

/** Imports: pick or drop files, follow their progress, review provenance and rejects, map unknown formats. */
export function ImportsPage() {
  const { t } = useI18n();
  const workspace = useWorkspace();
  const imports = useImports();
  const jobs = useImportJobs();
  const savePreset = useSavePreset();
  const [options, setOptions] = useState<DropOptions>({ adapter: 'auto', kind: null, encoding: 'auto', timeZone: '' });
  const [mapQueue, setMapQueue] = useState<MapRequest[]>([]);
  const [rejectsOf, setRejectsOf] = useState<ImportSummary | null>(null);
  const { addPending, start, fail, markMapping } = jobs;

  const runOptions = useCallback(
    (extra: Partial<ImportRunOptions> = {}): ImportRunOptions => ({
      adapter: options.adapter,
      kind: options.kind,
      encoding: options.encoding,
      timeZone: options.timeZone.trim() || null,
      ...extra,
    }),
    [options],
  );

  const onFiles = useCallback(
    (files: File[]) => {
      for (const file of files) {
        const key = addPending(file.name);
        void (async () => {
          try {
            const path = await pathForUpload(file);
            const wantsMapper = options.adapter === 'generic';
            if (options.adapter === 'auto' || wantsMapper) {
              const preview = await api()['imports:preview']({ file: path, encoding: options.encoding, rows: 10 });
              const unknown = !preview.adapter && preview.header.length > 0;
              if (wantsMapper || unknown) {
                markMapping(key);
                setMapQueue((q) => [...q, { key, path, preview }]);
                return;
              }
            }
            await start(key, path, runOptions());
          } catch (error) {
            fail(key, error);
          }
        })();
      }
    },
    [addPending, start, fail, markMapping, options, runOptions],
  );

  const current = mapQueue[0] ?? null;
  function finishMapping(mapping: GenericMapping | null, presetName: string | null) {
    if (!current) return;
    setMapQueue((q) => q.slice(1));
    if (!mapping) {
      jobs.dismiss(current.key);
      return;
    }
    if (presetName) savePreset.mutate({ name: presetName, header: current.preview.header, mapping });
    void start(current.key, current.path, runOptions({ adapter: 'generic', mapping }));
  }

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('imports.title')}</h1>
        <p className="muted">{t('imports.intro')}</p>
      </header>
      <ImportDropZone onFiles={onFiles} options={options} onOptions={setOptions} />
      <ImportProgressList jobs={jobs.jobs} onCancel={jobs.cancel} onDismiss={jobs.dismiss} />
      <section className="card" aria-labelledby="imports-list-title">
        <h2 id="imports-list-title" className="card-title">{t('imports.list.title')}</h2>
        {imports.data ? <ImportsTable imports={imports.data} onShowRejects={setRejectsOf} /> : <p className="loading">{t('common.loading')}</p>}
      </section>
      <RejectsPanel key={rejectsOf?.id ?? 'all'} of={rejectsOf} onShowAll={() => setRejectsOf(null)} />
      <div className="grid-2">
        <WatchFolderCard />
        <PrivacyAndPresetsCard />
      </div>
      {current ? (
        <ColumnMapper
          key={current.key}
          preview={current.preview}
          defaultZone={workspace.data?.timeZone ?? DEFAULT_TIME_ZONE}
          onCancel={() => finishMapping(null, null)}
          onImport={(mapping, name) => finishMapping(mapping, name)}
        />
      ) : null}
    </div>
  );
}
