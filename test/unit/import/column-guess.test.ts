import { describe, expect, it } from 'vitest';
import { guessMapping, normaliseHeader } from '../../../shared/import/column-guess.ts';

describe('the column mapper guess', () => {
  it('maps 바이트 to bytes (it was left unmapped)', () => {
    const guess = guessMapping(['발송일시', '수신번호', '발신프로필', '바이트'], ['2016/03/07 09:00:00', '010', '@shop', '2048']);
    expect(guess.columns).toMatchObject({ sent_at: '발송일시', recipient_id: '수신번호', sender_id: '발신프로필', bytes: '바이트' });
    expect(guess.timestampFormat).toBe('YYYY/MM/DD HH:mm:ss');
  });

  it('knows the Korean headers vendors and spreadsheets write', () => {
    const guess = guessMapping(['메시지번호', '전송시각', '수신자', '발신프로필키', '템플릿코드', '카테고리', '전송결과', '바이트 수', '통신망'], undefined);
    expect(guess).toMatchObject({
      kind: 'notifications',
      columns: {
        event_id: '메시지번호',
        sent_at: '전송시각',
        recipient_id: '수신자',
        sender_id: '발신프로필키',
        template_id: '템플릿코드',
        category: '카테고리',
        status: '전송결과',
        bytes: '바이트 수',
        network: '통신망',
      },
    });
  });

  it('matches English headers whatever their case, spacing or trailing unit', () => {
    const guess = guessMapping(['Message ID', 'Sent At', 'Phone Number', 'Sender Key', 'Message Type', 'Delivery Status', 'Size (bytes)'], ['x', '03/07/2016 09:00', '010', 's', 'ad', 'ok', '10']);
    expect(guess.columns).toEqual({
      event_id: 'Message ID',
      sent_at: 'Sent At',
      recipient_id: 'Phone Number',
      sender_id: 'Sender Key',
      category: 'Message Type',
      status: 'Delivery Status',
      bytes: 'Size (bytes)',
    });
    expect(guess.timestampFormat).toBe('MM/DD/YYYY HH:mm:ss');
  });

  it('guesses consent and URL files by their columns, with Korean time headers', () => {
    expect(guessMapping(['발생일시', '회원번호', '동작', '고지문버전'], undefined)).toMatchObject({
      kind: 'consent',
      columns: { occurred_at: '발생일시', recipient_id: '회원번호', action: '동작', disclosure_version: '고지문버전' },
    });
    expect(guessMapping(['일자', '링크주소', '행동', '크롤러'], undefined)).toMatchObject({
      kind: 'urls',
      columns: { occurred_at: '일자', url: '링크주소', action: '행동', engine: '크롤러' },
    });
  });

  it('never gives one column to two fields, and leaves unknown headers unmapped', () => {
    const guess = guessMapping(['date', 'date', 'memo'], undefined);
    expect(guess.columns).toEqual({ sent_at: 'date' });
    expect(normaliseHeader(' 발송 일시 ')).toBe('발송일시');
    expect(normaliseHeader('Size [KB]')).toBe('size');
  });
});
