import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/backend/db/connection.ts';
import { importFiles } from '../../../electron/backend/import/import-files.ts';
import { writeSyntheticCsv } from '../../../electron/backend/import/synthetic-csv.ts';
import { createWorkspaceFile } from '../../../electron/backend/workspace-file.ts';
import { tempDir } from '../helpers/tmp.ts';
import { fixture, importAndInterrupt } from './helpers.ts';

const BIN = path.resolve('bin/notice-desk.js');

/** Starts an import in a child process and SIGKILLs it `delayMs` after it reports its first progress. */
function importAndKill(file: string, workspace: string, delayMs: number): Promise<{ killed: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'import', file, '--workspace', workspace], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let armed = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!armed && /records/.test(stderr)) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ killed: signal === 'SIGKILL', stderr }));
  });
}

/** The workspace is whole and shows only finished imports whose counts match their rows. */
function assertConsistent(workspace: string): { imports: number; notifications: number } {
  const db = openDatabase(workspace);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const unfinished = db.prepare('SELECT count(*) FROM imports WHERE finished_at IS NULL').pluck().get();
    expect(unfinished).toBe(0);
    const mismatched = db
      .prepare(
        `SELECT i.id FROM imports i WHERE i.imported <>
           (SELECT count(*) FROM notifications WHERE import_id = i.id) + (SELECT count(*) FROM consent WHERE import_id = i.id)
           + (SELECT count(*) FROM urls WHERE import_id = i.id)`,
      )
      .all();
    expect(mismatched).toEqual([]);
    return {
      imports: db.prepare('SELECT count(*) FROM imports').pluck().get() as number,
      notifications: db.prepare('SELECT count(*) FROM notifications').pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

describe('all or nothing per file', () => {
  it('leaves the workspace whole, with no partial import, when the importing process is killed at random points', async () => {
    const dir = tempDir('nd-kill-');
    const big = path.join(dir, 'big.csv');
    const workspace = path.join(dir, 'ws.sqlite');
    await writeSyntheticCsv(big, 40_000, 7);
    await createWorkspaceFile(workspace);
    const db = openDatabase(workspace);
    await importFiles(db, [fixture('canonical-consent.tsv')]);
    db.close();
    let kills = 0;
    for (let round = 0; round < 4; round++) {
      const outcome = await importAndKill(big, workspace, Math.floor(Math.random() * 1500));
      if (outcome.killed) kills++;
      const state = assertConsistent(workspace);
      // Either the whole file went in (the kill came after the commit) or none of it did.
      expect([0, 40_000]).toContain(state.notifications);
      if (state.notifications === 40_000) break;
    }
    expect(kills).toBeGreaterThan(0);
    const after = openDatabase(workspace);
    const [r] = await importFiles(after, [big]);
    expect(r!.imported + r!.duplicates).toBe(40_000);
    after.close();
    expect(assertConsistent(workspace).notifications).toBe(40_000);
  });
});

describe('notice-desk import interrupted (Ctrl-C, SIGTERM)', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('on %s stops the file being imported, keeps nothing of it and the files before it, and exits 130', async (signal) => {
    const dir = tempDir('nd-interrupt-');
    const small = fixture('canonical-consent.tsv');
    const big = path.join(dir, 'big.csv');
    const workspace = path.join(dir, 'ws.sqlite');
    await writeSyntheticCsv(big, 200_000, 11);
    await createWorkspaceFile(workspace);
    const r = await importAndInterrupt([small, big], workspace, signal);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(130);
    expect(r.stderr).toContain(`notice-desk import: interrupted while importing ${big}: nothing of it was kept; kept the 1 file(s) imported before it:`);
    expect(r.stderr).toContain('canonical-consent.tsv');
    const state = assertConsistent(workspace);
    expect(state).toEqual({ imports: 1, notifications: 0 });
  });
});
