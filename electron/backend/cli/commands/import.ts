import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { userError } from '../../../../shared/contract/errors.ts';
import { adapterNames, importEncodings, type FileImportResult, type GenericMapping, type ImportRunOptions } from '../../../../shared/contract/imports.ts';
import { eventKinds, type EventKind } from '../../../../shared/domain/canonical.ts';
import type { Db } from '../../db/connection.ts';
import { listPresets } from '../../db/presets-repo.ts';
import { IMPORT_RESOURCE_LIMITS } from '../../import/limits.ts';
import { runJob, WORKER_EXIT_GRACE_MS } from '../../jobs/run-job.ts';
import { readMappingFile } from '../mapping-file.ts';
import { openWorkspaceInProcess } from '../../workspace.ts';
import { isValidTimeZone } from '../../../../shared/time-zone.ts';
import { Warehouse } from '../../warehouse/client.ts';
import { warehouseConfig } from '../../warehouse/config.ts';
import { discardWarehouseImport } from '../../warehouse/import.ts';
import { requirePassword } from '../../warehouse/password.ts';
import { UsageError, type CliCommand } from '../types.ts';

const MAX_JSON_REJECTS = 100;

function summary(r: FileImportResult): string {
  if (r.error) return `${r.file}: NOT IMPORTED — ${r.error.message}`;
  const parts = [
    `${r.file}: ${r.imported} imported`,
    `${r.duplicates} duplicate(s)`,
    `${r.rejected} rejected`,
    `of ${r.rowsRead} record(s)`,
    `[${r.adapter}, ${r.kind}, ${r.encoding}]`,
  ];
  if (r.skipped) parts.splice(3, 0, `${r.skipped} skipped`);
  const lines = [parts.join(', ')];
  for (const j of r.rejects.slice(0, 10)) lines.push(`  line ${j.line}${j.column ? ` (${j.column})` : ''}: ${j.reason}`);
  if (r.rejected > 10) lines.push(`  … ${r.rejected - 10} more rejected row(s) are kept in the workspace`);
  return lines.join('\n');
}

