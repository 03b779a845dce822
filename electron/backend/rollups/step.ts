/**
 * The one interface every rollup step implements. A step keeps one rollup table, or a few tied
 * closely together, for the accumulator (accumulator.ts): it gathers what a stored row changes in
 * memory (`add*`: no SQL per row) and writes it at `flush`. The accumulator calls the steps in a
 * fixed order, for every row and at every flush, so a step can rely on the ones before it having
 * written (the first messages see the notices written before them; the usage sets see the first
 * flags the first-message merge changed). A leaf of the folder: it imports no module of it.
 */
import type { ConsentEvent, NotificationEvent, UrlEvent } from '../../../shared/domain/canonical.ts';
import type { Db } from '../db/connection.ts';

/** What the steps of one accumulator share. */
export interface RollupContext {
  readonly db: Db;
  /** The workspace's time zone (days are local days in it). */
  readonly zone: string;
  /**
   * Recipient id → dense id, shared by the distinct-recipient and usage steps between flushes
   * (emptied past ID_CACHE_MAX).
   */
  readonly idCache: Map<string, number>;
  /** True during the last flush, the one `finish` makes. */
  finishing: boolean;
}

/** One rollup table (or a closely tied group) as the accumulator drives it. */
export interface RollupStep {
  /** A stored notification; `day` is its local day, `category` its category ('' for none). */
  addNotification?(event: NotificationEvent, day: number, category: string): void;
  /** A stored consent event. */
  addConsent?(event: ConsentEvent): void;
  /** A stored URL event. */
  addUrl?(event: UrlEvent): void;
  /** Writes what has been gathered since the last flush. */
  flush(ctx: RollupContext): void;
  /** After the last flush: writes what is kept across flushes. */
  finish?(ctx: RollupContext): void;
  /** After `finish`, for one import: the set-wise work over its stored rows. */
  complete?(ctx: RollupContext, importId: number): void;
}
