import { describe, expect, it } from 'vitest';
import { englishVerbForms, isQuoted } from '../../../shared/disclosures/detect/concepts.ts';
import { isNegated, isQuestion } from '../../../shared/disclosures/detect/negation.ts';
import type { Locale } from '../../../shared/disclosures/types.ts';

/** Whether the first occurrence of `word` in `text` is negated. */
function negated(text: string, word: string, locale: Locale): boolean {
  const start = text.indexOf(word);
  if (start < 0) throw new Error(`"${word}" is not in "${text}"`);
  return isNegated(text, start, start + word.length, locale);
}

describe('negation', () => {
  it('finds English negators before the word in its clause, and negated verbs after it', () => {
    expect(negated('These alerts cannot be turned off.', 'turned off', 'en')).toBe(true);
    expect(negated("You can't opt out of security notices.", 'opt out', 'en')).toBe(true);
    expect(negated('There is no way to opt out.', 'opt out', 'en')).toBe(true);
    expect(negated('Receiving them does not use mobile data.', 'data', 'en')).toBe(true);
    expect(negated('Data charges do not apply on Wi-Fi.', 'charges', 'en')).toBe(true);
    expect(negated("Data charges won't be applied.", 'charges', 'en')).toBe(true);
    expect(negated('On Wi-Fi you pay nothing.', 'pay', 'en')).toBe(true);
    expect(negated('The service is free of charge.', 'charge', 'en')).toBe(true);
  });

  it('does not carry an English negation across a clause or onto what it does not deny', () => {
    expect(negated("If you don't want them, turn them off in Settings.", 'turn them off', 'en')).toBe(false);
    expect(negated('Blocking does not change anything else.', 'Blocking', 'en')).toBe(false);
    expect(negated('Tap "No thanks" to decline.', 'decline', 'en')).toBe(false);
    expect(negated('Data charges may apply.', 'charges', 'en')).toBe(false);
  });

  it('finds Korean negation after the word, through particles, and 못/안 before it', () => {
    expect(negated('설정에서 끌 수 없습니다.', '끌', 'ko')).toBe(true);
    expect(negated('알림을 끄지 마세요.', '끄', 'ko')).toBe(true);
    expect(negated('수신 거부는 불가능합니다.', '거부', 'ko')).toBe(true);
    expect(negated('차단이 안 됩니다.', '차단', 'ko')).toBe(true);
    expect(negated('거부는 할 수 없습니다.', '거부', 'ko')).toBe(true);
    expect(negated('데이터 요금이 들지 않습니다.', '요금', 'ko')).toBe(true);
    expect(negated('데이터 요금은 없습니다.', '요금', 'ko')).toBe(true);
    expect(negated('대화 내용을 검색에 쓰지 않습니다.', '검색', 'ko')).toBe(true);
    expect(negated('이 알림은 못 끕니다.', '끕', 'ko')).toBe(true);
  });

  it('does not take a Korean consequence or permission for a negation of the refusal', () => {
    expect(negated('알림을 끄면 배송 소식을 받을 수 없습니다.', '끄', 'ko')).toBe(false);
    expect(negated('거부하셔도 불이익은 없습니다.', '거부', 'ko')).toBe(false);
    expect(negated('데이터 요금이 들 수 있습니다.', '요금', 'ko')).toBe(false);
    expect(negated('알림을 받지 않으시면 설정에서 끄세요.', '받지 않', 'ko')).toBe(false);
  });
});

describe('questions and quotes', () => {
  it('takes a sentence ending in a question mark (closing quotes aside) as a question', () => {
    expect(isQuestion('Will this use my data?')).toBe(true);
    expect(isQuestion('데이터 요금이 드나요?')).toBe(true);
    expect(isQuestion('"Can I say no?"')).toBe(true);
    expect(isQuestion('Yes, about 2 KB a message.')).toBe(false);
  });

  it('tells a word inside quotes or brackets from one outside, apostrophes aside', () => {
    const at = (text: string, word: string) => isQuoted(text, text.indexOf(word), text.indexOf(word) + word.length);
    expect(at("'링크 검색 반영'을 해제하세요.", '검색')).toBe(true);
    expect(at('Turn off "Use links in search".', 'search')).toBe(true);
    expect(at('[설정 > 알림]에서 끄세요.', '알림')).toBe(true);
    expect(at("We don't show your links in search.", 'search')).toBe(false);
    expect(at('링크를 검색 결과에 보여 줍니다.', '검색')).toBe(false);
  });
});

describe('English verb forms', () => {
  it('inflects the first word of a verb phrase by rule', () => {
    expect(englishVerbForms('stop')).toEqual(expect.arrayContaining(['stop', 'stops', 'stopped', 'stopping']));
    expect(englishVerbForms('decline')).toEqual(expect.arrayContaining(['declines', 'declined', 'declining']));
    expect(englishVerbForms('deny')).toEqual(expect.arrayContaining(['denies', 'denied', 'denying']));
    expect(englishVerbForms('block')).toEqual(expect.arrayContaining(['blocks', 'blocked', 'blocking']));
  });
});
