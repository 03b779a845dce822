// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportProgressList } from '../../../renderer/components/imports/ImportProgressList.tsx';
import { progressFigures } from '../../../renderer/components/imports/format.ts';
import type { ImportJobView } from '../../../renderer/data/import-hooks.ts';
import { I18nProvider } from '../../../renderer/i18n/I18nProvider.tsx';

afterEach(cleanup);

function job(patch: Partial<ImportJobView>): ImportJobView {
  return { key: 'k1', jobId: 'job-1', file: 'send-log.csv', phase: 'import', done: 0, total: null, rows: 0, startedAt: 0, leftMs: null, result: null, error: null, ...patch };
}

function show(view: ImportJobView, locale: 'en' | 'ko' = 'en') {
  render(
    <I18nProvider locale={locale} timeZone="Asia/Seoul">
      <ImportProgressList jobs={[view]} onCancel={() => {}} onDismiss={() => {}} />
    </I18nProvider>,
  );
  return screen.getByRole('progressbar').closest('li')!.querySelector('.imports-job-meta')!.textContent;
}

describe('import progress', () => {
  it('shows bytes as bytes while the file is read', () => {
    // job:progress while reading: done / total are bytes, rows the records so far.
    const meta = show(job({ phase: 'import', done: 400, total: 763, rows: 5 }));
    expect(meta).toContain('52%');
    expect(meta).toContain('5 records');
    expect(meta).toContain('400 B of 763 B');
  });

  it('shows records as records once the import is done (the final event puts the record count in done)', () => {
    // The last job:progress of an import: done = rows read, total null; the view keeps the byte total.
    const meta = show(job({ phase: 'done', done: 10, total: 763, rows: 10 }));
    expect(meta).toContain('100%');
    expect(meta).toContain('10 records');
    expect(meta).not.toContain('10 B');
    expect(meta).toContain('763 B of 763 B');
  });

  it('shows no byte figure in phases whose counts are not bytes, in Korean too', () => {
    const meta = show(job({ phase: 'cancelled', done: 7, total: 763, rows: 7 }), 'ko');
    expect(meta).toContain('레코드 7건');
    expect(meta).not.toMatch(/\bB\b/);
  });

  it('computes its figures from the phase', () => {
    expect(progressFigures({ phase: 'queued', done: 0, total: null })).toEqual({ pct: 0, bytes: null });
    expect(progressFigures({ phase: 'import', done: 900, total: 763 })).toEqual({ pct: 100, bytes: { done: 763, total: 763 } });
    expect(progressFigures({ phase: 'failed', done: 3, total: 763 })).toEqual({ pct: 0, bytes: null });
    expect(progressFigures({ phase: 'done', done: 10, total: null })).toEqual({ pct: 100, bytes: null });
  });
});
