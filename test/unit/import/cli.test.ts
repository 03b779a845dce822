import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/backend/cli/main.ts';
import { HandlerContext } from '../../../electron/backend/context.ts';
import { inProcessApi } from '../../../electron/backend/dispatch.ts';
import { MemorySettingsStore } from '../../../electron/backend/settings-store.ts';
import { tempDir } from '../helpers/tmp.ts';
import { fixture } from './helpers.ts';

const BIN = path.resolve('bin/notice-desk.js');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('notice-desk import', () => {
  it('takes --max-record: a longer record stops that file with the limit named, a bad value is a usage error before anything is made', () => {
    const dir = tempDir();
    const file = path.join(dir, 'long.csv');
    fs.writeFileSync(file, `event_id,sent_at,recipient_id,sender_id\nn1,2016-03-01T09:00:00+09:00,r1,${'s'.repeat(3000)}\n`);
    const ws = path.join(dir, 'w.sqlite');
    const refused = run(['import', file, '--workspace', ws, '--max-record', '2048', '--json']);
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.stdout).files[0].error).toMatchObject({ code: 'too-large' });
    expect(refused.stderr).toContain('line 2: the record is longer than the limit of 2,048 characters');
    expect(run(['import', file, '--workspace', ws, '--json']).code).toBe(0);
    const other = path.join(dir, 'never.sqlite');
    const bad = run(['import', file, '--workspace', other, '--max-record', 'lots']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-record');
    expect(fs.existsSync(other)).toBe(false);
  });

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

/** The CLI in this process: exit code and what it wrote. */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const code = await runCli(args, { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t) });
  return { code, ...out };
}

const VENDOR_MAPPING = {
  kind: 'notifications',
  columns: { sent_at: '발송일시', recipient_id: '수신번호', sender_id: '발신프로필', template_id: '템플릿', status: '결과' },
  timestampFormat: 'YYYY/MM/DD HH:mm:ss',
  timeZone: null,
};

describe('notice-desk import with a column mapping', () => {
  it('imports a vendor file with --mapping <file.json>, bare or as the app saves a preset', async () => {
    const dir = tempDir();
    const bare = path.join(dir, 'mapping.json');
    fs.writeFileSync(bare, JSON.stringify(VENDOR_MAPPING, null, 2));
    const r = await cli(['import', fixture('generic-vendor.csv'), '--workspace', path.join(dir, 'a.sqlite'), '--mapping', bare, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { files: { adapter: string; kind: string; imported: number; rejected: number }[] };
    expect(doc.files[0]).toMatchObject({ adapter: 'generic', kind: 'notifications', rejected: 0 });
    expect(doc.files[0]!.imported).toBeGreaterThan(0);
    const preset = path.join(dir, 'preset.json');
    fs.writeFileSync(preset, '\uFEFF' + JSON.stringify({ name: '쇼핑몰 C', header: ['발송일시', '수신번호', '발신프로필', '템플릿', '결과'], mapping: VENDOR_MAPPING }));
    const again = await cli(['import', fixture('generic-vendor.csv'), '--workspace', path.join(dir, 'b.sqlite'), '--mapping', preset, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ files: [{ adapter: 'generic', imported: doc.files[0]!.imported }] });
  });

  it('imports with --preset <name> saved in the workspace, and names the saved presets when it is not there', async () => {
    const dir = tempDir();
    const ws = path.join(dir, 'w.sqlite');
    const ctx = new HandlerContext({ transport: 'in-process', settings: new MemorySettingsStore(), emit: () => {} });
    const api = inProcessApi(ctx);
    await api['workspace:create']({ path: ws });
    await api['imports:savePreset']({ name: '쇼핑몰 C', header: ['발송일시', '수신번호', '발신프로필', '템플릿', '결과'], mapping: VENDOR_MAPPING as never });
    await ctx.close();
    const r = await cli(['import', fixture('generic-vendor.csv'), '--workspace', ws, '--preset', '쇼핑몰 C', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ files: [{ adapter: 'generic', rejected: 0 }] });
    const missing = await cli(['import', fixture('generic-vendor.csv'), '--workspace', ws, '--preset', 'Shop D']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`No saved mapping preset named "Shop D" in ${ws}. Saved presets: "쇼핑몰 C".`);
  });

  it('refuses a bad mapping, preset or file by name before it creates the workspace', async () => {
    const dir = tempDir();
    const ws = path.join(dir, 'never.sqlite');
    const write = (name: string, text: string) => {
      fs.writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    const notJson = write('broken.json', '{\n  "kind": "notifications",\n  "columns": {"sent_at": "발송일시",}\n}');
    const badKind = write('kind.json', JSON.stringify({ ...VENDOR_MAPPING, kind: 'emails' }));
    const badField = write('field.json', JSON.stringify({ ...VENDOR_MAPPING, columns: { sent_at: '발송일시', subject: '제목' } }));
    const badColumn = write('column.json', JSON.stringify({ ...VENDOR_MAPPING, columns: { sent_at: 7 } }));
    const badZone = write('zone.json', JSON.stringify({ ...VENDOR_MAPPING, timeZone: 'Mars/Olympus' }));
    const cases: [string[], RegExp][] = [
      [['--mapping', notJson], new RegExp(`${notJson}: the mapping is not valid JSON \\(line 3\\)`)],
      [['--mapping', badKind], new RegExp(`${badKind}: entry "kind": notifications, consent or urls`)],
      [['--mapping', badField], new RegExp(`${badField}: entry "columns.subject": a field of notifications: event_id, sent_at`)],
      [['--mapping', badColumn], new RegExp(`${badColumn}: entry "columns.sent_at"`)],
      [['--mapping', badZone], new RegExp(`${badZone}: entry "timeZone": an IANA time zone`)],
      [['--mapping', path.join(dir, 'none.json')], /none\.json: cannot read the mapping file \(it does not exist\)/],
      [['--mapping', badKind, '--preset', 'x'], /either --mapping or --preset, not both/],
      [['--preset', 'x'], /never\.sqlite: no such workspace \(a preset is read from an existing workspace\)/],
      [['--mapping', write('ok.json', JSON.stringify(VENDOR_MAPPING)), '--kind', 'consent'], /--kind "consent" disagrees with the mapping, which is for notifications/],
      [['--mapping', path.join(dir, 'ok.json'), '--adapter', 'twilio-csv'], /--adapter "twilio-csv" disagrees with the mapping/],
    ];
    for (const [extra, message] of cases) {
      const r = await cli(['import', fixture('generic-vendor.csv'), '--workspace', ws, ...extra]);
      expect(r.code, extra.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(fs.existsSync(ws)).toBe(false);
    }
    const noFile = await cli(['import', path.join(dir, 'absent.csv'), '--workspace', ws]);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toMatch(/absent\.csv: no such file or folder to import/);
    expect(fs.existsSync(ws)).toBe(false);
  });
});
