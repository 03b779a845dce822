import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { HandlerContext } from '../../context.ts';
import { inProcessApi } from '../../dispatch.ts';
import { MemorySettingsStore } from '../../settings-store.ts';
import { openWorkspaceInProcess } from '../../workspace.ts';
import { UsageError, type CliCommand } from '../types.ts';

const REASONS = {
  hash: 'its contents do not match its hash (it was edited)',
  link: 'it does not name the hash of the entry before it (an entry was inserted or removed before it)',
  gap: 'the sequence jumps here (an entry was deleted)',
} as const;

export const auditVerify: CliCommand = {
  name: 'audit verify',
  summary: "Check the workspace's audit trail: every entry chained to the one before, none edited, deleted or inserted",
  usage: 'notice-desk audit verify --workspace <ws> [--json]',
  help: [
    'Walks the audit trail (status changes, versions, comments, decisions, merges, exports) from its',
    'first entry, recomputing each hash from the entry and the hash before it (see the Review page of the documentation).',
    '',
    'Options:',
    '  --workspace <ws>  the workspace file (required)',
    '  --json            print {"ok": bool, "entries": n, "firstBad": {"seq", "reason": "hash"|"link"|"gap"} | null, "head": hash}',
    '',
    'Record the printed head hash: the chain cannot show entries cut off its end, a comparison with',
    'an earlier head can.',
    'Exit codes: 0 the chain verifies; 1 an entry does not verify; 2 bad usage or no workspace.',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { workspace: { type: 'string' }, json: { type: 'boolean' } } });
    if (positionals.length) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
    if (!values.workspace) throw new UsageError('Name the workspace with --workspace <ws>.');
    const ws = path.resolve(values.workspace);
    if (!fs.existsSync(ws)) throw new UsageError(`${ws}: no such workspace.`);
    const ctx = new HandlerContext({ transport: 'in-process', settings: new MemorySettingsStore(), emit: () => {} });
    try {
      ctx.session = await openWorkspaceInProcess(ws);
      const result = await inProcessApi(ctx)['audit:verify']({});
      if (values.json) {
        io.stdout(`${JSON.stringify(result)}\n`);
      } else if (result.ok) {
        io.stdout(`${path.basename(ws)}: the audit trail verifies — ${result.entries} entries, head ${result.head}\n`);
      } else {
        const bad = result.firstBad!;
        io.stdout(`${path.basename(ws)}: entry ${bad.seq} does not verify: ${REASONS[bad.reason]}. The ${result.entries} entries before it verify (head ${result.head}).\n`);
      }
      return result.ok ? 0 : 1;
    } finally {
      await ctx.close();
    }
  },
};
