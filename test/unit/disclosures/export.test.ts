import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { HandlerContext } from '../../../electron/backend/context.ts';
import { layoutLines } from '../../../electron/backend/disclosures/export-pdf.ts';
import { inProcessApi } from '../../../electron/backend/dispatch.ts';
import { MemorySettingsStore } from '../../../electron/backend/settings-store.ts';
import { tempDir } from '../helpers/tmp.ts';

async function withDisclosure() {
  const ctx = new HandlerContext({ transport: 'in-process', settings: new MemorySettingsStore(), emit: () => {} });
  const api = inProcessApi(ctx);
  const dir = tempDir();
  await api['workspace:create']({ path: path.join(dir, 'ws.sqlite') });
  const d = await api['disclosures:create']({ surface: 'alimtalk', title: '배송 알림 <안내> & "공지"' });
  return { ctx, api, dir, d };
}

/** The text of every FlateDecode stream of a PDF, inflated (pdfkit compresses page content). */
function pdfStreams(pdf: Buffer): string {
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const s = pdf.indexOf('stream\n', at);
    if (s === -1) break;
    const e = pdf.indexOf('\nendstream', s);
    try {
      out.push(inflateSync(pdf.subarray(s + 7, e)).toString('latin1'));
    } catch {
      // not a deflated stream (font program, image)
    }
    at = e + 10;
  }
  return out.join('\n');
}

