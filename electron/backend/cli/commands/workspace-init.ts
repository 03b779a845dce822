import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../../../shared/contract/errors.ts';
import { openDatabase } from '../../db/connection.ts';
import { schemaVersion } from '../../db/migrate.ts';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../../../../shared/time-zone.ts';
import { createWorkspaceFile } from '../../workspace-file.ts';
import { checkWarehouseConfig } from '../../warehouse/config.ts';
import { initWarehouseWorkspace } from '../../warehouse/init.ts';
import { requirePassword } from '../../warehouse/password.ts';
import { UsageError, type CliCommand } from '../types.ts';

export const workspaceInit: CliCommand = {
  name: 'workspace init',
  summary: 'Create a new, empty workspace file (local, or pointing at a ClickHouse warehouse)',
  usage:
    'notice-desk workspace init <file.sqlite> [--timezone <IANA zone>] [--clickhouse <http url> [--database <db>] [--user <user>] ' +
    '[--cluster <name> [--shard <http url>]...] [--password-file <file>]] [--json]',
  help: [
    'Creates a workspace: one SQLite file holding imported events, their provenance and rejects.',
    'Refuses to overwrite an existing file (a workspace or anything else).',
    '',
    'With --clickhouse the events live in a ClickHouse warehouse instead: the file keeps',
    'disclosures, reviews, markers and settings, and the warehouse\'s address, database, user and cluster',
    '(never the password). The warehouse\'s tables are created where missing: on one server, all of them;',
    'with --cluster, a local table on every shard (through the --shard servers, or ON CLUSTER) and',
    'Distributed tables on the --clickhouse server. The password comes from NOTICE_DESK_CLICKHOUSE_PASSWORD',
    'or --password-file (a file only its owner can read), never from the command line. Nothing is created',
    'when the server cannot be reached, refuses the user, or keeps its days in another time zone.',
    '',
    'Options:',
    '  --timezone <zone>       the workspace time zone for buckets and dates (default Asia/Seoul; for a',
    '                          warehouse that has one already: the warehouse\'s, and another is refused)',
    '  --clickhouse <url>      the ClickHouse HTTP address, e.g. http://localhost:8123',
    '  --database <db>         the warehouse database (default notice_desk)',
    '  --user <user>           the ClickHouse user (default default)',
    '  --cluster <name>        a cluster of the servers\' remote_servers: Distributed tables over its shards',
    '  --shard <url>           (repeatable) every shard\'s HTTP address, where tables are created and an',
    '                          import\'s rows deleted when the cluster has no distributed DDL',
    '  --password-file <file>  read the password from this file (mode 600)',
    '  --json                  print {"workspace": path, "schemaVersion": n, "timeZone": zone} (with',
    '                          --clickhouse also "clickhouse": {"url", "database", "user", "cluster",',
    '                          "serverVersion", "warehouseSchemaVersion"})',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        timezone: { type: 'string' },
        json: { type: 'boolean' },
        clickhouse: { type: 'string' },
        database: { type: 'string' },
        user: { type: 'string' },
        cluster: { type: 'string' },
        shard: { type: 'string', multiple: true },
        'password-file': { type: 'string' },
      },
    });
    if (positionals.length !== 1) throw new UsageError('Name exactly one workspace file to create.');
    const file = path.resolve(positionals[0]!);
    if (values.timezone !== undefined && !isValidTimeZone(values.timezone)) throw new UsageError(`Unknown time zone: ${values.timezone}`);
    if (values.clickhouse !== undefined) {
      const config = checkWarehouseConfig({
        url: values.clickhouse,
        database: values.database,
        user: values.user,
        cluster: values.cluster ?? null,
        shards: values.shard ?? [],
      });
      if (values.shard && config.cluster === null) throw new UsageError('--shard needs --cluster.');
      const password = requirePassword(config, { passwordFile: values['password-file'] ?? null });
      const made = await initWarehouseWorkspace(file, config, password, { timeZone: values.timezone });
      const db = openDatabase(file, { readonly: true });
      const version = schemaVersion(db);
      db.close();
      const clickhouse = {
        url: config.url, database: config.database, user: config.user, cluster: config.cluster,
        serverVersion: made.serverVersion, warehouseSchemaVersion: made.schemaVersion,
      };
      if (values.json) io.stdout(JSON.stringify({ workspace: file, schemaVersion: version, timeZone: made.timeZone, clickhouse }) + '\n');
      else {
        io.stdout(
          `Created workspace ${file} (schema ${version}, time zone ${made.timeZone}) over ClickHouse ${made.serverVersion} at ` +
            `${config.url}, database ${config.database}${config.cluster ? `, cluster ${config.cluster}` : ''} (warehouse schema ${made.schemaVersion}).\n`,
        );
      }
      return 0;
    }
    for (const flag of ['database', 'user', 'cluster', 'shard', 'password-file'] as const) {
      if (values[flag] !== undefined) throw new UsageError(`--${flag} needs --clickhouse.`);
    }
    const timeZone = values.timezone ?? DEFAULT_TIME_ZONE;
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
