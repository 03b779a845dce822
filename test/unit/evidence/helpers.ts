import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../../electron/backend/db/connection.ts';
import type { PdfRenderer } from '../../../electron/backend/evidence/files.ts';
import { transition } from '../../../electron/backend/review/workflow.ts';
import type { Surface } from '../../../shared/disclosures/types.ts';

export { consent, notifications, urls, workspace } from '../metrics/helpers.ts';

/** A stand-in for the summary PDF: the summary as JSON (deterministic, and shows what the PDF was given). */
export const jsonPdf: PdfRenderer = async (summary) => Buffer.from(JSON.stringify(summary), 'utf8');

/** An instant from a Seoul wall-clock time, e.g. `2016-03-01T09:00`. */
export function seoul(local: string): number {
  return Date.parse(`${local}:00+09:00`);
}

/**
 * Publishes a new disclosure (its starter template) through the real workflow at the given instants:
 * submitted by 이작성, approved by 김법무, published by 박게시 with `effectiveAt`; retired at `retiredAt` when given.
 */
export async function publish(
  api: { 'disclosures:create': (input: { surface: Surface; title?: string }) => Promise<{ id: number }> },
  db: () => Db,
  options: { surface?: Surface; title?: string; submittedAt: number; approvedAt: number; publishedAt: number; effectiveAt: number; retiredAt?: number },
): Promise<number> {
  const d = await api['disclosures:create']({ surface: options.surface ?? 'alimtalk', ...(options.title ? { title: options.title } : {}) });
  transition(db(), d.id, { to: 'in-review', actor: '이작성', now: options.submittedAt });
  transition(db(), d.id, { to: 'approved', actor: '김법무', now: options.approvedAt });
  transition(db(), d.id, { to: 'published', actor: '박게시', now: options.publishedAt, effectiveAt: options.effectiveAt });
  if (options.retiredAt !== undefined) transition(db(), d.id, { to: 'retired', actor: '박게시', now: options.retiredAt });
  return d.id;
}

/** Every file of a folder, relative path (forward slashes) to bytes, sorted. */
export function readTree(root: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (dir: string, prefix: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory()) walk(path.join(dir, e.name), `${prefix}${e.name}/`);
      else out.set(prefix + e.name, fs.readFileSync(path.join(dir, e.name)));
    }
  };
  walk(root, '');
  return out;
}

/** Parses CSV as the app writes it (BOM, CRLF, RFC 4180 quotes) into records of strings keyed by the header. */
export function parseCsv(text: string): Record<string, string>[] {
  const body = text.replace(/^\uFEFF/, '');
  const records: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      records.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  const [header, ...rows] = records;
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

/** A CSV value as a number (empty: null). */
export function num(value: string | undefined): number | null {
  return value === undefined || value === '' ? null : Number(value);
}
