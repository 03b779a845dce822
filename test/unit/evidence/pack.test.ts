import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeEvidencePack } from '../../../electron/backend/evidence/pack.ts';
import { verifyEvidencePack } from '../../../electron/backend/evidence/verify.ts';
import { tempDir } from '../helpers/tmp.ts';
import { consent, jsonPdf, notifications, parseCsv, publish, readTree, seoul, urls, workspace } from './helpers.ts';

/** A small workspace with events in March 2016 and one published AlimTalk notice. */
async function small() {
  const w = await workspace();
  await w.load(
    notifications([
      ['n1', '2016-03-01T10:00:00+09:00', 'r1', 's1', 'delivered'],
      ['n2', '2016-03-02T10:00:00+09:00', 'r1', 's1', 'delivered', 1000],
      ['n3', '2016-03-03T10:00:00+09:00', 'r2', 's1', 'failed'],
    ]),
  );
  await w.load(consent([['c1', '2016-02-28T10:00:00+09:00', 'r1', '', 'notice_shown']]));
  await w.load(urls([['u1', '2016-03-04T10:00:00+09:00', 'https://example.org/a', 'shared']]));
  await publish(w.api, w.db, {
    submittedAt: seoul('2016-02-20T09:00'),
    approvedAt: seoul('2016-02-21T09:00'),
    publishedAt: seoul('2016-02-22T09:00'),
    effectiveAt: seoul('2016-02-25T00:00'),
  });
  return w;
}

