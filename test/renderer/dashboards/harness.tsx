import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { Api, Bridge, CallName, InputOf, ResultOf } from '../../../shared/contract/index.ts';
import type { EventMap, EventName } from '../../../shared/contract/events.ts';
import { AppError } from '../../../shared/contract/errors.ts';
import { describeCostModel, defaultCostModel } from '../../../shared/metrics/cost-model.ts';
import type { CostModel, Marker, SavedFilters } from '../../../shared/metrics/types.ts';
import { ErrorProvider } from '../../../renderer/components/errors.tsx';
import { setBridge } from '../../../renderer/data/api.ts';
import { I18nProvider } from '../../../renderer/i18n/I18nProvider.tsx';

/** recharts measures with ResizeObserver, which jsdom lacks: report a fixed 720 × 300 box. */
export function installResizeObserver(): void {
  class FixedResizeObserver {
    private readonly callback: ResizeObserverCallback;
    constructor(callback: ResizeObserverCallback) {
      this.callback = callback;
    }
    observe(target: Element) {
      const rect = { width: 720, height: 300, top: 0, left: 0, right: 720, bottom: 300, x: 0, y: 0, toJSON: () => ({}) };
      this.callback([{ target, contentRect: rect } as unknown as ResizeObserverEntry], this as unknown as ResizeObserver);
    }
    unobserve() {}
    disconnect() {}
  }
  globalThis.ResizeObserver = FixedResizeObserver as unknown as typeof ResizeObserver;
}

type Handler<K extends CallName> = (input: InputOf<K>) => ResultOf<K> | Promise<ResultOf<K>>;
export type Handlers = { [K in CallName]?: Handler<K> };

/** A record of every call the UI made, in order. */
export interface CallLog {
  calls: { name: string; input: unknown }[];
  named(name: string): unknown[];
}

/**
 * A small in-memory Bridge: the given handlers answer their calls (anything else fails with
 * `unknown-call`, so a test sees which call it forgot), and `emit` fires events like the backend.
 */
export function memoryBridge(handlers: Handlers): {
  bridge: Bridge;
  log: CallLog;
  emit: <E extends EventName>(event: E, payload: EventMap[E]) => void;
} {
  const log: CallLog = { calls: [], named: (n) => log.calls.filter((c) => c.name === n).map((c) => c.input) };
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const call = new Proxy({} as Api, {
    get: (_t, name: string) => async (input: unknown) => {
      log.calls.push({ name, input });
      const handler = (handlers as Record<string, ((i: unknown) => unknown) | undefined>)[name];
      if (!handler) throw new AppError('unknown-call', `The test bridge has no handler for ${name}`);
      return handler(input);
    },
  });
  const bridge: Bridge = {
    call,
    pathForFile: () => null,
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (p: unknown) => void);
      return () => set.delete(listener as (p: unknown) => void);
    },
  };
  return { bridge, log, emit: (event, payload) => listeners.get(event)?.forEach((l) => l(payload)) };
}

/** Filters kept by the test workspace (mutable through metrics:setFilters). */
export function filterStore(initial: Partial<SavedFilters> = {}) {
  let saved: SavedFilters = { preset: 'all', from: null, to: null, by: 'month', senders: [], categories: [], ...initial };
  return {
    get: () => saved,
    set: (patch: Partial<SavedFilters>) => {
      saved = { ...saved, ...patch };
      return saved;
    },
  };
}

/** Handlers every dashboard page needs: workspace, dimensions, filters, markers, cost model. */
export function baseHandlers(options: { demo?: boolean; markers?: Marker[]; filters?: Partial<SavedFilters> } = {}): Handlers {
  const filters = filterStore(options.filters);
  let model: CostModel = { ...defaultCostModel };
  return {
    'workspace:current': () => ({
      path: '/tmp/ws.noticedesk',
      name: 'ws',
      schemaVersion: 3,
      timeZone: 'Asia/Seoul',
      counts: { notifications: 10, consent: 2, urls: 1, imports: 1 },
      demo: options.demo ?? false,
      reviewFile: null,
      warehouse: null,
    }),
    'metrics:dimensions': () => ({
      senders: [{ key: 'shop-hanbit', count: 7 }, { key: 'deli-express', count: 3 }],
      categories: [{ key: '배송', count: 6 }, { key: '결제', count: 4 }],
      templates: [],
      firstDate: '2016-01-01',
      lastDate: '2016-06-30',
      timeZone: 'Asia/Seoul',
    }),
    'metrics:getFilters': () => filters.get(),
    'metrics:setFilters': (patch) => filters.set(patch as Partial<SavedFilters>),
    'markers:list': () => options.markers ?? [],
    'metrics:getCostModel': () => describeCostModel(model),
    'metrics:setCostModel': (patch) => {
      model = { ...model, ...(patch as Partial<CostModel>) };
      return describeCostModel(model);
    },
    'metrics:resetCostModel': () => {
      model = { ...defaultCostModel };
      return describeCostModel(model);
    },
  };
}

/** Renders UI inside the providers the app gives it (fresh query cache, the chosen locale). */
export function renderWith(ui: ReactNode, bridge: Bridge, locale: 'ko' | 'en' = 'en') {
  setBridge(bridge);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <I18nProvider locale={locale} timeZone="Asia/Seoul">
        <ErrorProvider>{ui}</ErrorProvider>
      </I18nProvider>
    </QueryClientProvider>,
  );
}

/** Captures what `<a download>` exports save: file name and text. */
export function captureDownloads(): { files: { name: string; blob: Blob }[]; restore: () => void } {
  const files: { name: string; blob: Blob }[] = [];
  const blobs = new Map<string, Blob>();
  let n = 0;
  const originalCreate = URL.createObjectURL;
  const originalRevoke = URL.revokeObjectURL;
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    const url = `blob:test/${n++}`;
    blobs.set(url, blob as Blob);
    return url;
  };
  URL.revokeObjectURL = () => {};
  const originalClick = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (blob) files.push({ name: this.download, blob });
  };
  return {
    files,
    restore: () => {
      URL.createObjectURL = originalCreate;
      URL.revokeObjectURL = originalRevoke;
      HTMLAnchorElement.prototype.click = originalClick;
    },
  };
}

/** A blob's text (jsdom's Blob lacks text() in some versions). */
export function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

/** A blob's bytes (through FileReader: jsdom's Blob is not Node's). */
export function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}
