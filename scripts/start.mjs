// `npm start`: builds and opens the Electron app; where the Electron binary is missing (an offline
// install), says so in one sentence and opens browser mode instead. Plain Node, no shell syntax,
// so it behaves the same on Windows, macOS and Linux.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build-electron.mjs';
import { electronBinary, NO_ELECTRON_MESSAGE } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/**
 * What `npm start` does, as a list of steps: with an Electron binary, build everything and run it;
 * without one, say so and run browser mode (launch.ts) with the same arguments.
 */
export function startPlan(electron, args) {
  if (!electron) {
    return [
      { step: 'say', text: NO_ELECTRON_MESSAGE },
      { step: 'build-renderer' },
      { step: 'run', command: process.execPath, args: [path.join(root, 'electron', 'backend', 'bridge', 'launch.ts'), ...args] },
    ];
  }
  return [{ step: 'build-renderer' }, { step: 'build-electron' }, { step: 'run', command: electron, args: ['.', ...args] }];
}

/** Runs `vite build` with this Node (never through a shell). */
function buildRenderer() {
  const vite = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Runs a child with inherited stdio and exits with its code; Ctrl+C reaches it and ends us too. */
function runAndExit(command, commandArgs) {
  // ELECTRON_RUN_AS_NODE set in a parent shell would make the binary behave as plain Node.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const plan = startPlan(electronBinary(), process.argv.slice(2));
  if (process.env.NOTICE_DESK_START_DRY_RUN) {
    // Tests: print the plan instead of building and running.
    process.stdout.write(`${JSON.stringify(plan)}\n`);
  } else {
    for (const item of plan) {
      if (item.step === 'say') console.log(item.text);
      else if (item.step === 'build-renderer') buildRenderer();
      else if (item.step === 'build-electron') await buildElectron();
      else runAndExit(item.command, item.args);
    }
  }
}
