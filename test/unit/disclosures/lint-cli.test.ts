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

function write(name: string, text: string | Buffer): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, text);
  return file;
}

describe('notice-desk lint (real CLI, child process)', () => {
  it('exits 0 on a starter template and prints the docs/cli.md JSON shape', () => {
    const file = write('ok.md', fs.readFileSync('resources/templates/alimtalk.ko.md'));
    const r = run(['lint', file, '--locale', 'ko', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ locale: 'ko', surface: 'alimtalk', findings: [], missing: [] });
    expect(json.readability).toMatchObject({ locale: 'ko', indicators: expect.any(Array) });
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('exits 1 with findings and missing ids when elements are missing', () => {
    const file = write('bad.txt', '주문하신 상품이 출발했습니다. 이벤트 쿠폰도 확인하세요.');
    const r = run(['lint', file, '--locale', 'ko', '--surface', 'alimtalk', '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { missing: string[]; findings: { rule: string; severity: string; start: number; end: number }[] };
    // A shipping line alone does not say what the notification service is.
    expect(json.missing).toEqual(['service-description', 'data-charges', 'how-to-refuse', 'refusal-consequences']);
    expect(json.findings[1]).toMatchObject({ rule: 'data-charges', severity: 'error', start: 0, end: 0 });
    expect(json.findings.filter((f) => f.rule === 'advertising')).toHaveLength(2);
  });

  it('prints each required element with the sentence that satisfied it (elements) alongside missing', () => {
    const text = '# Order news\n\nWe send you order updates by AlimTalk.\n\nTo stop them, turn them off in Settings.';
    const file = write('evidence.md', text);
    const r = run(['lint', file, '--locale', 'en', '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { missing: string[]; elements: { id: string; present: boolean; start: number; end: number; text: string }[] };
    expect(json.missing).toEqual(['data-charges', 'refusal-consequences']);
    expect(json.elements).toEqual([
      { id: 'service-description', present: true, start: 14, end: 52, text: 'We send you order updates by AlimTalk.' },
      { id: 'data-charges', present: false, start: 0, end: 0, text: '' },
      { id: 'how-to-refuse', present: true, start: 54, end: 94, text: 'To stop them, turn them off in Settings.' },
      { id: 'refusal-consequences', present: false, start: 0, end: 0, text: '' },
    ]);
    for (const e of json.elements.filter((x) => x.present)) expect(text.slice(e.start, e.end)).toBe(e.text);
    const human = run(['lint', file, '--locale', 'en']).stdout;
    expect(human).toContain('ok   how-to-refuse          5:1     «To stop them, turn them off in Settings.»');
    expect(human).toContain('MISS data-charges');
  });

  it('prints a readable report without --json', () => {
    const file = write('bad.md', 'We send you order updates by AlimTalk.');
    const r = run(['lint', file, '--locale', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Missing: data-charges, how-to-refuse, refusal-consequences');
    expect(r.stdout).toContain('flesch-reading-ease');
  });

  it('checks the url-notice surface for its own elements', () => {
    const file = write('url.md', fs.readFileSync('resources/templates/url-notice.en.md'));
    expect(run(['lint', file, '--locale', 'en', '--surface', 'url-notice']).code).toBe(0);
    expect(run(['lint', file, '--locale', 'en', '--surface', 'alimtalk']).code).toBe(1);
  });

  it('exits 2 naming the file when it cannot be read or is not UTF-8 text', () => {
    const missing = path.join(tempDir(), 'nope.md');
    const r = run(['lint', missing, '--locale', 'ko']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(missing);
    const cp949 = write('cp949.txt', Buffer.from([0xb0, 0xa1, 0xb3, 0xaa]));
    const r2 = run(['lint', cp949, '--locale', 'ko']);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain(`${cp949}: not valid UTF-8`);
    expect(r2.stdout).toBe('');
  });

  it('exits 2 on bad usage: no locale, unknown surface, no file', () => {
    const file = write('a.md', '안녕하세요');
    expect(run(['lint', file]).code).toBe(2);
    const bad = run(['lint', file, '--locale', 'ko', '--surface', 'billboard']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Unknown surface "billboard"');
    expect(run(['lint', '--locale', 'ko']).code).toBe(2);
    expect(run(['lint', '--help']).code).toBe(0);
  });
});

describe('notice-desk lint with a team\'s own rules and a workspace', () => {
  function copyResources(): string {
    const dir = tempDir();
    for (const sub of ['rules', 'wordlists', 'templates']) fs.cpSync(path.resolve('resources', sub), path.join(dir, sub), { recursive: true });
    return dir;
  }

  it('uses an edited rules file without any code change', () => {
    const dir = copyResources();
    const file = write('ok.md', fs.readFileSync('resources/templates/alimtalk.ko.md'));
    expect(run(['lint', file, '--locale', 'ko'], { NOTICE_DESK_RESOURCES_DIR: dir }).code).toBe(0);
    // The team decides that "배송" is advertising wording in its messages.
    const rulesFile = path.join(dir, 'rules', 'ko.json');
    const rules = JSON.parse(fs.readFileSync(rulesFile, 'utf8')) as { advertising: { patterns: unknown[] } };
    rules.advertising.patterns.push({ phrase: '배송', weight: 1 });
    fs.writeFileSync(rulesFile, JSON.stringify(rules));
    const r = run(['lint', file, '--locale', 'ko', '--json'], { NOTICE_DESK_RESOURCES_DIR: dir });
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { findings: { rule: string }[] }).findings.some((f) => f.rule === 'advertising')).toBe(true);
  });

  it('exits 2 naming the rules file and the bad field when the team breaks it', () => {
    const dir = copyResources();
    const rulesFile = path.join(dir, 'rules', 'ko.json');
    const rules = JSON.parse(fs.readFileSync(rulesFile, 'utf8')) as { limits: { maxChars: unknown }[] };
    rules.limits[0]!.maxChars = 'a thousand';
    fs.writeFileSync(rulesFile, JSON.stringify(rules));
    const file = write('ok.md', '안녕하세요');
    const r = run(['lint', file, '--locale', 'ko'], { NOTICE_DESK_RESOURCES_DIR: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(rulesFile);
    expect(r.stderr).toContain('limits[0].maxChars');
  });

  it('fills variables from an existing workspace and refuses one that does not exist', () => {
    const dir = tempDir();
    const ws = path.join(dir, 'ws.sqlite');
    expect(run(['workspace', 'init', ws]).code).toBe(0);
    const file = write('ok.md', fs.readFileSync('resources/templates/alimtalk.en.md'));
    expect(run(['lint', file, '--locale', 'en', '--workspace', ws]).code).toBe(0);
    const missing = path.join(dir, 'none.sqlite');
    const r = run(['lint', file, '--locale', 'en', '--workspace', missing]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(missing);
    expect(fs.existsSync(missing)).toBe(false);
  });

  it('takes a team\'s own rules file from its rules folder (--rules) and keeps the shipped word lists', () => {
    const own = tempDir();
    fs.mkdirSync(path.join(own, 'rules'));
    const rules = JSON.parse(fs.readFileSync('resources/rules/en.json', 'utf8')) as { limits: { maxChars: number }[] };
    rules.limits[0]!.maxChars = 100;
    fs.writeFileSync(path.join(own, 'rules', 'en.json'), JSON.stringify(rules));
    const file = write('ok.md', fs.readFileSync('resources/templates/alimtalk.en.md'));
    expect(run(['lint', file, '--locale', 'en']).code).toBe(0);
    const r = run(['lint', file, '--locale', 'en', '--rules', own, '--json']);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule)).toEqual(['alimtalk-length']);
    const viaEnv = run(['lint', file, '--locale', 'en', '--json'], { NOTICE_DESK_RULES_DIR: own });
    expect(viaEnv.code).toBe(1);
    const missing = path.join(own, 'nope');
    const bad = run(['lint', file, '--locale', 'en', '--rules', missing]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(missing);
  });
});
