import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../../electron/backend/disclosures/checklist.ts';
import { DOCX_HEADINGS, versionToDocx } from '../../../electron/backend/review/docx-export.ts';
import { suggestedDraft } from '../../../electron/backend/review/docx-draft.ts';
import { DOCX_LIMITS, readReviewDocx, type DocxReview } from '../../../electron/backend/review/docx-import.ts';
import { versionSha256 } from '../../../electron/backend/review/review-repo.ts';
import type { AppError } from '../../../shared/contract/errors.ts';
import type { DisclosureVersion, PlacedThread, ReviewThread } from '../../../shared/review/types.ts';

// ---- a version and its threads ----------------------------------------------------------------

const KO = [
  '# 데이터 요금 안내',
  '',
  '[에이스몰] 주문·배송 안내를 **알림톡**으로 보내 드립니다.',
  '',
  '알림톡을 받으면 **데이터 요금**이 발생할 수 *있습니다*.',
  '',
  '- 첫 메시지: 약 15KB',
  '- 이후 메시지: 약 2KB',
  '',
  '받지 않으려면 [설정](https://example.com/settings)에서 끄세요. {{shop_name}}',
].join('\n');
const EN = [
  '[Acme Shop] We send *order* and delivery updates by AlimTalk.',
  '',
  'Receiving them may use **mobile data**.',
  '',
  '1. Open Settings',
  '2. Turn off notifications',
].join('\n');

function makeVersion(koText = KO, enText = EN): DisclosureVersion {
  const body = {
    number: 2,
    title: '알림톡 데이터 요금 안내',
    surface: 'alimtalk' as const,
    koText,
    enText,
    checks: { ko: runChecks(null, koText, 'ko', 'alimtalk'), en: runChecks(null, enText, 'en', 'alimtalk'), missing: { ko: [], en: [] } },
    author: '이작성',
    createdAt: Date.UTC(2026, 2, 2, 9, 30),
  };
  return { id: 11, disclosureId: 7, ...body, sha256: versionSha256(body) };
}

let seq = 0;
const uuid = () => `00000000-0000-4000-8000-${(++seq).toString(16).padStart(12, '0')}`;

/** A thread on `quote` (the Markdown source, the first occurrence), placed where it was made, or orphaned. */
function thread(v: DisclosureVersion, locale: 'ko' | 'en', quote: string, bodies: [string, string][], over: Partial<ReviewThread> & { orphaned?: boolean } = {}): PlacedThread {
  const text = locale === 'ko' ? v.koText : v.enText;
  const start = text.indexOf(quote);
  if (start < 0 && !over.orphaned) throw new Error(`fixture: ${quote} not in the ${locale} text`);
  const id = uuid();
  const at = Date.UTC(2026, 2, 3, 1, 0, 0) + seq * 60_000;
  const { orphaned, ...rest } = over;
  return {
    id,
    disclosureId: v.disclosureId,
    versionNumber: v.number,
    anchor: { locale, quote, prefix: '', suffix: '', start: Math.max(0, start), end: Math.max(0, start) + quote.length },
    status: 'open',
    author: bodies[0]![0],
    createdAt: at,
    resolvedAt: null,
    resolvedBy: null,
    deletedAt: null,
    origin: 'app',
    comments: bodies.map(([author, body], k) => ({ id: uuid(), threadId: id, author, body, createdAt: at + k * 1000, editedAt: null, deletedAt: null })),
    placed: orphaned ? { state: 'orphaned', start: null, end: null } : { state: 'exact', start, end: start + quote.length },
    ...rest,
  };
}

const parts = (bytes: Uint8Array) => unzipSync(bytes);
const partText = (bytes: Uint8Array, name: string) => strFromU8(parts(bytes)[name]!);

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected the file to be refused');
}

// ---- our export, read back ------------------------------------------------------------------------