/** The mapping of a preset saved in the workspace, or an error naming the presets there are. */
function presetMapping(db: Db, name: string, workspace: string): GenericMapping {
  const presets = listPresets(db);
  const found = presets.find((p) => p.name === name);
  if (!found) throw userError('not-found', 'cli.preset-not-found', { name, file: workspace, names: presets.map((p) => `"${p.name}"`).join(', ') || '—' });
  return found.mapping;
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import export files (canonical CSV/NDJSON/JSON or a vendor export) into a workspace',
  usage:
    'notice-desk import <file>... --workspace <ws> [--adapter auto|<name>] [--kind notifications|consent|urls] ' +
    '[--encoding auto|utf-8|cp949|utf-16le|utf-16be] [--timezone <IANA zone>] [--mapping <file.json> | --preset <name>] [--max-record <chars>] [--json]',
  help: [
    'Imports each file in its own transaction: all of it or nothing. Bad rows are rejected (kept in the',
    'workspace with line, column and reason) and the rest imports; events already in the workspace are',
    'counted as duplicates and not stored again. Files may be gzip-compressed; a Slack export may be a',
    'folder or a zip. The workspace is created when it does not exist.',
    '',
    'Options:',
    '  --workspace <ws>     the workspace file (required)',
    `  --adapter <name>     auto (default) or one of: ${adapterNames.join(', ')}`,
    '  --kind <kind>        force the kind of event: notifications, consent or urls',
    '  --encoding <enc>     auto (default: BOM, UTF-16, UTF-8, else CP949), utf-8, cp949, utf-16le, utf-16be',
    '  --timezone <zone>    zone of timestamps without an offset (default: the workspace time zone)',
    '  --mapping <file>     a column mapping as the app\'s column mapper saves it (JSON): {"kind": "notifications",',
    '                       "columns": {"sent_at": "발송일시", "recipient_id": "수신번호", …}, "timestampFormat":',
    '                       "YYYY/MM/DD HH:mm:ss", "timeZone": null}; or a preset {"name", "header", "mapping"}.',
    '                       Imports through the generic adapter with it',
    '  --preset <name>      the mapping of a preset saved in this (existing) workspace by the column mapper',
    '  --max-record <n>     longest record accepted, in characters (default 1048576 = 1 MiB; 1024 to 268435456);',
    '                       a longer CSV record, NDJSON line or JSON element stops the file with a clear error',
    '  --json               print {"files": [{"file", "kind", "adapter", "encoding", "rowsRead", "imported",',
    '                       "duplicates", "rejected", "skipped", "rejects": [{"line", "column", "reason"}],',
    '                       "rejectsOmitted", "importId", "error"}]}; rejects are capped at 100 per file',
    '',
    'Exit codes: 0 every file was read (rows may have been rejected: see "rejected"); 2 bad usage, or a',
    'file could not be read at all (that file was not imported, the others were); 130 interrupted (Ctrl-C or',
    'SIGTERM): nothing of the file being imported was kept, in a ClickHouse workspace either; the files',
    'imported before it were.',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        workspace: { type: 'string' },
        adapter: { type: 'string', default: 'auto' },
        kind: { type: 'string' },
        encoding: { type: 'string', default: 'auto' },
        timezone: { type: 'string' },
        mapping: { type: 'string' },
        preset: { type: 'string' },
        'max-record': { type: 'string' },
        json: { type: 'boolean' },
      },
    });
    if (positionals.length === 0) throw new UsageError('Name at least one file to import.');
    if (!values.workspace) throw new UsageError('--workspace <file> is required.');
    if (values.adapter !== 'auto' && !(adapterNames as readonly string[]).includes(values.adapter)) {
      throw new UsageError(`Unknown adapter "${values.adapter}". Use auto or one of: ${adapterNames.join(', ')}.`);
    }
    if (values.kind !== undefined && !(eventKinds as readonly string[]).includes(values.kind)) {
      throw new UsageError(`Unknown kind "${values.kind}". Use notifications, consent or urls.`);
    }
    if (!(importEncodings as readonly string[]).includes(values.encoding)) {
      throw new UsageError(`Unknown encoding "${values.encoding}". Use ${importEncodings.join(', ')}.`);
    }
    if (values.timezone !== undefined && !isValidTimeZone(values.timezone)) {
      throw new UsageError(`Unknown time zone "${values.timezone}". Use an IANA name such as Asia/Seoul.`);
    }
    const maxRecord = values['max-record'];
    if (maxRecord !== undefined && (!/^\d+$/.test(maxRecord) || Number(maxRecord) < 1024 || Number(maxRecord) > 256 * 1024 * 1024)) {
      throw new UsageError(`--max-record must be a whole number of characters from 1024 to 268435456 (got "${maxRecord}").`);
    }
    // Everything below is checked before the workspace is opened (opening creates it).
    for (const file of positionals) if (!fs.existsSync(file)) throw userError('bad-input', 'cli.no-such-file', { file });
    if (values.mapping !== undefined && values.preset !== undefined) throw userError('bad-input', 'cli.mapping-and-preset');
    let mapping: GenericMapping | null = values.mapping !== undefined ? readMappingFile(values.mapping) : null;
    if (values.preset !== undefined && !fs.existsSync(values.workspace)) throw userError('not-found', 'cli.workspace-missing', { file: values.workspace });
    const usesMapping = values.mapping !== undefined || values.preset !== undefined;
    if (usesMapping && values.adapter !== 'auto' && values.adapter !== 'generic') {
      throw userError('bad-input', 'cli.mapping-conflict', { option: '--adapter', value: values.adapter, kind: mapping?.kind ?? 'events' });
    }
    const kindAgrees = (m: GenericMapping) => {
      if (values.kind !== undefined && values.kind !== m.kind) throw userError('bad-input', 'cli.mapping-conflict', { option: '--kind', value: values.kind, kind: m.kind });
      return m;
    };
    if (mapping) kindAgrees(mapping);
    const session = await openWorkspaceInProcess(values.workspace);
    // A ClickHouse workspace: the password (environment or NOTICE_DESK_CLICKHOUSE_PASSWORD_FILE) and a
    // connection to delete what an import worker that died had inserted.
    const config = warehouseConfig(session.db);
    let wh: Warehouse | null = null;
    try {
      if (values.preset !== undefined) mapping = kindAgrees(presetMapping(session.db, values.preset, values.workspace));
      if (config !== null) wh = new Warehouse(config, requirePassword(config));
    } finally {
      session.db.close();
    }
    // Each file imports in the import worker with the app's heap limits (IMPORT_RESOURCE_LIMITS), as
    // the app's queue runs it: without them V8 lets a long import's heap grow to twice the app's.
    const options: ImportRunOptions = {
      adapter: mapping ? 'generic' : (values.adapter as 'auto'),
      kind: mapping?.kind ?? (values.kind as EventKind | undefined) ?? null,
      mapping,
      encoding: values.encoding as 'auto',
      timeZone: values.timezone ?? null,
      maxRecordChars: maxRecord === undefined ? null : Number(maxRecord),
    };
    const results: FileImportResult[] = [];
    // Ctrl-C (or a SIGTERM) stops the file being imported and keeps nothing of it — in a ClickHouse
    // workspace its rows already sent are deleted from the warehouse — before the process ends; the
    // files imported before it are kept. A second Ctrl-C ends the process at once.
    const interrupt = new AbortController();
    let interruptedAt: string | null = null;
    // The current file's worker thread has ended (it rolls back or deletes, then ends by itself).
    let workerEnded: Promise<unknown> = Promise.resolve();
    const onSignal = () => {
      if (!interrupt.signal.aborted) io.stderr('\nStopping: nothing of the file being imported is kept (Ctrl-C again to quit at once)…\n');
      interrupt.abort();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      for (const file of positionals) {
        const warehouse = wh ? { password: requirePassword(wh.config), importId: randomUUID() } : undefined;
        try {
          if (interrupt.signal.aborted) throw userError('cancelled', 'workspace.job-cancelled');
          let ended: () => void = () => {};
          workerEnded = new Promise<void>((resolve) => (ended = resolve));
          results.push(
            await runJob(
              'import:file',
              { workspace: path.resolve(values.workspace), file: path.resolve(file), name: file, options, warehouse },
              {
                signal: interrupt.signal,
                onExit: () => ended(),
                resourceLimits: IMPORT_RESOURCE_LIMITS,
                onProgress: values.json
                  ? undefined
                  : (p) => io.stderr(`\r${file}: ${p.rows ?? 0} records, ${Math.round((p.done / Math.max(1, p.total ?? 0)) * 100)}%`),
              },
            ),
          );
        } catch (error) {
          // Interrupted: the worker stops by itself (it rolls back, or deletes what it sent); its end is
          // awaited (it is terminated after the grace period) before anything left is deleted here.
          if (interrupt.signal.aborted) {
            // The timer keeps the process alive while it waits (the worker no longer does).
            let timer: NodeJS.Timeout | undefined;
            await Promise.race([workerEnded, new Promise((r) => (timer = setTimeout(r, WORKER_EXIT_GRACE_MS + 1000)))]);
            clearTimeout(timer);
          }
          if (wh && warehouse) await discardWarehouseImport(wh, warehouse.importId).catch(() => undefined);
          if (interrupt.signal.aborted) {
            interruptedAt = file;
            break;
          }
          throw error;
        }
      }
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await wh?.close();
    }
    if (interruptedAt !== null) {
      io.stderr(
        `notice-desk import: interrupted while importing ${interruptedAt}: nothing of it was kept` +
          (results.length > 0 ? `; kept the ${results.length} file(s) imported before it:\n${results.map(summary).join('\n')}\n` : '.\n'),
      );
      return 130;
    }
    if (!values.json) io.stderr('\n');
    for (const r of results) if (r.error) io.stderr(`notice-desk import: ${r.error.message}\n`);
    if (values.json) {
      const files = results.map((r) => ({
        ...r,
        rejects: r.rejects.slice(0, MAX_JSON_REJECTS),
        rejectsOmitted: r.rejected - Math.min(r.rejects.length, MAX_JSON_REJECTS),
      }));
      io.stdout(JSON.stringify({ files }) + '\n');
    } else {
      io.stdout(results.map(summary).join('\n') + '\n');
    }
    return results.some((r) => r.error) ? 2 : 0;
  },
};
