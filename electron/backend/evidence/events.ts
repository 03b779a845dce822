/**
 * What an evidence pack reads from a workspace's events, when they are not in its file: a ClickHouse
 * workspace's warehouse answers these in the process that holds its connection
 * (warehouse/evidence.ts), and the pack is then written from them (collect.ts) — in the app's worker,
 * which has neither the connection nor the password. A local workspace's pack reads its own tables.
 */
import type { SectionInputs } from './sections.ts';

export interface EvidenceEvents {
  /** The data's first and last local day (null when it holds no events): the default period. */
  range: { first: number | null; last: number | null };
  /** The period these figures are for (inclusive local dates); a pack for another period is refused. */
  from: string;
  to: string;
  /** The metrics' results over that period. */
  inputs: SectionInputs;
  /** Whether any event falls in the period. */
  hasEvents: boolean;
  /** The local ids of the imports with an event in the period. */
  importIds: number[];
}
