import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Bridge, EventMap, EventName, ImportPreview, ImportSummary } from '../../../shared/contract/index.ts';
import { AppError } from '../../../shared/contract/index.ts';
import { setBridge } from '../../../renderer/data/api.ts';
import { ImportsPage } from '../../../renderer/pages/ImportsPage.tsx';
import { renderWith } from '../dashboards/harness.tsx';

const IMPORT: ImportSummary = {
  id: 7, fileName: 'send-log.csv', filePath: '/exports/send-log.csv', sizeBytes: 2048, sha256: 'ab'.repeat(32),
  adapter: 'canonical', kind: 'notifications', encoding: 'cp949', mapping: null, timeZone: 'Asia/Seoul',
  startedAt: Date.UTC(2016, 2, 7), finishedAt: Date.UTC(2016, 2, 7), rowsRead: 10, imported: 8, duplicates: 1, rejected: 1,
};

function preview(file: string, adapter: string | null): ImportPreview {
  return {
    file, format: 'csv', encoding: 'utf-8', adapter, kind: null, header: ['발송일시', '수신번호', '발신프로필'],
    rows: [['2016/03/07 09:00:00', '010', '@shop']], preset: null, error: null,
    guess: { kind: 'notifications', columns: { sent_at: '발송일시', recipient_id: '수신번호', sender_id: '발신프로필' }, timestampFormat: 'YYYY/MM/DD HH:mm:ss', timeZone: null },
  };
}

/** An in-memory bridge with just the calls the Imports page makes, recording every call. */
function importsBridge(adapterOfPreview: string | null) {
  const calls: [string, unknown][] = [];
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  let imports = [IMPORT];
  const handlers: Record<string, (input: Record<string, unknown>) => unknown> = {
    'workspace:current': () => ({ path: '/w.sqlite', name: 'w', schemaVersion: 3, timeZone: 'Asia/Seoul', counts: { notifications: 8, consent: 0, urls: 0, imports: 1 }, demo: false }),
    'imports:list': () => imports,
    'imports:rejects': () => ({ total: 1, rows: [{ id: 1, importId: 7, fileName: 'send-log.csv', line: 4, column: 'sent_at', reason: 'sent_at "x" is not a timestamp', rawText: 'x,r,s' }] }),
    'imports:delete': (input) => {
      imports = imports.filter((i) => i.id !== input.id);
      return true;
    },
    'imports:preview': (input) => preview(String(input.file).split('/').pop()!, adapterOfPreview),
    'imports:start': (input) => ({ jobs: (input.files as string[]).map((f) => ({ jobId: 'job-1', file: f })) }),
    'imports:results': () => [],
    'imports:cancel': () => true,
    'imports:presets': () => [],
    'imports:savePreset': () => [],
    'imports:watchFolder': () => ({ path: null, enabled: false }),
    'imports:watchLog': () => [],
    'imports:privacy': () => ({ pseudonymiseRecipients: false, stripUrlQuery: false }),
  };
  const call = new Proxy({}, {
    get: (_t, name: string) => async (input: Record<string, unknown>) => {
      calls.push([name, input]);
      const h = handlers[name];
      if (!h) throw new AppError('unknown-call', name);
      return h(input ?? {});
    },
  });
  const bridge: Bridge = {
    call: call as Bridge['call'],
    pathForFile: (file) => `/dropped/${(file as File).name}`,
    on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (p: unknown) => void);
      return () => set.delete(listener as (p: unknown) => void);
    },
  };
  const emit = <E extends EventName>(event: E, payload: EventMap[E]) => listeners.get(event)?.forEach((l) => l(payload));
  return { bridge, calls, emit };
}

function renderPage(bridge: Bridge, locale: 'en' | 'ko' = 'en') {
  return renderWith(<ImportsPage />, bridge, locale);
}

function dropFiles(files: File[]) {
  const dataTransfer = { types: ['Files'], files, dropEffect: 'none' };
  for (const type of ['dragenter', 'dragover', 'drop']) {
    const event = new Event(type, { bubbles: true, cancelable: true });
    Object.defineProperty(event, 'dataTransfer', { value: dataTransfer });
    act(() => {
      window.dispatchEvent(event);
    });
  }
}

