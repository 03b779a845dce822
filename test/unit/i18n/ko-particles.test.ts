import { describe, expect, it } from 'vitest';
import { finalConsonant, particle, resolveParticles } from '../../../shared/ko-particles.ts';
import { ko } from '../../../renderer/i18n/ko/index.ts';
import { translate } from '../../../renderer/i18n/translate.ts';

describe('Korean particles after a run-time value', () => {
  it('choose 은/는, 이/가, 을/를, 과/와 from the last syllable’s final consonant', () => {
    expect(resolveParticles("'특가'은(는) 광고성 표현입니다.")).toBe("'특가'는 광고성 표현입니다.");
    expect(resolveParticles("'할인'은(는) 광고성 표현입니다.")).toBe("'할인'은 광고성 표현입니다.");
    expect(particle('데이터', '이(가)')).toBe('가');
    expect(particle('요금', '이(가)')).toBe('이');
    expect(particle('“안내”', '을(를)')).toBe('를');
    expect(particle('“고지문”', '을(를)')).toBe('을');
    expect(particle('서울', '와(과)')).toBe('과');
    expect(particle('부산', '과(와)')).toBe('과');
    expect(particle('대구', '과(와)')).toBe('와');
  });

  it('choose (으)로 with ㄹ taking 로', () => {
    expect(particle('서울', '(으)로')).toBe('로');
    expect(particle('부산', '(으)로')).toBe('으로');
    expect(particle('대구', '(으)로')).toBe('로');
    expect(resolveParticles('파일(으)로 저장')).toBe('파일로 저장');
    expect(resolveParticles('문서(으)로 저장')).toBe('문서로 저장');
    expect(resolveParticles('엑셀 형식(으)로 저장')).toBe('엑셀 형식으로 저장');
  });

  it('read digits and Latin letters as they are spoken', () => {
    expect(finalConsonant('2016')).toBe('ㄱ'); // 육
    expect(particle('v2', '은(는)')).toBe('는'); // 이
    expect(particle('v3', '은(는)')).toBe('은'); // 삼
    expect(particle('7', '(으)로')).toBe('로'); // 칠
    expect(particle('URL', '을(를)')).toBe('을'); // 엘
    expect(particle('CSV', '을(를)')).toBe('를'); // 브이
    expect(particle('HTML', '(으)로')).toBe('로');
  });

  it('keep the written pair when the sound cannot be told', () => {
    expect(particle('😀', '은(는)')).toBe('은(는)');
    expect(resolveParticles('(는)')).toBe('(는)');
    expect(resolveParticles('괄호(설명) 없는 글')).toBe('괄호(설명) 없는 글');
  });

  it('resolve every pair of a text from the word before each', () => {
    expect(resolveParticles('워크스페이스 “보고서”을(를) 열었고 “요약”은(는) 닫았습니다.')).toBe('워크스페이스 “보고서”를 열었고 “요약”은 닫았습니다.');
  });
});

describe('the UI’s Korean messages', () => {
  it('take the particle their value needs, wherever a placeholder stands before one', () => {
    expect(translate('ko', 'common.workspace.created', { name: '정책검토' })).toBe('워크스페이스 정책검토를 만들었습니다.');
    expect(translate('ko', 'common.workspace.opened', { name: '2016년 점검' })).toBe('워크스페이스 2016년 점검을 열었습니다.');
    expect(translate('ko', 'common.settings.noZoneMatch', { query: '서울' })).toBe('“서울”과 일치하는 시간대가 없습니다.');
    expect(translate('ko', 'disclosures.list.confirmDelete', { title: '알림톡 안내' })).toMatch(/^“알림톡 안내”를 삭제할까요/);
  });

  it('write "workspace" one way: 워크스페이스', () => {
    const all = JSON.stringify(ko);
    expect(all).not.toMatch(/작업 ?공간|워크 스페이스/);
    expect(all).toContain('워크스페이스');
  });
});
