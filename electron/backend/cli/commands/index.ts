import type { CliCommand } from '../types.ts';
import { importCommand } from './import.ts';
import { lint } from './lint.ts';
import { metricsCommand } from './metrics.ts';
import { workspaceInit } from './workspace-init.ts';

/** Every command, in the order `--help` lists them. */
export const commands: CliCommand[] = [workspaceInit, importCommand, metricsCommand, lint];