describe('a version exported as .docx and read back', () => {
  const v = makeVersion();
  const acrossBold = thread(v, 'ko', '받으면 **데이터 요금**이 발생할 수 *있습니다*.\n\n- 첫 메시지', [
    ['김법무', '금액을 적어 주세요.\n두 번째 줄도 있습니다.'],
    ['이작성', '15KB와 2KB로 적었습니다.'],
    ['김법무', '확인했습니다.'],
  ]);
  const plainKo = thread(v, 'ko', '주문·배송 안내', [['김법무', '어떤 안내인지 구체적으로 적어 주세요.']]);
  const inLink = thread(v, 'ko', '설정', [['박검토', '메뉴 이름이 맞나요?']]);
  const english = thread(v, 'en', 'may use **mobile data**', [['Kim Legal', 'Say how much data.'], ['Lee Writer', 'Done in v3.']]);
  const orphan = thread(v, 'en', 'Receiving them may cost money', [['Kim Legal', 'This sentence is gone.'], ['이작성', '네, 지웠습니다.']], { orphaned: true });
  const deleted = thread(v, 'en', 'Open Settings', [['Kim Legal', 'withdrawn']], { deletedAt: Date.UTC(2026, 2, 4) });
  const threads = [english, orphan, acrossBold, deleted, plainKo, inLink];
  let bytes: Buffer;
  let doc: DocxReview;

  beforeAll(async () => {
    bytes = await versionToDocx(v, threads, { timeZone: 'Asia/Seoul' });
    doc = readReviewDocx(bytes, '알림톡 v2.docx');
  });

  it('reads every live placed thread back as a Word comment with its author, date, text, quote and locale', () => {
    expect(doc.comments.map((c) => [c.author, c.date, c.text, c.locale, c.quote])).toEqual([
      ['김법무', plainKo.createdAt, '어떤 안내인지 구체적으로 적어 주세요.', 'ko', '주문·배송 안내'],
      // Across a bold run, an italic run and two paragraphs: the words as the reader sees them.
      ['김법무', acrossBold.createdAt, '금액을 적어 주세요.\n두 번째 줄도 있습니다.', 'ko', '받으면 데이터 요금이 발생할 수 있습니다.\n첫 메시지'],
      ['박검토', inLink.createdAt, '메뉴 이름이 맞나요?', 'ko', '설정'],
      ['Kim Legal', english.createdAt, 'Say how much data.', 'en', 'may use mobile data'],
    ]);
    expect(doc.comments.map((c) => c.wordId)).toEqual(['0', '1', '4', '5']);
  });

  it('links replies to their thread, oldest first, with their own authors and dates', () => {
    const [, bold, link, en] = doc.comments;
    expect(bold!.replies).toEqual([
      { wordId: '2', author: '이작성', date: acrossBold.comments[1]!.createdAt, text: '15KB와 2KB로 적었습니다.' },
      { wordId: '3', author: '김법무', date: acrossBold.comments[2]!.createdAt, text: '확인했습니다.' },
    ]);
    expect(link!.replies).toEqual([]);
    expect(en!.replies).toEqual([{ wordId: '6', author: 'Lee Writer', date: english.comments[1]!.createdAt, text: 'Done in v3.' }]);
    expect(partText(bytes, 'word/commentsExtended.xml')).toContain('w15:paraIdParent');
  });

  it('gives the words around each quote, within its section', () => {
    const plain = doc.comments[0]!;
    expect(plain.prefix).toBe('데이터 요금 안내\n[에이스몰] ');
    expect(plain.suffix).toBe('를 알림톡으로 보내 드립니다.\n알림톡을 받으면 데이터 요금');
    expect(plain.suffix).toHaveLength(32);
    expect(doc.comments[3]!.prefix).toBe('tes by AlimTalk.\nReceiving them ');
    expect(doc.comments[3]!.suffix).toBe('.\nOpen Settings\nTurn off notific');
  });

  it('names the disclosure and version in the document properties', () => {
    expect(doc.identity).toEqual({ disclosureId: 7, versionNumber: 2, sha256: v.sha256 });
    const core = partText(bytes, 'docProps/core.xml');
    expect(core).toContain('<dc:title>알림톡 데이터 요금 안내</dc:title>');
    expect(core).toContain('2026-03-02T09:30:00Z');
  });

  it('reads each section as the reader sees it, with nothing tracked and nothing to suggest', () => {
    expect(doc.sections.ko).toBe(
      '데이터 요금 안내\n[에이스몰] 주문·배송 안내를 알림톡으로 보내 드립니다.\n알림톡을 받으면 데이터 요금이 발생할 수 있습니다.\n첫 메시지: 약 15KB\n이후 메시지: 약 2KB\n받지 않으려면 설정에서 끄세요. {{shop_name}}',
    );
    expect(doc.sections.en).toBe('[Acme Shop] We send order and delivery updates by AlimTalk.\nReceiving them may use mobile data.\nOpen Settings\nTurn off notifications');
    expect(doc.accepted).toEqual(doc.sections);
    expect(doc.hasTrackedChanges).toBe(false);
    expect(suggestedDraft(v, doc.accepted)).toEqual({ koText: v.koText, enText: v.enText, changed: false });
  });

  it('marks the bold runs of each accepted section, so a suggestion can keep them', () => {
    const bold = (locale: 'ko' | 'en') => doc.acceptedBold[locale].map(([start, end]) => doc.accepted[locale].slice(start, end));
    expect(bold('ko')).toEqual(['알림톡', '데이터 요금']);
    expect(bold('en')).toEqual(['mobile data']);
  });

  it('lists orphaned threads in an appendix, not as Word comments, and leaves deleted threads out', () => {
    const xml = partText(bytes, 'word/document.xml');
    expect(xml).toContain(DOCX_HEADINGS.orphaned);
    expect(xml).toContain('Receiving them may cost money');
    expect(xml).toContain('This sentence is gone.');
    expect(xml).toContain('네, 지웠습니다.');
    expect(xml).toContain('Kim Legal, 2026-03-03 10:'); // the time in the workspace's zone
    expect(xml).not.toContain('withdrawn');
    expect(partText(bytes, 'word/comments.xml')).not.toContain('This sentence is gone.');
    expect(doc.sections.en).not.toContain('Orphaned');
  });

  it('keeps headings, bold, italics, lists and links, with Korean set in a Korean font and language', () => {
    const xml = partText(bytes, 'word/document.xml');
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>.*알림톡 데이터 요금 안내/);
    expect(xml).toMatch(/<w:pStyle w:val="Heading3"\/>.*데이터 요금 안내/);
    expect(xml).toMatch(/<w:b\/>(<[^>]+>)*<\/w:rPr><w:t xml:space="preserve">데이터 요금<\/w:t>/);
    expect(xml).toMatch(/<w:i\/>(<[^>]+>)*<\/w:rPr><w:t xml:space="preserve">order<\/w:t>/);
    expect(xml).toContain('w:eastAsia="Noto Sans CJK KR"');
    expect(xml).toContain('<w:lang w:val="ko-KR" w:eastAsia="ko-KR"/>');
    expect(xml).toContain('<w:lang w:val="en-US" w:eastAsia="ko-KR"/>');
    expect(xml.match(/<w:numPr>/g)).toHaveLength(6); // two bullets, two numbers, two comments in the appendix
    expect(partText(bytes, 'word/_rels/document.xml.rels')).toContain('Target="https://example.com/settings" TargetMode="External"');
  });

  it('writes the same bytes for the same version and threads, whenever it runs', async () => {
    const again = await versionToDocx(v, [...threads].reverse(), { timeZone: 'Asia/Seoul' });
    expect(Buffer.compare(again, bytes)).toBe(0);
  });
});

