import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyLaunchPaths, parseLaunchPaths } from '../paths/launch-paths.ts';
import { JsonFileSettingsStore } from '../settings-store.ts';
import { startBridge, type BridgeRequestLog } from './server.ts';

/** Opens a URL in the user's default browser. */
function openInBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
  child.on('error', () => process.stderr.write(`Could not open a browser; open this URL yourself: ${url}\n`));
  child.unref();
}

/** One line on stderr for each refused request (another page's attempt shows up here). */
export function logRefusal(entry: BridgeRequestLog): void {
  if (entry.status < 400) return;
  const from = entry.origin ?? 'no Origin';
  process.stderr.write(`notice-desk: refused ${entry.method} ${entry.path} from ${from}: ${entry.status} ${entry.reason ?? ''}\n`);
}

/**
 * `npm run start:browser`: serves the built renderer and the handlers on 127.0.0.1 and prints the
 * URL (with its per-launch token, good for the first load: the page then swaps it for a cookie and
 * drops it from the address bar) once on stdout; refusals on stderr. Opens the default browser unless
 * --no-open or CI is set. The upload folder is removed on exit.
 */
export async function launchBrowserMode(argv: string[]): Promise<void> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
  const bridge = await startBridge({
    rendererDir: path.join(root, 'dist', 'renderer'),
    settings: new JsonFileSettingsStore(),
    onRequest: logRefusal,
  });
  // --workspace <file> and --watch-folder <dir>: typed in a shell, so granted and opened here.
  for (const problem of await applyLaunchPaths(bridge.ctx, parseLaunchPaths(argv))) process.stderr.write(`notice-desk: ${problem}\n`);
  process.stdout.write(`${bridge.url}\n`);
  if (!argv.includes('--no-open') && !process.env.CI) openInBrowser(bridge.url);
  const stop = () => {
    void bridge.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void launchBrowserMode(process.argv.slice(2));
}
