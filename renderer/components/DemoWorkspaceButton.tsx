import { useEffect, useState } from 'react';
import { useCreateDemoWorkspace } from '../data/app-hooks.ts';
import { getBridge } from '../data/api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useReportError } from './errors.tsx';

/**
 * "Open the demo workspace": builds it from the sample exports shipped in resources/demo (in the
 * backend worker, with progress) and opens it, so every page is alive within seconds.
 */
export function DemoWorkspaceButton() {
  const { t, formatNumber } = useI18n();
  const demo = useCreateDemoWorkspace();
  const report = useReportError();
  const [progress, setProgress] = useState<{ done: number; total: number | null } | null>(null);
  useEffect(() => {
    if (!demo.isPending) return undefined;
    return getBridge().on('job:progress', (p) => {
      if (p.kind === 'demo:create') setProgress({ done: p.done, total: p.total });
    });
  }, [demo.isPending]);
  const percent = progress?.total ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : null;
  return (
    <div className="card welcome-card">
      <h2>{t('common.welcome.demo')}</h2>
      <p className="muted">{t('common.welcome.demoHint')}</p>
      <button
        type="button"
        className="btn btn-secondary"
        disabled={demo.isPending}
        onClick={() => {
          setProgress(null);
          demo.mutate(undefined, { onError: report });
        }}
      >
        {demo.isPending ? t('common.welcome.demoBusy') : t('common.welcome.demo')}
      </button>
      {demo.isPending && percent !== null ? (
        <p role="status" className="muted">
          {formatNumber(percent)}%
        </p>
      ) : null}
    </div>
  );
}