// ---- text as Word files hold it -----------------------------------------------------------------

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"';
const CT = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

/** A minimal .docx around a body (and optional other parts), as a test input for the reader. */
function docxOf(body: string, other: Record<string, string> = {}): Uint8Array {
  const files: Zippable = {
    '[Content_Types].xml': strToU8(CT),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
  };
  for (const [name, xml] of Object.entries(other)) files[name] = strToU8(xml);
  return zipSync(files);
}
const p = (inner: string, style = '') => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${inner}</w:p>`;
const r = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const sections = (ko: string, en: string) => p(r('한국어'), 'Heading2') + ko + p(r('English'), 'Heading2') + en;
const comments = (...list: [string, string, string, string][]) =>
  `<w:comments ${W}>${list.map(([id, author, date, text]) => `<w:comment w:id="${id}" w:author="${author}" w:date="${date}"><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:comment>`).join('')}</w:comments>`;

describe('reading the text of a Word file', () => {
  it('reads tabs, breaks, spaces, entities, fields, hyperlinks, smart tags and content controls as Word shows them', () => {
    const ko = p(
      `${r('가&amp;나')}<w:r><w:tab/><w:t>  다  </w:t><w:br/><w:t xml:space="preserve"> &#xAC00;&#44032;&lt;&gt;&quot;</w:t></w:r>` +
        `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r('3')}<w:r><w:fldChar w:fldCharType="end"/></w:r>` +
        `<w:hyperlink w:history="1">${r(' 링크')}</w:hyperlink><w:smartTag w:uri="x" w:element="y">${r(' 태그')}</w:smartTag>` +
        `<w:sdt><w:sdtPr><w:alias w:val="ignored"/></w:sdtPr><w:sdtContent>${r(' 상자')}</w:sdtContent></w:sdt><w:fldSimple w:instr="DATE">${r(' 날짜')}</w:fldSimple>` +
        `<w:r><w:drawing><w:t>그림 속 글</w:t></w:drawing><w:noBreakHyphen/></w:r>`,
    );
    const doc = readReviewDocx(docxOf(sections(ko, p(r('Hello')))));
    expect(doc.sections.ko).toBe('가&나\t다\n 가가<>"3 링크 태그 상자 날짜-');
    expect(doc.sections.en).toBe('Hello');
  });

  it('reads the original with tracked changes rejected and the accepted text with them applied, moves and paragraph marks included', () => {
    const ko = p(`${r('알림톡을 ')}<w:ins w:id="1" w:author="박" w:date="2026-03-05T10:00:00Z">${r('꼭 ')}</w:ins>${r('받으면')}<w:del w:id="2" w:author="박"><w:r><w:delText xml:space="preserve"> 혹시</w:delText></w:r></w:del>${r(' 요금이 듭니다.')}`);
    // The first paragraph's mark is deleted: accepted, the two paragraphs are one.
    const en =
      `<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="J"/></w:rPr></w:pPr>${r('First')}</w:p>` +
      p(`<w:moveFrom w:id="4" w:author="J">${r('Moved ')}</w:moveFrom>${r('second.')}<w:moveTo w:id="5" w:author="J">${r(' Moved')}</w:moveTo>`);
    const doc = readReviewDocx(docxOf(sections(ko, en)));
    expect(doc.hasTrackedChanges).toBe(true);
    expect(doc.sections).toEqual({ ko: '알림톡을 받으면 혹시 요금이 듭니다.', en: 'First\nMoved second.' });
    expect(doc.accepted).toEqual({ ko: '알림톡을 꼭 받으면 요금이 듭니다.', en: 'Firstsecond. Moved' });
  });

  it('reads which accepted words are bold: w:b on, not switched off, inserted ones too, deleted ones gone', () => {
    const b = (text: string, val = '') => `<w:r><w:rPr><w:b${val ? ` w:val="${val}"` : ''}/><w:bCs/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;
    const ko = p(
      `${b('굵게')}${r(' 보통 ')}${b('꺼짐', '0')}${b(' 끔', 'false')}<w:ins w:id="1" w:author="박">${b('추가', 'true')}</w:ins>${b('이어서')}` +
        `<w:del w:id="2" w:author="박"><w:r><w:rPr><w:b/></w:rPr><w:delText>지움</w:delText></w:r></w:del>${r('.')}`,
    );
    const doc = readReviewDocx(docxOf(sections(ko, p(`${r('Plain ')}<w:r><w:rPr><w:b/></w:rPr><w:t>bold</w:t><w:br/><w:t>across a break</w:t></w:r>`))));
    expect(doc.accepted.ko).toBe('굵게 보통 꺼짐 끔추가이어서.');
    expect(doc.acceptedBold.ko).toEqual([
      [0, 2],
      [10, 15],
    ]);
    expect(doc.accepted.ko.slice(10, 15)).toBe('추가이어서');
    expect(doc.acceptedBold.en).toEqual([[6, 25]]);
    expect(doc.accepted.en.slice(6, 25)).toBe('bold\nacross a break');
  });

  it('reads words bold by their character style (Word’s "Strong"), following basedOn, unless the run switches bold off', () => {
    const style = (id: string, inner: string) => `<w:style w:type="character" w:styleId="${id}"><w:name w:val="${id}"/>${inner}</w:style>`;
    const styles =
      `<w:styles ${W}>${style('Strong', '<w:rPr><w:b/></w:rPr>')}${style('Louder', '<w:basedOn w:val="Strong"/><w:rPr><w:i/></w:rPr>')}` +
      `${style('Quiet', '<w:basedOn w:val="Strong"/><w:rPr><w:b w:val="false"/></w:rPr>')}${style('Loop', '<w:basedOn w:val="Loop"/>')}</w:styles>`;
    const styled = (id: string, text: string, direct = '') => `<w:r><w:rPr><w:rStyle w:val="${id}"/>${direct}</w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;
    const ko = p(`${styled('Strong', '하나')}${r(' ')}${styled('Louder', '둘')}${r(' ')}${styled('Quiet', '셋')}${styled('Strong', '넷', '<w:b w:val="0"/>')}${styled('Loop', '다섯')}`);
    const doc = readReviewDocx(docxOf(sections(ko, p(r('x'))), { 'word/styles.xml': styles }));
    expect(doc.acceptedBold.ko.map(([start, end]) => doc.accepted.ko.slice(start, end))).toEqual(['하나', '둘']);
  });

  it('quotes the original words of a comment even when the reviewer edited inside them', () => {
    const ko = p(`${r('알림톡을 ')}<w:commentRangeStart w:id="0"/>${r('받으면 ')}<w:ins w:id="1" w:author="박">${r('약 15KB의 ')}</w:ins>${r('데이터')}<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>${r(' 요금이 듭니다.')}`);
    const doc = readReviewDocx(docxOf(sections(ko, p(r('Hi'))), { 'word/comments.xml': comments(['0', '박검토', '2026-03-05T09:15:00Z', '얼마?']) }));
    expect(doc.comments).toMatchObject([{ quote: '받으면 데이터', prefix: '알림톡을 ', suffix: ' 요금이 듭니다.', locale: 'ko' }]);
    expect(doc.accepted.ko).toBe('알림톡을 받으면 약 15KB의 데이터 요금이 듭니다.');
  });

  it('takes the UTC date Word 365 keeps in commentsExtensible.xml over w:date, and links replies by paraIdParent', () => {
    const body = sections(p(`<w:commentRangeStart w:id="5"/><w:commentRangeStart w:id="6"/>${r('데이터')}<w:commentRangeEnd w:id="5"/><w:commentRangeEnd w:id="6"/><w:r><w:commentReference w:id="5"/></w:r><w:r><w:commentReference w:id="6"/></w:r>`), p(r('x')));
    const withParas = `<w:comments ${W}><w:comment w:id="5" w:author="박검토" w:date="2026-03-05T18:15:00Z"><w:p w14:paraId="0A1B2C3D"><w:r><w:t>얼마?</w:t></w:r></w:p></w:comment><w:comment w:id="6" w:author="이작성" w:date="2026-03-05T18:20:00Z"><w:p w14:paraId="0A1B2C3E"><w:r><w:t>15KB</w:t></w:r></w:p></w:comment></w:comments>`;
    const doc = readReviewDocx(
      docxOf(body, {
        'word/comments.xml': withParas,
        'word/commentsExtended.xml': `<w15:commentsEx ${W}><w15:commentEx w15:paraId="0A1B2C3D" w15:done="0"/><w15:commentEx w15:paraId="0A1B2C3E" w15:paraIdParent="0A1B2C3D" w15:done="0"/></w15:commentsEx>`,
        'word/commentsIds.xml': `<w16cid:commentsIds xmlns:w16cid="http://schemas.microsoft.com/office/word/2016/wordml/cid"><w16cid:commentId w16cid:paraId="0A1B2C3D" w16cid:durableId="11223344"/></w16cid:commentsIds>`,
        'word/commentsExtensible.xml': `<w16cex:commentsExtensible xmlns:w16cex="http://schemas.microsoft.com/office/word/2018/wordml/cex"><w16cex:commentExtensible w16cex:durableId="11223344" w16cex:dateUtc="2026-03-05T09:15:00Z"/></w16cex:commentsExtensible>`,
      }),
    );
    expect(doc.comments).toHaveLength(1);
    expect(doc.comments[0]).toMatchObject({ author: '박검토', date: Date.UTC(2026, 2, 5, 9, 15), quote: '데이터', replies: [{ author: '이작성', date: Date.UTC(2026, 2, 5, 18, 20), text: '15KB' }] });
  });

  it('guesses each comment’s language by Hangul in a document without our section headings', () => {
    const body =
      p(`${r('알림톡을 ')}<w:commentRangeStart w:id="1"/>${r('받으면')}<w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r>`) +
      `<w:commentRangeStart w:id="2"/>` + // between paragraphs: it starts the next one
      p(`${r('Receiving them')}<w:commentRangeEnd w:id="2"/><w:r><w:commentReference w:id="2"/></w:r>${r(' costs.')}`);
    const doc = readReviewDocx(docxOf(body, { 'word/comments.xml': comments(['1', 'A', '2026-03-05T09:00:00', 'ko?'], ['2', 'B', 'not a date', 'en?']) }));
    expect(doc.sections).toEqual({ ko: '', en: '' });
    expect(doc.comments.map((c) => [c.locale, c.quote, c.date])).toEqual([
      ['ko', '받으면', Date.UTC(2026, 2, 5, 9)],
      ['en', 'Receiving them', null],
    ]);
  });
});

