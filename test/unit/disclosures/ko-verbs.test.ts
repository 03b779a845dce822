import { describe, expect, it } from 'vitest';
import { koreanVerbPattern, stemForms } from '../../../shared/disclosures/detect/ko-verbs.ts';

/** The part of `text` the verb pattern finds, or null. */
function find(verb: string, text: string): string | null {
  return new RegExp(koreanVerbPattern(verb), 'u').exec(text)?.[0] ?? null;
}

describe('the Korean stem + ending model', () => {
  it('conjugates stems by rule: infinitive contractions, the 하, 으 and 르 irregulars, merged endings and the past', () => {
    expect(stemForms('끄')).toEqual({ bare: '끄', merged: ['끈', '끌', '끕'], infinitive: ['꺼'], past: ['껐'] });
    expect(stemForms('거부하').infinitive).toEqual(['거부해', '거부하여']);
    expect(stemForms('누르').infinitive).toEqual(['눌러']);
    expect(stemForms('모으').infinitive).toEqual(['모아']);
    expect(stemForms('받')).toMatchObject({ merged: ['받은', '받을', '받습'], infinitive: ['받아'], past: ['받았'] });
    expect(stemForms('끊').infinitive).toEqual(['끊어']);
    expect(stemForms('알리').infinitive[0]).toBe('알려');
    expect(stemForms('되').infinitive[0]).toBe('돼');
    expect(stemForms('보내').infinitive).toEqual(['보내']);
  });

  it('finds 끄다 through conditional, concessive, honorific, future, formal and past endings', () => {
    for (const text of ['알림을 끄면', '알림을 꺼도', '알림을 끄더라도', '끄시면 됩니다', '끄셔도 됩니다', '끌 수 있습니다', '지금 끕니다', '어제 껐어요', '끄는 경우에는', '꺼 두세요', '끄실 수 있어요']) {
      expect(find('끄다', text), text).not.toBeNull();
    }
  });

  it('finds 하다 verbs and multi-word verbs through their endings', () => {
    expect(find('거부하다', '수신을 거부하더라도')).toBe('거부하');
    expect(find('거부하다', '거부해도 됩니다')).toBe('거부해');
    expect(find('거부하다', '거부하셔도 괜찮아요')).toBe('거부하');
    expect(find('거부하다', '수신거부하신 분')).toBe('거부하');
    expect(find('받지 않다', '알림을 받지 않으시면')).toBe('받지 않');
    expect(find('받지 않다', '받지않아도')).toBe('받지않아');
    expect(find('원치 않다', '원치 않는 경우')).toBe('원치 않');
    expect(find('동의하지 않다', '동의하지 않으셔도')).toBe('동의하지 않');
    expect(find('누르다', "'받지 않기'를 눌러 주세요")).toBe('눌러');
    expect(find('알리다', '배송 소식을 알려 드립니다')).toBe('알려');
  });

  it('does not take a stem inside another word, or a bare stem with no ending after it', () => {
    expect(find('끄다', '이끄는 대로')).toBeNull();
    expect(find('끄다', '꺼내 보세요')).toBeNull();
    expect(find('전하다', '안전하게 보관합니다')).toBeNull();
    expect(find('알리다', '알림을 보냅니다')).toBeNull();
    expect(find('받다', '주고받은 링크')).toBeNull();
  });
});
