import { spawn } from 'node:child_process';
import path from 'node:path';
import { openDatabase, type Db } from '../../../electron/backend/db/connection.ts';
import { createWorkspaceFile } from '../../../electron/backend/workspace-file.ts';
import { tempDir } from '../helpers/tmp.ts';

export const FIXTURES = path.resolve('test/fixtures/import');
export const SLACK = path.resolve('test/fixtures/slack-export');

/** A fixture file's path. */
export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

/** A new, migrated workspace in a temp folder with an open connection. */
export async function freshWorkspace(): Promise<{ dir: string; file: string; db: Db }> {
  const dir = tempDir('nd-import-');
  const file = path.join(dir, 'ws.sqlite');
  await createWorkspaceFile(file);
  return { dir, file, db: openDatabase(file) };
}

/** Row counts of the event tables, imports and rejects. */
export function counts(db: Db): Record<string, number> {
  return db
    .prepare(
      `SELECT (SELECT count(*) FROM notifications) AS notifications, (SELECT count(*) FROM consent) AS consent,
              (SELECT count(*) FROM urls) AS urls, (SELECT count(*) FROM imports) AS imports,
              (SELECT count(*) FROM rejects) AS rejects`,
    )
    .get() as Record<string, number>;
}

const BIN = path.resolve('bin/notice-desk.js');

/**
 * Starts `notice-desk import` in a child process and sends it `signal` once it reports its first
 * progress of at least `afterRecords` records; resolves with its exit code and output (the import and
 * the warehouse tests).
 */
export function importAndInterrupt(
  files: string[],
  workspace: string,
  signal: NodeJS.Signals = 'SIGINT',
  /** Records of the last file to have been read first. */
  afterRecords = 1,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'import', ...files, '--workspace', workspace], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    let sent = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      // Progress of the last file (earlier files have finished by then).
      const last = path.basename(files.at(-1)!);
      const read = [...stderr.matchAll(new RegExp(`${last.replace('.', '\\.')}: (\\d+) records`, 'g'))].map((m) => Number(m[1]));
      if (!sent && read.some((n) => n >= afterRecords)) {
        sent = true;
        child.kill(signal);
      }
    });
    child.on('error', reject);
    child.on('exit', (code, sig) => resolve({ code, signal: sig, stdout, stderr }));
  });
}
