/**
 * The audit trail (docs/review.md#audit-trail): append-only and tamper-evident. Each entry's hash
 * is the SHA-256 of the canonical JSON of its fields together with the hash of the entry before,
 * so editing, deleting or inserting an entry breaks the chain from that entry on. Nothing in the
 * app updates or deletes an entry; `verifyAudit` finds the first that does not verify.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../shared/review/canonical.ts';
import type { AuditEntry, AuditVerification } from '../../../shared/review/types.ts';
import type { Db } from '../db/connection.ts';

/** The `prevHash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

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

/** What one entry's hash covers. */
export function auditHash(e: Omit<AuditEntry, 'hash'>): string {
  const input = canonicalJson({
    kind: 'notice-desk/audit@1',
    seq: e.seq,
    at: e.at,
    actor: e.actor,
    action: e.action,
    subject: e.subject,
    details: e.details,
    prevHash: e.prevHash,
  });
  return createHash('sha256').update(input, 'utf8').digest('hex');
}

/** What a caller records; the sequence number and the hashes are the trail's. */
export interface AuditRecord {
  at: number;
  actor: string;
  action: string;
  subject: string;
  details?: Record<string, unknown>;
}

/**
 * Appends one entry. Call it inside the transaction that makes the change it records, so that the
 * change and its entry are stored together or not at all.
 */
export function appendAudit(db: Db, record: AuditRecord): AuditEntry {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const entry: Omit<AuditEntry, 'hash'> = {
    seq: (last?.seq ?? 0) + 1,
    at: record.at,
    actor: record.actor.trim() || '—',
    action: record.action,
    subject: record.subject,
    details: record.details ?? {},
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const hash = auditHash(entry);
  db.prepare('INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    entry.seq,
    entry.at,
    entry.actor,
    entry.action,
    entry.subject,
    canonicalJson(entry.details),
    entry.prevHash,
    hash,
  );
  return { ...entry, hash };
}

function toEntry(row: AuditRow): AuditEntry {
  let details: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(row.details);
    details = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { value: parsed };
  } catch {
    details = { unreadable: row.details };
  }
  return { seq: row.seq, at: row.at, actor: row.actor, action: row.action, subject: row.subject, details, prevHash: row.prev_hash, hash: row.hash };
}

/** Entries newest first, optionally only those about one subject, at most `limit`. */
export function listAudit(db: Db, options: { subject?: string; limit?: number; beforeSeq?: number } = {}): AuditEntry[] {
  const rows = db
    .prepare(
      `SELECT * FROM audit_log WHERE (? IS NULL OR subject = ?) AND (? IS NULL OR seq < ?) ORDER BY seq DESC LIMIT ?`,
    )
    .all(options.subject ?? null, options.subject ?? null, options.beforeSeq ?? null, options.beforeSeq ?? null, options.limit ?? 200) as AuditRow[];
  return rows.map(toEntry);
}

/**
 * Walks the chain from the first entry: the sequence must run 1, 2, 3 … without a gap (a deleted
 * entry), each entry must name the hash of the one before (an inserted or removed one), and its own
 * hash must match its fields (an edited one). Reads in pages, so a long trail needs little memory.
 * The chain cannot show that entries were cut off the end: record `head` (the last hash) where a
 * later check can compare it (the evidence pack prints it).
 */
export function verifyAudit(db: Db): AuditVerification & { head: string } {
  const page = db.prepare('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT 1000');
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let entries = 0;
  for (;;) {
    const rows = page.all(expectedSeq - 1) as AuditRow[];
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.seq !== expectedSeq) return { ok: false, entries, firstBad: { seq: expectedSeq, reason: 'gap' }, head: prevHash };
      if (row.prev_hash !== prevHash) return { ok: false, entries, firstBad: { seq: row.seq, reason: 'link' }, head: prevHash };
      const recomputed = auditHash({ ...toEntry(row), details: parseDetailsStrict(row.details) });
      if (recomputed !== row.hash || canonicalJsonOrNull(row.details) !== row.details) {
        return { ok: false, entries, firstBad: { seq: row.seq, reason: 'hash' }, head: prevHash };
      }
      prevHash = row.hash;
      expectedSeq += 1;
      entries += 1;
    }
  }
  return { ok: true, entries, firstBad: null, head: prevHash };
}

function parseDetailsStrict(text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { unreadable: text };
  }
}

/** The canonical form of stored details, or null when they are not JSON (an edit made them so). */
function canonicalJsonOrNull(text: string): string | null {
  try {
    return canonicalJson(JSON.parse(text));
  } catch {
    return null;
  }
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
