/**
 * `vitest run` for `npm test`, with one allowance: a test file whose worker process was killed by a
 * signal (SIGSEGV, SIGTRAP, SIGABRT) before its tests finished is run once more, and the run says so.
 *
 * Why: on the 2-core development machines a test process is killed now and then (about one file in
 * a few hundred per full run) by a native crash in Node's worker threads or in V8 itself — the
 * kernel log names a V8 abort on a "WorkerThread" — in files that share nothing but better-sqlite3
 * and worker threads. It is not a test's verdict: the file's tests did not run. A file that fails an
 * assertion, or crashes again, fails the run as before. Everything else is vitest's own output.
 *
 * Usage: node scripts/vitest-run.ts --project unit
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');

/** Runs vitest with these arguments, echoing its output; resolves with the exit code and the output. */
function run(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vitest, 'run', ...args], { cwd: root, stdio: ['inherit', 'pipe', 'pipe'] });
    const chunks: string[] = [];
    child.stdout.on('data', (d: Buffer) => {
      process.stdout.write(d);
      chunks.push(d.toString('utf8'));
    });
    child.stderr.on('data', (d: Buffer) => {
      process.stderr.write(d);
      chunks.push(d.toString('utf8'));
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output: chunks.join('') }));
  });
}

// eslint-disable-next-line no-control-regex
const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

/** The files whose worker was killed by a signal, and whether anything else failed. */
export function crashesIn(output: string): { files: string[]; otherFailures: boolean } {
  const text = plain(output);
  const files = [
    ...new Set(
      [...text.matchAll(/Worker exited unexpectedly with signal (SIG[A-Z]+) during \w+ state while running test file (\S+)/g)].map((m) => m[2]!),
    ),
  ];
  // A failed assertion or suite is listed as FAIL; a failed count appears in the summary as "N failed".
  const otherFailures = /(^|\n)\s*FAIL\s/.test(text) || /Test Files\s+\d+ failed/.test(text) || /Tests\s+\d+ failed/.test(text);
  return { files, otherFailures };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const first = await run(args);
  if (first.code === 0) return;
  const { files, otherFailures } = crashesIn(first.output);
  if (files.length === 0 || otherFailures) process.exit(first.code);
  console.log(
    `\nvitest-run: ${files.length} test file(s) did not run to the end because their process was killed by a signal ` +
      `(a native crash, not a test's verdict): ${files.map((f) => path.relative(root, f)).join(', ')}. Running them once more.\n`,
  );
  const again = await run([...args, ...files]);
  process.exit(again.code);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) await main();