// ---- a suggested draft -------------------------------------------------------------------------

describe('a suggested draft from the accepted text', () => {
  const v = makeVersion();
  const doc = { ko: '', en: '' };
  const plainKo = '데이터 요금 안내\n[에이스몰] 주문·배송 안내를 알림톡으로 보내 드립니다.\n알림톡을 받으면 데이터 요금이 발생할 수 있습니다.\n첫 메시지: 약 15KB\n이후 메시지: 약 2KB\n받지 않으려면 설정에서 끄세요. {{shop_name}}';
  const plainEn = '[Acme Shop] We send order and delivery updates by AlimTalk.\nReceiving them may use mobile data.\nOpen Settings\nTurn off notifications';

  it('keeps unchanged paragraphs as written and puts changed ones back as text after their heading or list marker', () => {
    const accepted = {
      ko: plainKo.replace('데이터 요금 안내', '데이터 요금 안내문').replace('데이터 요금이 발생', '약 15KB의 데이터 요금이 발생').replace('약 2KB', '약 2KB*'),
      en: plainEn.replace('Turn off notifications', 'Turn off AlimTalk notifications'),
    };
    const draft = suggestedDraft(v, accepted);
    expect(draft.changed).toBe(true);
    expect(draft.koText).toBe(
      [
        '# 데이터 요금 안내문',
        '',
        '[에이스몰] 주문·배송 안내를 **알림톡**으로 보내 드립니다.',
        '',
        '알림톡을 받으면 약 15KB의 데이터 요금이 발생할 수 있습니다.',
        '',
        '- 첫 메시지: 약 15KB',
        '- 이후 메시지: 약 2KB\\*',
        '',
        '받지 않으려면 [설정](https://example.com/settings)에서 끄세요. {{shop_name}}',
      ].join('\n'),
    );
    expect(draft.enText).toBe(EN.replace('2. Turn off notifications', '2. Turn off AlimTalk notifications'));
  });

  it('drops deleted paragraphs and adds new ones (as items inside a list), escaping what would read as markup', () => {
    const accepted = {
      ko: plainKo.replace('[에이스몰] 주문·배송 안내를 알림톡으로 보내 드립니다.\n', '').replace('이후 메시지: 약 2KB', '이후 메시지: 약 2KB\n3번째: 0KB'),
      en: `${plainEn}\n- see [this](x) and {{shop_name}} *now*`,
    };
    const draft = suggestedDraft(v, accepted);
    expect(draft.koText).toBe(KO.replace('[에이스몰] 주문·배송 안내를 **알림톡**으로 보내 드립니다.\n\n', '').replace('- 이후 메시지: 약 2KB', '- 이후 메시지: 약 2KB\n- 3번째: 0KB'));
    expect(draft.enText).toBe(`${EN}\n2. \\- see [this\\](x) and {{shop_name}} \\*now\\*`);
  });

  it('keeps the bold runs of changed paragraphs as **…**, trimmed of spaces at their edges, and never changes the text to do so', () => {
    const accepted = {
      ko: plainKo.replace('데이터 요금이 발생', '데이터 요금(약 15KB)이 발생').replace('설정에서 끄세요.', '설정 > 알림에서 끄세요.'),
      en: plainEn.replace('may use mobile data', 'uses mobile data'),
    };
    const range = (text: string, words: string): [number, number] => [text.indexOf(words), text.indexOf(words) + words.length];
    const bold = {
      // The spaces around the stretch are in the run, as Word often has them; "{{shop" would pair with the variable's braces.
      ko: [range(accepted.ko, '알림톡'), range(accepted.ko, ' 데이터 요금(약 15KB)'), range(accepted.ko, '{{shop')],
      en: [range(accepted.en, 'mobile data')],
    };
    const draft = suggestedDraft(v, accepted, bold);
    expect(draft.koText).toBe(
      KO.replace('**데이터 요금**이 발생할 수 *있습니다*.', '**데이터 요금(약 15KB)**이 발생할 수 있습니다.').replace(
        '받지 않으려면 [설정](https://example.com/settings)에서 끄세요. {{shop_name}}',
        '받지 않으려면 설정 > 알림에서 끄세요. {{shop_name}}',
      ),
    );
    expect(draft.enText).toBe(EN.replace('Receiving them may use **mobile data**.', 'Receiving them uses **mobile data**.'));
    // Without the bold runs (a caller that has none), the changed paragraphs come back as plain text, as before.
    expect(suggestedDraft(v, accepted).enText).toBe(EN.replace('Receiving them may use **mobile data**.', 'Receiving them uses mobile data.'));
  });

  it('leaves a locale the file has no section for as it was', () => {
    expect(suggestedDraft(v, doc)).toEqual({ koText: v.koText, enText: v.enText, changed: false });
  });
});

