/**
 * Gathers an evidence pack's summary from a workspace for a period (docs/evidence.md): the disclosures
 * in force, the metrics engine's figures and charts, the cost model, the imports that fed the period
 * and the audit trail's state. Plain data, the same for the same workspace and period.
 */
import path from 'node:path';
import pkg from '../../../package.json' with { type: 'json' };
import type { EvidenceImport, EvidenceLocale, EvidenceSummary } from '../../../shared/evidence/types.ts';
import { describeCostModel } from '../../../shared/metrics/cost-model.ts';
import type { Db } from '../db/connection.ts';
import { schemaVersion } from '../db/migrate.ts';
import { workspaceTimeZone } from '../db/workspace-settings.ts';
import { workspaceVariables } from '../disclosures/variables.ts';
import { loadCostModel } from '../metrics/settings.ts';
import { verifyAudit } from '../review/audit.ts';
import { threadsOnVersion } from '../review/threads.ts';
import { getDisclosure } from '../db/disclosures-repo.ts';
import { disclosuresInForce, type InForce } from './in-force.ts';
import { resolvePeriod, type EvidencePeriod } from './period.ts';
import { importsByIds, importsWithEventsBetween, periodHasEvents } from '../db/evidence-repo.ts';
import type { EvidenceEvents } from './events.ts';
import { localSectionInputs, sectionsFrom } from './sections.ts';
import { userError } from '../../../shared/contract/errors.ts';
import { warehouseConfig } from '../warehouse/config.ts';

/** The app's version as package.json names it (bundled into the app, read by Node in the CLI). */
export const APP_VERSION: string = pkg.version;

export interface CollectOptions {
  /** Inclusive local dates (YYYY-MM-DD); missing ones default to the first and last event day. */
  from?: string;
  to?: string;
  language: EvidenceLocale;
  /** The clock for "today" when the workspace holds no events (tests pin it). */
  now?: () => number;
  /**
   * What the warehouse says about the events (events.ts): required for a ClickHouse workspace, whose
   * file holds none; a local workspace's pack reads its own tables.
   */
  events?: EvidenceEvents;
}

/** A summary with what the pack's files are written from besides it. */
export interface Collected {
  summary: EvidenceSummary;
  period: EvidencePeriod;
  inForce: InForce[];
}

const AUDIT_REASONS = {
  hash: 'its contents do not match its hash (it was edited)',
  link: 'it does not name the hash of the entry before it (an entry was inserted or removed)',
  gap: 'the sequence jumps here (an entry was deleted)',
} as const;

/**
 * The imports with an event in the period, with their provenance (file name only, never a path): found
 * in the workspace's tables, or named by the warehouse (`importIds`).
 */
export function importsOfPeriod(db: Db, period: EvidencePeriod, importIds?: readonly number[]): EvidenceImport[] {
  const rows = importIds === undefined ? importsWithEventsBetween(db, period.fromMs, period.toMs) : importsByIds(db, importIds);
  return rows.map((r) => ({
    id: r.id,
    fileName: path.basename(r.file_name.replace(/\\/g, '/')),
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    adapter: r.adapter,
    kind: r.kind,
    rowsRead: r.rows_read,
    imported: r.imported,
    duplicates: r.duplicates,
    rejected: r.rejected,
    importedAt: r.started_at,
  }));
}

/** Everything the pack is written from. */
export function collect(db: Db, options: CollectOptions): Collected {
  // A ClickHouse workspace's file holds no events: its figures come from the warehouse (`events`),
  // never from the empty local tables — a pack of zeros would be wrong evidence.
  const { events } = options;
  if (events === undefined && warehouseConfig(db) !== null) throw userError('bad-input', 'warehouse.evidence-local-only');
  const timeZone = workspaceTimeZone(db);
  const period = resolvePeriod(db, timeZone, options, options.now, events?.range);
  if (events !== undefined && (events.from !== period.from || events.to !== period.to)) {
    throw userError('internal', 'evidence.events-other-period', { from: period.from, to: period.to, eventsFrom: events.from, eventsTo: events.to });
  }
  const variables = workspaceVariables(db).values[options.language];
  const inForce = disclosuresInForce(db, period.fromMs, period.toMs, timeZone, variables);
  const { sections, urlNoticeDate } = sectionsFrom(events?.inputs ?? localSectionInputs(db, period));
  const audit = verifyAudit(db);
  let reviewThreads = 0;
  for (const f of inForce) {
    const d = getDisclosure(db, f.disclosure.id);
    if (d && f.version) reviewThreads += threadsOnVersion(db, d, f.version.number).threads.length;
  }
  const summary: EvidenceSummary = {
    language: options.language,
    period: { from: period.from, to: period.to, timeZone },
    stampedAt: period.stampedAt,
    workspace: { name: path.basename(db.name), schemaVersion: schemaVersion(db), appVersion: APP_VERSION },
    disclosures: inForce.map((f) => f.disclosure),
    sections,
    costModel: describeCostModel(loadCostModel(db)),
    imports: importsOfPeriod(db, period, events?.importIds),
    audit: {
      entries: audit.entries,
      head: audit.head,
      verified: audit.ok,
      problem: audit.firstBad ? `entry ${audit.firstBad.seq} does not verify: ${AUDIT_REASONS[audit.firstBad.reason]}` : null,
    },
    reviewThreads,
    empty: { events: !(events?.hasEvents ?? periodHasEvents(db, period.fromDay, period.toDay)), disclosures: inForce.length === 0 },
    urlNoticeDate,
    bucketing: period.by,
  };
  return { summary, period, inForce };
}

/** The summary of an evidence pack for a period (docs/evidence.md). */
export function collectEvidence(db: Db, options: CollectOptions): EvidenceSummary {
  return collect(db, options).summary;
}
