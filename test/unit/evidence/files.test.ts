import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeEvidencePack } from '../../../electron/backend/evidence/pack.ts';
import { verifyAudit } from '../../../electron/backend/review/audit.ts';
import { transition } from '../../../electron/backend/review/workflow.ts';
import { metricDefinitions } from '../../../shared/metrics/definitions.ts';
import { tempDir } from '../helpers/tmp.ts';
import { jsonPdf, notifications, parseCsv, seoul, workspace } from './helpers.ts';

/** A notice with a review thread (a multi-line comment with quotes and a formula-like reply) that was then approved and published. */
async function reviewed() {
  const w = await workspace();
  await w.load(notifications([['n1', '2016-03-01T10:00:00+09:00', 'r1', 's1', 'delivered']]));
  const d = await w.api['disclosures:create']({ surface: 'alimtalk', title: '=배송 "알림" 안내' });
  transition(w.db(), d.id, { to: 'in-review', actor: '이작성', now: seoul('2016-02-01T09:00') });
  const v = await w.api['review:version']({ id: d.id, number: 1 });
  const at = v.koText.indexOf('데이터');
  const quote = v.koText.slice(at, at + 6);
  const thread = await w.api['review:comment']({ id: d.id, number: 1, locale: 'ko', start: at, end: at + quote.length, quote, body: '첫 줄\n둘째 줄, "인용"', author: '김법무' });
  await w.api['review:reply']({ threadId: thread.id, body: '=HYPERLINK("x")', author: '이작성' });
  transition(w.db(), d.id, { to: 'approved', actor: '김법무', now: seoul('2016-02-02T09:00') });
  transition(w.db(), d.id, { to: 'published', actor: '박게시', now: seoul('2016-02-03T09:00'), effectiveAt: seoul('2016-02-05T00:00') });
  const out = path.join(tempDir('evidence-'), 'pack');
  const r = await writeEvidencePack(w.db(), { out, language: 'ko', renderPdf: jsonPdf });
  const read = (name: string) => fs.readFileSync(path.join(out, name), 'utf8');
  return { w, id: d.id, thread, out, r, read };
}

describe('the files of an evidence pack', () => {
  it('review threads: every comment, led by its disclosure, with line breaks, quotes and formulas kept safe', async () => {
    const { id, thread, read, r } = await reviewed();
    const rows = parseCsv(read('review-threads.csv'));
    expect(rows.map((c) => [c.disclosure_id, c.disclosure_title, c.thread_id, c.comment_no, c.author, c.comment])).toEqual([
      [String(id), "'=배송 \"알림\" 안내", thread.id, '1', '김법무', '첫 줄\n둘째 줄, "인용"'],
      [String(id), "'=배송 \"알림\" 안내", thread.id, '2', '이작성', "'=HYPERLINK(\"x\")"],
    ]);
    const json = JSON.parse(read('review-threads.json')) as { disclosures: { disclosure: { id: number }; placedOnVersion: number; threads: { id: string; comments: unknown[] }[] }[] };
    expect(json.disclosures).toHaveLength(1);
    expect(json.disclosures[0]).toMatchObject({ disclosure: { id }, placedOnVersion: 1, threads: [{ id: thread.id, comments: [{}, {}] }] });
    expect(r.summary.reviewThreads).toBe(1);
  });

  it('audit trail: every entry with its chain, the head and the verdict as the workspace verifies it', async () => {
    const { w, read, r } = await reviewed();
    const chain = verifyAudit(w.db());
    const csv = parseCsv(read('audit-trail.csv'));
    expect(csv).toHaveLength(chain.entries);
    expect(csv.map((e) => Number(e.seq))).toEqual(Array.from({ length: chain.entries }, (_, i) => i + 1));
    csv.forEach((e, i) => {
      if (i > 0) expect(e.prev_hash).toBe(csv[i - 1]!.hash);
    });
    expect(csv.at(-1)!.hash).toBe(chain.head);
    const json = JSON.parse(read('audit-trail.json')) as { head: string; verified: boolean; entries: { action: string }[] };
    expect(json).toMatchObject({ head: chain.head, verified: true });
    expect(json.entries.map((e) => e.action)).toContain('decision');
    expect(r.summary.audit).toEqual({ entries: chain.entries, head: chain.head, verified: true, problem: null });
  });

  it('a broken audit chain is written as it is, and the summary says which entry fails', async () => {
    const { w } = await reviewed();
    w.db().prepare("UPDATE audit_log SET actor = '누군가' WHERE seq = 2").run();
    const out = path.join(tempDir('evidence-'), 'pack');
    const r = await writeEvidencePack(w.db(), { out, language: 'en', renderPdf: jsonPdf });
    expect(r.summary.audit).toMatchObject({ verified: false, entries: 1, problem: 'entry 2 does not verify: its contents do not match its hash (it was edited)' });
    expect(parseCsv(fs.readFileSync(path.join(out, 'audit-trail.csv'), 'utf8'))[1]).toMatchObject({ seq: '2', actor: '누군가' });
  });

  it('disclosures, texts, definitions and the cost model', async () => {
    const { id, read, r } = await reviewed();
    const [row] = parseCsv(read('disclosures.csv'));
    expect(row).toMatchObject({
      id: String(id),
      version: '1',
      effective_day: '2016-02-05',
      effective_at_utc: '2016-02-04T15:00:00.000Z',
      approved_by: '김법무',
      approved_at_utc: '2016-02-02T00:00:00.000Z',
      published_by: '박게시',
      text_ko: `disclosures/${id}-v1.ko.md`,
    });
    expect(row!.version_sha256).toMatch(/^[0-9a-f]{64}$/);
    // Each language's file holds that language's text, dated by the pack, not by the clock.
    const ko = read(`disclosures/${id}-v1.ko.md`);
    expect(ko).toContain('## 한국어');
    expect(ko).not.toContain('## English');
    expect(ko).toContain(`생성 / Generated: ${r.summary.period.to}`);
    expect(read(`disclosures/${id}-v1.en.html`)).toContain('<section class="text" lang="en">');
    expect(read(`disclosures/${id}-v1.en.html`)).not.toContain('lang="ko"><h2>');
    const definitions = parseCsv(read('definitions.csv'));
    const used = new Set(r.summary.sections.flatMap((s) => s.definitions));
    expect(definitions.map((d) => d.id).sort()).toEqual([...used].sort());
    for (const d of definitions) expect([d.title_ko, d.text_en]).toEqual([metricDefinitions[d.id as keyof typeof metricDefinitions].title.ko, metricDefinitions[d.id as keyof typeof metricDefinitions].text.en]);
    expect(parseCsv(read('cost-model.csv')).map((f) => [f.field, f.value, f.is_default])).toContainEqual(['firstMessageBytes', '15360', 'true']);
  });
});
