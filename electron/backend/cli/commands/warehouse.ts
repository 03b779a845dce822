import { parseArgs } from 'node:util';
import { userError } from '../../../../shared/contract/errors.ts';
import { schemaScript } from '../../warehouse/schema.ts';
import { isPlainIdent } from '../../warehouse/sql.ts';
import { UsageError, type CliCommand } from '../types.ts';

export const warehouseSchema: CliCommand = {
  name: 'warehouse schema',
  summary: 'Print the DDL of the ClickHouse warehouse tables and rollups',
  usage: 'notice-desk warehouse schema [--database <db>] [--cluster <name>]',
  help: [
    'Prints the CREATE statements of the warehouse: the canonical event tables, the',
    'dedupe keys and imports, and the materialized rollups the dashboards read, for an administrator to',
    'run (`workspace init --clickhouse` runs the same statements itself where it may). With --cluster:',
    'part 1 for every shard (local tables and rollup views), part 2 for the server the app connects to',
    '(Distributed tables over the shards, events sharded by recipient).',
    '',
    'Options:',
    '  --database <db>    the database (default notice_desk)',
    '  --cluster <name>   a cluster of the servers\' remote_servers',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { database: { type: 'string', default: 'notice_desk' }, cluster: { type: 'string' } },
    });
    if (positionals.length > 0) throw new UsageError(`Unexpected argument: ${positionals[0]}`);
    for (const [what, name] of [['database', values.database], ['cluster', values.cluster]] as const) {
      if (name !== undefined && !isPlainIdent(name)) throw userError('bad-input', 'warehouse.bad-name', { name: name.slice(0, 80), what });
    }
    io.stdout(schemaScript({ database: values.database, cluster: values.cluster ?? null }));
    return 0;
  },
};
