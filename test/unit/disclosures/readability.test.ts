import { describe, expect, it } from 'vitest';
import { isVisiblyEmphasised } from '../../../shared/disclosures/emphasis.ts';
import { parseMarkdown } from '../../../shared/disclosures/markdown.ts';
import { toPlainText } from '../../../shared/disclosures/plain-text.ts';
import { countSyllables, fleschKincaidGrade, fleschReadingEase, readabilityEn } from '../../../shared/disclosures/readability-en.ts';
import { eojeol, readabilityKo } from '../../../shared/disclosures/readability-ko.ts';
import { shipped } from './helpers.ts';

const plain = (src: string) => toPlainText(parseMarkdown(src), {});
const indicator = (r: ReturnType<typeof readabilityKo>, id: string) => r.indicators.find((i) => i.id === id)!;

describe('the English syllable counter', () => {
  it.each([
    ['the', 1], ['cat', 1], ['make', 1], ['free', 1], ['table', 2], ['people', 2], ['message', 2], ['data', 2],
    ['service', 2], ['charges', 2], ['refuse', 2], ['receive', 2], ['added', 2], ['charged', 1], ['messages', 3],
    ['notices', 3], ['beautiful', 3], ['readability', 5], ['notification', 5], ['mobile', 2], ['AlimTalk', 3],
  ])('counts %s as %i', (word, n) => {
    expect(countSyllables(word)).toBe(n);
  });
});

describe('English readability (known answers computed by hand)', () => {
  it('scores two short sentences of one-syllable words', () => {
    // 9 words, 2 sentences, 9 syllables: FRE = 206.835 − 1.015·4.5 − 84.6·1 = 117.6675;
    // FKGL = 0.39·4.5 + 11.8·1 − 15.59 = −2.035.
    expect(fleschReadingEase(9, 2, 9)).toBeCloseTo(117.6675, 6);
    expect(fleschKincaidGrade(9, 2, 9)).toBeCloseTo(-2.035, 6);
    const r = readabilityEn(plain('The cat sat on the mat. The dog ran.'));
    expect(r.sentences).toBe(2);
    expect(r.words).toBe(9);
    expect(r.scores['flesch-reading-ease']).toBeCloseTo(117.67, 2);
    expect(r.scores['avg-sentence-words']).toBe(4.5);
    expect(r.indicators.every((i) => i.ok)).toBe(true);
  });

  it('scores long words as hard and lists the sentences that miss the targets', () => {
    // Readability(5) matters(2) | Notification(5) messages(3) use(1) data(2): 6 words, 2 sentences,
    // 18 syllables: FRE = 206.835 − 1.015·3 − 84.6·3 = −50.01; FKGL = 0.39·3 + 11.8·3 − 15.59 = 20.98.
    const src = 'Readability matters. Notification messages use data.';
    const r = readabilityEn(plain(src));
    expect(r.scores['flesch-reading-ease']).toBeCloseTo(-50.01, 2);
    expect(r.scores['flesch-kincaid-grade']).toBeCloseTo(20.98, 2);
    const fre = r.indicators.find((i) => i.id === 'flesch-reading-ease')!;
    expect(fre.ok).toBe(false);
    expect(fre.target).toEqual({ min: 60 });
    expect(fre.sentences.map((s) => src.slice(s.start, s.end))).toEqual(['Readability matters.', 'Notification messages use data.']);
  });
});

describe('Korean readability indicators (known answers)', () => {
  const lists = { hardWords: shipped.hardWords.ko, jargon: shipped.jargon.ko };

  it('counts eojeol as space-separated words that hold a letter or digit', () => {
    expect(eojeol('나는  밥을 먹었다 .')).toEqual(['나는', '밥을', '먹었다']);
  });

  it('computes the average sentence length in eojeol', () => {
    // 3 + 7 = 10 eojeol in 2 sentences → 5.
    const r = readabilityKo(plain('나는 밥을 먹었다. 오늘은 날씨가 아주 좋아서 우리는 공원에 갔다.'), lists);
    expect(r.sentences).toBe(2);
    expect(r.words).toBe(10);
    expect(r.scores['avg-sentence-eojeol']).toBe(5);
    expect(r.scores['long-sentence-share']).toBe(0);
  });

  it('finds long sentences (over 15 eojeol) and reports their ranges', () => {
    const long = Array.from({ length: 16 }, (_, i) => `낱말${i}`).join(' ') + '.';
    const src = `짧은 문장입니다. ${long}`;
    const r = readabilityKo(plain(src), lists);
    const share = indicator(r, 'long-sentence-share');
    expect(share.value).toBe(0.5);
    expect(share.ok).toBe(false);
    expect(share.sentences.map((s) => src.slice(s.start, s.end))).toEqual([long]);
    // (2 + 16) eojeol in 2 sentences.
    expect(indicator(r, 'avg-sentence-eojeol').value).toBe(9);
  });

  it('computes the share of hard words from the shipped list', () => {
    // 당사, 귀하: 2 hard words in 4 eojeol → 0.5.
    const src = '당사는 귀하에게 알림을 보냅니다.';
    const r = readabilityKo(plain(src), lists);
    const hard = indicator(r, 'hard-word-share');
    expect(hard.value).toBe(0.5);
    expect(hard.ok).toBe(false);
    expect(hard.sentences).toHaveLength(1);
  });

  it('counts jargon phrases and names the sentences holding them', () => {
    const src = '알림은 무료입니다. 데이터 차감이 있을 수 있습니다.';
    const r = readabilityKo(plain(src), lists);
    const j = indicator(r, 'jargon-count');
    expect(j.value).toBe(1);
    expect(j.sentences.map((s) => src.slice(s.start, s.end))).toEqual(['데이터 차감이 있을 수 있습니다.']);
  });

  it('meets every target on plain, short sentences', () => {
    const r = readabilityKo(plain('알림을 보내 드립니다. 언제든 끌 수 있습니다.'), lists);
    expect(r.indicators.every((i) => i.ok)).toBe(true);
  });
});

describe('the rendered emphasis rule', () => {
  const rule = { minPt: 9, minRatio: 1.2 };
  it('accepts bold or coloured text at any size and large text at 20% over the body', () => {
    expect(isVisiblyEmphasised({ sentencePt: 8, bodyPt: 8, bold: true, coloured: false }, rule)).toBe(true);
    expect(isVisiblyEmphasised({ sentencePt: 8, bodyPt: 8, bold: false, coloured: true }, rule)).toBe(true);
    expect(isVisiblyEmphasised({ sentencePt: 12, bodyPt: 10, bold: false, coloured: false }, rule)).toBe(true);
    expect(isVisiblyEmphasised({ sentencePt: 11.9, bodyPt: 10, bold: false, coloured: false }, rule)).toBe(false);
    expect(isVisiblyEmphasised({ sentencePt: 8.4, bodyPt: 7, bold: false, coloured: false }, rule)).toBe(false);
  });
});
