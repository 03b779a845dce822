import path from 'node:path';
import { AppError } from '../../../shared/contract/errors.ts';
import type { GenericMapping, ImportEncoding, ImportPreview } from '../../../shared/contract/imports.ts';
import type { EventKind } from '../../../shared/domain/canonical.ts';
import type { Db } from '../db/connection.ts';
import { presetForHeader } from '../db/presets-repo.ts';
import { str } from './adapters/values.ts';
import { chooseAdapter } from './choose-adapter.ts';
import { prepareSource } from './read-records.ts';
import { openSource } from './source.ts';
import { kindFromFields } from './validate.ts';

const SYNONYMS: Record<string, string[]> = {
  event_id: ['event_id', 'id', 'message_id', 'messageid', 'msg_id', 'sid', '메시지id', '메시지 id', '일련번호'],
  sent_at: ['sent_at', 'sent', 'send_time', 'sent_date', 'sentdate', 'send_date', 'requestdate', 'timestamp', 'date', 'time', '발송일시', '발송시간', '발송 일시', '전송일시', '요청일시', '일시', '날짜'],
  occurred_at: ['occurred_at', 'timestamp', 'date', 'time', 'created_at', '일시', '날짜', '발생일시'],
  recipient_id: ['recipient_id', 'recipient', 'recipientno', 'to', 'phone', 'user', 'user_id', 'email', '수신번호', '수신자', '전화번호', '회원', '회원id'],
  sender_id: ['sender_id', 'sender', 'from', 'plusfriendid', 'channel', '발신프로필', '발신자', '발신번호', '채널'],
  template_id: ['template_id', 'template', 'templatecode', '템플릿', '템플릿코드'],
  category: ['category', 'type', '분류', '유형', '종류'],
  status: ['status', 'result', 'messagestatus', '결과', '상태', '발송결과'],
  bytes: ['bytes', 'size', '크기', '용량'],
  network: ['network', '망', '네트워크'],
  action: ['action', 'event', '동작', '행동'],
  url: ['url', 'link', 'href', '링크', '주소'],
  engine: ['engine', 'crawler', '검색엔진'],
  disclosure_version: ['disclosure_version', 'notice_version', '고지버전'],
  source: ['source', '경로', '출처'],
};

const FIELDS: Record<EventKind, string[]> = {
  notifications: ['event_id', 'sent_at', 'recipient_id', 'sender_id', 'template_id', 'category', 'status', 'bytes', 'network'],
  consent: ['event_id', 'occurred_at', 'recipient_id', 'sender_id', 'action', 'disclosure_version', 'source'],
  urls: ['event_id', 'occurred_at', 'url', 'action', 'recipient_id', 'engine'],
};

/** Guesses a timestamp layout from a sample value. */
function guessFormat(sample: string | undefined): string {
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
  const lower = header.map((h) => h.trim().toLowerCase());
  const find = (field: string, taken: Set<number>) => {
    for (const name of SYNONYMS[field] ?? [field]) {
      const i = lower.indexOf(name);
      if (i !== -1 && !taken.has(i)) return i;
    }
    return -1;
  };
  const probe = new Set<number>();
  const kind: EventKind = find('url', probe) !== -1 ? 'urls' : find('action', probe) !== -1 ? 'consent' : 'notifications';
  const taken = new Set<number>();
  const columns: Record<string, string> = {};
  for (const field of FIELDS[kind]) {
    const i = find(field, taken);
    if (i !== -1) {
      taken.add(i);
      columns[field] = header[i]!;
    }
  }
  const timeField = kind === 'notifications' ? 'sent_at' : 'occurred_at';
  const timeIndex = columns[timeField] ? header.indexOf(columns[timeField]) : -1;
  return { kind, columns, timestampFormat: guessFormat(timeIndex === -1 ? undefined : firstRow?.[timeIndex]), timeZone: null };
}

/** Reads the head of a file for the column mapper: format, encoding, adapter, first rows and a guess. */
export async function previewFile(db: Db | null, file: string, encoding: ImportEncoding, rows: number): Promise<ImportPreview> {
  const name = path.basename(file);
  const empty: ImportPreview = {
    file: name, format: null, encoding: null, adapter: null, kind: null, header: [], rows: [], guess: null, preset: null, error: null,
  };
  try {
    const prepared = await prepareSource(openSource(file), name, encoding);
    let header = prepared.header;
    let table = prepared.previewRows.slice(0, rows);
    if (prepared.sample.format === 'json') {
      const keys = [...new Set(prepared.sample.objects.flatMap((o) => Object.keys(o)))];
      header = keys;
      table = prepared.sample.objects.slice(0, rows).map((o) => keys.map((k) => str(o[k]) ?? ''));
    }
    let adapter: string | null = null;
    try {
      adapter = chooseAdapter(db, prepared, { adapter: 'auto', mapping: null }).adapter.name;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'unsupported-format')) throw error;
    }
    const preset = db && prepared.sample.format === 'csv' ? presetForHeader(db, header) : undefined;
    const kind = adapter === 'canonical' ? kindFromFields(header.map((h) => h.toLowerCase())) : null;
    return {
      ...empty,
      format: prepared.sample.format,
      encoding: prepared.encoding,
      adapter: preset && adapter === 'generic' ? 'generic' : adapter,
      kind,
      header,
      rows: table,
      guess: preset?.mapping ?? guessMapping(header, table[0]),
      preset: preset?.name ?? null,
    };
  } catch (error) {
    const e = error instanceof AppError ? error : new AppError('internal', error instanceof Error ? error.message : String(error));
    return { ...empty, error: { code: e.code, message: e.message } };
  }
}
