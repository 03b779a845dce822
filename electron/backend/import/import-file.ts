import path from 'node:path';
import { summarizeError, userError } from '../../../shared/contract/errors.ts';
import type { FileImportResult, GenericMapping, ImportEncoding, RejectInfo } from '../../../shared/contract/imports.ts';
import type { EventKind } from '../../../shared/domain/canonical.ts';
import type { Db } from '../db/connection.ts';
import { withBulkLoadSettings } from '../db/events-repo.ts';
import { finishImport, insertImport } from '../db/imports-repo.ts';
import { prepareRejectInsert } from '../db/rejects-repo.ts';
import { createRollupAccumulator, type RollupAccumulator } from '../rollups/index.ts';
import { formatCsvRecord } from './csv.ts';
import { chooseAdapter, type ChosenAdapter } from './choose-adapter.ts';
import { prepareSource, type PreparedSource } from './read-records.ts';
import type { ReadLimits } from './limits.ts';
import { openSource, type Source } from './source.ts';
import type { Emitter, InputRecord, RecordMapper } from './types.ts';
import { RowValidator, type RowPrivacy } from './validate.ts';
import { attachReorderFile, ReorderStage } from './reorder.ts';
import type { AnyEvent } from './validate.ts';
import { KindWriter } from './writer.ts';

/**
 * Progress of one file. `bytesRead` of `totalBytes` measure the work in bytes: the file's bytes,
 * plus (when rows far out of time order were set aside to be stored after the read: reorder.ts)
 * their share of it again, so the last report of a file has bytesRead = totalBytes.
 */
export interface FileProgress {
  rowsRead: number;
  bytesRead: number;
  totalBytes: number;
}

/** Everything one file's import needs. */
export interface ImportFileOptions {
  adapter: string;
  kind: EventKind | null;
  encoding: ImportEncoding;
  timeZone: string;
  mapping: GenericMapping | null;
  privacy: RowPrivacy;
  /** The name to record (defaults to the file's base name; uploads pass the user's file name). */
  displayName?: string;
  /** Input limits (record length, unpacked size and ratio); missing ones take DEFAULT_READ_LIMITS. */
  limits?: Partial<ReadLimits>;
  /** Replaces the rollup accumulator (bench only). */
  rollups?: (db: Db) => RollupAccumulator;
  onProgress?: (p: FileProgress) => void;
  /** Cancels: checked between two chunks of the file (and two pages of set-aside rows); nothing is kept. */
  signal?: AbortSignal;
}

const MAX_REPORTED_REJECTS = 100;
const ROLLUP_FLUSH_EVERY = 20_000;
const RAW_LIMIT = 4000;

/** A result for a file that could not be read at all (nothing written). */
export function refusedResult(file: string, error: unknown): FileImportResult {
  return {
    file, importId: null, kind: null, adapter: null, encoding: null, rowsRead: 0, imported: 0, duplicates: 0,
    rejected: 0, skipped: 0, rejects: [], rejectsOmitted: 0, error: summarizeError(error),
  };
}

/** A file opened for import: its source, format, adapter and validator (both writers read through it). */
export interface OpenedImport {
  src: Source;
  prepared: PreparedSource;
  chosen: ChosenAdapter;
  mapper: RecordMapper;
  validator: RowValidator;
  fileName: string;
  /** The zone of timestamps without an offset (the mapping's, else the import's). */
  zone: string;
}

/** Opens a file, reads its head and chooses its adapter (throws an AppError when it cannot be read). */
export async function openImport(db: Db, file: string, options: ImportFileOptions): Promise<OpenedImport> {
  const fileName = options.displayName ?? path.basename(file);
  const src = openSource(file, { name: fileName, limits: options.limits });
  const prepared = await prepareSource(src, fileName, options.encoding);
  const chosen = chooseAdapter(db, prepared, options);
  const mapper = chosen.adapter.create({ header: prepared.header, kind: options.kind, mapping: chosen.mapping, fileName });
  const zone = chosen.mapping?.timeZone ?? options.timeZone;
  return { src, prepared, chosen, mapper, validator: new RowValidator(zone, options.privacy), fileName, zone };
}

/** Where the records of a file go: validated events, and records that cannot be imported. */
export interface RecordSink {
  event(kind: EventKind, event: AnyEvent, line: number): void;
  reject(record: InputRecord, column: string | null, reason: string): void;
}

/**
 * The one record stream of an import: every record through the adapter and the validator to the
 * sink (the same readers, adapters, validation and privacy for the local and the warehouse writer).
 * `onRows` hears the records read every 20,000 records; `between` is awaited after each chunk read.
 */
export async function streamRecords(
  opened: OpenedImport,
  sink: RecordSink,
  onRows?: (rowsRead: number) => void,
  between?: () => Promise<void>,
): Promise<{ rowsRead: number; skipped: number }> {
  const { validator, mapper } = opened;
  let rowsRead = 0;
  let skipped = 0;
  let current: InputRecord | null = null;
  const emitter: Emitter = {
    event(kind, fields) {
      const event = validator.validate(kind, fields);
      if (!event) return sink.reject(current!, validator.problem.column, validator.problem.reason);
      sink.event(kind, event, current!.line);
    },
    reject(column, reason) {
      sink.reject(current!, column, reason);
    },
    skip() {
      skipped++;
    },
  };
  let nextReport = 0;
  await opened.prepared.run((record) => {
    rowsRead++;
    current = record;
    if (record.type === 'bad') sink.reject(record, null, record.reason);
    else mapper(record, emitter);
    if (rowsRead >= nextReport) {
      nextReport = rowsRead + 20_000;
      onRows?.(rowsRead);
    }
  }, between);
  return { rowsRead, skipped };
}

