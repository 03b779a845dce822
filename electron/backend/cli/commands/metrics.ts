import { parseArgs } from 'node:util';
import { bucketings, metricNames, type Bucketing, type MetricName } from '../../../../shared/metrics/types.ts';
import { HandlerContext } from '../../context.ts';
import { countEvents } from '../../db/workspace-repo.ts';
import { inProcessApi } from '../../dispatch.ts';
import { MemorySettingsStore } from '../../settings-store.ts';
import { openWorkspaceInProcess } from '../../workspace.ts';
import { UsageError, type CliCommand } from '../types.ts';
import { metricTable } from './metrics-format.ts';
import { checkDateRange, checkRepeats } from '../args.ts';

/** The contract's bound on --sender / --category values (shared/contract/metrics.ts). */
const MAX_FILTER_VALUES = 500;

export const metricsCommand: CliCommand = {
  name: 'metrics',
  summary: 'Print a metric (volume, datacost, optout, coverage, refusals, urls) as a table or JSON',
  usage:
    'notice-desk metrics <volume|datacost|optout|coverage|refusals|urls> --workspace <ws> [--from YYYY-MM-DD] ' +
    '[--to YYYY-MM-DD] [--by day|week|month] [--sender <id>]... [--category <c>]... [--json]',
  help: [
    'Computes one metric with the same implementation and definitions as the app (its "How is this',
    'computed?" panels). Buckets are calendar days, ISO weeks (2016-W10) or months in the workspace time',
    'zone; totals are distinct counts over the whole period. The workspace is created (empty) when it',
    'does not exist.',
    '',
    'Options:',
    '  --workspace <ws>    the workspace file (required)',
    '  --from, --to        inclusive local dates (default: the first and last day with data)',
    '  --by <bucket>       day, week or month (default month)',
    '  --sender <id>       only this sender (repeat for several)',
    '  --category <c>      only this category (repeat for several)',
    '  --json              print one JSON document, e.g.',
    '                      {"metric": "volume", "by": "month", "buckets": [{"bucket": "2016-01", "total": 12,',
    '                       "byStatus": {"delivered": 10, "failed": 2}}]}',
    '                      datacost: totalBytes, chargeableMessages, firstMessages, recipients, chargeKrw {low, high}',
    '                      optout: buckets [{bucket, reached, optedOut, rate}]; coverage: pairs, covered, uncovered,',
    '                      coverage; refusals: violations, byStatus, bySender, messages; urls: shared, indexed,',
    '                      served, medianLagHours, indexedWithoutNotice (more keys are added, never removed)',
    '',
    'Exit codes: 0 done; 1 done, but the workspace holds no events (every figure is empty); 2 bad usage.',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        workspace: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        by: { type: 'string' },
        sender: { type: 'string', multiple: true },
        category: { type: 'string', multiple: true },
        json: { type: 'boolean' },
      },
    });
    const metric = positionals[0];
    if (positionals.length !== 1 || !metricNames.includes(metric as MetricName)) {
      throw new UsageError(`Name one metric: ${metricNames.join(', ')}${metric ? ` (got "${positionals.join(' ')}")` : ''}.`);
    }
    if (!values.workspace) throw new UsageError('--workspace <file> is required.');
    const by = (values.by ?? 'month') as Bucketing;
    if (!bucketings.includes(by)) throw new UsageError(`--by must be day, week or month (got "${values.by}").`);
    // Every argument is checked before the workspace is opened (opening creates it).
    checkDateRange(values.from, values.to);
    checkRepeats('--sender', values.sender, MAX_FILTER_VALUES);
    checkRepeats('--category', values.category, MAX_FILTER_VALUES);
    const ctx = new HandlerContext({ transport: 'in-process', settings: new MemorySettingsStore(), emit: () => {} });
    ctx.session = await openWorkspaceInProcess(values.workspace);
    try {
      const api = inProcessApi(ctx);
      const input = {
        from: values.from ?? null,
        to: values.to ?? null,
        by,
        senders: values.sender ?? [],
        categories: values.category ?? [],
      };
      const result = await api[`metrics:${metric as MetricName}`](input);
      io.stdout(values.json ? JSON.stringify(result, null, 2) + '\n' : metricTable(result));
      const counts = countEvents(ctx.session.db);
      if (counts.notifications + counts.consent + counts.urls === 0) {
        io.stderr(`notice-desk metrics: ${ctx.session.path} holds no events yet; import some first (notice-desk import).\n`);
        return 1;
      }
      return 0;
    } finally {
      await ctx.close();
    }
  },
};
