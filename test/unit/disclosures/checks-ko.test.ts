import { describe, expect, it } from 'vitest';
import { needsAttention } from '../../../shared/disclosures/check.ts';
import { check, errorRules } from './helpers.ts';

const GOOD = [
  '[테스트상점] 주문하신 상품의 배송 소식을 알림톡으로 보내 드립니다.',
  '',
  '**알림톡을 받으면 데이터 요금이 들 수 있습니다. 처음 받는 메시지는 약 15KB, 그다음부터는 한 건에 약 2KB를 씁니다.**',
  '',
  '**알림톡을 받고 싶지 않으면 카카오톡 설정 > 알림에서 끌 수 있습니다.**',
  '알림을 꺼도 서비스는 그대로 이용할 수 있습니다.',
].join('\n');

describe('Korean required-element checks', () => {
  it('finds every required element in a complete AlimTalk notice', () => {
    const r = check(GOOD, 'ko');
    expect(r.missing).toEqual([]);
    expect(r.findings).toEqual([]);
    expect(r.satisfied.map((s) => s.rule).sort()).toEqual(['data-charges', 'how-to-refuse', 'refusal-consequences', 'service-description']);
    expect(needsAttention(r)).toBe(false);
  });

  it('reports a notice that never mentions data charges, with a suggested sentence', () => {
    const text = GOOD.replace(/\*\*알림톡을 받으면 데이터[^\n]*\n/, '');
    const r = check(text, 'ko');
    expect(r.missing).toEqual(['data-charges']);
    const f = r.findings.find((x) => x.rule === 'data-charges')!;
    expect(f).toMatchObject({ severity: 'error', start: 0, end: 0 });
    expect(f.suggestion).toContain('데이터 요금');
    expect(needsAttention(r)).toBe(true);
  });

  it('reports data charges without an amount as missing and marks the sentence that mentions them', () => {
    const text = GOOD.replace(' 처음 받는 메시지는 약 15KB, 그다음부터는 한 건에 약 2KB를 씁니다.', '');
    const r = check(text, 'ko');
    expect(r.missing).toEqual(['data-charges']);
    const f = r.findings.find((x) => x.rule === 'data-charges')!;
    expect(f.message).toContain('얼마나');
    expect(text.slice(f.start, f.end)).toContain('데이터 요금이 들 수 있습니다');
  });

  it('reports a notice without a way to refuse and without the consequences of refusing', () => {
    const text = GOOD.split('\n').slice(0, 3).join('\n');
    const r = check(text, 'ko');
    expect(r.missing).toEqual(['how-to-refuse', 'refusal-consequences']);
  });

  it('asks for the way to refuse, not just the word, when no place or button is named', () => {
    const text = GOOD.replace('카카오톡 설정 > 알림에서 끌 수 있습니다', '거부할 수 있습니다');
    const r = check(text, 'ko');
    expect(r.missing).toContain('how-to-refuse');
    expect(r.findings.find((f) => f.rule === 'how-to-refuse')!.message).toContain('어디서');
  });

  it('accepts a variable as the amount because it is filled from the cost model', () => {
    const r = check(GOOD.replace('약 15KB', '약 {{first_message_kb}}KB').replace('약 2KB', '약 {{later_message_kb}}KB'), 'ko');
    expect(r.missing).toEqual([]);
    expect(r.findings).toEqual([]);
  });

  it('warns when the data-charge sentence is not emphasised, pointing at that sentence', () => {
    const text = GOOD.replace('**알림톡을 받으면', '알림톡을 받으면').replace('2KB를 씁니다.**', '2KB를 씁니다.');
    const r = check(text, 'ko');
    const f = r.findings.find((x) => x.rule === 'emphasis')!;
    expect(f.severity).toBe('warning');
    expect(text.slice(f.start, f.end)).toBe('알림톡을 받으면 데이터 요금이 들 수 있습니다.');
    expect(r.satisfied.find((s) => s.rule === 'data-charges')!.emphasised).toBe(false);
  });

  it('flags advertising wording in an informational message, with its exact range', () => {
    const text = GOOD + '\n지금 구매하면 10% 할인 쿠폰을 드립니다!';
    const r = check(text, 'ko');
    const ads = r.findings.filter((f) => f.rule === 'advertising');
    expect(ads.map((f) => text.slice(f.start, f.end)).sort()).toEqual(['쿠폰', '지금 구매', '할인'].sort());
    expect(ads.every((f) => f.severity === 'error' && f.message.includes('(광고)'))).toBe(true);
  });

  it('words its findings with the particle each word takes, never "은(는)"', () => {
    const text = GOOD + '\n특가 쿠폰을 지금 구매하세요!';
    const byWord = new Map(check(text, 'ko').findings.filter((f) => f.rule === 'advertising').map((f) => [text.slice(f.start, f.end), f.message]));
    expect(byWord.get('특가')).toMatch(/^'특가'는 광고성 표현입니다/);
    expect(byWord.get('쿠폰')).toMatch(/^'쿠폰'은 광고성 표현입니다/);
    expect(byWord.get('지금 구매')).toMatch(/^'지금 구매'는 /);
    expect([...byWord.values()].some((m) => m.includes('(는)'))).toBe(false);
  });

  it('only warns about advertising wording when the message carries the (광고) label', () => {
    const r = check('(광고) ' + GOOD + '\n이벤트 안내', 'ko');
    const ads = r.findings.filter((f) => f.rule === 'advertising');
    expect(ads).toHaveLength(1);
    expect(ads[0]!.severity).toBe('warning');
  });

  it('does not flag advertising wording on the terms surface', () => {
    const r = check(GOOD + '\n이벤트 참여 조건은 따로 안내합니다.', 'ko', 'terms');
    expect(r.findings.filter((f) => f.rule === 'advertising')).toEqual([]);
  });

  it('flags an AlimTalk over 1,000 characters from the first character past the limit', () => {
    const filler = '\n\n' + '가'.repeat(1000);
    const text = GOOD + filler;
    const r = check(text, 'ko');
    const f = r.findings.find((x) => x.rule === 'alimtalk-length')!;
    expect(f.severity).toBe('error');
    expect(f.end).toBe(text.length);
    expect(check(text, 'ko', 'terms').findings.some((x) => x.rule === 'alimtalk-length')).toBe(false);
  });

  it('flags unknown variables with their range and suggests the closest known one', () => {
    const text = GOOD + '\n{{sender_nmae}} 드림';
    const r = check(text, 'ko');
    const f = r.findings.find((x) => x.rule === 'unknown-variable')!;
    expect(text.slice(f.start, f.end)).toBe('{{sender_nmae}}');
    expect(f.suggestion).toBe('{{sender_name}}');
    expect(errorRules(r)).toContain('unknown-variable');
  });

  it('flags jargon with a plainer alternative', () => {
    const text = GOOD + '\n수신 거부 시 불이익은 없습니다.';
    const r = check(text, 'ko');
    const f = r.findings.find((x) => x.rule === 'jargon')!;
    expect(text.slice(f.start, f.end)).toBe('수신 거부 시 불이익');
    expect(f.suggestion).toBe('알림을 끄면 생기는 일');
    expect(f.severity).toBe('warning');
  });

  it('requires the URL-use elements on the URL notice and not the AlimTalk ones', () => {
    const good = '**대화방에서 공유한 링크(URL)를 모아 검색 결과에 보여 줄 수 있습니다.**\n\n**원하지 않으면 설정 > 개인정보에서 끄면 됩니다.**';
    expect(check(good, 'ko', 'url-notice').missing).toEqual([]);
    const r = check('대화방 안내입니다.', 'ko', 'url-notice');
    expect(r.missing).toEqual(['url-use', 'how-to-refuse']);
  });

  it('reports every element missing from an empty text', () => {
    const r = check('', 'ko', 'consent-prompt');
    expect(r.missing).toEqual(['service-description', 'data-charges', 'how-to-refuse', 'refusal-consequences']);
    expect(r.readability.sentences).toBe(0);
  });
});

