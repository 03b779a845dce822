import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.ts';
import { runCli as runCliInProcess } from '../../../electron/backend/cli/main.ts';
import { consent, notifications, urls } from './helpers.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/notice-desk.js');

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { maxBuffer: 1 << 24 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The keys docs/cli.md documents for each metric (a public interface). */
const documented: Record<string, { top: string[]; bucket: string[] }> = {
  volume: { top: ['metric', 'by', 'buckets'], bucket: ['bucket', 'total', 'byStatus'] },
  datacost: {
    top: ['metric', 'totalBytes', 'chargeableMessages', 'firstMessages', 'recipients', 'chargeKrw', 'buckets'],
    bucket: ['bucket', 'totalBytes', 'chargeableMessages', 'firstMessages', 'recipients', 'chargeKrw'],
  },
  optout: { top: ['metric', 'by', 'buckets'], bucket: ['bucket', 'reached', 'optedOut', 'rate'] },
  coverage: {
    top: ['metric', 'pairs', 'covered', 'uncovered', 'coverage', 'buckets'],
    bucket: ['bucket', 'pairs', 'covered', 'uncovered', 'coverage'],
  },
  refusals: { top: ['metric', 'violations', 'byStatus', 'bySender', 'messages'], bucket: [] },
  urls: {
    top: ['metric', 'shared', 'indexed', 'served', 'medianLagHours', 'indexedWithoutNotice', 'buckets'],
    bucket: ['bucket', 'shared', 'indexed', 'served'],
  },
};

describe('notice-desk metrics (the real CLI in a child process)', () => {
  it('prints exactly one JSON document per metric with the keys docs/cli.md documents', async () => {
    const dir = tempDir('metrics-cli-');
    const ws = path.join(dir, 'w.sqlite');
    const files = {
      'n.csv': notifications([
        ['m1', '2016-03-07T10:00:00+09:00', 'r1', 'kakao-partner', 'delivered'],
        ['m2', '2016-03-08T10:00:00+09:00', 'r1', 'kakao-partner', 'delivered'],
        ['m3', '2016-03-09T10:00:00+09:00', 'r1', 'kakao-partner', 'delivered'],
      ]),
      'c.csv': consent([['c1', '2016-03-08T12:00:00+09:00', 'r1', '', 'opt_out']]),
      'u.csv': urls([
        ['u1', '2016-03-07T00:00:00Z', 'https://a.example/1', 'shared'],
        ['u2', '2016-03-07T02:00:00Z', 'https://a.example/1', 'indexed'],
      ]),
    };
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    const imported = await cli(['import', ...Object.keys(files).map((f) => path.join(dir, f)), '--workspace', ws, '--json']);
    expect(imported.code).toBe(0);
    for (const [metric, keys] of Object.entries(documented)) {
      const r = await cli(['metrics', metric, '--workspace', ws, '--by', 'week', '--json']);
      expect(r.code, r.stderr).toBe(0);
      const doc = JSON.parse(r.stdout) as Record<string, unknown>;
      expect(Object.keys(doc)).toEqual(expect.arrayContaining(keys.top));
      expect(doc.metric).toBe(metric);
      if (keys.bucket.length > 0) {
        const buckets = doc.buckets as Record<string, unknown>[];
        expect(buckets[0]!.bucket).toBe('2016-W10');
        expect(Object.keys(buckets[0]!)).toEqual(expect.arrayContaining(keys.bucket));
      }
    }
    const cost = JSON.parse((await cli(['metrics', 'datacost', '--workspace', ws, '--json'])).stdout);
    expect(cost.totalBytes).toBe(19_456);
    expect(cost.chargeKrw).toEqual({ low: 0.475, high: 9.5 });
    const refusals = JSON.parse((await cli(['metrics', 'refusals', '--workspace', ws, '--json'])).stdout);
    expect(refusals.violations).toBe(1);
    const filtered = JSON.parse(
      (await cli(['metrics', 'volume', '--workspace', ws, '--from', '2016-03-08', '--to', '2016-03-08', '--by', 'day', '--sender', 'kakao-partner', '--json'])).stdout,
    );
    expect(filtered.buckets).toEqual([expect.objectContaining({ bucket: '2016-03-08', total: 1, byStatus: { delivered: 1 } })]);
    const table = await cli(['metrics', 'datacost', '--workspace', ws]);
    expect(table.stdout).toMatch(/total\s+19,456\s+3\s+1\s+1\s+0\.48\s+9\.50/);
  });

  it('exits 2 with the usage on stderr for an unknown metric or a bad --by, and 1 on an empty workspace', async () => {
    const dir = tempDir('metrics-cli-');
    const ws = path.join(dir, 'empty.sqlite');
    const unknown = await cli(['metrics', 'bogus', '--workspace', ws]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Name one metric: volume, datacost/);
    const badBy = await cli(['metrics', 'volume', '--workspace', ws, '--by', 'year']);
    expect(badBy.code).toBe(2);
    expect(badBy.stderr).toMatch(/--by must be day, week or month/);
    const badDate = await cli(['metrics', 'volume', '--workspace', ws, '--from', '2016-02-30']);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/--from must be a calendar date/);
    const empty = await cli(['metrics', 'volume', '--workspace', ws, '--json']);
    expect(empty.code).toBe(1);
    expect(JSON.parse(empty.stdout)).toMatchObject({ metric: 'volume', buckets: [] });
    expect(empty.stderr).toMatch(/holds no events/);
  });

  it('refuses every bad argument before it touches the file system: no workspace file is created', async () => {
    const dir = tempDir('metrics-cli-');
    const ws = path.join(dir, 'never.sqlite');
    const cases: [string[], RegExp][] = [
      [['--from', '2016-13-01'], /--from must be a calendar date as YYYY-MM-DD \(got "2016-13-01"\)/],
      [['--to', '2016-02-30'], /--to must be a calendar date/],
      [['--from', '2016-03-02', '--to', '2016-03-01'], /--from \(2016-03-02\) is after --to \(2016-03-01\)/],
      [['--by', 'year'], /--by must be day, week or month/],
      [Array.from({ length: 501 }, (_, i) => ['--sender', `s${i}`]).flat(), /--sender may be given at most 500 times \(got 501\)/],
    ];
    for (const [extra, message] of cases) {
      const result = await runCli(['metrics', 'volume', '--workspace', ws, ...extra], capture());
      expect(result.code, extra.slice(0, 4).join(' ')).toBe(2);
      expect(result.err).toMatch(message);
      expect(result.err).toMatch(/Usage: notice-desk metrics/);
      expect(fs.existsSync(ws)).toBe(false);
    }
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

/** An in-process CLI run: its exit code and what it wrote. */
function capture(): { stdout(t: string): void; stderr(t: string): void; out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout(t: string) {
      io.out += t;
    },
    stderr(t: string) {
      io.err += t;
    },
  };
  return io;
}

async function runCli(args: string[], io: ReturnType<typeof capture>): Promise<{ code: number; err: string }> {
  const code = await runCliInProcess(args, io);
  return { code, err: io.err };
}