// ---- hostile and broken files -------------------------------------------------------------------

describe('a file that is not a Word file Notice Desk can read', () => {
  it('is refused when it is not a zip', () => {
    const e = refusal(() => readReviewDocx(strToU8('<html>not a docx</html>'), 'notes.docx'));
    expect(e.code).toBe('unsupported-format');
    expect(e.message).toBe('notes.docx: cannot read the file (it is not a Word document (.docx): not a zip archive).');
    expect(e.key).toBe('review.file-unreadable');
  });

  it('is refused when it has no word/document.xml', () => {
    const e = refusal(() => readReviewDocx(zipSync({ 'readme.txt': strToU8('hello') }), 'empty.docx'));
    expect(e.message).toContain('it is not a Word document: it has no word/document.xml');
  });

  it('is refused when it is larger than 20 MiB, before anything is unpacked', () => {
    const big = new Uint8Array(DOCX_LIMITS.compressedBytes + 1);
    big.set([0x50, 0x4b, 3, 4]);
    const e = refusal(() => readReviewDocx(big, 'big.docx'));
    expect(e.code).toBe('too-large');
    expect(e.message).toContain('Word files are read up to 20 MiB');
  });

  it('is refused when it holds more than 2000 entries', () => {
    const files: Zippable = { 'word/document.xml': strToU8(`<w:document ${W}><w:body/></w:document>`) };
    for (let k = 0; k < DOCX_LIMITS.entries; k++) files[`junk/${k}.txt`] = new Uint8Array(0);
    const e = refusal(() => readReviewDocx(zipSync(files, { level: 0 }), 'many.docx'));
    expect(e.code).toBe('too-large');
    expect(e.message).toContain('it holds 2001 entries; a Word file may hold at most 2000');
  });

  it('is refused when it unpacks to more than 100 MiB, even when its headers claim less (a zip bomb)', () => {
    const bomb = new Uint8Array(DOCX_LIMITS.uncompressedBytes + 1024).fill(0x20);
    const honest = zipSync({ 'word/document.xml': bomb }, { level: 9 });
    expect(honest.length).toBeLessThan(200_000);
    expect(refusal(() => readReviewDocx(honest, 'bomb.docx')).message).toContain('it unpacks to more than 100 MiB, the limit for a Word file');
    // The same bomb whose central directory claims 1 KiB: counted while inflating, still refused.
    const lying = honest.slice();
    const view = new DataView(lying.buffer);
    for (let at = lying.length - 22; at >= 0; at--) {
      if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 1024, true);
    }
    const e = refusal(() => readReviewDocx(lying, 'bomb.docx'));
    expect(e.code).toBe('too-large');
    expect(e.message).toContain('100 MiB');
  });

  it('is refused when the zip is cut short or its XML is broken, nested without end or declares entities', () => {
    const good = docxOf(p(r('x')));
    expect(refusal(() => readReviewDocx(good.subarray(0, good.length - 30), 'cut.docx')).message).toContain('the zip archive is damaged');
    const broken = zipSync({ 'word/document.xml': strToU8(`<w:document ${W}><w:body><w:p></w:body>`) });
    expect(refusal(() => readReviewDocx(broken, 'broken.docx')).message).toContain(`"word/document.xml" is not well-formed XML at line 1, column`);
    const deep = zipSync({ 'word/document.xml': strToU8(`<w:document ${W}><w:body>${'<w:sdt>'.repeat(5000)}${'</w:sdt>'.repeat(5000)}</w:body></w:document>`) });
    expect(refusal(() => readReviewDocx(deep, 'deep.docx')).message).toContain('"word/document.xml" nests its elements more than 256 deep');
    const laughs = `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document ${W}><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>`;
    expect(refusal(() => readReviewDocx(zipSync({ 'word/document.xml': strToU8(laughs) }), 'laughs.docx')).message).toContain('declares a DTD');
  });

  it('reads a large ordinary document in linear time', () => {
    const paragraphs = Array.from({ length: 20_000 }, (_, k) => p(`<w:commentRangeStart w:id="${k}"/>${r(`문단 ${k} `)}${r('text')}<w:commentRangeEnd w:id="${k}"/>`)).join('');
    const list = Array.from({ length: 2000 }, (_, k) => [String(k), '박', '2026-03-05T09:00:00Z', `c${k}`] as [string, string, string, string]);
    const started = performance.now();
    const doc = readReviewDocx(docxOf(sections(paragraphs, p(r('x'))), { 'word/comments.xml': comments(...list) }));
    expect(doc.comments).toHaveLength(2000);
    expect(doc.comments[1999]!.quote).toBe('문단 1999 text');
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

// ---- LibreOffice ----------------------------------------------------------------------------------

const SOFFICE = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

/** An ODF text (flat XML) a reviewer made in LibreOffice: comments, a reply, tracked changes, in both languages. */
const REVIEWED_FODT = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:automatic-styles><style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style></office:automatic-styles>
 <office:body><office:text>
  <text:tracked-changes text:track-changes="true">
   <text:changed-region text:id="ins1"><text:insertion><office:change-info><dc:creator>박검토</dc:creator><dc:date>2026-03-05T10:00:00</dc:date></office:change-info></text:insertion></text:changed-region>
   <text:changed-region text:id="del1"><text:deletion><office:change-info><dc:creator>Jane Reviewer</dc:creator><dc:date>2026-03-05T11:00:00</dc:date></office:change-info><text:p>may </text:p></text:deletion></text:changed-region>
   <text:changed-region text:id="ins2"><text:insertion><office:change-info><dc:creator>Jane Reviewer</dc:creator><dc:date>2026-03-05T11:00:05</dc:date></office:change-info></text:insertion></text:changed-region>
  </text:tracked-changes>
  <text:h text:outline-level="1">알림톡 데이터 요금 안내 (검토본)</text:h>
  <text:h text:outline-level="2">한국어</text:h>
  <text:p>알림톡을 <office:annotation office:name="c1"><dc:creator>박검토</dc:creator><dc:date>2026-03-05T09:15:00</dc:date><text:p>금액을 적어 주세요.</text:p></office:annotation>받으면 <text:span text:style-name="T1">데이터 요금</text:span>이<office:annotation-end office:name="c1"/><office:annotation office:name="c2" loext:parent-name="c1"><dc:creator>이작성</dc:creator><dc:date>2026-03-05T09:20:00</dc:date><text:p>반영하겠습니다.</text:p></office:annotation> 발생할 <office:annotation office:name="c3"><dc:creator>김법무</dc:creator><dc:date>2026-03-05T09:40:00</dc:date><text:p>두 문장을 함께 보세요.</text:p><text:p>둘째 줄 &amp; 끝</text:p></office:annotation>수 있습니다.</text:p>
  <text:p>받지 않으려면<office:annotation-end office:name="c3"/> <text:change-start text:change-id="ins1"/>설정 &gt; <text:change-end text:change-id="ins1"/>알림에서 끄세요.</text:p>
  <text:h text:outline-level="2">English</text:h>
  <text:p>Receiving them <text:change text:change-id="del1"/>use<text:change-start text:change-id="ins2"/>s<text:change-end text:change-id="ins2"/> <office:annotation office:name="c4"><dc:creator>Jane Reviewer</dc:creator><dc:date>2026-03-05T09:30:00</dc:date><text:p>Say how much.</text:p></office:annotation>mobile data<office:annotation-end office:name="c4"/>.</text:p>
  <text:p>Turn them off in Settings.</text:p>
 </office:text></office:body>
</office:document>
`;

/**
 * The version's text as a reviewer edited it in LibreOffice with changes tracked, its bold and italic
 * kept: a deletion before a bold word, a bold insertion right after one, a deletion and insertion in
 * the English paragraph whose words are bold by the character style "Strong Emphasis" (not directly).
 */
const BOLD_FODT = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:styles><style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style></office:styles>
 <office:automatic-styles>
  <style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
  <style:style style:name="I" style:family="text"><style:text-properties fo:font-style="italic" style:font-style-asian="italic"/></style:style>
 </office:automatic-styles>
 <office:body><office:text>
  <text:tracked-changes text:track-changes="true">
   <text:changed-region text:id="d1"><text:deletion><office:change-info><dc:creator>박검토</dc:creator><dc:date>2026-03-05T10:00:00</dc:date></office:change-info><text:p>주문·</text:p></text:deletion></text:changed-region>
   <text:changed-region text:id="i1"><text:insertion><office:change-info><dc:creator>박검토</dc:creator><dc:date>2026-03-05T10:01:00</dc:date></office:change-info></text:insertion></text:changed-region>
   <text:changed-region text:id="d2"><text:deletion><office:change-info><dc:creator>Jane Reviewer</dc:creator><dc:date>2026-03-05T11:00:00</dc:date></office:change-info><text:p>may </text:p></text:deletion></text:changed-region>
   <text:changed-region text:id="i2"><text:insertion><office:change-info><dc:creator>Jane Reviewer</dc:creator><dc:date>2026-03-05T11:00:05</dc:date></office:change-info></text:insertion></text:changed-region>
  </text:tracked-changes>
  <text:h text:outline-level="1">알림톡 데이터 요금 안내</text:h>
  <text:h text:outline-level="2">한국어</text:h>
  <text:h text:outline-level="3">데이터 요금 안내</text:h>
  <text:p>[에이스몰] <text:change text:change-id="d1"/>배송 안내를 <text:span text:style-name="B">알림톡</text:span>으로 보내 드립니다.</text:p>
  <text:p>알림톡을 받으면 <text:span text:style-name="B">데이터 요금<text:change-start text:change-id="i1"/>(첫 메시지 약 15KB)<text:change-end text:change-id="i1"/></text:span>이 발생할 수 <text:span text:style-name="I">있습니다</text:span>.</text:p>
  <text:list><text:list-item><text:p>첫 메시지: 약 15KB</text:p></text:list-item><text:list-item><text:p>이후 메시지: 약 2KB</text:p></text:list-item></text:list>
  <text:p>받지 않으려면 <text:a xlink:href="https://example.com/settings">설정</text:a>에서 끄세요. {{shop_name}}</text:p>
  <text:h text:outline-level="2">English</text:h>
  <text:p>[Acme Shop] We send <text:span text:style-name="I">order</text:span> and delivery updates by AlimTalk.</text:p>
  <text:p>Receiving them <text:change text:change-id="d2"/>use<text:change-start text:change-id="i2"/>s<text:change-end text:change-id="i2"/> <text:span text:style-name="Strong_20_Emphasis">mobile data</text:span>.</text:p>
  <text:list><text:list-item><text:p>Open Settings</text:p></text:list-item><text:list-item><text:p>Turn off notifications</text:p></text:list-item></text:list>
 </office:text></office:body>
</office:document>
`;

describe.skipIf(!SOFFICE)(SOFFICE ? 'a file LibreOffice wrote' : 'a file LibreOffice wrote — SKIPPED: soffice is not installed (CI installs LibreOffice)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docx-lo-'));
  const profile = path.join(dir, 'profile');
  const convert = (to: string, ...files: string[]) =>
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', to, '--outdir', path.join(dir, 'out'), ...files], { timeout: 120_000, stdio: 'pipe' });
  const v = makeVersion();

  beforeAll(async () => {
    fs.writeFileSync(path.join(dir, 'reviewed.fodt'), REVIEWED_FODT);
    fs.writeFileSync(path.join(dir, 'bold-reviewed.fodt'), BOLD_FODT);
    const ours = await versionToDocx(
      v,
      [thread(v, 'ko', '**데이터 요금**이 발생할', [['김법무', '금액을 적어 주세요.'], ['이작성', '적겠습니다.']]), thread(v, 'en', 'mobile data', [['Kim Legal', 'How much?']])],
      { timeZone: 'Asia/Seoul' },
    );
    fs.writeFileSync(path.join(dir, 'ours.docx'), ours);
    convert('docx', path.join(dir, 'reviewed.fodt'), path.join(dir, 'bold-reviewed.fodt'), path.join(dir, 'ours.docx'));
    fs.renameSync(path.join(dir, 'out', 'ours.docx'), path.join(dir, 'ours-saved.docx'));
    convert('pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}', path.join(dir, 'ours.docx'));
  }, 180_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds every comment with its author, date, text, quote and language, its reply guessed from where it is', () => {
    const doc = readReviewDocx(fs.readFileSync(path.join(dir, 'out', 'reviewed.docx')), 'reviewed.docx');
    expect(doc.identity).toBeNull();
    expect(doc.comments).toEqual([
      {
        wordId: '0',
        author: '박검토',
        date: Date.UTC(2026, 2, 5, 9, 15),
        text: '금액을 적어 주세요.',
        locale: 'ko',
        quote: '받으면 데이터 요금이',
        prefix: '알림톡을 ',
        suffix: ' 발생할 수 있습니다.\n받지 않으려면 알림에서 끄세요.',
        // LibreOffice 7 writes no reply links: its reply is a comment on the point where its thread ends.
        replies: [{ wordId: '1', author: '이작성', date: Date.UTC(2026, 2, 5, 9, 20), text: '반영하겠습니다.' }],
      },
      {
        wordId: '2',
        author: '김법무',
        date: Date.UTC(2026, 2, 5, 9, 40),
        text: '두 문장을 함께 보세요.\n둘째 줄 & 끝',
        locale: 'ko',
        quote: '수 있습니다.\n받지 않으려면',
        prefix: '알림톡을 받으면 데이터 요금이 발생할 ',
        suffix: ' 알림에서 끄세요.',
        replies: [],
      },
      {
        wordId: '3',
        author: 'Jane Reviewer',
        date: Date.UTC(2026, 2, 5, 9, 30),
        text: 'Say how much.',
        locale: 'en',
        quote: 'mobile data',
        prefix: 'Receiving them may use ',
        suffix: '.\nTurn them off in Settings.',
        replies: [],
      },
    ]);
  });

  it('reads its tracked insertions and deletions into the accepted text, and the original with them rejected', () => {
    const doc = readReviewDocx(fs.readFileSync(path.join(dir, 'out', 'reviewed.docx')), 'reviewed.docx');
    expect(doc.hasTrackedChanges).toBe(true);
    expect(doc.sections).toEqual({ ko: '알림톡을 받으면 데이터 요금이 발생할 수 있습니다.\n받지 않으려면 알림에서 끄세요.', en: 'Receiving them may use mobile data.\nTurn them off in Settings.' });
    expect(doc.accepted).toEqual({ ko: '알림톡을 받으면 데이터 요금이 발생할 수 있습니다.\n받지 않으려면 설정 > 알림에서 끄세요.', en: 'Receiving them uses mobile data.\nTurn them off in Settings.' });
  });

  it('keeps the bold words of the paragraphs a reviewer changed in the suggested draft', () => {
    const doc = readReviewDocx(fs.readFileSync(path.join(dir, 'out', 'bold-reviewed.docx')), 'bold-reviewed.docx');
    expect(doc.hasTrackedChanges).toBe(true);
    const draft = suggestedDraft(v, doc.accepted, doc.acceptedBold);
    expect(draft.koText).toBe(
      KO.replace('[에이스몰] 주문·배송 안내를', '[에이스몰] 배송 안내를').replace('**데이터 요금**이 발생할 수 *있습니다*.', '**데이터 요금(첫 메시지 약 15KB)**이 발생할 수 있습니다.'),
    );
    expect(draft.enText).toBe(EN.replace('Receiving them may use **mobile data**.', 'Receiving them uses **mobile data**.'));
  });

  it('keeps our file’s properties and comments when it saves it again, its replies regrouped by their words', () => {
    const doc = readReviewDocx(fs.readFileSync(path.join(dir, 'ours-saved.docx')), 'ours.docx');
    expect(doc.identity).toEqual({ disclosureId: 7, versionNumber: 2, sha256: v.sha256 });
    expect(doc.comments.map((c) => [c.author, c.text, c.locale, c.quote, c.replies.map((x) => x.text)])).toEqual([
      ['김법무', '금액을 적어 주세요.', 'ko', '데이터 요금이 발생할', ['적겠습니다.']],
      ['Kim Legal', 'How much?', 'en', 'mobile data', []],
    ]);
  });

  it('renders our file with its Korean and English text, formatting and comments', () => {
    const pdf = path.join(dir, 'out', 'ours.pdf');
    expect(fs.statSync(pdf).size).toBeGreaterThan(1000);
    let text: string;
    try {
      text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    } catch {
      return; // poppler-utils missing on this machine: LibreOffice opened and rendered the file all the same
    }
    expect(text).toContain('알림톡을 받으면 데이터 요금이 발생할 수 있습니다.');
    expect(text).toContain('Receiving them may use mobile data.');
    expect(text).toMatch(/•\s+첫 메시지: 약 15KB/);
    expect(text).toMatch(/1\.\s+Open Settings/);
    // Comments become PDF notes (annotations) at the end of their words.
    expect(fs.readFileSync(pdf).toString('latin1')).toMatch(/\/Subtype\s*\/Text/);
  });
});