describe('Korean checks on texts written in other styles', () => {
  it('accept a formal notice written with honorifics and different wording', () => {
    const text = [
      '## 알림톡 수신 안내',
      '',
      '당사는 고객님께 결제와 배송에 관한 알림 메시지를 보내 드립니다.',
      '',
      '**메시지를 받으실 때 데이터 통화료가 부과될 수 있으며, 첫 메시지는 약 15KB, 이후 메시지는 건당 약 2KB입니다.**',
      '',
      '**수신을 원하지 않으시면 앱의 설정 메뉴에서 알림을 해제하실 수 있습니다.**',
      '수신을 거부하셔도 주문 내역은 앱에서 확인하실 수 있습니다.',
    ].join('\n');
    const r = check(text, 'ko', 'settings');
    expect(r.missing).toEqual([]);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // Plain-language advice still applies to the stiff wording.
    expect(r.findings.filter((f) => f.rule === 'jargon').map((f) => text.slice(f.start, f.end))).toEqual(['데이터 통화료', '부과될 수']);
    const hard = r.readability.indicators.find((i) => i.id === 'hard-word-share')!;
    expect(hard.ok).toBe(false);
  });

  it('do not take a claim that nothing is charged, without an amount, as the data-charge notice', () => {
    const text = '주문 소식을 알림톡으로 보내 드립니다. 데이터 요금은 걱정하지 않으셔도 됩니다.';
    const r = check(text, 'ko');
    expect(r.missing).toContain('data-charges');
  });
});
