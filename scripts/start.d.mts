export type StartStep =
  | { step: 'say'; text: string }
  | { step: 'build-renderer' }
  | { step: 'build-electron' }
  | { step: 'run'; command: string; args: string[] };
/** What `npm start` does, given the Electron binary (or null) and the command-line arguments. */
export function startPlan(electron: string | null, args: string[]): StartStep[];