describe('disclosure export', () => {
  it('writes an A4 PDF with the Korean font embedded as a subset and a cover page', async () => {
    const { ctx, api, dir, d } = await withDisclosure();
    const file = path.join(dir, 'notice.pdf');
    const r = await api['disclosures:export']({ id: d.id, format: 'pdf', path: file });
    expect(r).toMatchObject({ path: file, mimeType: 'application/pdf', base64: null });
    const pdf = fs.readFileSync(file);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(r.bytes).toBe(pdf.length);
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKkr-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKkr-Bold/);
    expect(raw).toMatch(/\/FontFile3 \d+ 0 R/);
    expect(raw).toContain('/MediaBox [0 0 595.28 841.89]');
    // Cover + Korean + English pages.
    expect(raw.match(/\/Type \/Page\b/g)).toHaveLength(3);
    expect(pdfStreams(pdf)).toMatch(/\bT[Jj]\b/);
    // No half-written temp file is left behind.
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    await ctx.close();
  });

  it('embeds fonts that poppler reports as embedded subsets', async () => {
    const { ctx, api, dir, d } = await withDisclosure();
    const file = path.join(dir, 'notice.pdf');
    await api['disclosures:export']({ id: d.id, format: 'pdf', path: file });
    let report: string;
    try {
      report = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    } catch {
      await ctx.close();
      return; // poppler-utils missing on this machine: the byte-level test above still holds
    }
    const rows = report.split('\n').slice(2).filter(Boolean);
    expect(rows.length).toBe(2);
    for (const row of rows) expect(row).toMatch(/\+NotoSansCJKkr-(Regular|Bold)\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
    await ctx.close();
  });

  it('writes text that poppler extracts back as the Korean and English source (every glyph mapped)', async () => {
    const { ctx, api, dir, d } = await withDisclosure();
    const file = path.join(dir, 'notice.pdf');
    await api['disclosures:export']({ id: d.id, format: 'pdf', path: file });
    let text: string;
    try {
      text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    } catch {
      await ctx.close();
      return; // poppler-utils missing on this machine
    }
    expect(text).toContain('알림톡을 받으면 데이터 요금이 들 수 있습니다.');
    expect(text).toContain('필수 항목 점검 / Required elements');
    expect(text).toContain('These messages use mobile data, and data charges may apply.');
    expect(text).toMatch(/1 ?\/ ?3/);
    expect(text).not.toContain('{{');
    await ctx.close();
  });

  it('writes self-contained, escaped HTML without scripts or remote content', async () => {
    const { ctx, api, dir, d } = await withDisclosure();
    const file = path.join(dir, 'notice.html');
    await api['disclosures:export']({ id: d.id, format: 'html', path: file });
    const html = fs.readFileSync(file, 'utf8');
    expect(html).toContain('<title>배송 알림 &lt;안내&gt; &amp; &quot;공지&quot;</title>');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|https?:\/\/|@import/i);
    // The only url() are the embedded fonts, as data: URLs.
    expect([...html.matchAll(/url\(([^)]{0,30})/g)].map((m) => m[1]!.slice(0, 14))).toEqual(['data:font/otf;', 'data:font/otf;']);
    expect(html).toContain("font-src data:");
    expect(html).toContain('<strong>알림톡을 받으면 데이터 요금이 들 수 있습니다.');
    expect(html).toContain('<span class="var">15</span>KB');
    expect(html).toContain('<td class="ok">✓</td>');
    await ctx.close();
  });

  it('returns the bytes as base64 for a browser download when no path is given', async () => {
    const { ctx, api, d } = await withDisclosure();
    const r = await api['disclosures:export']({ id: d.id, format: 'md' });
    expect(r.path).toBeNull();
    expect(r.fileName).toBe('배송 알림 안내 & 공지.md');
    const md = Buffer.from(r.base64!, 'base64').toString('utf8');
    expect(r.bytes).toBe(Buffer.byteLength(md));
    expect(md).toContain('# 배송 알림 \\<안내\\> & "공지"');
    expect(md).toContain('| 데이터 요금과 그 크기 / Data charges and how much | ✓ | ✓ |');
    expect(md).toContain('처음 받는 메시지는 약 15KB');
    expect(md).not.toContain('{{first_message_kb}}');
    await ctx.close();
  });

  it('marks missing elements on the checklist of a broken disclosure', async () => {
    const { ctx, api, d } = await withDisclosure();
    await api['disclosures:update']({ id: d.id, koText: '배송 소식을 알림톡으로 보내 드립니다.' });
    const r = await api['disclosures:export']({ id: d.id, format: 'md' });
    const md = Buffer.from(r.base64!, 'base64').toString('utf8');
    expect(md).toContain('| 데이터 요금과 그 크기 / Data charges and how much | ✗ | ✓ |');
    await ctx.close();
  });

  it('shows a reviewer override on the checklist of every export, with its reason, reviewer, version and text hash', async () => {
    const { ctx, api, dir, d } = await withDisclosure();
    const koText = '배송 소식을 알림톡으로 보내 드립니다.\n\n이 메시지는 휴대전화 요금제에 따라 처리됩니다.';
    await api['disclosures:update']({ id: d.id, koText });
    const quote = '이 메시지는 휴대전화 요금제에 따라 처리됩니다.';
    const start = koText.indexOf(quote);
    const o = await api['disclosures:overrule']({
      id: d.id,
      locale: 'ko',
      element: 'data-charges',
      verdict: 'present',
      evidence: { start, end: start + quote.length, quote },
      reason: '요금제 안내로 충분하다고 판단 <b>',
      reviewer: '김법무',
    });
    const md = Buffer.from((await api['disclosures:export']({ id: d.id, format: 'md' })).base64!, 'base64').toString('utf8');
    expect(md).toContain('| 데이터 요금과 그 크기 / Data charges and how much | ✓ †1 | ✓ |');
    expect(md).toContain('### 검토자 판정 / Reviewer overrides');
    // The ruled element is not listed again as a missing-element finding.
    expect(md.split('## 지적 사항 / Findings')[1] ?? '').not.toContain('데이터 요금');
    const line = md.split('\n').find((l) => l.startsWith('- †1'))!;
    expect(line).toContain('있음으로 판정 / ruled present');
    expect(line).toContain('점검: 없음 / checks: missing');
    expect(line).toContain('김법무');
    expect(line).toContain(`v${o.version}`);
    expect(line).toContain(o.textSha256.slice(0, 16));
    const html = Buffer.from((await api['disclosures:export']({ id: d.id, format: 'html' })).base64!, 'base64').toString('utf8');
    expect(html).toContain('<td class="ok">✓ †1</td>');
    expect(html).toContain('요금제 안내로 충분하다고 판단 &lt;b&gt;');
    const pdf = path.join(dir, 'o.pdf');
    await api['disclosures:export']({ id: d.id, format: 'pdf', path: pdf });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('검토자 판정 / Reviewer overrides');
    expect(text).toContain('†1');

    // The quote edited away: the override is listed as stale and the checks' verdict counts again.
    await api['disclosures:update']({ id: d.id, koText: '배송 소식을 알림톡으로 보내 드립니다.' });
    const staleMd = Buffer.from((await api['disclosures:export']({ id: d.id, format: 'md' })).base64!, 'base64').toString('utf8');
    expect(staleMd).toContain('| 데이터 요금과 그 크기 / Data charges and how much | ✗ | ✓ |');
    expect(staleMd).toContain('STALE');
    // Withdrawn: gone from the export.
    await api['disclosures:withdrawOverride']({ id: d.id, overrideId: o.id, reviewer: '김법무' });
    const clean = Buffer.from((await api['disclosures:export']({ id: d.id, format: 'md' })).base64!, 'base64').toString('utf8');
    expect(clean).not.toContain('Reviewer overrides');
    await ctx.close();
  });

  it('refuses to write into a folder that does not exist, naming it', async () => {
    const { ctx, api, dir, d } = await withDisclosure();
    const file = path.join(dir, 'missing', 'x.pdf');
    await expect(api['disclosures:export']({ id: d.id, format: 'pdf', path: file })).rejects.toMatchObject({
      code: 'file-unreadable',
      message: expect.stringContaining(file),
    });
    await ctx.close();
  });
});

