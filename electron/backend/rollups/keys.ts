/**
 * Constants every rollup step shares. A leaf: it imports nothing, so any module of the folder can
 * use it without importing back up.
 */

/** Separates the parts of in-memory rollup keys. */
export const SEP = '\u001f';

/**
 * Recipient ids an accumulator keeps in memory between flushes (emptied when past it): enough for
 * most workspaces' recipients, small enough that a file with millions of them stays flat in memory.
 */
export const ID_CACHE_MAX = 250_000;
