import type { CliCommand } from '../types.ts';
import { importCommand } from './import.ts';
import { workspaceInit } from './workspace-init.ts';
import { lint } from './lint.ts';

/** Every command, in the order `--help` lists them. */
export const commands: CliCommand[] = [workspaceInit, importCommand, lint];