afterEach(() => {
  cleanup();
  setBridge(null);
});

describe('the Imports page', () => {
  it('lists each import with its provenance and shows its rejected rows', async () => {
    const { bridge } = importsBridge('canonical');
    renderPage(bridge);
    fireEvent.click(await screen.findByRole('button', { name: 'send-log.csv' }));
    expect(screen.getByText('ab'.repeat(32))).toBeTruthy();
    expect(screen.getByText('/exports/send-log.csv')).toBeTruthy();
    expect(screen.getAllByText('cp949').length).toBeGreaterThan(0);
    expect(await screen.findByText('sent_at "x" is not a timestamp')).toBeTruthy();
    expect(screen.getByText('x,r,s')).toBeTruthy();
  });

  it('deletes an import only after the user confirms', async () => {
    const { bridge, calls } = importsBridge('canonical');
    renderPage(bridge);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete send-log.csv' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText(/its 8 events, its rejects/)).toBeTruthy();
    expect(calls.some(([n]) => n === 'imports:delete')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete import' }));
    await waitFor(() => expect(calls).toContainEqual(['imports:delete', { id: 7 }]));
  });

  it('imports files dropped on the window and shows rows, bytes, percentage and time left, with cancel', async () => {
    const { bridge, calls, emit } = importsBridge('canonical');
    renderPage(bridge);
    await screen.findByRole('button', { name: 'send-log.csv' });
    dropFiles([new File(['sent_at\n'], 'a.csv'), new File(['sent_at\n'], 'b.csv')]);
    await waitFor(() => expect(calls.filter(([n]) => n === 'imports:start')).toHaveLength(2));
    expect(calls).toContainEqual(['imports:start', { files: ['/dropped/a.csv'], options: { adapter: 'auto', kind: null, encoding: 'auto', timeZone: null } }]);
    await new Promise((r) => setTimeout(r, 600));
    act(() => emit('job:progress', { jobId: 'job-1', kind: 'import:file', phase: 'import', done: 512, total: 1024, rows: 1234, message: 'a.csv' }));
    const bars = screen.getAllByRole('progressbar');
    expect(bars.some((b) => b.getAttribute('aria-valuenow') === '50')).toBe(true);
    expect(screen.getAllByText('1,234 records').length).toBeGreaterThan(0);
    expect(screen.getAllByText('512 B of 1 KB').length).toBeGreaterThan(0);
    expect(screen.getAllByText(/^about \d+:\d\d left$/).length).toBeGreaterThan(0);
    fireEvent.click(screen.getAllByRole('button', { name: 'Cancel' })[0]!);
    await waitFor(() => expect(calls).toContainEqual(['imports:cancel', { jobId: 'job-1' }]));
  });

  it('opens the column mapper for an unknown format with its guesses and imports with the mapping and a preset', async () => {
    const { bridge, calls } = importsBridge(null);
    renderPage(bridge, 'ko');
    await screen.findByRole('button', { name: 'send-log.csv' });
    dropFiles([new File(['x'], 'vendor.csv')]);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading', { name: 'vendor.csv의 열 지정' })).toBeTruthy();
    expect((within(dialog).getByLabelText('sent_at') as HTMLSelectElement).value).toBe('발송일시');
    fireEvent.change(within(dialog).getByLabelText('프리셋으로 저장(선택)'), { target: { value: '쇼핑몰 C' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '이 지정으로 가져오기' }));
    await waitFor(() => expect(calls.some(([n]) => n === 'imports:start')).toBe(true));
    const start = calls.find(([n]) => n === 'imports:start')![1] as { options: { adapter: string; mapping: { columns: Record<string, string>; timestampFormat: string } } };
    expect(start.options.adapter).toBe('generic');
    expect(start.options.mapping.columns).toEqual({ sent_at: '발송일시', recipient_id: '수신번호', sender_id: '발신프로필' });
    expect(start.options.mapping.timestampFormat).toBe('YYYY/MM/DD HH:mm:ss');
    expect(calls.find(([n]) => n === 'imports:savePreset')?.[1]).toMatchObject({ name: '쇼핑몰 C', header: ['발송일시', '수신번호', '발신프로필'] });
  });
});
