import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderEvidencePdf } from '../../../electron/backend/evidence/pdf.ts';
import { formatCostValue, formatValue, WORDS } from '../../../electron/backend/evidence/pdf-format.ts';
import { substituteVariables } from '../../../shared/disclosures/variables.ts';
import { metricDefinitions } from '../../../shared/metrics/definitions.ts';
import type { EvidenceLocale, EvidenceSummary } from '../../../shared/evidence/types.ts';
import { emptySummary, fullSummary } from '../../fixtures/evidence/summaries.ts';

const root = path.resolve(__dirname, '../../..');
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'evidence-pdf-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function write(name: string, summary: EvidenceSummary): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, await renderEvidencePdf(summary));
  return file;
}

/** The PDF's text in content-stream order (a table cell's lines stay together), every run of whitespace made one space. */
function textOf(file: string): string {
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Renders the summary in a fresh Node process (its own clock, time zone and locale) and returns the PDF's SHA-256. */
function renderInChild(lang: EvidenceLocale, env: Record<string, string>): string {
  const script = path.join(dir, 'render-child.mts');
  fs.writeFileSync(
    script,
    [
      `import { createHash } from 'node:crypto';`,
      `import { renderEvidencePdf } from ${JSON.stringify(path.join(root, 'electron/backend/evidence/pdf.ts'))};`,
      `import { fullSummary } from ${JSON.stringify(path.join(root, 'test/fixtures/evidence/summaries.ts'))};`,
      `const pdf = await renderEvidencePdf(fullSummary(process.argv[2]));`,
      `process.stdout.write(createHash('sha256').update(pdf).digest('hex'));`,
    ].join('\n'),
  );
  return execFileSync(process.execPath, [script, lang], { encoding: 'utf8', env: { ...process.env, ...env } }).trim();
}

describe('the evidence summary PDF', () => {
  it('gives byte-identical PDFs for the same summary, in one process and at another time of day', async () => {
    const a = await renderEvidencePdf(fullSummary('ko'));
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2031-03-04T05:06:07.089Z'));
      const b = await renderEvidencePdf(fullSummary('ko'));
      expect(sha256(b)).toBe(sha256(a));
    } finally {
      vi.useRealTimers();
    }
    // The creation date is the summary's stamp (2016-06-30 23:59:59 in Seoul), not the clock.
    const file = path.join(dir, 'stamp.pdf');
    fs.writeFileSync(file, a);
    const info = execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
    expect(info).toMatch(/CreationDate:\s+2016-06-30T14:59:59Z/);
    expect(info).toMatch(/ModDate:\s+2016-06-30T14:59:59Z/);
  });

  it('gives byte-identical PDFs in two other processes, whatever their time zone and locale', async () => {
    const here = sha256(await renderEvidencePdf(fullSummary('en')));
    expect(renderInChild('en', { TZ: 'UTC', LANG: 'C' })).toBe(here);
    expect(renderInChild('en', { TZ: 'America/Los_Angeles', LANG: 'ko_KR.UTF-8' })).toBe(here);
  });

  it('gives different bytes for a different summary (the test can fail)', async () => {
    const a = await renderEvidencePdf(fullSummary('ko'));
    const changed = fullSummary('ko');
    changed.sections[0]!.figures[0]!.value = 1_284_114;
    expect(sha256(await renderEvidencePdf(changed))).not.toBe(sha256(a));
  });

  for (const lang of ['ko', 'en'] as const) {
    describe(`in ${lang === 'ko' ? 'Korean' : 'English'}`, () => {
      const summary = fullSummary(lang);
      const other = lang === 'ko' ? 'en' : 'ko';
      let file: string;
      let text: string;
      beforeAll(async () => {
        file = await write(`full-${lang}.pdf`, summary);
        text = textOf(file);
      });

      it('is A4 with the Noto Sans KR faces embedded', () => {
        const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
        expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
        const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
        expect(fonts.length).toBe(2);
        for (const face of ['NotoSansCJKkr-Regular', 'NotoSansCJKkr-Bold']) {
          const line = fonts.find((l) => l.includes(face));
          expect(line, face).toBeDefined();
          // emb, sub, uni
          expect(line).toMatch(/Identity-H\s+yes\s+yes\s+yes\s/);
        }
      });

      it('names the period, the workspace, the versions and the audit trail on its cover', () => {
        expect(text).toContain('2016-01-01 – 2016-06-30 (Asia/Seoul)');
        expect(text).toContain(summary.workspace.name);
        expect(text).toContain(summary.workspace.appVersion);
        expect(text).toContain(summary.audit.head);
        expect(text).toContain(flat(`${WORDS.verified[lang]} / ${WORDS.verified[other]}`));
        expect(text).toContain(`${WORDS.footer[lang]} · 2016-01-01–2016-06-30 · 1 / `);
      });

      it('lists every disclosure in force with its version hash, dates, approver and publisher', () => {
        for (const d of summary.disclosures) {
          expect(text).toContain(d.title);
          expect(text).toContain(d.versionSha256!);
          expect(text).toContain(d.approvedBy!);
          expect(text).toContain(d.publishedBy!);
          expect(text).toContain(d.effectiveDay);
          expect(text).toContain(d.files.md[lang]);
        }
        expect(text).toContain('2016-04-30 (2016-04-30 18:30)');
      });

      it('draws each preview with the text in its language, variables filled', () => {
        expect(text).toContain(lang === 'ko' ? '[한빛쇼핑] 주문하신 상품의' : '[Hanbit Shopping] We send you order');
        expect(text).toContain(lang === 'ko' ? '약 15KB' : 'about 15 KB');
        expect(text).not.toContain('{{');
        // Every word of the texts, variables filled and Markdown marks dropped, is drawn whole.
        const words = new Set(text.split(' '));
        for (const d of summary.disclosures) {
          const plain = substituteVariables(d.texts[lang], d.variables).replace(/\*\*|^#+ /gm, '');
          for (const word of plain.split(/\s+/).filter(Boolean)) expect(words.has(word), word).toBe(true);
        }
      });

      it('shows every figure with its label in both languages and its value written by unit', () => {
        for (const section of summary.sections) {
          expect(text).toContain(flat(`${section.title[lang]} / ${section.title[other]}`));
          for (const f of section.figures) {
            expect(text).toContain(flat(`${f.label[lang]} / ${f.label[other]}`));
            expect(text).toContain(formatValue(f.value, f.unit, lang));
          }
          for (const c of section.charts) {
            expect(text).toContain(flat(`${c.title[lang]} / ${c.title[other]}`));
            expect(text).toContain(`CSV: ${c.csv}`);
          }
        }
        expect(text).toContain('CSV: figures.csv');
        expect(text).toContain(lang === 'ko' ? '₩23,096,768' : '₩23,096,768');
        expect(text).toContain('44.1 GiB (47,302,180,864 B)');
        expect(text).toContain('71.1%');
        expect(text).toContain(lang === 'ko' ? '31.5시간' : '31.5 h');
        // A small share is not rounded to nothing.
        expect(text).toContain('0.0083%');
      });

      it('gives the definitions in its language, never splitting a Korean eojeol', () => {
        const words = new Set(text.split(' '));
        for (const section of summary.sections) {
          for (const id of section.definitions) {
            const def = metricDefinitions[id];
            expect(text).toContain(flat(def.text[lang]));
            for (const word of def.text[lang].split(/\s+/)) expect(words.has(word), word).toBe(true);
          }
        }
      });

      it('lists the cost model with values, defaults and sources, and the imports with their hashes', () => {
        for (const f of summary.costModel.fields) {
          expect(text).toContain(formatCostValue(f.field, f.value, lang));
          expect(text).toContain(flat(f.source[lang]));
        }
        for (const im of summary.imports) {
          expect(text).toContain(im.fileName);
          expect(text).toContain(im.sha256);
          expect(text).toContain(`${im.sha256.slice(0, 12)}…${im.sha256.slice(-4)}`);
        }
        expect(text).toContain('imports.csv');
      });
    });
  }

  it('cuts a preview too long for its page with "…" instead of spilling onto another page', async () => {
    const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    const normal = await write('normal.pdf', fullSummary('ko'));
    const long = fullSummary('ko');
    const d = long.disclosures[0]!;
    d.texts = { ...d.texts, ko: Array.from({ length: 30 }, (_, i) => `${i + 1}번째 문단입니다. **알림톡을 받으면 데이터 요금이 들 수 있습니다.**`).join('\n\n') };
    const file = await write('long.pdf', long);
    expect(pages(file)).toBe(pages(normal));
    const text = textOf(file);
    expect(text).toContain('1번째 문단입니다.');
    expect(text).not.toContain('30번째 문단입니다.');
    expect(text).toContain(`${WORDS.previewCut.ko} / ${WORDS.previewCut.en}`);
  });

  it('says when the audit trail does not verify, and writes a dash for what a disclosure lacks', async () => {
    const s = fullSummary('en');
    s.audit = { ...s.audit, verified: false, problem: 'entry 12: hash does not match' };
    Object.assign(s.disclosures[1]!, { version: null, versionSha256: null, approvedBy: null, approvedAt: null });
    const text = textOf(await write('broken.pdf', s));
    expect(text).toContain(`${WORDS.notVerified.en} / ${WORDS.notVerified.ko} — entry 12: hash does not match`);
    expect(text).toContain('Approved / 승인 —');
  });

  for (const lang of ['ko', 'en'] as const) {
    it(`says in words that an empty period has no events and no disclosures (${lang})`, async () => {
      const summary = emptySummary(lang);
      const file = await write(`empty-${lang}.pdf`, summary);
      const text = textOf(file);
      const other = lang === 'ko' ? 'en' : 'ko';
      expect(text).toContain(flat(`${WORDS.noEvents[lang]} / ${WORDS.noEvents[other]}`));
      expect(text).toContain(flat(`${WORDS.noDisclosures[lang]} / ${WORDS.noDisclosures[other]}`));
      expect(text).toContain(flat(`${WORDS.noImports[lang]} / ${WORDS.noImports[other]}`));
      // Every chart is named with the sentence that says there is nothing to chart instead of an empty frame.
      const charts = summary.sections.flatMap((s) => s.charts);
      expect(text.split(flat(`${WORDS.noChartData[lang]} / ${WORDS.noChartData[other]}`)).length - 1).toBe(charts.length);
      expect(text).toContain('2017-01-01 – 2017-01-31 (Asia/Seoul)');
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    });
  }
});
