/** Small helpers adapters share for reading vendor fields. */

/** A JSON value as canonical field text: strings as they are, numbers and booleans as text. */
export function str(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/** A nested property by path (`user.external_user_id`). */
export function at(obj: Record<string, unknown>, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** The first of several paths that has a non-empty value, as text. */
export function first(obj: Record<string, unknown>, ...paths: string[]): string | undefined {
  for (const p of paths) {
    const v = str(at(obj, p));
    if (v !== undefined && v.trim() !== '') return v;
  }
  return undefined;
}

/** Column index by header name (case-insensitive, trimmed); -1 when absent. */
export function columnIndex(header: readonly string[], ...names: string[]): number {
  const lower = header.map((h) => h.trim().toLowerCase());
  for (const n of names) {
    const i = lower.indexOf(n.toLowerCase());
    if (i !== -1) return i;
  }
  return -1;
}

/** True when every name is in the (lower-cased) header. */
export function hasAll(header: readonly string[], ...names: string[]): boolean {
  return names.every((n) => header.includes(n.toLowerCase()));
}

/** Adds the KST offset to a vendor timestamp written without one (`2016-03-07 10:00:00` → `…+09:00`). */
export function assumeKst(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const t = value.trim();
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(t)) return `${t.replace(' ', 'T')}+09:00`;
  return t;
}
