import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { HandlerContext } from '../../context.ts';
import { inProcessApi } from '../../dispatch.ts';
import { MemorySettingsStore } from '../../settings-store.ts';
import { openWorkspaceInProcess } from '../../workspace.ts';
import { UsageError, type CliCommand } from '../types.ts';

async function withWorkspace<T>(workspace: string | undefined, run: (api: ReturnType<typeof inProcessApi>) => Promise<T>): Promise<T> {
  if (!workspace) throw new UsageError('Name the workspace with --workspace <ws>.');
  const ws = path.resolve(workspace);
  if (!fs.existsSync(ws)) throw new UsageError(`${ws}: no such workspace.`);
  const ctx = new HandlerContext({ transport: 'in-process', settings: new MemorySettingsStore(), emit: () => {} });
  try {
    ctx.session = await openWorkspaceInProcess(ws);
    return await run(inProcessApi(ctx));
  } finally {
    await ctx.close();
  }
}

export const reviewExport: CliCommand = {
  name: 'review export',
  summary: 'Write the version in review for a reviewer elsewhere: a .noticereview file or a Word .docx with the threads as comments',
  usage: 'notice-desk review export <id> --workspace <ws> --out <file> [--format noticereview|docx] [--author <name>] [--json]',
  help: [
    "Writes the disclosure's latest version: a .noticereview file (a zip with the",
    'version, its checks, previews, the threads and decisions, and a manifest of SHA-256 hashes) that',
    'Notice Desk opens without a workspace; or a .docx with headings, bold and lists kept, Korean fonts,',
    'and the open threads as Word comments on their words.',
    '',
    'Options:',
    '  <id>                 the disclosure id (the app shows it; `notice-desk lint` does not need one)',
    '  --workspace <ws>     the workspace file (required)',
    '  --out <file>         where to write (required); the folder must exist',
    '  --format <format>    noticereview (default) or docx',
    '  --author <name>      who sends it, for the audit trail',
    '  --json               print {"path","fileName","mimeType","bytes"}',
    '',
    'Exit codes: 0 written; 2 bad usage, no such disclosure or no version to send.',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { workspace: { type: 'string' }, out: { type: 'string' }, format: { type: 'string' }, author: { type: 'string' }, json: { type: 'boolean' } },
    });
    if (positionals.length !== 1 || !/^[1-9]\d*$/.test(positionals[0]!)) throw new UsageError('Name exactly one disclosure id (a whole number).');
    if (!values.out) throw new UsageError('Name the file to write with --out <file>.');
    const format = values.format ?? 'noticereview';
    if (format !== 'noticereview' && format !== 'docx') throw new UsageError(`Unknown format "${format}". Use noticereview or docx.`);
    const out = path.resolve(values.out);
    const result = await withWorkspace(values.workspace, (api) =>
      api['review:exportFile']({ id: Number(positionals[0]), format, path: out, actor: values.author ?? '' }),
    );
    if (values.json) io.stdout(`${JSON.stringify({ path: result.path, fileName: result.fileName, mimeType: result.mimeType, bytes: result.bytes })}\n`);
    else io.stdout(`Wrote ${result.path} (${result.bytes.toLocaleString('en-US')} bytes)\n`);
    return 0;
  },
};

export const reviewImport: CliCommand = {
  name: 'review import',
  summary: "Merge a reviewer's .noticereview file or commented Word .docx back into its disclosure",
  usage: 'notice-desk review import <file> --workspace <ws> [--id <disclosure id>] [--author <name>] [--json]',
  help: [
    'Merges threads, replies and decisions by id: importing the same file twice adds nothing. A review',
    'file whose version hash does not match what it claims, or that names a version this workspace',
    'does not have, is refused. A Word file: its comments and replies become threads anchored by their',
    'commented words (exact, then approximate; unmatched ones are kept as orphaned); its tracked',
    'changes, if any, are printed as a suggested new draft — never applied.',
    '',
    'Options:',
    '  <file>            a .noticereview or .docx file',
    '  --workspace <ws>  the workspace file (required)',
    '  --id <id>         the disclosure a Word file belongs to, when the file does not say (ours do)',
    '  --author <name>   who merges it, for the audit trail',
    '  --json            print {"disclosureId","title","versionNumber","format","threadsAdded","repliesAdded",',
    '                    "decisionsAdded","orphaned","suggestion": {"koText","enText"} | null}',
    '',
    'Exit codes: 0 merged (also when nothing was new); 1 merged, with orphaned threads or a suggested',
    'draft to look at; 2 bad usage or a file refused.',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { workspace: { type: 'string' }, id: { type: 'string' }, author: { type: 'string' }, json: { type: 'boolean' } },
    });
    if (positionals.length !== 1) throw new UsageError('Name exactly one file to import.');
    if (values.id !== undefined && !/^[1-9]\d*$/.test(values.id)) throw new UsageError('--id must be a whole number.');
    const file = path.resolve(positionals[0]!);
    if (!fs.existsSync(file)) throw new UsageError(`${file}: no such file.`);
    const summary = await withWorkspace(values.workspace, (api) =>
      api['review:importFile']({ path: file, actor: values.author ?? '', ...(values.id !== undefined ? { id: Number(values.id) } : {}) }),
    );
    if (values.json) {
      io.stdout(`${JSON.stringify(summary)}\n`);
    } else {
      io.stdout(
        `${path.basename(file)} → "${summary.title}" (disclosure ${summary.disclosureId}, version ${summary.versionNumber}): ` +
          `${summary.threadsAdded} new thread(s), ${summary.repliesAdded} new repl(ies), ${summary.decisionsAdded} new decision(s)` +
          `${summary.orphaned ? `; ${summary.orphaned} orphaned (their words are not in the version)` : ''}\n`,
      );
      if (summary.suggestion) io.stdout('The file holds tracked changes: a suggested new draft is in --json output; nothing was applied.\n');
    }
    return summary.orphaned > 0 || summary.suggestion !== null ? 1 : 0;
  },
};
