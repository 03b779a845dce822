/**
 * Filter lists in SQL: `col IN (@s0, @s1, …)` with every value bound by name, never spliced into
 * the text. The one builder the metric repositories use for sender and category filters.
 */

/** `col IN (@p0, @p1, …)` for a filter list, or TRUE (`1`) when there is no filter (null). */
export function inListSql(col: string, prefix: string, values: readonly string[] | null): string {
  return values === null ? '1' : `${col} IN (${values.map((_, i) => `@${prefix}${i}`).join(', ')})`;
}

/** Binds a filter list's values as `prefix0`, `prefix1`, … (the names `inListSql` writes). */
export function bindList(params: Record<string, string | number>, prefix: string, values: readonly string[] | null): void {
  values?.forEach((v, i) => (params[`${prefix}${i}`] = v));
}
