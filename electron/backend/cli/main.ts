import pkg from '../../../package.json' with { type: 'json' };
import { AppError } from '../../../shared/contract/errors.ts';
import { commandModules, loadCommands } from './commands/index.ts';
import { UsageError, type CliCommand, type CliIO } from './types.ts';

function generalHelp(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `notice-desk ${pkg.version} — Notice Desk from the command line (the same handlers as the app).`,
    '',
    'Usage: notice-desk <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Global options:',
    '  --help      help for notice-desk or for one command',
    '  --version   print the version',
    '',
    'Exit codes: 0 done; 1 done but something needs attention; 2 bad usage or nothing could be done.',
    'With --json, stdout holds exactly one JSON document; progress and messages go to stderr.',
  ].join('\n');
}

function commandHelp(command: CliCommand): string {
  return `Usage: ${command.usage}\n\n${command.summary}.\n\n${command.help}\n`;
}

/** Finds and loads the command whose words start the argument list (longest match first). */
async function findCommand(args: string[]): Promise<{ command: CliCommand; rest: string[] } | null> {
  const sorted = [...commandModules].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  for (const entry of sorted) {
    const words = entry.name.split(' ');
    if (words.every((w, i) => args[i] === w)) return { command: await entry.load(), rest: args.slice(words.length) };
  }
  return null;
}

/** Runs the CLI on an argument list and returns the exit code. */
export async function runCli(args: string[], io: CliIO): Promise<number> {
  if (args.length === 0 || (args.length === 1 && (args[0] === '--help' || args[0] === '-h' || args[0] === 'help'))) {
    io.stdout(generalHelp(await loadCommands()) + '\n');
    return args.length === 0 ? 2 : 0;
  }
  if (args[0] === '--version' || args[0] === '-v') {
    io.stdout(`${pkg.version}\n`);
    return 0;
  }
  const found = await findCommand(args);
  if (!found) {
    const group = await Promise.all(commandModules.filter((c) => c.name.split(' ')[0] === args[0]).map((c) => c.load()));
    if (group.length > 0 && (args.length === 1 || args[1] === '--help')) {
      io.stdout(group.map(commandHelp).join('\n'));
      return args[1] === '--help' ? 0 : 2;
    }
    io.stderr(`notice-desk: unknown command "${args.join(' ')}". Run notice-desk --help for the list.\n`);
    return 2;
  }
  const { command, rest } = found;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(commandHelp(command));
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    const badArgument = error instanceof AppError && error.key?.startsWith('cli.') === true;
    if (error instanceof UsageError || badArgument || (error instanceof TypeError && 'code' in error)) {
      io.stderr(`notice-desk ${command.name}: ${error.message}\nUsage: ${command.usage}\n`);
      return 2;
    }
    if (error instanceof AppError) {
      io.stderr(`notice-desk ${command.name}: ${error.message}\n`);
      return 2;
    }
    io.stderr(`notice-desk ${command.name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

/** The process entry: real argv, real streams, real exit code. */
export async function main(): Promise<void> {
  const code = await runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
  process.exitCode = code;
}
