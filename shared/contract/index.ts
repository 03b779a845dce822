import type { z } from 'zod';
import { appCalls } from './app.ts';
import { demoCalls } from './demo.ts';
import type { CallSpec } from './define.ts';
import { disclosureCalls } from './disclosures.ts';
import { evidenceCalls } from './evidence.ts';
import type { EventMap, EventName } from './events.ts';
import { importCalls } from './imports.ts';
import { metricsCalls } from './metrics.ts';
import { reviewCalls } from './review.ts';
import { settingsCalls } from './settings.ts';
import { workspaceCalls } from './workspace.ts';

/**
 * The whole API of Notice Desk: every call declared once. Each domain keeps its calls in its own
 * file; this object merges them. Add a domain by spreading its map here.
 */
export const contract = {
  ...appCalls,
  ...settingsCalls,
  ...workspaceCalls,
  ...importCalls,
  ...disclosureCalls,
  ...reviewCalls,
  ...metricsCalls,
  ...demoCalls,
  ...evidenceCalls,
};

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type InputOf<K extends CallName> = z.input<Contract[K]['input']>;
export type ParsedInputOf<K extends CallName> = z.output<Contract[K]['input']>;
export type ResultOf<K extends CallName> = Contract[K] extends CallSpec<z.ZodType, infer R> ? R : never;

/** Every call name, in a stable order (for the preload, the clients and the contract test). */
export const callNames = Object.keys(contract).sort() as CallName[];

/** The API as the renderer sees it: one async method per call. */
export type Api = { [K in CallName]: (input: InputOf<K>) => Promise<ResultOf<K>> };

/** The object the preload exposes on `window.noticeDesk`. */
export interface Bridge {
  call: Api;
  /**
   * The file-system path of a File the user dropped or picked (Electron's webUtils). Null in
   * browser mode, where the file's bytes are uploaded to the bridge instead.
   */
  pathForFile(file: unknown): string | null;
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
}

/** True when a string is one of the contract's call names. */
export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export * from './define.ts';
export * from './errors.ts';
export * from './events.ts';
export * from './settings.ts';
export * from './workspace.ts';
export * from './imports.ts';
export * from './app.ts';
export * from './disclosures.ts';
export * from './metrics.ts';
export * from './demo.ts';
export * from './evidence.ts';
