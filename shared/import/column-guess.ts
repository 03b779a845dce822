/**
 * The column mapper's first guess: which header names mean which canonical field, in English and
 * Korean as vendors and spreadsheets write them. Headers are compared normalised (case, spaces,
 * `_ - . /` and a trailing unit in brackets ignored), so "Sent At", "sent_at" and "발송 일시" match alike.
 */
import type { GenericMapping } from '../contract/imports.ts';
import type { EventKind } from '../domain/canonical.ts';

/** Names of each field, most specific first (a name is taken by the first field that wants it). */
export const HEADER_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  event_id: ['event_id', 'id', 'message_id', 'msg_id', 'msgid', 'message_key', 'sid', 'uuid', '메시지id', '메시지번호', '메시지키', '발송번호', '일련번호', '이벤트id'],
  sent_at: [
    'sent_at', 'sent', 'send_at', 'send_time', 'sent_time', 'sent_date', 'send_date', 'send_datetime', 'requestdate', 'request_time',
    'timestamp', 'datetime', 'date', 'time',
    '발송일시', '발송시간', '발송시각', '발송일자', '전송일시', '전송시각', '전송시간', '전송일자', '보낸시간', '보낸일시', '요청일시', '요청시각', '일시', '시각', '날짜',
  ],
  occurred_at: ['occurred_at', 'occurred', 'event_time', 'timestamp', 'datetime', 'date', 'time', 'created_at', '발생일시', '발생시각', '처리일시', '변경일시', '요청일시', '일시', '시각', '날짜', '일자'],
  recipient_id: [
    'recipient_id', 'recipient', 'recipientno', 'recipient_no', 'receiver', 'to', 'to_number', 'phone', 'phone_number', 'mobile', 'msisdn', 'user', 'user_id', 'email',
    '수신번호', '수신자', '수신자번호', '수신자id', '받는사람', '휴대폰번호', '휴대전화번호', '전화번호', '연락처', '회원', '회원id', '회원번호',
  ],
  sender_id: [
    'sender_id', 'sender', 'sender_key', 'from', 'from_number', 'plusfriendid', 'profile', 'channel', 'channel_id',
    '발신프로필', '발신프로필키', '발신키', '발신자', '발신자id', '발신번호', '채널', '채널id', '플러스친구', '플러스친구id',
  ],
  template_id: ['template_id', 'template', 'templatecode', 'template_code', '템플릿', '템플릿id', '템플릿코드'],
  category: ['category', 'type', 'message_type', '카테고리', '분류', '유형', '종류', '메시지유형', '메시지종류'],
  status: ['status', 'result', 'messagestatus', 'delivery_status', 'state', '결과', '상태', '발송결과', '발송상태', '전송결과', '전송상태'],
  bytes: ['bytes', 'byte', 'size', 'size_bytes', 'message_size', 'msg_size', '바이트', '바이트수', '크기', '용량', '메시지크기', '데이터량', '데이터크기'],
  network: ['network', 'network_type', '망', '통신망', '네트워크', '네트워크유형'],
  action: ['action', 'event', '동작', '행동', '처리'],
  url: ['url', 'uri', 'link', 'href', '링크', '주소', 'url주소', '링크주소'],
  engine: ['engine', 'crawler', 'bot', '검색엔진', '엔진', '크롤러'],
  disclosure_version: ['disclosure_version', 'notice_version', '고지버전', '안내문버전', '고지문버전'],
  source: ['source', '경로', '출처', '유입경로'],
};

/** The fields the mapper offers for each kind of event. */
export const MAPPED_FIELDS: Readonly<Record<EventKind, readonly string[]>> = {
  notifications: ['event_id', 'sent_at', 'recipient_id', 'sender_id', 'template_id', 'category', 'status', 'bytes', 'network'],
  consent: ['event_id', 'occurred_at', 'recipient_id', 'sender_id', 'action', 'disclosure_version', 'source'],
  urls: ['event_id', 'occurred_at', 'url', 'action', 'recipient_id', 'engine'],
};

/** A header name as compared: NFC, lower case, a trailing "(unit)" or "[unit]" and separators dropped. */
export function normaliseHeader(name: string): string {
  return name
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/\s*[([][^)\]]*[)\]]\s*$/u, '')
    .replace(/[\s_\-./]+/gu, '');
}

/** Guesses a timestamp layout from a sample value. */
export function guessTimestampFormat(sample: string | undefined): string {
  const t = (sample ?? '').trim();
  if (/^\d{4}\/\d{1,2}\/\d{1,2}/.test(t)) return 'YYYY/MM/DD HH:mm:ss';
  if (/^\d{4}\.\s?\d{1,2}\.\s?\d{1,2}/.test(t)) return 'YYYY.MM.DD HH:mm:ss';
  if (/^\d{14}$/.test(t)) return 'YYYYMMDDHHmmss';
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-]\d{4}/.exec(t);
  if (m) return Number(m[1]) > 12 ? 'DD/MM/YYYY HH:mm:ss' : 'MM/DD/YYYY HH:mm:ss';
  return 'auto';
}

/** Guesses a column mapping from header names (English and Korean synonyms) and the first row. */
export function guessMapping(header: readonly string[], firstRow: readonly string[] | undefined): GenericMapping {
  const names = header.map(normaliseHeader);
  const find = (field: string, taken: ReadonlySet<number>) => {
    for (const name of HEADER_SYNONYMS[field] ?? [field]) {
      const wanted = normaliseHeader(name);
      const i = names.findIndex((n, index) => n === wanted && !taken.has(index));
      if (i !== -1) return i;
    }
    return -1;
  };
  const none = new Set<number>();
  const kind: EventKind = find('url', none) !== -1 ? 'urls' : find('action', none) !== -1 ? 'consent' : 'notifications';
  const taken = new Set<number>();
  const columns: Record<string, string> = {};
  for (const field of MAPPED_FIELDS[kind]) {
    const i = find(field, taken);
    if (i !== -1) {
      taken.add(i);
      columns[field] = header[i]!;
    }
  }
  const timeField = kind === 'notifications' ? 'sent_at' : 'occurred_at';
  const timeIndex = columns[timeField] ? header.indexOf(columns[timeField]) : -1;
  return { kind, columns, timestampFormat: guessTimestampFormat(timeIndex === -1 ? undefined : firstRow?.[timeIndex]), timeZone: null };
}
