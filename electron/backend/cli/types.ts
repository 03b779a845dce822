/** Where a command writes: stdout holds results (one JSON document with --json), stderr the rest. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** One `notice-desk` command. */
export interface CliCommand {
  /** The words that select it, e.g. `workspace init` or `import`. */
  name: string;
  summary: string;
  usage: string;
  /** Full `--help` text (without the usage line). */
  help: string;
  /** Returns the exit code: 0 done, 1 done but needs attention, 2 bad usage or nothing done. */
  run(args: string[], io: CliIO): Promise<number>;
}

/** A usage error: printed with the command's usage line, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
