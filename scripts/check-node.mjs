// Runs before anything else in `npm start`, `npm run start:browser` and the `notice-desk` command:
// an older Node would otherwise fail deep inside with `Unknown file extension ".ts"` and a stack
// trace. Written in syntax every Node since 12 parses, so the check itself never crashes.
import { pathToFileURL } from 'node:url';

/** The oldest Node that runs Notice Desk's TypeScript sources directly (type stripping on by default). */
export const MINIMUM_NODE = [22, 18];

/** The one-line problem with a Node version (`process.versions.node` form), or null when it is new enough. */
export function nodeVersionProblem(version) {
  const parts = String(version).replace(/^v/, '').split('.').map(Number);
  const major = parts[0] || 0;
  const minor = parts[1] || 0;
  if (major > MINIMUM_NODE[0] || (major === MINIMUM_NODE[0] && minor >= MINIMUM_NODE[1])) return null;
  return (
    'Notice Desk needs Node.js ' + MINIMUM_NODE.join('.') + ' or newer (Node 24 LTS recommended); this is v' +
    String(version).replace(/^v/, '') +
    '. Install Node 24 from https://nodejs.org or your package manager (for example `nvm install 24`), then run the command again.'
  );
}

/** Exits with status 2 (nothing could be done, as the CLI says it) and the one-line message when this Node is too old. */
export function requireSupportedNode() {
  const problem = nodeVersionProblem(process.versions.node);
  if (problem) {
    process.stderr.write(problem + '\n');
    process.exit(2);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) requireSupportedNode();
