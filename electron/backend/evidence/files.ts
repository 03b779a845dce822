/**
 * Every file of an evidence pack, in memory, from the collected summary (docs/evidence.md#what-the-pack-holds):
 * the same workspace and period give the same bytes in every file — nothing reads the clock, nothing
 * is random, everything is listed in a fixed order.
 */
import { createHash } from 'node:crypto';
import type { EvidenceManifest, EvidenceSummary } from '../../../shared/evidence/types.ts';
import type { Disclosure } from '../../../shared/disclosures/types.ts';
import type { Db } from '../db/connection.ts';
import { listCheckOverrides } from '../db/check-overrides-repo.ts';
import { getDisclosure } from '../db/disclosures-repo.ts';
import { renderDisclosureHtml } from '../disclosures/export-html.ts';
import { renderDisclosureMarkdown } from '../disclosures/export-md.ts';
import { buildReport, type DisclosureReport } from '../disclosures/report.ts';
import { loadDisclosureRules } from '../disclosures/resources.ts';
import { workspaceVariables } from '../disclosures/variables.ts';
import { embeddedFontFaces } from '../disclosures/web-fonts.ts';
import { threadsOnVersion } from '../review/threads.ts';
import type { Collected } from './collect.ts';
import {
  auditCsv,
  auditJson,
  chartCsvs,
  costModelCsv,
  definitionsCsv,
  disclosuresCsv,
  figuresCsv,
  importsCsv,
  reviewThreadsCsv,
  reviewThreadsJson,
  packJson,
  type DisclosureThreads,
} from './csv-files.ts';
import type { InForce } from './in-force.ts';
import { allAuditEntries } from '../review/audit.ts';

export const MANIFEST = 'manifest.json';
export const SUMMARY_PDF = 'summary.pdf';

/** One file of a pack: its pack-relative path (forward slashes) and bytes. */
export interface PackFile {
  path: string;
  bytes: Uint8Array;
}

/** Renders the summary PDF (electron/backend/evidence/pdf.ts; tests may stand in for it). */
export type PdfRenderer = (summary: EvidenceSummary) => Promise<Uint8Array>;

/** SHA-256 of bytes, hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** The disclosure as its published version reads (title, surface, texts), stamped with the pack's instant. */
function asPublished(f: InForce, current: Disclosure): Disclosure {
  const d = f.disclosure;
  return {
    ...current,
    title: d.title,
    surface: d.surface,
    koText: d.texts.ko,
    enText: d.texts.en,
    effectiveAt: d.effectiveAt,
    publishedAt: d.publishedAt,
    version: d.version ?? current.version,
  };
}

/** Markdown and HTML of each language of each disclosure in force (the disclosure exports' renderers, one language a file). */
async function disclosureFiles(db: Db, collected: Collected): Promise<PackFile[]> {
  const out: PackFile[] = [];
  if (collected.inForce.length === 0) return out;
  const rules = loadDisclosureRules();
  const variables = workspaceVariables(db).values;
  const { stampedAt, period } = collected.summary;
  for (const f of collected.inForce) {
    const current = getDisclosure(db, f.disclosure.id);
    if (!current) continue;
    const report = buildReport(asPublished(f, current), rules, variables, stampedAt, period.timeZone, listCheckOverrides(db, current.id));
    for (const locale of ['ko', 'en'] as const) {
      const one: DisclosureReport = { ...report, locales: report.locales.filter((l) => l.locale === locale) };
      out.push({ path: f.disclosure.files.md[locale], bytes: utf8(renderDisclosureMarkdown(one)) });
      const html = renderDisclosureHtml(one);
      out.push({ path: f.disclosure.files.html[locale], bytes: utf8(renderDisclosureHtml(one, await embeddedFontFaces(html))) });
    }
  }
  return out;
}

function threadsOfInForce(db: Db, inForce: readonly InForce[]): DisclosureThreads[] {
  const out: DisclosureThreads[] = [];
  for (const f of inForce) {
    const d = getDisclosure(db, f.disclosure.id);
    if (!d || !f.version) continue;
    out.push({ disclosure: { id: d.id, title: f.disclosure.title }, version: f.version.number, threads: threadsOnVersion(db, d, f.version.number).threads });
  }
  return out;
}

/** The manifest of a pack's files (sorted by path), with the workspace's schema and the app's version. */
export function buildManifest(summary: EvidenceSummary, files: readonly PackFile[]): EvidenceManifest {
  return {
    format: 'notice-desk-evidence',
    formatVersion: 1,
    appVersion: summary.workspace.appVersion,
    schemaVersion: summary.workspace.schemaVersion,
    period: summary.period,
    files: [...files]
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
      .map((f) => ({ path: f.path, size: f.bytes.length, sha256: sha256Hex(f.bytes) })),
  };
}

/**
 * Every file of the pack, sorted by path, `manifest.json` among them. `onFile` sees each file as it
 * is made (the pack writer writes it out at once).
 */
export async function packFiles(db: Db, collected: Collected, renderPdf: PdfRenderer, onFile: (f: PackFile) => void = () => {}): Promise<PackFile[]> {
  const { summary } = collected;
  const files: PackFile[] = [];
  const add = (path: string, content: string | Uint8Array) => {
    const f = { path, bytes: typeof content === 'string' ? utf8(content) : content };
    files.push(f);
    onFile(f);
  };
  add('figures.csv', figuresCsv(summary));
  for (const c of chartCsvs(summary)) add(c.path, c.text);
  add('disclosures.csv', disclosuresCsv(summary));
  for (const f of await disclosureFiles(db, collected)) add(f.path, f.bytes);
  add('cost-model.csv', costModelCsv(summary));
  const entries = allAuditEntries(db);
  add('audit-trail.csv', auditCsv(entries));
  add('audit-trail.json', auditJson(summary, entries));
  const threads = threadsOfInForce(db, collected.inForce);
  add('review-threads.csv', reviewThreadsCsv(threads));
  add('review-threads.json', reviewThreadsJson(threads));
  add('imports.csv', importsCsv(summary));
  add('definitions.csv', definitionsCsv(summary));
  add(SUMMARY_PDF, await renderPdf(summary));
  add(MANIFEST, packJson(buildManifest(summary, files)));
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
