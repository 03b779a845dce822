/**
 * Canonical serialisations that hashes are taken of (docs/review.md): JSON with object keys sorted
 * at every level, no whitespace, strings exactly as stored (no Unicode normalisation), numbers as
 * JSON writes them. The same bytes on every computer, so a hash made on one verifies on another.
 * Pure: the backend hashes the UTF-8 bytes with SHA-256.
 */
import type { DisclosureVersion } from './types.ts';

/** JSON with keys sorted at every level; `undefined` members are left out, as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const out = JSON.stringify(value);
    if (out === undefined) throw new TypeError('canonicalJson: not serialisable');
    return out;
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * What a version's SHA-256 covers: both locales' text, title, surface, the check results at that
 * moment, author, time and its number. Not the database ids (a review file carries the version to
 * another workspace).
 */
export function versionHashInput(v: Omit<DisclosureVersion, 'id' | 'disclosureId' | 'sha256'>): string {
  return canonicalJson({
    kind: 'notice-desk/disclosure-version@1',
    number: v.number,
    title: v.title,
    surface: v.surface,
    koText: v.koText,
    enText: v.enText,
    checks: v.checks,
    author: v.author,
    createdAt: v.createdAt,
  });
}
