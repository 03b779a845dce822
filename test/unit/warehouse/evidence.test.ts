/**
 * The evidence pack of a ClickHouse workspace: its figures, charts and imports read from the warehouse,
 * equal to those of a local workspace made from the same files — through the app's handler (the pack
 * made in the worker from what the handler read), and on 18.16 through the real CLI too.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildEvidencePack } from '../../../electron/backend/evidence/pack.ts';
import { consent, engines, notifications, urls, workspace } from '../metrics/helpers.ts';

const SENDS = notifications([
  ['n1', '2016-03-01T10:00:00+09:00', 'r1', 's1', 'delivered', 2048, 'cellular', 'order'],
  ['n2', '2016-03-02T11:00:00+09:00', 'r2', 's1', 'delivered', null, 'wifi', 'order'],
  ['n3', '2016-03-05T09:30:00+09:00', 'r1', 's2', 'sent', 4096, 'cellular', 'marketing'],
  ['n4', '2016-03-09T20:00:00+09:00', 'r3', 's2', 'failed', null, 'unknown', 'marketing'],
  ['n5', '2016-03-12T08:00:00+09:00', 'r1', 's1', 'delivered', 1024, 'cellular', 'order'],
  ['n6', '2016-04-02T08:00:00+09:00', 'r2', 's2', 'delivered', 512, 'cellular', 'order'],
]);
const CONSENT = consent([
  ['c1', '2016-02-28T09:00:00+09:00', 'r1', 's1', 'notice_shown'],
  ['c2', '2016-03-03T09:00:00+09:00', 'r2', 's1', 'opt_out'],
  ['c3', '2016-03-06T09:00:00+09:00', 'r1', '', 'block'],
]);
const URLS = urls([
  ['u1', '2016-03-01T12:00:00+09:00', 'https://a.example/1', 'shared'],
  ['u2', '2016-03-04T12:00:00+09:00', 'https://a.example/1', 'indexed'],
  ['u3', '2016-03-10T12:00:00+09:00', 'https://b.example/2', 'shared'],
]);

type Pack = Map<string, string>;

/** A workspace on `engine` with the three files imported, and its pack for the period through the app's handler. */
async function packOn(engine: (typeof engines)[number], period: { from?: string; to?: string }) {
  const w = await workspace({ engine });
  await w.load(SENDS);
  await w.load(CONSENT);
  await w.load(URLS);
  const out = path.join(w.dir, 'pack.zip');
  const written = await w.api['evidence:write']({ path: out, language: 'en', ...period });
  const files: Pack = new Map(Object.entries(unzipSync(fs.readFileSync(out))).map(([name, bytes]) => [name.slice(name.indexOf('/') + 1), Buffer.from(bytes).toString('utf8')]));
  return { w, written, files };
}

/** The files that come from the events (figures, charts, imports without their import times). */
function eventFiles(files: Pack): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, text] of files) {
    if (name === 'figures.csv' || name.startsWith('charts/')) out[name] = text;
    if (name === 'imports.csv') out[name] = text.split('\n').map((line) => line.split(',').slice(0, -1).join(',')).join('\n');
  }
  return out;
}

describe.each(engines.filter((e) => e !== 'sqlite'))('the evidence pack of a ClickHouse workspace (%s)', (engine) => {
  it('holds the same figures, charts and imports as a local workspace made from the same files', async () => {
    const local = await packOn('sqlite', {});
    const remote = await packOn(engine, {});
    // The period defaults to the warehouse's first and last day, as a local workspace's to its own.
    expect(remote.written.period).toEqual({ from: '2016-02-28', to: '2016-04-02' });
    expect(remote.written.period).toEqual(local.written.period);
    expect(remote.written.empty.events).toBe(false);
    const expected = eventFiles(local.files);
    expect(Object.keys(expected).length).toBeGreaterThan(5);
    // Known answers, so that two equal packs of zeros cannot pass.
    expect(expected['figures.csv']).toMatch(/volume\.notifications,[^\n]*,6,/);
    expect(expected['imports.csv']!.split('\n').filter((l) => l.trim() !== '')).toHaveLength(4);
    expect(eventFiles(remote.files)).toEqual(expected);
  });

  it('lists only the imports with events in a shorter period, and says when a period holds none', async () => {
    const local = await packOn('sqlite', { from: '2016-04-01', to: '2016-04-30' });
    const remote = await packOn(engine, { from: '2016-04-01', to: '2016-04-30' });
    expect(eventFiles(remote.files)).toEqual(eventFiles(local.files));
    expect(remote.files.get('imports.csv')!.trim().split('\n')).toHaveLength(2);
    const none = await packOn(engine, { from: '2017-01-01', to: '2017-01-31' });
    expect(none.written.empty.events).toBe(true);
    expect(none.files.get('imports.csv')!.trim().split('\n')).toHaveLength(1);
  });

  it('is never written from the empty local tables of a ClickHouse workspace', async () => {
    const w = await workspace({ engine });
    await w.load(SENDS);
    await expect(buildEvidencePack(w.db(), { language: 'ko' })).rejects.toMatchObject({ key: 'warehouse.evidence-local-only' });
  });
});

describe.runIf(engines.includes('clickhouse'))('notice-desk evidence on a ClickHouse workspace (real CLI, 18.16 shards)', () => {
  it('writes the pack from the warehouse, with the same figures as the app', async () => {
    const { w, files } = await packOn('clickhouse', {});
    const out = path.join(w.dir, 'cli-pack');
    // The helper put the password in the environment, which the child process inherits.
    const r = spawnSync(process.execPath, [path.resolve('bin/notice-desk.js'), 'evidence', '--workspace', w.file, '--out', out, '--lang', 'en'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Wrote the evidence pack for 2016-02-28 to 2016-04-02');
    const cli: Pack = new Map();
    const walk = (dir: string, prefix: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(dir, e.name), `${prefix}${e.name}/`);
        else cli.set(prefix + e.name, fs.readFileSync(path.join(dir, e.name), 'utf8'));
      }
    };
    walk(out, '');
    expect(eventFiles(cli)).toEqual(eventFiles(files));
  });
});
