/**
 * The evidence pack's own reads of the workspace (everything else comes from the repositories and the
 * metrics engine): whether a period holds events, which imports fed it, and the whole audit trail in
 * order. Every value is bound.
 */
import type { AuditEntry } from '../../../shared/review/types.ts';
import type { Db } from '../db/connection.ts';

/** True when any event (notification, consent or URL) falls on a local day in [fromDay, toDay] (read from the daily rollups). */
export function periodHasEvents(db: Db, fromDay: number, toDay: number): boolean {
  const row = db
    .prepare(
      `SELECT EXISTS(SELECT 1 FROM rollup_notifications_daily WHERE day BETWEEN @a AND @b)
           OR EXISTS(SELECT 1 FROM rollup_consent_daily WHERE day BETWEEN @a AND @b)
           OR EXISTS(SELECT 1 FROM rollup_urls_daily WHERE day BETWEEN @a AND @b) AS found`,
    )
    .get({ a: fromDay, b: toDay }) as { found: number };
  return row.found === 1;
}

/** An import as the pack lists it (never its path on disk). */
export interface ImportRowForPack {
  id: number;
  file_name: string;
  size_bytes: number;
  sha256: string;
  adapter: string;
  kind: string;
  rows_read: number;
  imported: number;
  duplicates: number;
  rejected: number;
  started_at: number;
}

/**
 * The imports with at least one event in [fromMs, toMs), oldest first. Each import is probed through
 * its `*_by_import` index and stops at its first event inside the period.
 */
export function importsWithEventsBetween(db: Db, fromMs: number, toMs: number): ImportRowForPack[] {
  return db
    .prepare(
      `SELECT id, file_name, size_bytes, sha256, adapter, kind, rows_read, imported, duplicates, rejected, started_at
         FROM imports i
        WHERE EXISTS(SELECT 1 FROM notifications n WHERE n.import_id = i.id AND n.sent_at >= @a AND n.sent_at < @b)
           OR EXISTS(SELECT 1 FROM consent c WHERE c.import_id = i.id AND c.occurred_at >= @a AND c.occurred_at < @b)
           OR EXISTS(SELECT 1 FROM urls u WHERE u.import_id = i.id AND u.occurred_at >= @a AND u.occurred_at < @b)
        ORDER BY id`,
    )
    .all({ a: fromMs, b: toMs }) as ImportRowForPack[];
}

interface AuditRow {
  seq: number;
  at: number;
  actor: string;
  action: string;
  subject: string;
  details: string;
  prev_hash: string;
  hash: string;
}

function toEntry(r: AuditRow): AuditEntry {
  let details: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(r.details);
    details = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { value: parsed };
  } catch {
    details = { unreadable: r.details };
  }
  return { seq: r.seq, at: r.at, actor: r.actor, action: r.action, subject: r.subject, details, prevHash: r.prev_hash, hash: r.hash };
}

const AUDIT_COLUMNS = 'seq, at, actor, action, subject, details, prev_hash, hash';

/**
 * Every audit entry, oldest first, as stored: `details` is the stored JSON parsed (or `{ unreadable }`
 * when an edit broke it), so the pack shows what the chain hashed.
 */
export function allAuditEntries(db: Db): AuditEntry[] {
  return (db.prepare(`SELECT ${AUDIT_COLUMNS} FROM audit_log ORDER BY seq`).all() as AuditRow[]).map(toEntry);
}

/** The 'status' entries of the audit trail about one disclosure, oldest first. */
export function statusEntries(db: Db, disclosureId: number): AuditEntry[] {
  return (
    db.prepare(`SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE subject = ? AND action = 'status' ORDER BY seq`).all(`disclosure:${disclosureId}`) as AuditRow[]
  ).map(toEntry);
}