describe('writing an evidence pack', () => {
  it('gives byte-identical files twice — every CSV, text, the manifest, the real summary PDF and the zip', async () => {
    const w = await small();
    const a = path.join(tempDir('evidence-a-'), 'pack');
    const b = path.join(tempDir('evidence-b-'), 'pack');
    const first = await writeEvidencePack(w.db(), { out: a, language: 'ko', zip: true });
    const second = await writeEvidencePack(w.db(), { out: b, language: 'ko', zip: true });
    const ta = readTree(a);
    const tb = readTree(b);
    expect([...ta.keys()]).toEqual([...tb.keys()]);
    for (const [name, bytes] of ta) expect(tb.get(name)!.equals(bytes), name).toBe(true);
    expect(fs.readFileSync(`${a}.zip`).equals(fs.readFileSync(`${b}.zip`))).toBe(true);
    expect(second.manifestSha256).toBe(first.manifestSha256);
    // What the pack holds, and a real PDF among it.
    const names = [...ta.keys()].sort();
    expect(names).toEqual([
      'audit-trail.csv', 'audit-trail.json', 'charts/coverage.csv', 'charts/datacost-bytes.csv', 'charts/datacost-charge.csv',
      'charts/optout-rate.csv', 'charts/refusals.csv', 'charts/urls.csv', 'charts/volume.csv', 'cost-model.csv', 'definitions.csv',
      'disclosures.csv', 'disclosures/1-v1.en.html', 'disclosures/1-v1.en.md', 'disclosures/1-v1.ko.html', 'disclosures/1-v1.ko.md',
      'figures.csv', 'imports.csv', 'manifest.json', 'review-threads.csv', 'review-threads.json', 'summary.pdf',
    ]);
    expect(ta.get('summary.pdf')!.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The zip holds the folder, every entry dated by the period's end.
    const entries = unzipSync(new Uint8Array(fs.readFileSync(`${a}.zip`)));
    expect(Object.keys(entries)).toEqual(names.map((k) => `pack/${k}`));
    expect(verifyEvidencePack(`${a}.zip`, { manifestSha256: first.manifestSha256 }).ok).toBe(true);
  }, 60_000);

  it('writes every CSV with a BOM and CRLF, and no local path anywhere in the pack', async () => {
    const w = await small();
    const out = path.join(tempDir('evidence-'), 'pack');
    await writeEvidencePack(w.db(), { out, language: 'en', renderPdf: jsonPdf });
    const tree = readTree(out);
    for (const [name, bytes] of tree) {
      const text = bytes.toString('utf8');
      if (name.endsWith('.csv')) {
        expect(text.startsWith('\uFEFF'), name).toBe(true);
        expect(text.replace(/\r\n/g, '').includes('\n'), name).toBe(false);
      }
      expect(text.includes(w.dir), name).toBe(false);
      expect(text.includes(path.dirname(out)), name).toBe(false);
    }
    expect(parseCsv(tree.get('imports.csv')!.toString('utf8')).map((r) => r.file_name)).toEqual(['in-1.csv', 'in-2.csv', 'in-3.csv']);
    expect(JSON.parse(tree.get('manifest.json')!.toString('utf8'))).toMatchObject({ format: 'notice-desk-evidence', formatVersion: 1, schemaVersion: expect.any(Number) });
  });

  it('refuses a folder that exists and is not empty, or a file, and an existing zip, writing nothing', async () => {
    const w = await small();
    const dir = tempDir('evidence-');
    const full = path.join(dir, 'full');
    fs.mkdirSync(full);
    fs.writeFileSync(path.join(full, 'keep.txt'), 'mine');
    await expect(writeEvidencePack(w.db(), { out: full, language: 'ko', renderPdf: jsonPdf })).rejects.toMatchObject({ code: 'conflict', key: 'evidence.out-not-empty' });
    fs.writeFileSync(path.join(dir, 'file'), 'x');
    await expect(writeEvidencePack(w.db(), { out: path.join(dir, 'file'), language: 'ko', renderPdf: jsonPdf })).rejects.toMatchObject({ key: 'evidence.out-not-folder' });
    fs.writeFileSync(path.join(dir, 'z.zip'), 'x');
    await expect(writeEvidencePack(w.db(), { out: path.join(dir, 'z'), language: 'ko', zip: true, renderPdf: jsonPdf })).rejects.toMatchObject({ key: 'evidence.zip-exists' });
    expect(fs.readdirSync(dir).sort()).toEqual(['file', 'full', 'z.zip']);
    expect(fs.readdirSync(full)).toEqual(['keep.txt']);
    // An empty folder made for the pack is used.
    const empty = path.join(dir, 'empty');
    fs.mkdirSync(empty);
    await writeEvidencePack(w.db(), { out: empty, language: 'ko', renderPdf: jsonPdf });
    expect(fs.readdirSync(empty)).toContain('manifest.json');
  });

  it('leaves nothing half-written when it fails mid-way (after the CSVs, before the PDF)', async () => {
    const w = await small();
    const dir = tempDir('evidence-');
    const out = path.join(dir, 'pack');
    let seen = 0;
    const failing = async () => {
      seen = fs.readdirSync(dir).length;
      throw new Error('disk full');
    };
    await expect(writeEvidencePack(w.db(), { out, language: 'ko', zip: true, renderPdf: failing })).rejects.toMatchObject({
      code: 'internal',
      key: 'evidence.write-failed',
      params: { folder: out, reason: 'disk full' },
    });
    expect(seen).toBe(1); // the temporary folder, with the files written so far
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('writes a clear, valid pack for a period without events and a workspace without disclosures', async () => {
    const w = await workspace();
    await w.load(notifications([['n1', '2016-03-01T10:00:00+09:00', 'r1', 's1', 'delivered']]));
    const out = path.join(tempDir('evidence-'), 'pack');
    const r = await writeEvidencePack(w.db(), { out, from: '2017-01-01', to: '2017-01-31', language: 'ko', renderPdf: jsonPdf });
    expect(r.summary.empty).toEqual({ events: true, disclosures: true });
    expect(r.summary.disclosures).toEqual([]);
    expect(r.summary.imports).toEqual([]);
    const figures = parseCsv(fs.readFileSync(path.join(out, 'figures.csv'), 'utf8'));
    expect(figures.find((f) => f.id === 'volume.notifications')?.value).toBe('0');
    expect(figures.find((f) => f.id === 'optout.rate')?.value).toBe('');
    expect(parseCsv(fs.readFileSync(path.join(out, 'disclosures.csv'), 'utf8'))).toEqual([]);
    expect(verifyEvidencePack(out, { manifestSha256: r.manifestSha256 })).toMatchObject({ ok: true, manifestMatches: true });
  });

  it('on a workspace with no events at all, covers today and still writes a valid pack', async () => {
    const w = await workspace();
    const out = path.join(tempDir('evidence-'), 'pack');
    const r = await writeEvidencePack(w.db(), { out, language: 'en', renderPdf: jsonPdf, now: () => Date.parse('2026-12-04T03:00:00Z') });
    expect(r.summary.period).toEqual({ from: '2026-12-04', to: '2026-12-04', timeZone: 'Asia/Seoul' });
    expect(r.summary.empty).toEqual({ events: true, disclosures: true });
    expect(r.summary.stampedAt).toBe(Date.parse('2026-12-04T23:59:59+09:00'));
    expect(verifyEvidencePack(out).ok).toBe(true);
  });

  it('refuses a date that is not a calendar day and a period that ends before it starts', async () => {
    const w = await small();
    const out = path.join(tempDir('evidence-'), 'pack');
    await expect(writeEvidencePack(w.db(), { out, from: '2016-02-30', language: 'ko', renderPdf: jsonPdf })).rejects.toMatchObject({ key: 'evidence.bad-date' });
    await expect(writeEvidencePack(w.db(), { out, from: '2016-03-05', to: '2016-03-01', language: 'ko', renderPdf: jsonPdf })).rejects.toMatchObject({
      key: 'evidence.bad-period',
      params: { from: '2016-03-05', to: '2016-03-01' },
    });
    expect(fs.existsSync(out)).toBe(false);
  });
});
