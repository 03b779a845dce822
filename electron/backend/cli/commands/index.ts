import type { CliCommand } from '../types.ts';

/**
 * Every command, in the order `--help` lists them, loaded only when it runs: a command's modules
 * (the metrics engine, the disclosure checks, the contract's schemas) cost tens of MiB of memory,
 * which `notice-desk import` keeps for its import worker. `name` must equal the loaded command's
 * name (a test holds them equal).
 */
export const commandModules: readonly { name: string; load: () => Promise<CliCommand> }[] = [
  { name: 'workspace init', load: async () => (await import('./workspace-init.ts')).workspaceInit },
  { name: 'warehouse schema', load: async () => (await import('./warehouse.ts')).warehouseSchema },
  { name: 'import', load: async () => (await import('./import.ts')).importCommand },
  { name: 'metrics', load: async () => (await import('./metrics.ts')).metricsCommand },
  { name: 'lint', load: async () => (await import('./lint.ts')).lint },
  { name: 'review export', load: async () => (await import('./review.ts')).reviewExport },
  { name: 'review import', load: async () => (await import('./review.ts')).reviewImport },
  { name: 'audit verify', load: async () => (await import('./audit.ts')).auditVerify },
  { name: 'evidence', load: async () => (await import('./evidence.ts')).evidenceWrite },
  { name: 'evidence verify', load: async () => (await import('./evidence.ts')).evidenceVerify },
];

/** Every command, loaded (for the general help). */
export function loadCommands(): Promise<CliCommand[]> {
  return Promise.all(commandModules.map((c) => c.load()));
}
