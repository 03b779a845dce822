import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../../../shared/contract/errors.ts';
import { openDatabase } from '../../db/connection.ts';
import { schemaVersion } from '../../db/migrate.ts';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../../../../shared/time-zone.ts';
import { createWorkspaceFile } from '../../workspace-file.ts';
import { UsageError, type CliCommand } from '../types.ts';

export const workspaceInit: CliCommand = {
  name: 'workspace init',
  summary: 'Create a new, empty workspace file',
  usage: 'notice-desk workspace init <file.sqlite> [--timezone <IANA zone>] [--json]',
  help: [
    'Creates a workspace: one SQLite file holding imported events, their provenance and rejects.',
    'Refuses to overwrite an existing file (a workspace or anything else).',
    '',
    'Options:',
    '  --timezone <zone>  the workspace time zone for buckets and dates (default Asia/Seoul)',
    '  --json             print {"workspace": path, "schemaVersion": n, "timeZone": zone}',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { timezone: { type: 'string' }, json: { type: 'boolean' } },
    });
    if (positionals.length !== 1) throw new UsageError('Name exactly one workspace file to create.');
    const file = path.resolve(positionals[0]!);
    const timeZone = values.timezone ?? DEFAULT_TIME_ZONE;
    if (!isValidTimeZone(timeZone)) throw new UsageError(`Unknown time zone: ${timeZone}`);
    await createWorkspaceFile(file, timeZone);
    const db = openDatabase(file, { readonly: true });
    const version = schemaVersion(db);
    db.close();
    if (values.json) {
      io.stdout(JSON.stringify({ workspace: file, schemaVersion: version, timeZone }) + '\n');
    } else {
      io.stdout(`Created workspace ${file} (schema ${version}, time zone ${timeZone}).\n`);
    }
    return 0;
  },
};

/** Re-exported so command files share one error type. */
export { AppError };