/** Records an import's rejects in the workspace (every one) and reports the first MAX_REPORTED_REJECTS. */
export class RejectLog {
  rejected = 0;
  readonly reported: RejectInfo[] = [];
  private readonly stmt: ReturnType<typeof prepareRejectInsert>;
  private readonly importId: number;
  private readonly delimiter: string;

  constructor(db: Db, importId: number, prepared: PreparedSource) {
    this.stmt = prepareRejectInsert(db);
    this.importId = importId;
    this.delimiter = prepared.layout.format === 'csv' ? prepared.layout.delimiter : ',';
  }

  add(r: InputRecord, column: string | null, reason: string): void {
    this.rejected++;
    const where = r.type === 'object' && r.entry ? `${r.entry}: ` : '';
    const raw = (r.type === 'row' ? formatCsvRecord(r.values, this.delimiter) : r.raw).slice(0, RAW_LIMIT);
    this.stmt.run(this.importId, r.line, column, where + reason, raw);
    if (this.reported.length < MAX_REPORTED_REJECTS) this.reported.push({ line: r.line, column, reason: where + reason });
  }
}

/**
 * Imports one file in one transaction: all of it (good rows, rejects, rollups, provenance) or, on
 * any failure, a kill or a cancel, nothing. Throws an AppError when the file cannot be read as any
 * supported format (the transaction is then rolled back, so nothing is written).
 */
export async function importFile(db: Db, file: string, options: ImportFileOptions): Promise<FileImportResult> {
  const opened = await openImport(db, file, options);
  return withBulkLoadSettings(db, async () => {
    const scratch = attachReorderFile(db);
    try {
      return await writeFile(db, opened, options, scratch !== null);
    } finally {
      scratch?.detach();
    }
  });
}

async function writeFile(db: Db, opened: OpenedImport, options: ImportFileOptions, reordering: boolean): Promise<FileImportResult> {
  const { src, prepared, chosen, fileName, zone } = opened;
  const file = src.path;
  db.exec('BEGIN IMMEDIATE');
  try {
    const importId = insertImport(db, {
      fileName,
      filePath: path.resolve(file),
      sizeBytes: src.size,
      sha256: '',
      adapter: chosen.adapter.name,
      kind: options.kind ?? chosen.adapter.kinds[0]!,
      encoding: prepared.encoding,
      mapping: chosen.mapping,
      timeZone: zone,
      startedAt: Date.now(),
    });
    const acc = (options.rollups ?? createRollupAccumulator)(db);
    const writers = new Map<EventKind, KindWriter>();
    const rejectLog = new RejectLog(db, importId, prepared);
    let rowsRead = 0;
    let sinceFlush = 0;
    const reorder = new ReorderStage(db, reordering);
    const store = (kind: EventKind, event: AnyEvent, line: number) => {
      let writer = writers.get(kind);
      if (!writer) {
        writer = new KindWriter(db, kind, importId, acc);
        writers.set(kind, writer);
      }
      writer.add(event, line);
      if (++sinceFlush >= ROLLUP_FLUSH_EVERY) {
        for (const w of writers.values()) w.flush();
        acc.flush();
        sinceFlush = 0;
      }
    };
    // The work in bytes: the file, and again the share of the rows set aside (reorder.ts).
    const perRow = () => (rowsRead > 0 ? src.bytesRead / rowsRead : 0);
    const stagedBytes = () => Math.round(reorder.staged * perRow());
    const stopIfCancelled = () => {
      if (options.signal?.aborted) throw userError('cancelled', 'workspace.job-cancelled');
    };
    const read = await streamRecords(
      opened,
      {
        event(kind, event, line) {
          if (reorder.admit(kind, event, line)) store(kind, event, line);
        },
        reject: (r, column, reason) => rejectLog.add(r, column, reason),
      },
      (n) => {
        rowsRead = n;
        options.onProgress?.({ rowsRead, bytesRead: src.bytesRead, totalBytes: src.size + stagedBytes() });
      },
      async () => stopIfCancelled(),
    );
    rowsRead = read.rowsRead;
    const { skipped } = read;
    const { rejected, reported: rejects } = rejectLog;
    const total = src.size + stagedBytes();
    let stored = 0;
    for (const page of reorder.drain()) {
      stopIfCancelled();
      for (const r of page) store(r.kind, r.event, r.line);
      stored += page.length;
      options.onProgress?.({ rowsRead, bytesRead: Math.min(total, src.size + Math.round(stored * perRow())), totalBytes: total });
    }
    for (const w of writers.values()) w.flush();
    acc.flush();
    acc.complete?.(importId);
    let imported = 0;
    let duplicates = 0;
    for (const w of writers.values()) {
      imported += w.imported;
      duplicates += w.duplicates;
    }
    const kinds = [...writers.keys()];
    const kind = options.kind ?? (kinds.length > 0 ? kinds.join('+') : chosen.adapter.kinds[0]!);
    finishImport(db, importId, {
      sha256: src.sha256(),
      kind,
      finishedAt: Date.now(),
      rowsRead,
      imported,
      duplicates,
      rejected,
    });
    db.exec('COMMIT');
    options.onProgress?.({ rowsRead, bytesRead: total, totalBytes: total });
    return {
      file: fileName, importId, kind, adapter: chosen.adapter.name, encoding: prepared.encoding, rowsRead, imported,
      duplicates, rejected, skipped, rejects, rejectsOmitted: rejected - rejects.length, error: null,
    };
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
