import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ResultOf } from '../../../../shared/contract/index.ts';
import { needsAttention } from '../../../../shared/disclosures/check.ts';
import { SURFACES, type Locale, type Surface } from '../../../../shared/disclosures/types.ts';
import { HandlerContext } from '../../context.ts';
import { inProcessApi } from '../../dispatch.ts';
import { MemorySettingsStore } from '../../settings-store.ts';
import { openWorkspaceInProcess } from '../../workspace.ts';
import { UsageError, type CliCommand, type CliIO } from '../types.ts';

type LintResult = ResultOf<'disclosures:check'>;

/** 1-based line and column of a source offset. */
function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${offset - before.lastIndexOf('\n')}`;
}

/** Reads a text file as UTF-8 (BOM stripped); refuses binary or non-UTF-8 files by name. */
function readText(file: string): string {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: cannot read the file (${code === 'ENOENT' ? 'it does not exist' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message}).`);
  }
  if (bytes.includes(0)) throw new UsageError(`${file}: not a text file (it holds NUL bytes). Lint a .md or .txt file.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${file}: not valid UTF-8. Save the text as UTF-8 and try again.`);
  }
  return text.replace(/^\uFEFF/, '');
}

function printHuman(io: CliIO, file: string, text: string, result: LintResult): void {
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
  io.stdout(`${file} (${result.locale}, ${result.surface}): ${errors} error(s), ${warnings} warning(s), ${result.missing.length} missing\n`);
  for (const f of result.findings) {
    io.stdout(`  ${f.severity.padEnd(7)} ${f.rule.padEnd(22)} ${lineCol(text, f.start).padEnd(7)} ${f.message}\n`);
    if (f.suggestion) io.stdout(`  ${''.padEnd(38)}→ ${f.suggestion}\n`);
  }
  if (result.missing.length) io.stdout(`Missing: ${result.missing.join(', ')}\n`);
  io.stdout('Required elements:\n');
  for (const e of result.elements) {
    const quote = e.text.replace(/\s+/g, ' ');
    const where = e.text ? ` ${lineCol(text, e.start).padEnd(7)} «${quote.length > 90 ? `${quote.slice(0, 89)}…` : quote}»` : '';
    io.stdout(`  ${e.present ? 'ok  ' : 'MISS'} ${e.id.padEnd(22)}${where}${!e.present && e.text ? ' (only in part)' : ''}\n`);
  }
  io.stdout('Readability:\n');
  for (const i of result.readability.indicators) {
    const band = [i.target.min !== undefined ? `≥ ${i.target.min}` : '', i.target.max !== undefined ? `≤ ${i.target.max}` : ''].filter(Boolean).join(', ');
    io.stdout(`  ${i.ok ? 'ok  ' : 'MISS'} ${i.id.padEnd(22)} ${String(i.value ?? '—').padEnd(8)} target ${band}${i.ok ? '' : ` (${i.sentences.length} sentence(s))`}\n`);
  }
}

export const lint: CliCommand = {
  name: 'lint',
  summary: 'Check a disclosure text: required elements, advertising wording, length, readability',
  usage: 'notice-desk lint <file.md|file.txt> --locale ko|en [--surface <surface>] [--workspace <ws>] [--rules <folder>] [--json]',
  help: [
    'Runs the same checks as the disclosure studio on a Markdown or plain-text file (UTF-8).',
    'Rules come from rules/<locale>.json and word lists from wordlists/ in the team\'s rules folder',
    '(--rules, NOTICE_DESK_RULES_DIR or <config folder>/disclosure-rules) where a file exists there,',
    'else from the app\'s resources/ (the documentation\'s "Disclosure rules" page describes the format).',
    '',
    'Options:',
    '  --locale ko|en       the language of the text (required)',
    `  --surface <surface>  where the text appears: ${SURFACES.join(', ')} (default alimtalk)`,
    '  --workspace <ws>     fill {{variables}} from this existing workspace\'s cost model (default: the default cost model)',
    '  --rules <folder>     a folder holding the team\'s own rules/, wordlists/ or templates/ files',
    '  --json               print {"locale","surface","file","findings":[{rule,severity,message,start,end,suggestion?}],',
    '                       "missing":[rule ids],"elements":[{id,present,start,end,text}],"readability":{…},"satisfied":[…]}',
    '                       (elements: one verdict per required element, with the sentence(s) that satisfied it)',
    '',
    'Offsets (start, end) are UTF-16 code-unit offsets into the file text (after a BOM).',
    'Exit codes: 0 no error findings and nothing missing; 1 error findings or missing elements;',
    '2 bad usage or unreadable file.',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        locale: { type: 'string' },
        surface: { type: 'string' },
        workspace: { type: 'string' },
        rules: { type: 'string' },
        json: { type: 'boolean' },
      },
    });
    if (positionals.length !== 1) throw new UsageError('Name exactly one text file to lint.');
    const locale = values.locale;
    if (locale !== 'ko' && locale !== 'en') throw new UsageError('--locale must be ko or en.');
    const surface = values.surface ?? 'alimtalk';
    if (!(SURFACES as readonly string[]).includes(surface)) {
      throw new UsageError(`Unknown surface "${surface}". Use one of: ${SURFACES.join(', ')}.`);
    }
    if (values.rules !== undefined) {
      const dir = path.resolve(values.rules);
      if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`${dir}: no such rules folder.`);
      // The CLI runs one command per process: the override applies to this run only.
      process.env.NOTICE_DESK_RULES_DIR = dir;
    }
    const file = positionals[0]!;
    const text = readText(file);
    const ctx = new HandlerContext({ transport: 'in-process', settings: new MemorySettingsStore(), emit: () => {} });
    try {
      if (values.workspace) {
        const ws = path.resolve(values.workspace);
        if (!fs.existsSync(ws)) throw new UsageError(`${ws}: no such workspace.`);
        ctx.session = await openWorkspaceInProcess(ws);
      }
      const result = await inProcessApi(ctx)['disclosures:check']({ text, locale: locale as Locale, surface: surface as Surface });
      if (values.json) {
        io.stdout(JSON.stringify({ ...result, file }) + '\n');
      } else {
        printHuman(io, file, text, result);
      }
      return needsAttention(result) ? 1 : 0;
    } finally {
      await ctx.close();
    }
  },
};
