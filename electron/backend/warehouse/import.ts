/**
 * Loading a file into a ClickHouse workspace's warehouse (docs/warehouse.md): the same record
 * stream as a local import (readers, adapters, validation, privacy, rejects: import-file.ts), the
 * events streamed to ClickHouse in batches, deduplicated against the warehouse's `nd_keys` and
 * within the batch; then the first messages of the pairs it touched are refreshed (firsts.ts). All or
 * nothing per file: a failure or a cancel deletes what the import inserted, and the import's
 * `nd_imports` row is written last. The local workspace records the import (the
 * Imports page, its rejects) in one SQLite transaction committed after it.
 */
import { createHash, randomInt, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { userError } from '../../../shared/contract/errors.ts';
import type { FileImportResult } from '../../../shared/contract/imports.ts';
import type { ConsentEvent, EventKind, NotificationEvent, UrlEvent } from '../../../shared/domain/canonical.ts';
import { localDay } from '../../../shared/metrics/calendar.ts';
import type { Db } from '../db/connection.ts';
import { deleteImportRow, finishImport, insertImport } from '../db/imports-repo.ts';
import { deleteMeta, getMeta, setMeta } from '../db/meta-repo.ts';
import { workspaceTimeZone } from '../db/workspace-settings.ts';
import { openImport, RejectLog, streamRecords, type ImportFileOptions } from '../import/import-file.ts';
import type { AnyEvent } from '../import/validate.ts';
import { dedupeMaterial } from '../import/writer.ts';
import { hostOf } from '../rollups/url-sets.ts';
import type { Warehouse } from './client.ts';
import { warehouseConfig } from './config.ts';
import { refreshFirsts } from './firsts.ts';
import { refreshViolations } from './violations.ts';
import { findPassword, type PasswordSources } from './password.ts';
import { deleteWarehouseImports, importKeyedTables } from './remove.ts';
import { eventTables } from './schema.ts';
import { sqlInt, sqlString } from './sql.ts';

export interface WarehouseImportOptions extends ImportFileOptions {
  /** The import's id (a caller that runs the import in a worker chooses it, to clean up after a killed worker). */
  importId?: string;
  /** Events per batch sent to ClickHouse (default 50,000). */
  batchRows?: number;
  signal?: AbortSignal;
}

const DEFAULT_BATCH = 50_000;
const META_PREFIX = 'warehouseImport:';

/**
 * What a caller that runs a ClickHouse workspace's import in a worker passes to it (the password
 * from the host's keychain or the environment, and a new import id), or undefined for a local one.
 */
export function warehouseJobParams(db: Db, sources: PasswordSources = {}): { password: string | null; importId: string } | undefined {
  const config = warehouseConfig(db);
  return config === null ? undefined : { password: findPassword(config, sources), importId: randomUUID() };
}

/** The warehouse import id of a local import row, or null (a local import, or an unknown id). */
export function warehouseImportId(db: Db, localId: number): string | null {
  return getMeta<string | null>(db, META_PREFIX + localId, null);
}

/** A dedupe key: the event's dedupe material (writer.ts) hashed to 128 bits. */
export function warehouseDedupeKey(kind: EventKind, event: AnyEvent): string {
  return createHash('sha256').update(dedupeMaterial(kind, event)).digest('hex').slice(0, 32);
}

async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

type Row = Record<string, string | number>;

/** The warehouse row of a validated event (absent text '', unknown bytes -1; day in the warehouse zone). */
function eventRow(kind: EventKind, e: AnyEvent, dayZone: string): Row {
  if (kind === 'notifications') {
    const n = e as NotificationEvent;
    return {
      event_id: n.eventId ?? '', sent_at: n.sentAt, day: localDay(n.sentAt, dayZone), recipient_id: n.recipientId, sender_id: n.senderId,
      template_id: n.templateId ?? '', category: n.category ?? '', status: n.status, bytes: n.bytes ?? -1, network: n.network,
    };
  }
  if (kind === 'consent') {
    const c = e as ConsentEvent;
    return {
      event_id: c.eventId ?? '', occurred_at: c.occurredAt, day: localDay(c.occurredAt, dayZone), recipient_id: c.recipientId,
      sender_id: c.senderId ?? '', action: c.action, disclosure_version: c.disclosureVersion ?? '', source: c.source ?? '',
    };
  }
  const u = e as UrlEvent;
  return {
    event_id: u.eventId ?? '', occurred_at: u.occurredAt, day: localDay(u.occurredAt, dayZone), url: u.url, host: hostOf(u.url),
    action: u.action, recipient_id: u.recipientId ?? '', engine: u.engine ?? '',
  };
}

/** One kind's events waiting to be sent. */
interface Pending {
  rows: Row[];
  keys: Set<string>;
}

/**
 * Deletes an import's rows from the warehouse, then checks that none came back (an insert a killed
 * worker had already sent may land after the delete) and deletes again if some did.
 */
export async function discardWarehouseImport(wh: Warehouse, importId: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await deleteWarehouseImports(wh, [importId]);
    const counts = await Promise.all(
      importKeyedTables().map((t) => wh.query<{ n: number }>(`SELECT count() AS n FROM ${wh.table(t)} WHERE import_id = ${sqlString(importId)}`)),
    );
    if (counts.every(([r]) => Number(r?.n ?? 0) === 0)) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/**
 * Imports one file into the warehouse. A file whose bytes were imported before (same sha-256 in
 * `nd_imports`) is not read again: it comes back with 0 imported and its events as duplicates.
 */
export async function importWarehouseFile(db: Db, wh: Warehouse, file: string, options: WarehouseImportOptions): Promise<FileImportResult> {
  const opened = await openImport(db, file, options);
  const { src, prepared, chosen, fileName, zone } = opened;
  const adapter = chosen.adapter.name;
  if (fs.statSync(file).isFile()) {
    const sha = await fileSha256(file);
    const [prior] = await wh.query<{ n: number; events: number; rows: number }>(
      `SELECT count() AS n, argMin(imported + duplicates, seq) AS events, argMin(rows_read, seq) AS rows FROM ${wh.table('nd_imports')} WHERE sha256 = ${sqlString(sha)}`,
    );
    if (prior && Number(prior.n) > 0) {
      return {
        file: fileName, importId: null, kind: options.kind ?? chosen.adapter.kinds[0]!, adapter, encoding: prepared.encoding,
        rowsRead: Number(prior.rows), imported: 0, duplicates: Number(prior.events), rejected: 0, skipped: 0, rejects: [], rejectsOmitted: 0, error: null,
      };
    }
  }
  const importId = options.importId ?? randomUUID();
  const seq = Date.now() * 1000 + randomInt(1000);
  const dayZone = workspaceTimeZone(db);
  const batchRows = options.batchRows ?? DEFAULT_BATCH;
  // A batch's keys, held on the server this import talks to while it looks them up (Memory: nothing on disk).
  const stage = `nd_stage_${importId.replace(/[^0-9a-f]/gi, '').slice(0, 32)}`;
  await wh.command(`CREATE TABLE IF NOT EXISTS ${wh.table(stage)} (dedupe_key String) ENGINE = Memory`);
  db.exec('BEGIN IMMEDIATE');
  try {
    const localId = insertImport(db, {
      fileName, filePath: path.resolve(file), sizeBytes: src.size, sha256: '', adapter,
      kind: options.kind ?? chosen.adapter.kinds[0]!, encoding: prepared.encoding, mapping: chosen.mapping, timeZone: zone, startedAt: Date.now(),
    });
    const rejectLog = new RejectLog(db, localId, prepared);
    const pending = new Map<EventKind, Pending>();
    const kinds = new Set<EventKind>();
    let waiting = 0;
    let rowNo = 0;
    let imported = 0;
    let duplicates = 0;
    let rowsRead = 0;

    const flush = async () => {
      for (const [kind, p] of pending) {
        if (p.rows.length === 0) continue;
        const days = [...new Set(p.rows.map((r) => r.day as number))];
        // The batch's keys go to the staging table as data (50,000 literals in the SQL took 1.5–3 s to
        // parse on 18.16, and once more on every shard); GLOBAL IN ships the set to the shards.
        await wh.command(`TRUNCATE TABLE ${wh.table(stage)}`);
        await wh.insert(stage, [...p.keys].map((k) => ({ dedupe_key: k })));
        const found = await wh.query<{ k: string }>(
          `SELECT dedupe_key AS k FROM ${wh.table('nd_keys')} WHERE kind = ${sqlString(kind)} AND day IN (${days.map(sqlInt).join(', ')})` +
            ` AND dedupe_key GLOBAL IN (SELECT dedupe_key FROM ${wh.table(stage)})`,
        );
        const stored = new Set(found.map((r) => r.k));
        const rows = p.rows.filter((r) => !stored.has(r.dedupe_key as string));
        duplicates += p.rows.length - rows.length;
        await Promise.all([
          wh.insert(eventTables[kind].name, rows),
          wh.insert('nd_keys', rows.map((r) => ({ kind, day: r.day, dedupe_key: r.dedupe_key, import_id: importId }))),
        ]);
        imported += rows.length;
        waiting -= p.rows.length;
        pending.set(kind, { rows: [], keys: new Set() });
      }
      options.onProgress?.({ rowsRead, bytesRead: src.bytesRead, totalBytes: src.size });
    };

    const read = await streamRecords(
      opened,
      {
        event(kind, event, line) {
          kinds.add(kind);
          let p = pending.get(kind);
          if (!p) pending.set(kind, (p = { rows: [], keys: new Set() }));
          const key = warehouseDedupeKey(kind, event);
          if (p.keys.has(key)) {
            duplicates++;
            return;
          }
          p.keys.add(key);
          p.rows.push({ import_id: importId, seq, row_no: ++rowNo, dedupe_key: key, ...eventRow(kind, event, dayZone), source_line: line });
          waiting++;
        },
        reject: (r, column, reason) => rejectLog.add(r, column, reason),
      },
      (n) => {
        rowsRead = n;
        options.onProgress?.({ rowsRead, bytesRead: src.bytesRead, totalBytes: src.size });
      },
      async () => {
        if (options.signal?.aborted) throw userError('cancelled', 'workspace.job-cancelled');
        if (waiting >= batchRows) await flush();
      },
    );
    rowsRead = read.rowsRead;
    await flush();
    if (options.signal?.aborted) throw userError('cancelled', 'workspace.job-cancelled');
    // The pairs this import's messages belong to get their first messages again, from all events.
    if (kinds.has('notifications') && imported > 0) await refreshFirsts(wh, [importId], 'with');
    // The violations of the recipients its messages and consent states belong to, again from all events.
    if ((kinds.has('notifications') || kinds.has('consent')) && imported > 0) await refreshViolations(wh, [importId], 'with');
    const kind = options.kind ?? (kinds.size > 0 ? [...kinds].join('+') : chosen.adapter.kinds[0]!);
    const sha256 = src.sha256();
    const { rejected, reported } = rejectLog;
    // Last: an import is recorded in the warehouse only once all its rows are there.
    await wh.insert('nd_imports', [
      { import_id: importId, seq, kind, file_name: fileName, sha256, imported, duplicates, rejected, imported_at: Date.now(), rows_read: rowsRead },
    ]);
    finishImport(db, localId, { sha256, kind, finishedAt: Date.now(), rowsRead, imported, duplicates, rejected });
    setMeta(db, META_PREFIX + localId, importId);
    db.exec('COMMIT');
    options.onProgress?.({ rowsRead, bytesRead: src.size, totalBytes: src.size });
    return {
      file: fileName, importId: localId, kind, adapter, encoding: prepared.encoding, rowsRead, imported, duplicates, rejected,
      skipped: read.skipped, rejects: reported, rejectsOmitted: rejected - reported.length, error: null,
    };
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    await discardWarehouseImport(wh, importId).catch(() => undefined);
    throw error;
  } finally {
    await wh.command(`DROP TABLE IF EXISTS ${wh.table(stage)}`).catch(() => undefined);
  }
}

/**
 * Deletes one import of a ClickHouse workspace: its rows in every warehouse table (waiting for the
 * deletes to finish), then its local record and rejects. A local import id without a warehouse
 * import (none in a ClickHouse workspace) is refused as missing.
 */
export async function deleteWarehouseImport(db: Db, wh: Warehouse, localId: number): Promise<void> {
  const importId = warehouseImportId(db, localId);
  if (importId === null) throw userError('not-found', 'imports.import-missing', { id: localId });
  await deleteWarehouseImports(wh, [importId]);
  db.transaction(() => {
    deleteImportRow(db, localId);
    deleteMeta(db, META_PREFIX + localId);
  })();
}
