import type { CliCommand } from '../types.ts';
import { workspaceInit } from './workspace-init.ts';

/** Every command, in the order `--help` lists them. */
export const commands: CliCommand[] = [workspaceInit];
