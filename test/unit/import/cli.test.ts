import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.ts';
import { fixture } from './helpers.ts';

const BIN = path.resolve('bin/notice-desk.js');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('notice-desk import', () => {
  it('prints exactly one JSON document with the keys docs/cli.md documents, creating the workspace', () => {
    const ws = path.join(tempDir(), 'new.sqlite');
    const r = run(['import', fixture('canonical-notifications.csv'), fixture('canonical-cp949.csv'), '--workspace', ws, '--json']);
    expect(r.code).toBe(0);
    expect(fs.existsSync(ws)).toBe(true);
    const doc = JSON.parse(r.stdout) as { files: Record<string, unknown>[] };
    expect(doc.files).toHaveLength(2);
    expect(doc.files[0]).toMatchObject({
      file: fixture('canonical-notifications.csv'),
      kind: 'notifications',
      adapter: 'canonical',
      encoding: 'utf-8',
      rowsRead: 10,
      imported: 5,
      duplicates: 1,
      rejected: 4,
    });
    expect((doc.files[0]!.rejects as unknown[])[0]).toEqual({ line: 8, column: 'sent_at', reason: expect.any(String) as string });
    expect(doc.files[1]).toMatchObject({ encoding: 'cp949', imported: 2, duplicates: 1, rejected: 0, rejects: [] });
  });

  it('imports nothing twice: a second run counts every row as a duplicate', () => {
    const ws = path.join(tempDir(), 'w.sqlite');
    run(['import', fixture('braze-currents.ndjson'), '--workspace', ws, '--json']);
    const doc = JSON.parse(run(['import', fixture('braze-currents.ndjson'), '--workspace', ws, '--json']).stdout) as { files: { imported: number; duplicates: number }[] };
    expect(doc.files[0]).toMatchObject({ imported: 0, duplicates: 4 });
  });

  it('exits 2 naming the file when a file cannot be read, still importing the others', () => {
    const ws = path.join(tempDir(), 'w.sqlite');
    const r = run(['import', fixture('not-an-export.png'), fixture('twilio-console.csv'), '--workspace', ws, '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not-an-export\.png: this is not a text export/);
    const doc = JSON.parse(r.stdout) as { files: { error: unknown; imported: number }[] };
    expect(doc.files[0]!.error).toMatchObject({ code: 'unsupported-format' });
    expect(doc.files[1]).toMatchObject({ error: null, imported: 2 });
  });

  it('exits 2 with usage on a bad option, and documents itself in --help', () => {
    const bad = run(['import', 'x.csv', '--workspace', 'w.sqlite', '--kind', 'emails']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Unknown kind "emails"/);
    expect(run(['import', '--workspace', 'w.sqlite']).code).toBe(2);
    const help = run(['import', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Exit codes: 0 every file was read/);
  });

  it('takes --adapter, --encoding and --timezone', () => {
    const ws = path.join(tempDir(), 'w.sqlite');
    const r = run(['import', fixture('canonical-cp949.csv'), '--workspace', ws, '--adapter', 'canonical', '--encoding', 'cp949', '--timezone', 'UTC', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ files: [{ adapter: 'canonical', encoding: 'cp949', imported: 2 }] });
  });
});
