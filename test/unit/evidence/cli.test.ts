import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.ts';

const BIN = path.resolve('bin/notice-desk.js');

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A workspace with a week of sends, made through the real CLI. */
function workspace(): { ws: string; dir: string } {
  const dir = tempDir('evidence-cli-');
  const csv = path.join(dir, 'sends.csv');
  fs.writeFileSync(
    csv,
    'event_id,sent_at,recipient_id,sender_id,status\n' +
      'n1,2016-03-01T10:00:00+09:00,r1,s1,delivered\n' +
      'n2,2016-03-07T10:00:00+09:00,r2,s1,delivered\n',
  );
  const ws = path.join(dir, 'w.sqlite');
  expect(run(['import', csv, '--workspace', ws]).code).toBe(0);
  return { ws, dir };
}

describe('notice-desk evidence (real CLI, child process)', () => {
  it('writes the folder and zip, prints each file and the manifest hash last, and verify checks them', () => {
    const { ws, dir } = workspace();
    const out = path.join(dir, 'pack');
    const w = run(['evidence', '--workspace', ws, '--out', out, '--zip', '--lang', 'en']);
    // No disclosure was in force: written, but it needs attention.
    expect(w.code).toBe(1);
    const lines = w.stdout.trim().split('\n');
    const hash = lines.at(-1)!;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(w.stdout).toContain('Wrote the evidence pack for 2016-03-01 to 2016-03-07 (Asia/Seoul)');
    expect(w.stdout).toMatch(/ {2}figures\.csv +[\d,]+ bytes {2}[0-9a-f]{64}/);
    expect(w.stdout).toContain('Note: no disclosure was in force during the period.');
    expect(fs.existsSync(`${out}.zip`)).toBe(true);

    const ok = run(['evidence', 'verify', out, '--manifest-sha256', hash]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('the pack verifies');
    const json = run(['evidence', 'verify', `${out}.zip`, '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, manifestSha256: hash, missing: [], extra: [], altered: [] });

    fs.appendFileSync(path.join(out, 'figures.csv'), 'x\r\n');
    fs.rmSync(path.join(out, 'imports.csv'));
    fs.writeFileSync(path.join(out, 'notes.txt'), 'mine');
    const bad = run(['evidence', 'verify', out]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('missing: imports.csv');
    expect(bad.stdout).toContain('extra:   notes.txt (not in the manifest)');
    expect(bad.stdout).toMatch(/altered: figures\.csv \(manifest [0-9a-f]{64}, file [0-9a-f]{64}\)/);
    expect(bad.stdout).toContain('the pack does NOT verify');
  }, 180_000);

  it('prints one JSON document with --json, the same bytes on a second run (on a machine in another time zone), and exit codes 2 for bad usage', () => {
    const { ws, dir } = workspace();
    const a = run(['evidence', '--workspace', ws, '--out', path.join(dir, 'a'), '--json', '--from', '2016-03-01', '--to', '2016-03-07']);
    const b = run(['evidence', '--workspace', ws, '--out', path.join(dir, 'b'), '--json', '--from', '2016-03-01', '--to', '2016-03-07'], { TZ: 'America/Los_Angeles' });
    const ja = JSON.parse(a.stdout) as { manifestSha256: string; files: { path: string; sha256: string }[]; empty: unknown; period: unknown };
    const jb = JSON.parse(b.stdout) as typeof ja;
    expect(ja.manifestSha256).toBe(jb.manifestSha256);
    expect(ja.files).toEqual(jb.files);
    expect(ja).toMatchObject({ period: { from: '2016-03-01', to: '2016-03-07', timeZone: 'Asia/Seoul' }, empty: { events: false, disclosures: true } });
    expect(a.stdout.trim().split('\n')).toHaveLength(1);

    // Bad usage and what cannot be done: exit 2, with a message, nothing written.
    expect(run(['evidence', '--workspace', ws]).code).toBe(2);
    expect(run(['evidence', '--out', path.join(dir, 'c')]).code).toBe(2);
    const badDate = run(['evidence', '--workspace', ws, '--out', path.join(dir, 'c'), '--from', '2016-02-30']);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('2016-02-30');
    expect(run(['evidence', '--workspace', ws, '--out', path.join(dir, 'c'), '--lang', 'fr']).code).toBe(2);
    const exists = run(['evidence', '--workspace', ws, '--out', path.join(dir, 'a')]);
    expect(exists.code).toBe(2);
    expect(exists.stderr).toContain('already exists and is not empty');
    expect(fs.existsSync(path.join(dir, 'c'))).toBe(false);
    expect(run(['evidence', 'verify']).code).toBe(2);
    expect(run(['evidence', 'verify', path.join(dir, 'a'), '--manifest-sha256', 'abc']).code).toBe(2);
    const missing = run(['evidence', 'verify', path.join(dir, 'nope.zip')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('could not be read as an evidence pack: no such file or folder');
    expect(run(['evidence', 'verify', ws]).stderr).toContain('not a zip archive');
  }, 180_000);
});
