import type { GenericMapping } from '../../../shared/contract/imports.ts';
import type { EventKind } from '../../../shared/domain/canonical.ts';

export type { GenericMapping };

/** A record as read from a file: a CSV row (values by header position) or a JSON object. */
export type InputRecord =
  | { type: 'row'; values: string[]; line: number }
  | { type: 'object'; value: Record<string, unknown>; line: number; raw: string; entry: string | null }
  | { type: 'bad'; line: number; raw: string; reason: string };

/** Canonical field values as text, by canonical field name (docs/canonical-model.md). Missing = undefined. */
export type CanonicalFields = Record<string, string | undefined>;

/** What an adapter sends on for one input record. */
export interface Emitter {
  /** One canonical event's fields (validated afterwards by the canonical reader). */
  event(kind: EventKind, fields: CanonicalFields): void;
  /** The record cannot be turned into an event (kept as a reject). */
  reject(column: string | null, reason: string): void;
  /** The record is not an event this adapter imports (e.g. an inbound SMS): counted, not stored. */
  skip(): void;
}

/** What an adapter sees when it decides whether a file is its format. */
export interface Sample {
  fileName: string;
  format: 'csv' | 'json';
  /** CSV header, trimmed and lower-cased. */
  header: string[];
  /** The first few JSON records (objects only). */
  objects: Record<string, unknown>[];
}

/** Settings an adapter is created with. */
export interface AdapterSetup {
  /** CSV header as written in the file (trimmed). */
  header: string[];
  kind: EventKind | null;
  mapping: GenericMapping | null;
  fileName: string;
}

/** Turns one input record into zero or more canonical events. */
export type RecordMapper = (record: InputRecord, emit: Emitter) => void;

/** One export format. */
export interface Adapter {
  name: string;
  /** The kinds of event it produces, main kind first. */
  kinds: readonly EventKind[];
  /** True when the sample is this adapter's format. Adapters are tried in registry order. */
  detect(sample: Sample): boolean;
  create(setup: AdapterSetup): RecordMapper;
}
