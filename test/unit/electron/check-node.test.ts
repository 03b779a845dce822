import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeVersionProblem } from '../../../scripts/check-node.mjs';

const OLD_NODE = ['/usr/bin/node', '/usr/local/bin/node'].find((file) => {
  if (!fs.existsSync(file)) return false;
  const version = execFileSync(file, ['--version'], { encoding: 'utf8' }).trim();
  return nodeVersionProblem(version) !== null;
});

describe('the Node version check', () => {
  it('accepts 22.18 and newer and names the needed version and how to get it otherwise', () => {
    for (const ok of ['22.18.0', '22.20.1', '23.0.0', '24.11.1', 'v25.2.0']) expect(nodeVersionProblem(ok)).toBeNull();
    for (const old of ['20.20.2', '22.12.0', '22.17.9', '18.0.0', 'v16.20.2']) {
      const problem = nodeVersionProblem(old)!;
      expect(problem).toContain('22.18');
      expect(problem).toContain('Node 24');
      expect(problem).toContain(`v${old.replace(/^v/, '')}`);
      expect(problem).not.toContain('\n');
    }
  });

  it.skipIf(!OLD_NODE)('stops the CLI, npm start and browser mode on an old Node with one line and exit code 2, no stack trace', () => {
    for (const entry of [['bin/notice-desk.js', '--help'], ['scripts/check-node.mjs']]) {
      const run = spawnSync(OLD_NODE!, entry, { encoding: 'utf8', cwd: path.resolve('.') });
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain('Notice Desk needs Node.js 22.18 or newer');
      expect(run.stderr).not.toContain('ERR_UNKNOWN_FILE_EXTENSION');
    }
    const scripts = JSON.parse(fs.readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
    expect(scripts.start!.startsWith('node scripts/check-node.mjs && ')).toBe(true);
    expect(scripts['start:browser']!.startsWith('node scripts/check-node.mjs && ')).toBe(true);
    expect(fs.readFileSync('.npmrc', 'utf8')).toMatch(/^engine-strict=true$/m);
  });
});