describe('PDF line layout', () => {
  const run = (text: string, bold = false) => ({ text, bold, emphasis: false, link: null });
  const measure = (text: string) => [...text].length;

  it('breaks Korean only at spaces, keeping each eojeol whole', () => {
    const lines = layoutLines(measure, [run('알림톡을 받으면 데이터 요금이 들 수 있습니다.')], 10);
    expect(lines.map((l) => l.map((r) => r.text).join(''))).toEqual(['알림톡을 받으면', '데이터 요금이 들', '수 있습니다.']);
  });

  it('keeps styles across a break and starts a new line at every line break', () => {
    const lines = layoutLines(measure, [run('가나 '), run('다라 마바', true), run('\n사아')], 6);
    expect(lines.map((l) => l.map((r) => `${r.bold ? '*' : ''}${r.text}`))).toEqual([['가나 ', '*다라'], ['*마바'], ['사아']]);
  });
});

describe('PDF line layout across runs', () => {
  it('never breaks inside a word made of several runs (a variable followed by a particle)', () => {
    const measure = (text: string) => [...text].length;
    const r = (text: string) => ({ text, bold: false, emphasis: false, link: null });
    const lines = layoutLines(measure, [r('한 건에 약 '), r('2'), r('KB를 씁니다.')], 10);
    expect(lines.map((l) => l.map((x) => x.text).join(''))).toEqual(['한 건에 약', '2KB를 씁니다.']);
  });
});

describe('export dates', () => {
  it('prints the effective date as a calendar date in the workspace time zone', async () => {
    const { ctx, api, d } = await withDisclosure();
    for (const status of ['in-review', 'approved'] as const) await api['disclosures:setStatus']({ id: d.id, status, actor: 'Reviewer' });
    // 2016-06-30 20:00 UTC is already 1 July in Seoul, still 30 June in New York.
    await api['disclosures:setStatus']({ id: d.id, status: 'published', effectiveAt: Date.UTC(2016, 5, 30, 20), actor: 'Reviewer' });
    const md = async () => Buffer.from((await api['disclosures:export']({ id: d.id, format: 'md' })).base64!, 'base64').toString('utf8');
    expect(await md()).toContain('시행일 / Effective: 2016-07-01');
    await api['workspace:setTimeZone']({ timeZone: 'America/New_York' });
    expect(await md()).toContain('시행일 / Effective: 2016-06-30');
    await ctx.close();
  });
});
