import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeEvidencePack } from '../../../electron/backend/evidence/pack.ts';
import { verifyEvidencePack } from '../../../electron/backend/evidence/verify.ts';
import { tempDir } from '../helpers/tmp.ts';
import { jsonPdf, notifications, readTree, workspace } from './helpers.ts';

async function pack(zip = false) {
  const w = await workspace();
  await w.load(notifications([['n1', '2016-03-01T10:00:00+09:00', 'r1', 's1', 'delivered']]));
  const out = path.join(tempDir('evidence-'), 'pack');
  const r = await writeEvidencePack(w.db(), { out, language: 'ko', zip, renderPdf: jsonPdf });
  return { out, zip: `${out}.zip`, hash: r.manifestSha256 };
}

const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

/** Zips a folder as the pack writer would (top-level folder, sorted entries). */
function zipTree(root: string, top = 'pack'): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [name, bytes] of readTree(root)) files[`${top}/${name}`] = new Uint8Array(bytes);
  return zipSync(files);
}

describe('verifying an evidence pack', () => {
  it('passes an untouched folder and zip, and compares the manifest with a recorded hash', async () => {
    const p = await pack(true);
    expect(verifyEvidencePack(p.out)).toMatchObject({ ok: true, manifestSha256: p.hash, manifestMatches: null, missing: [], extra: [], altered: [], manifestProblem: null });
    expect(verifyEvidencePack(p.zip, { manifestSha256: p.hash.toUpperCase() })).toMatchObject({ ok: true, manifestMatches: true });
    expect(verifyEvidencePack(p.out).checked).toBe(readTree(p.out).size - 1);
  });

  it('names an altered, a missing and an extra file', async () => {
    const p = await pack();
    const figures = path.join(p.out, 'figures.csv');
    const before = sha(fs.readFileSync(figures));
    fs.appendFileSync(figures, 'coverage,coverage.pairs,,,999,count,\r\n');
    fs.rmSync(path.join(p.out, 'imports.csv'));
    fs.writeFileSync(path.join(p.out, 'charts', 'mine.csv'), 'x');
    const r = verifyEvidencePack(p.out, { manifestSha256: p.hash });
    expect(r).toMatchObject({ ok: false, manifestMatches: true, missing: ['imports.csv'], extra: ['charts/mine.csv'] });
    expect(r.altered).toEqual([{ path: 'figures.csv', expected: before, actual: sha(fs.readFileSync(figures)) }]);
    // The same in a zip.
    const zip = path.join(path.dirname(p.out), 'altered.zip');
    fs.writeFileSync(zip, zipTree(p.out));
    expect(verifyEvidencePack(zip)).toMatchObject({ ok: false, missing: ['imports.csv'], extra: ['charts/mine.csv'], altered: [{ path: 'figures.csv' }] });
  });

  it('in a zip, names an entry beside the pack folder as extra, relative to the folder', async () => {
    const p = await pack();
    const files: Record<string, Uint8Array> = {};
    for (const [name, bytes] of readTree(p.out)) files[`pack/${name}`] = new Uint8Array(bytes);
    files['evil.txt'] = new TextEncoder().encode('beside the pack');
    const zip = path.join(path.dirname(p.out), 'beside.zip');
    fs.writeFileSync(zip, zipSync(files));
    expect(verifyEvidencePack(zip, { manifestSha256: p.hash })).toMatchObject({ ok: false, extra: ['../evil.txt'], missing: [], altered: [], manifestMatches: true });
  });

  it('a manifest edited to match an altered file verifies against itself, but not against the recorded hash', async () => {
    const p = await pack();
    const figures = path.join(p.out, 'figures.csv');
    fs.appendFileSync(figures, 'volume,volume.notifications,,,0,count,\r\n');
    const manifestFile = path.join(p.out, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { files: { path: string; size: number; sha256: string }[] };
    const entry = manifest.files.find((f) => f.path === 'figures.csv')!;
    entry.sha256 = sha(fs.readFileSync(figures));
    entry.size = fs.statSync(figures).size;
    fs.writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
    expect(verifyEvidencePack(p.out)).toMatchObject({ ok: true, altered: [] });
    const r = verifyEvidencePack(p.out, { manifestSha256: p.hash });
    expect(r).toMatchObject({ ok: false, manifestMatches: false, altered: [] });
    expect(r.manifestSha256).not.toBe(p.hash);
  });

  it('reports a missing or unreadable manifest instead of passing', async () => {
    const p = await pack();
    fs.rmSync(path.join(p.out, 'manifest.json'));
    expect(verifyEvidencePack(p.out)).toMatchObject({ ok: false, manifestSha256: null, manifestProblem: 'manifest.json is missing' });
    fs.writeFileSync(path.join(p.out, 'manifest.json'), '{"format":"notice-desk-evidence","formatVersion":1,"files":[{"path":"../etc/passwd","size":1,"sha256":"00"}]}');
    expect(verifyEvidencePack(p.out).manifestProblem).toMatch(/file 1 is not a pack-relative path/);
    fs.writeFileSync(path.join(p.out, 'manifest.json'), 'not json');
    expect(verifyEvidencePack(p.out)).toMatchObject({ ok: false, manifestProblem: 'manifest.json is not JSON' });
  });

  it('reports a symbolic link in a folder without following it', async () => {
    const p = await pack();
    const outside = path.join(tempDir('outside-'), 'secret.txt');
    fs.writeFileSync(outside, 'secret');
    fs.rmSync(path.join(p.out, 'imports.csv'));
    fs.symlinkSync(outside, path.join(p.out, 'imports.csv'));
    const r = verifyEvidencePack(p.out);
    expect(r).toMatchObject({ ok: false, links: ['imports.csv'], missing: ['imports.csv'] });
  });

  it('refuses what is not a pack at all: a missing path, a file that is not a zip, a zip bomb', async () => {
    const dir = tempDir('evidence-');
    expect(() => verifyEvidencePack(path.join(dir, 'nope'))).toThrow(expect.objectContaining({ code: 'file-unreadable', key: 'evidence.unreadable' }));
    fs.writeFileSync(path.join(dir, 'x.zip'), 'plain text');
    expect(() => verifyEvidencePack(path.join(dir, 'x.zip'))).toThrow(/not a zip archive/);
    // An entry that unpacks past the limit is cut off there, never inflated whole.
    const bomb = zipSync({
      'pack/manifest.json': new TextEncoder().encode(JSON.stringify({ format: 'notice-desk-evidence', formatVersion: 1, files: [{ path: 'big.bin', size: 1, sha256: '0'.repeat(64) }] })),
      'pack/big.bin': new Uint8Array(8 << 20),
    });
    fs.writeFileSync(path.join(dir, 'bomb.zip'), bomb);
    expect(bomb.length).toBeLessThan(64 << 10);
    expect(() => verifyEvidencePack(path.join(dir, 'bomb.zip'), { limits: { fileBytes: 1 << 20 } })).toThrow(/unpacks to more than 1048576 bytes/);
  });

  it('stops at its limits on files, file sizes and manifest size', async () => {
    const p = await pack();
    expect(() => verifyEvidencePack(p.out, { limits: { files: 5 } })).toThrow(/more than 5 files/);
    expect(() => verifyEvidencePack(p.out, { limits: { fileBytes: 100 } })).toThrow(/larger than the 100 bytes verify reads/);
    expect(() => verifyEvidencePack(p.out, { limits: { manifestBytes: 100 } })).toThrow(/larger than the 100 bytes a manifest may be/);
  });
});
