import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { HandlerContext } from '../../../electron/backend/context.ts';
import { inProcessApi } from '../../../electron/backend/dispatch.ts';
import { MemorySettingsStore } from '../../../electron/backend/settings-store.ts';
import { tempDir } from '../helpers/tmp.ts';

const BIN = path.resolve('bin/notice-desk.js');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A workspace with one disclosure submitted, commented on and approved. */
async function reviewed(): Promise<{ file: string; id: number; dir: string }> {
  const dir = tempDir('review-cli-');
  const file = path.join(dir, 'policy.sqlite');
  const ctx = new HandlerContext({ transport: 'in-process', settings: new MemorySettingsStore(), emit: () => {} });
  const api = inProcessApi(ctx);
  await api['workspace:create']({ path: file });
  const d = await api['disclosures:create']({ surface: 'alimtalk' });
  await api['disclosures:setStatus']({ id: d.id, status: 'in-review', actor: '이작성' });
  const v = await api['review:version']({ id: d.id, number: 1 });
  const at = v.koText.indexOf('데이터');
  const quote = v.koText.slice(at, at + 10);
  await api['review:comment']({ id: d.id, number: 1, locale: 'ko', start: at, end: at + quote.length, quote, body: '금액을 숫자로 적어 주세요.', author: '김법무' });
  await api['disclosures:setStatus']({ id: d.id, status: 'approved', actor: '김법무' });
  await ctx.close();
  return { file, id: d.id, dir };
}

describe('notice-desk audit verify (real CLI, child process)', () => {
  it('exits 0 with the entry count and head hash when the chain verifies, 1 naming the first bad entry when not', async () => {
    const { file } = await reviewed();
    const ok = run(['audit', 'verify', '--workspace', file, '--json']);
    expect(ok.code).toBe(0);
    const json = JSON.parse(ok.stdout) as { ok: boolean; entries: number; firstBad: unknown; head: string };
    expect(json).toMatchObject({ ok: true, entries: 5, firstBad: null });
    expect(json.head).toMatch(/^[0-9a-f]{64}$/);
    expect(ok.stdout.trim().split('\n')).toHaveLength(1);
    const db = new Database(file);
    db.prepare("UPDATE audit_log SET actor = '누군가' WHERE seq = 3").run();
    db.close();
    const bad = run(['audit', 'verify', '--workspace', file]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('entry 3 does not verify: its contents do not match its hash (it was edited)');
    expect(run(['audit', 'verify']).code).toBe(2);
    expect(run(['audit', 'verify', '--workspace', path.join(path.dirname(file), 'missing.sqlite')]).stderr).toContain('no such workspace');
  });
});
