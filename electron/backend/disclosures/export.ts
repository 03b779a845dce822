import fs from 'node:fs';
import path from 'node:path';
import type { DisclosureExport, DisclosureRules } from '../../../shared/contract/disclosures.ts';
import { userError } from '../../../shared/contract/errors.ts';
import type { CheckOverride } from '../../../shared/disclosures/overrides.ts';
import type { Disclosure, Locale } from '../../../shared/disclosures/types.ts';
import { renderDisclosureHtml } from './export-html.ts';
import { renderDisclosureMarkdown } from './export-md.ts';
import { renderDisclosurePdf } from './export-pdf.ts';
import { buildReport } from './report.ts';
import { embeddedFontFaces } from './web-fonts.ts';

const MIME = { pdf: 'application/pdf', html: 'text/html; charset=utf-8', md: 'text/markdown; charset=utf-8' } as const;

/** A file name from a title: safe on every OS, keeps Korean. */
export function exportFileName(title: string, id: number, format: string): string {
  // eslint-disable-next-line no-control-regex
  const base = title.replace(/[\u0000-\u001f<>:"/\\|?*]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || `disclosure-${id}`;
  return `${base}.${format}`;
}

/** What a render needs besides the disclosure: variable values, rules, and the reviewers' overrides. */
export interface RenderOptions {
  variables: Record<Locale, Record<string, string>>;
  rules: DisclosureRules;
  now?: number;
  timeZone?: string;
  /** Overrides of the checklist (withdrawn ones are ignored). */
  overrides?: readonly CheckOverride[];
}

/** Renders a disclosure in one format. */
export async function renderDisclosure(
  disclosure: Disclosure,
  format: keyof typeof MIME,
  options: RenderOptions,
): Promise<Buffer> {
  const report = buildReport(disclosure, options.rules, options.variables, options.now, options.timeZone, options.overrides);
  if (format === 'pdf') return renderDisclosurePdf(report);
  if (format === 'html') {
    // The page's own characters decide the font subset (tag names are ASCII, already included).
    const faces = await embeddedFontFaces(renderDisclosureHtml(report));
    return Buffer.from(renderDisclosureHtml(report, faces), 'utf8');
  }
  return Buffer.from(renderDisclosureMarkdown(report), 'utf8');
}

/**
 * Exports a disclosure. With `path` (the user chose it in a save dialog) the file is written
 * atomically (temp file, then rename; nothing half-written is left) and its path returned; without
 * it (browser mode) the bytes come back as base64 for a download.
 */
export async function exportDisclosure(
  disclosure: Disclosure,
  format: keyof typeof MIME,
  options: RenderOptions & { path?: string },
): Promise<DisclosureExport> {
  const bytes = await renderDisclosure(disclosure, format, options);
  return deliverBytes(bytes, exportFileName(disclosure.title, disclosure.id, format), MIME[format], options.path);
}

/**
 * Hands a file to the user: written atomically to `target` (a path the user chose, already checked
 * by the path policy) — a temporary file beside it, then a rename, so nothing half-written is left —
 * or, without a target (browser mode), returned as base64 for a download.
 */
export function deliverBytes(bytes: Uint8Array, fileName: string, mimeType: string, target?: string): DisclosureExport {
  if (target === undefined) {
    return { path: null, fileName, mimeType, bytes: bytes.length, base64: Buffer.from(bytes).toString('base64') };
  }
  const file = path.resolve(target);
  if (!fs.existsSync(path.dirname(file))) {
    throw userError('file-unreadable', 'disclosures.folder-missing', { file }, { file });
  }
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, bytes);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw userError('file-unreadable', 'disclosures.write-failed', { file, reason: (error as Error).message }, { file });
  }
  return { path: file, fileName: path.basename(file), mimeType, bytes: bytes.length, base64: null };
}
