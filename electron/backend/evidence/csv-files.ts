/**
 * The CSV and JSON files of an evidence pack, from its summary and the workspace's records. Every CSV
 * goes through the app's one CSV writer (BOM, CRLF, formula guard); JSON is written with two-space
 * indents and LF. Instants are ISO 8601 in UTC; days are local dates in the workspace time zone.
 */
import { canonicalJson } from '../../../shared/review/canonical.ts';
import type { EvidenceSummary } from '../../../shared/evidence/types.ts';
import { metricDefinitions, type DefinitionId } from '../../../shared/metrics/definitions.ts';
import { csvOfRecords, type CsvValue } from '../../../shared/metrics/csv.ts';
import type { AuditEntry, PlacedThread } from '../../../shared/review/types.ts';
import { threadsCsv, threadsJson } from '../review/thread-export.ts';

/** An instant as ISO 8601 UTC, or empty. */
export function iso(ms: number | null): string {
  return ms === null ? '' : new Date(ms).toISOString();
}

/** JSON as the pack writes it: two-space indents, LF, a final newline. */
export function packJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** `figures.csv`: every figure of the summary, one row each, with its section's definitions. */
export function figuresCsv(summary: EvidenceSummary): string {
  const rows: CsvValue[][] = [];
  for (const s of summary.sections) {
    for (const f of s.figures) rows.push([s.id, f.id, f.label.ko, f.label.en, f.value, f.unit, s.definitions.join(' ')]);
    if (s.id === 'urls') {
      rows.push([s.id, 'urls.urlNoticeDate', 'URL 이용 고지 시행일', 'URL-use notice effective date', summary.urlNoticeDate ?? null, 'date', 'indexedWithoutNotice']);
    }
  }
  return csvOfRecords(['section', 'id', 'label_ko', 'label_en', 'value', 'unit', 'definition'], rows);
}

/** `charts/<id>.csv` of every chart: one row per bucket, one column per series (its key). */
export function chartCsvs(summary: EvidenceSummary): { path: string; text: string }[] {
  return summary.sections.flatMap((s) =>
    s.charts.map((c) => ({
      path: c.csv,
      text: csvOfRecords(['bucket', ...c.series.map((x) => x.key)], c.rows.map((r) => [r.bucket, ...r.values])),
    })),
  );
}

/** `disclosures.csv`: the disclosures in force with their version, hash, dates and sign-off. */
export function disclosuresCsv(summary: EvidenceSummary): string {
  return csvOfRecords(
    [
      'id', 'title', 'surface', 'status_now', 'version', 'version_sha256', 'effective_day', 'effective_at_utc', 'retired_day', 'retired_at_utc',
      'approved_by', 'approved_at_utc', 'published_by', 'published_at_utc', 'text_ko', 'text_en',
    ],
    summary.disclosures.map((d) => [
      d.id, d.title, d.surface, d.status, d.version, d.versionSha256, d.effectiveDay, iso(d.effectiveAt), d.retiredDay, iso(d.retiredAt),
      d.approvedBy, iso(d.approvedAt), d.publishedBy, iso(d.publishedAt), d.files.md.ko, d.files.md.en,
    ]),
  );
}

/** `cost-model.csv`: each field of the cost model in force, its default and the default's source. */
export function costModelCsv(summary: EvidenceSummary): string {
  return csvOfRecords(
    ['field', 'value', 'default', 'is_default', 'source_ko', 'source_en'],
    summary.costModel.fields.map((f) => [f.field, f.value, f.defaultValue, f.isDefault, f.source.ko, f.source.en]),
  );
}

/** `imports.csv`: the imports that fed the period (file names only). */
export function importsCsv(summary: EvidenceSummary): string {
  return csvOfRecords(
    ['id', 'file_name', 'size_bytes', 'sha256', 'adapter', 'kind', 'rows_read', 'imported', 'duplicates', 'rejected', 'imported_at_utc'],
    summary.imports.map((i) => [i.id, i.fileName, i.sizeBytes, i.sha256, i.adapter, i.kind, i.rowsRead, i.imported, i.duplicates, i.rejected, iso(i.importedAt)]),
  );
}

/** `definitions.csv`: every definition a section of the pack names, in both languages, with the sections naming it. */
export function definitionsCsv(summary: EvidenceSummary): string {
  const used = new Map<DefinitionId, string[]>();
  for (const s of summary.sections) for (const id of s.definitions) used.set(id, [...(used.get(id) ?? []), s.id]);
  const ids = [...used.keys()].sort();
  return csvOfRecords(
    ['id', 'title_ko', 'title_en', 'text_ko', 'text_en', 'sections'],
    ids.map((id) => {
      const d = metricDefinitions[id];
      return [id, d.title.ko, d.title.en, d.text.ko, d.text.en, used.get(id)!.join(' ')];
    }),
  );
}

/** `audit-trail.csv`: every entry with its hash chain (details as the canonical JSON the hash covers). */
export function auditCsv(entries: readonly AuditEntry[]): string {
  return csvOfRecords(
    ['seq', 'at_utc', 'at_ms', 'actor', 'action', 'subject', 'details', 'prev_hash', 'hash'],
    entries.map((e) => [e.seq, iso(e.at), e.at, e.actor, e.action, e.subject, canonicalJson(e.details), e.prevHash, e.hash]),
  );
}

/** `audit-trail.json`: every entry, the head and whether the chain verified when the pack was written. */
export function auditJson(summary: EvidenceSummary, entries: readonly AuditEntry[]): string {
  return packJson({
    format: 'notice-desk/evidence-audit-trail@1',
    head: summary.audit.head,
    verified: summary.audit.verified,
    problem: summary.audit.problem,
    entries,
  });
}

/** The review threads of one disclosure in force, placed on its published version. */
export interface DisclosureThreads {
  disclosure: { id: number; title: string };
  version: number;
  threads: PlacedThread[];
}

/** Splits CSV text (as `csvOfRecords` writes it, BOM removed) into its records: CRLF outside quotes ends one. */
function csvRecords(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      out.push(text.slice(start, i));
      start = i + 2;
      i++;
    }
  }
  return out;
}

/**
 * `review-threads.csv`: the review view's thread export (one row per live comment) of every
 * disclosure in force, each row led by the disclosure's id and title.
 */
export function reviewThreadsCsv(all: readonly DisclosureThreads[]): string {
  const lead = (cells: CsvValue[]) => csvOfRecords(cells.map(String), [], false).slice(0, -2);
  const header = lead(['disclosure_id', 'disclosure_title']);
  let body = '';
  let columns = '';
  for (const d of all) {
    const [head, ...records] = csvRecords(threadsCsv(d.threads, d.version).replace(/^\uFEFF/, ''));
    columns = head ?? columns;
    const prefix = `${lead([d.disclosure.id, d.disclosure.title])},`;
    for (const r of records) body += `${prefix}${r}\r\n`;
  }
  if (!columns) columns = csvRecords(threadsCsv([], 0).replace(/^\uFEFF/, ''))[0]!;
  return `\uFEFF${header},${columns}\r\n${body}`;
}

/** `review-threads.json`: the review view's thread export of every disclosure in force. */
export function reviewThreadsJson(all: readonly DisclosureThreads[]): string {
  return packJson({
    format: 'notice-desk/evidence-review-threads@1',
    disclosures: all.map((d) => JSON.parse(threadsJson(d.threads, d.version, d.disclosure)) as unknown),
  });
}
